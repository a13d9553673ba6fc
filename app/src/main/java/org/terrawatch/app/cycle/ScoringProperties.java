package org.terrawatch.app.cycle;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.cycle.ScoringRules;

/**
 * The yearly scoring's rules ({@code terrawatch.scoring} in {@code <data-dir>/scoring.yml}); an item not named keeps its
 * default points ({@link ScoringRules#DEFAULTS}).
 */
@ConfigurationProperties("terrawatch.scoring")
public record ScoringProperties(@DefaultValue("100") double base, @DefaultValue("24h") Duration acceptWithin,
                                @DefaultValue Map<String, Double> points) {

    public ScoringRules rules() {
        Map<String, Double> merged = new java.util.HashMap<>(ScoringRules.DEFAULTS.points());
        merged.putAll(points);
        return new ScoringRules(base, acceptWithin, merged);
    }
}
