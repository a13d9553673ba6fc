package org.terrawatch.ogcapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.ows.OwsException;
import org.terrawatch.processing.BoundingBox;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessCatalogue;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.job.Job;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API - Processes 1.0 documents over the process catalogue, independent of any web framework: the process
 * list and descriptions (inputs and outputs as JSON schemas), execute requests read into process inputs, job
 * status and results. Errors are {@link OwsException}s, {@link ProcessException} where the standard names a type.
 */
public final class ProcessesApi {

    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

    /** At most this many processes in one list; also the list's size when no limit is given. */
    static final int MAX_LIMIT = 10_000;

    /** The members an execute request may have (Processes Part 1, execute.yaml). */
    private static final java.util.Set<String> EXECUTE_MEMBERS = java.util.Set.of("inputs", "outputs", "response", "subscriber");

    private final ProcessCatalogue catalogue;

    public ProcessesApi(ProcessCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Process process(String id) {
        return catalogue.find(id).orElseThrow(() -> ProcessException.noSuchProcess(id));
    }

    /** The process list, {@code limit} at a time from {@code offset} (Processes Part 1, /req/core/pl-limit-response). */
    public ObjectNode list(String base, Map<String, String> parameters) {
        int limit = parameters.containsKey("limit") ? (int) org.terrawatch.ows.Numbers.integer(parameters.get("limit"), "limit", 1, MAX_LIMIT) : MAX_LIMIT;
        int offset = parameters.containsKey("offset")
                ? (int) org.terrawatch.ows.Numbers.integer(parameters.get("offset"), "offset", 0, Integer.MAX_VALUE) : 0;
        List<Process> all = List.copyOf(catalogue.all());
        ObjectNode document = OgcApi.JSON.createObjectNode();
        ArrayNode processes = document.putArray("processes");
        all.stream().skip(offset).limit(limit).forEach(process -> processes.add(summary(process.description(), base)));
        ArrayNode links = document.putArray("links");
        String self = base + "/processes";
        Links.add(links, parameters.containsKey("limit") ? self + "?limit=" + limit + "&offset=" + offset : self, "self", "application/json", null);
        if (offset + limit < all.size()) {
            Links.add(links, self + "?limit=" + limit + "&offset=" + (offset + limit), "next", "application/json", null);
        }
        return document;
    }


    public ObjectNode describe(String id, String base) {
        ProcessDescription description = process(id).description();
        ObjectNode document = summary(description, base);
        ObjectNode inputs = document.putObject("inputs");
        for (Parameter input : description.inputs()) {
            parameter(inputs, input).put("minOccurs", input.minOccurs()).put("maxOccurs", input.maxOccurs());
        }
        ObjectNode outputs = document.putObject("outputs");
        for (Parameter output : description.outputs()) {
            parameter(outputs, output);
        }
        return document;
    }

    /** An input's or output's title, description and schema, under its id. */
    private static ObjectNode parameter(ObjectNode parent, Parameter parameter) {
        ObjectNode node = parent.putObject(parameter.id());
        node.put("title", parameter.title());
        if (parameter.description() != null) {
            node.put("description", parameter.description());
        }
        node.set("schema", schema(parameter));
        return node;
    }

    /**
     * An execute request's inputs: a literal as a JSON value; a bounding box as {@code {"bbox": [...], "crs": ...}}; a
     * document as a JSON object (JSON media types), a string (base64 for binary types), or {@code {"value": ..., "mediaType": ...}};
     * any input as {@code {"href": ..., "type": ...}} by reference.
     */
    public Map<String, List<Object>> inputs(ProcessDescription process, JsonNode request) {
        if (request == null || !request.isObject()) {
            throw OwsException.invalid("body", "An execute request is a JSON object with \"inputs\"");
        }
        for (String member : request.propertyNames()) {
            if (!EXECUTE_MEMBERS.contains(member)) {
                throw OwsException.invalid(member, "An execute request has inputs, outputs, response and subscriber, not " + member);
            }
        }
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        JsonNode given = request.path("inputs");
        if (!given.isMissingNode() && !given.isObject()) {
            throw OwsException.invalid("inputs", "\"inputs\" is an object of input ids");
        }
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            Parameter parameter = process.input(entry.getKey())
                    .orElseThrow(() -> OwsException.invalid(entry.getKey(), "The process " + process.id() + " has no input " + entry.getKey()));
            List<Object> values = new ArrayList<>();
            JsonNode value = entry.getValue();
            if (value.isArray() && parameter.kind() != org.terrawatch.processing.ValueKind.BOUNDING_BOX) {
                value.forEach(v -> values.add(value(parameter, v)));
            } else {
                values.add(value(parameter, value));
            }
            inputs.put(entry.getKey(), values);
        }
        return inputs;
    }

    /** Outputs asked for by the request's {@code outputs}, all when it names none. */
    public List<String> requestedOutputs(ProcessDescription process, JsonNode request) {
        List<String> wanted = new ArrayList<>();
        for (Iterator<String> names = request.path("outputs").propertyNames().iterator(); names.hasNext(); ) {
            String id = names.next();
            if (process.output(id).isEmpty()) {
                throw OwsException.invalid("outputs", "The process " + process.id() + " has no output " + id);
            }
            wanted.add(id);
        }
        return wanted;
    }

