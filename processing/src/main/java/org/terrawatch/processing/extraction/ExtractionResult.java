package org.terrawatch.processing.extraction;

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
}
