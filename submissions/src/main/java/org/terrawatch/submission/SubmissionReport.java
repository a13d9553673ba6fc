package org.terrawatch.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one submission: how the file was read (format, encoding and how it was told, CRS and where it came
 * from), which of its fields filled which field of the layer and which filled nothing, and every feature's outcome.
 * Kept with the submission as JSON; downloadable as CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese).
 */
public record SubmissionReport(String format, String encoding, String crs, String crsSource, Map<String, String> fields,
                               List<String> unmapped, List<FeatureOutcome> features) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SubmissionReport {
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** The report of a file refused before its features were looked at. */
    static SubmissionReport empty() {
        return new SubmissionReport(null, null, null, null, Map.of(), List.of(), List.of());
    }

    public long count(FeatureOutcome.Status status) {
        return features.stream().filter(f -> f.status() == status).count();
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    public static SubmissionReport fromJson(String json) {
        return JSON.readValue(json, SubmissionReport.class);
    }

    /** One row per feature: number, label, status, code, message. */
    public String csv() {
        StringBuilder csv = new StringBuilder("\uFEFFnumber,label,status,code,message\r\n");
        for (FeatureOutcome f : features) {
            csv.append(f.number()).append(',').append(quoted(f.label())).append(',').append(f.status()).append(',')
                    .append(f.code() == null ? "" : f.code()).append(',').append(quoted(f.message())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The first refused features' lines, for a refusal's message. */
    List<String> firstRefusals(int at) {
        List<String> lines = new ArrayList<>();
        for (FeatureOutcome f : features) {
            if (f.status() == FeatureOutcome.Status.REFUSED && lines.size() < at) {
                lines.add("feature " + f.number() + (f.label() == null ? "" : " (" + f.label() + ")") + ": " + f.message());
            }
        }
        return lines;
    }
}