    /** The results document: each output's value, inline. */
    public ObjectNode results(ProcessDescription process, ProcessOutputs outputs, List<String> wanted) {
        ObjectNode results = OgcApi.JSON.createObjectNode();
        for (Parameter parameter : process.outputs()) {
            Object value = outputs.get(parameter.id());
            if (value != null && (wanted.isEmpty() || wanted.contains(parameter.id()))) {
                results.set(parameter.id(), encode(value));
            }
        }
        return results;
    }

    public ObjectNode status(Job job, String base) {
        ObjectNode status = OgcApi.JSON.createObjectNode();
        status.put("jobID", job.id());
        status.put("processID", job.processId());
        status.put("type", "process");
        status.put("status", job.status().code());
        status.put("message", job.message());
        status.put("created", job.createdAt().toString());
        if (job.startedAt() != null) {
            status.put("started", job.startedAt().toString());
        }
        if (job.finishedAt() != null) {
            status.put("finished", job.finishedAt().toString());
        }
        status.put("updated", job.updatedAt().toString());
        status.put("progress", job.progress());
        ArrayNode links = status.putArray("links");
        Links.add(links, base + "/jobs/" + job.id(), "self", "application/json", null);
        if (job.status() == org.terrawatch.processing.job.JobStatus.ACCEPTED || job.status() == org.terrawatch.processing.job.JobStatus.RUNNING) {
            // Where to follow a job still under way (clients, the OGC test suite among them, poll the monitor link).
            Links.add(links, base + "/jobs/" + job.id(), "monitor", "application/json", "status");
        }
        if (job.status() == org.terrawatch.processing.job.JobStatus.SUCCESSFUL) {
            Links.add(links, base + "/jobs/" + job.id() + "/results", REL + "results", "application/json", "results");
        }
        return status;
    }

    public ObjectNode jobs(List<Job> jobs, String base) {
        ObjectNode document = OgcApi.JSON.createObjectNode();
        ArrayNode list = document.putArray("jobs");
        jobs.forEach(job -> list.add(status(job, base)));
        Links.add(document.putArray("links"), base + "/jobs", "self", "application/json", null);
        return document;
    }

    /** Validates the inputs, turning a refusal into a 400 naming the input. */
    public static ProcessInputs validate(ProcessDescription process, Map<String, List<Object>> inputs) {
        try {
            return ProcessInputs.validate(process, inputs);
        } catch (ProcessFailure e) {
            throw e.toOwsException();
        }
    }

    private ObjectNode summary(ProcessDescription description, String base) {
        ObjectNode summary = OgcApi.JSON.createObjectNode();
        summary.put("id", description.id());
        summary.put("title", description.title());
        summary.put("description", description.description());
        summary.put("version", description.version());
        ArrayNode control = summary.putArray("jobControlOptions");
        control.add("sync-execute");
        control.add("async-execute");
        control.add("dismiss");
        ArrayNode transmission = summary.putArray("outputTransmission");
        transmission.add("value");
        ArrayNode links = summary.putArray("links");
        Links.add(links, base + "/processes/" + description.id(), "self", "application/json", description.title());
        Links.add(links, base + "/processes/" + description.id() + "/execution", REL + "execute", "application/json", "execute");
        return summary;
    }

