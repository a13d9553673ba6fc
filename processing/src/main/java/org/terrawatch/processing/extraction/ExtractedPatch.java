package org.terrawatch.processing.extraction;

import org.terrawatch.change.ChangeDirection;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.NewPatch;

/**
 * A patch found by extraction.
 *
 * @param stored the stored patch (code, areas), or null when the run only looked
 */
public record ExtractedPatch(NewPatch patch, ChangeDirection direction, ChangePatch stored) {
}
