package org.terrawatch.wps;

import java.util.List;
import java.util.Map;

/**
 * A WPS 1.0.0 Execute request, from KVP or XML.
 *
 * @param inputs per input id: Strings for literals, BoundingBoxes, ComplexValues or References
 * @param form   how to answer
 */
public record ExecuteRequest(String identifier, Map<String, List<Object>> inputs, ResponseForm form) {

    /**
     * How the client wants the answer.
     *
     * @param rawOutput     the one output to send as is (RawDataOutput), or null for a response document
     * @param store         storeExecuteResponse: answer at once with a status location, run in the background
     * @param status        whether the stored document reports progress
     * @param lineage       whether the document repeats the inputs and output definitions
     * @param outputs       the outputs wanted in the document (all when empty)
     */
    public record ResponseForm(String rawOutput, String rawMimeType, boolean store, boolean status, boolean lineage, List<OutputRequest> outputs) {

        public static final ResponseForm DEFAULT = new ResponseForm(null, null, false, false, false, List.of());
    }

    /** An output asked for in a response document, inline or as a reference to fetch later. */
    public record OutputRequest(String identifier, boolean asReference, String mimeType) {
    }
}