    private static ObjectNode schema(Parameter parameter) {
        ObjectNode schema = OgcApi.JSON.createObjectNode();
        switch (parameter.kind()) {
            case LITERAL -> {
                String type = parameter.dataType() == null ? "string" : parameter.dataType();
                switch (type) {
                    case "integer" -> schema.put("type", "integer");
                    case "double" -> schema.put("type", "number");
                    case "boolean" -> schema.put("type", "boolean");
                    case "date" -> {
                        schema.put("type", "string");
                        schema.put("format", "date");
                    }
                    default -> schema.put("type", "string");
                }
                if (!parameter.allowedValues().isEmpty()) {
                    ArrayNode values = schema.putArray("enum");
                    parameter.allowedValues().forEach(values::add);
                }
                if (parameter.defaultValue() != null) {
                    switch (schema.get("type").asString()) {
                        case "integer" -> schema.put("default", Long.parseLong(parameter.defaultValue()));
                        case "number" -> schema.put("default", Double.parseDouble(parameter.defaultValue()));
                        case "boolean" -> schema.put("default", Boolean.parseBoolean(parameter.defaultValue()));
                        default -> schema.put("default", parameter.defaultValue());
                    }
                }
            }
            case BOUNDING_BOX -> {
                // as Processes Part 1 writes a bounding box (/req/ogc-process-description/bbox): format ogc-bbox, then the shape
                ArrayNode allOf = schema.putArray("allOf");
                allOf.addObject().put("format", "ogc-bbox");
                ObjectNode shape = allOf.addObject();
                shape.put("type", "object");
                shape.putArray("required").add("bbox");
                ObjectNode properties = shape.putObject("properties");
                ObjectNode bbox = properties.putObject("bbox");
                bbox.put("type", "array");
                bbox.put("minItems", 4);
                bbox.put("maxItems", 4);
                bbox.putObject("items").put("type", "number");
                ObjectNode crs = properties.putObject("crs");
                crs.put("type", "string");
                crs.put("format", "uri");
                crs.put("default", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            }
            case COMPLEX -> {
                ArrayNode oneOf = schema.putArray("oneOf");
                for (String mediaType : parameter.mediaTypes()) {
                    ObjectNode option = oneOf.addObject();
                    if (mediaType.contains("json")) {
                        option.put("type", "object");
                    } else {
                        option.put("type", "string");
                        if (mediaType.startsWith("image/")) {
                            option.put("contentEncoding", "base64");
                        }
                    }
                    option.put("contentMediaType", mediaType);
                }
            }
            default -> throw new IllegalStateException();
        }
        return schema;
    }

    private static Object value(Parameter parameter, JsonNode value) {
        if (value.isObject() && value.has("href")) {
            return new Reference(value.get("href").asString(), value.path("type").isString() ? value.get("type").asString() : null);
        }
        if (value.isObject() && value.path("type").isString() && value.get("type").asString().contains("/") && !value.has("value")) {
            // a media type ("type" of a link, never a GeoJSON type) without the href it would describe
            String mediaType = value.get("type").asString();
            throw OwsException.invalid(parameter.id(), parameter.mediaTypes().contains(mediaType)
                    ? "Input " + parameter.id() + " names its media type " + mediaType + " but neither an href nor a value"
                    : "Input " + parameter.id() + " is " + String.join(", ", parameter.mediaTypes()) + ", not " + mediaType);
        }
        switch (parameter.kind()) {
            case BOUNDING_BOX -> {
                JsonNode bbox = value.path("bbox");
                if (!bbox.isArray() || bbox.size() != 4 && bbox.size() != 6) {
                    throw OwsException.invalid(parameter.id(), "A bounding box is {\"bbox\": [minx, miny, maxx, maxy], \"crs\": ...}");
                }
                int half = bbox.size() / 2;
                double[] lower = new double[half];
                double[] upper = new double[half];
                for (int i = 0; i < half; i++) {
                    lower[i] = bbox.get(i).asDouble();
                    upper[i] = bbox.get(half + i).asDouble();
                }
                String crs = value.path("crs").isString() ? value.get("crs").asString() : null;
                try {
                    return new BoundingBox(lower, upper, crs);
                } catch (IllegalArgumentException e) {
                    throw OwsException.invalid(parameter.id(), e.getMessage());
                }
            }
            case COMPLEX -> {
                String defaultType = parameter.mediaTypes().isEmpty() ? "application/json" : parameter.mediaTypes().get(0);
                if (value.isObject() && value.has("value")) {
                    String type = value.path("mediaType").isString() ? value.get("mediaType").asString() : defaultType;
                    JsonNode inner = value.get("value");
                    return complex(type, inner);
                }
                return complex(value.isString() ? nonJsonType(parameter, defaultType) : defaultType, value);
            }
            default -> {
                if (value.isObject() && value.has("value")) {
                    value = value.get("value");
                }
                if (value.isContainer()) {
                    throw OwsException.invalid(parameter.id(), "The input " + parameter.id() + " is a single " + parameter.dataType());
                }
                return value.asString();
            }
        }
    }

    /** A complex value; one declared JSON always holds JSON (a string that is no JSON document is a JSON string). */
    private static ComplexValue complex(String mediaType, JsonNode value) {
        if (value.isString()) {
            if (mediaType.contains("json") && !isJson(value.asString())) {
                return ComplexValue.text(mediaType, OgcApi.JSON.writeValueAsString(value));
            }
            return new ComplexValue(mediaType, value.asString(), mediaType.startsWith("image/") || mediaType.contains("octet"));
        }
        return ComplexValue.text(mediaType, OgcApi.JSON.writeValueAsString(value));
    }

    private static boolean isJson(String text) {
        try {
            OgcApi.JSON.readTree(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String nonJsonType(Parameter parameter, String fallback) {
        return parameter.mediaTypes().stream().filter(t -> !t.contains("json")).findFirst().orElse(fallback);
    }

    static JsonNode encode(Object value) {
        if (value instanceof BoundingBox box) {
            ObjectNode node = OgcApi.JSON.createObjectNode();
            ArrayNode bbox = node.putArray("bbox");
            for (double v : box.lower()) {
                bbox.add(v);
            }
            for (double v : box.upper()) {
                bbox.add(v);
            }
            if (box.crs() != null) {
                node.put("crs", box.crs());
            }
            return node;
        }
        if (value instanceof ComplexValue complex) {
            if (complex.isJson()) {
                return OgcApi.JSON.readTree(complex.text());
            }
            ObjectNode node = OgcApi.JSON.createObjectNode();
            node.put("value", complex.text());
            node.put("mediaType", complex.mediaType());
            if (complex.base64()) {
                node.put("encoding", "base64");
            }
            return node;
        }
        return OgcApi.JSON.valueToTree(value);
    }
}
