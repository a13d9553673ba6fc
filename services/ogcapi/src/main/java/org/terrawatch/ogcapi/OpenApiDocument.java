package org.terrawatch.ogcapi;

import java.util.List;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI 3.0 definition of this API ({@code service-desc} of the landing page). */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /** @param types the collections the caller may read */
    public static ObjectNode of(java.util.Collection<FeatureType> types, String base) {
        ObjectNode api = OgcApi.JSON.createObjectNode();
        api.put("openapi", "3.0.3");
        ObjectNode info = api.putObject("info");
        info.put("title", "TerraWatch OGC API – Features");
        info.put("version", "1.0.0");
        info.put("description", "变化图斑、视频预警、处置工单与基础数据 / monitoring layers of TerraWatch");
        api.putArray("servers").addObject().put("url", base);
        ObjectNode paths = api.putObject("paths");
        get(paths, "/", "landingPage", "Landing page", List.of("f"));
        get(paths, "/conformance", "getConformance", "Conformance classes", List.of("f"));
        get(paths, "/api", "getApi", "This API definition", List.of());
        get(paths, "/collections", "getCollections", "Feature collections", List.of("f"));
        get(paths, "/collections/{collectionId}", "describeCollection", "One collection", List.of("collectionId", "f"));
        get(paths, "/collections/{collectionId}/queryables", "getQueryables", "The properties a filter may name (JSON Schema)",
                List.of("collectionId", "f"));
        get(paths, "/collections/{collectionId}/items", "getFeatures", "Features of a collection",
                List.of("collectionId", "limit", "offset", "bbox", "bbox-crs", "datetime", "properties", "crs", "filter", "filter-lang",
                        "filter-crs", "f"));
        get(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature", List.of("collectionId", "featureId", "crs", "f"));
        write(paths, "post", "/collections/{collectionId}/items", "createFeature", "Create a feature (Part 4; writable collections)",
                "application/geo+json", "201");
        write(paths, "put", "/collections/{collectionId}/items/{featureId}", "replaceFeature", "Replace a feature (If-Match: its ETag)",
                "application/geo+json", "204");
        write(paths, "patch", "/collections/{collectionId}/items/{featureId}", "updateFeature",
                "Change some properties (JSON merge patch; If-Match: its ETag)", "application/merge-patch+json", "204");
        write(paths, "delete", "/collections/{collectionId}/items/{featureId}", "deleteFeature", "Delete a feature (If-Match: its ETag)",
                null, "204");
        get(paths, "/processes", "getProcesses", "Processes (OGC API - Processes)", List.of());
        get(paths, "/processes/{processID}", "getProcessDescription", "One process: its inputs and outputs", List.of("processID"));
        ObjectNode execute = paths.putObject("/processes/{processID}/execution").putObject("post");
        execute.put("operationId", "execute");
        execute.put("summary", "Run a process: synchronously, or with 'Prefer: respond-async' as a job (201, Location)");
        execute.putArray("parameters").addObject().put("$ref", "#/components/parameters/processID");
        execute.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("type", "object");
        ObjectNode executed = execute.putObject("responses");
        executed.putObject("200").put("description", "Results (document or the raw output)");
        executed.putObject("201").put("description", "Job created (statusInfo, Location)");
        executed.putObject("400").put("description", "Bad inputs (problem JSON)");
        executed.putObject("401").put("description", "Sign in (HTTP Basic): the run changes stored data");
        executed.putObject("404").put("description", "No such process (problem JSON)");
        get(paths, "/jobs", "getJobs", "Jobs, latest first", List.of());
        get(paths, "/jobs/{jobId}", "getStatus", "A job's status and progress", List.of("jobId"));
        get(paths, "/jobs/{jobId}/results", "getResult", "A finished job's results", List.of("jobId"));
        ObjectNode dismiss = ((ObjectNode) paths.get("/jobs/{jobId}")).putObject("delete");
        dismiss.put("operationId", "dismiss");
        dismiss.put("summary", "Dismiss a job: it stops, its results are dropped");
        dismiss.putArray("parameters").addObject().put("$ref", "#/components/parameters/jobId");
        dismiss.putObject("responses").putObject("200").put("description", "statusInfo, dismissed");
        ObjectNode components = api.putObject("components");
        components.putObject("securitySchemes").putObject("basicAuth").put("type", "http").put("scheme", "basic");
        ObjectNode parameters = components.putObject("parameters");
        ArrayNode ids = parameter(parameters, "collectionId", "path", "string", "Collection identifier").withArray("/schema/enum");
        for (FeatureType type : types) {
            ids.add(type.name());
        }
        parameter(parameters, "featureId", "path", "string", "Feature identifier");
        parameter(parameters, "processID", "path", "string", "Process identifier");
        parameter(parameters, "jobId", "path", "string", "Job identifier");
        ObjectNode limit = parameter(parameters, "limit", "query", "integer", "Page size");
        ((ObjectNode) limit.get("schema")).put("minimum", 1).put("maximum", ItemsRequest.MAX_LIMIT).put("default", ItemsRequest.DEFAULT_LIMIT);
        parameter(parameters, "offset", "query", "integer", "Features to skip (used by next links)");
        ObjectNode bbox = parameter(parameters, "bbox", "query", "array", "minx,miny,maxx,maxy in bbox-crs (CRS84 by default)");
        ((ObjectNode) bbox.get("schema")).put("minItems", 4).put("maxItems", 6).putObject("items").put("type", "number");
        parameter(parameters, "bbox-crs", "query", "string", "CRS of bbox (OGC URI)");
        parameter(parameters, "datetime", "query", "string", "Instant or interval (RFC 3339, '..' for open ends)");
        parameter(parameters, "properties", "query", "string", "Comma-separated properties to return");
        parameter(parameters, "crs", "query", "string", "CRS of the response geometries (OGC URI)");
        parameter(parameters, "filter", "query", "string", "CQL2 filter, text or JSON (filter-lang)");
        ArrayNode languages = parameter(parameters, "filter-lang", "query", "string", "Filter language").withArray("/schema/enum");
        languages.add("cql2-text").add("cql2-json");
        parameter(parameters, "filter-crs", "query", "string", "CRS of geometries in the filter (OGC URI)");
        ArrayNode formats = parameter(parameters, "f", "query", "string", "Format").withArray("/schema/enum");
        formats.add("json").add("html");
        return api;
    }

    private static void get(ObjectNode paths, String path, String operationId, String summary, List<String> parameters) {
        ObjectNode operation = paths.putObject(path).putObject("get");
        operation.put("operationId", operationId);
        operation.put("summary", summary);
        ArrayNode refs = operation.putArray("parameters");
        parameters.forEach(p -> refs.addObject().put("$ref", "#/components/parameters/" + p));
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("200").put("description", "OK");
        responses.putObject("400").put("description", "Bad request (problem JSON)");
        responses.putObject("404").put("description", "Not found (problem JSON)");
    }

    /** A Part 4 operation: signed in with HTTP Basic, refused by the workflow or a stale ETag in problem JSON. */
    private static void write(ObjectNode paths, String method, String path, String operationId, String summary, String body,
                              String success) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode operation = item.putObject(method);
        operation.put("operationId", operationId);
        operation.put("summary", summary);
        operation.putArray("security").addObject().putArray("basicAuth");
        ArrayNode refs = operation.putArray("parameters");
        refs.addObject().put("$ref", "#/components/parameters/collectionId");
        if (path.endsWith("{featureId}")) {
            refs.addObject().put("$ref", "#/components/parameters/featureId");
        }
        if (body != null) {
            ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
            content.putObject(body).putObject("schema").put("type", "object");
        }
        ObjectNode responses = operation.putObject("responses");
        responses.putObject(success).put("description", success.equals("201") ? "Created (Location, ETag)" : "Done (ETag)");
        responses.putObject("401").put("description", "Sign in (HTTP Basic)");
        responses.putObject("403").put("description", "The user lacks the role or right (problem JSON)");
        responses.putObject("412").put("description", "The ETag in If-Match is stale (problem JSON)");
        responses.putObject("422").put("description", "Refused by the workflow (problem JSON)");
        responses.putObject("423").put("description", "Locked by a WFS lock (problem JSON)");
    }

    private static ObjectNode parameter(ObjectNode parameters, String name, String in, String type, String description) {
        ObjectNode parameter = parameters.putObject(name);
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", in.equals("path"));
        parameter.put("description", description);
        if (in.equals("query")) {
            parameter.put("style", "form").put("explode", false); // as Features Part 1 writes its parameters (and its suite checks)
        }
        parameter.putObject("schema").put("type", type);
        return parameter;
    }
}
