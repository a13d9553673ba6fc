package org.terrawatch.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.query.LayerDefinition;

/** The published layers ({@code layers.yml} of the data directory). */
@ConfigurationProperties("terrawatch")
public record LayerProperties(@DefaultValue List<LayerDefinition> layers) {
}
