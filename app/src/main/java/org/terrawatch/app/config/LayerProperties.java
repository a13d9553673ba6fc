package org.terrawatch.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.query.LayerDefinition;
import org.terrawatch.query.Namespace;

/**
 * The published layers ({@code layers.yml} of the data directory).
 *
 * @param namespace the XML namespace they are published in and its prefix; {@code terrawatch} when not given
 */
@ConfigurationProperties("terrawatch")
public record LayerProperties(@DefaultValue List<LayerDefinition> layers, Namespace namespace) {

    public Namespace published() {
        return namespace == null ? Namespace.TERRAWATCH : namespace;
    }
}
