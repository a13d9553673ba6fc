package org.terrawatch.processing.extraction;

import java.util.ArrayList;
import java.util.List;
import org.terrawatch.change.DetectionSummary;

/**
 * What an extraction found.
 *
 * @param belowMinimum  changes dropped as smaller than their category's minimum mapping unit
 * @param outside       changes outside the requested area or every county of the monitored area
 * @param known         changes that patches of the same period already cover
 */
public record ExtractionResult(DetectionSummary detection, List<ExtractedPatch> patches, int belowMinimum, int outside, int known) {

    /** The detection's notes, and why no patch came of the changed areas it kept when none did. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(detection.notes());
        if (patches.isEmpty() && detection.kept() > 0) {
            notes.add(detection.kept() + " changed areas were found but none became a patch: " + belowMinimum
                    + " smaller than their category's minimum mapping unit, " + outside + " outside the area asked for or every "
                    + "county monitored, " + known + " already covered by patches of the same period");
        }
        return notes;
    }
}
