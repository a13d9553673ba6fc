package org.terrawatch.submission;

import java.util.Objects;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;

/**
 * A base layer departments hand in (data-dir {@code submissions.yml}): its published name, what it is, and the
 * department that hands it in (city rules, article 13).
 */
public record SubmittedLayer(String name, BaseLayerKind kind, String department) {

    public SubmittedLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(department, "department");
    }
}
