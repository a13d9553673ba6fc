package org.terrawatch.app.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.EntityTags;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.ogcapi.ItemEditing;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features Part 4 at {@code /ogc/collections/{id}/items}: POST creates (201 with Location), PUT
 * replaces, PATCH merges (application/merge-patch+json), DELETE removes — each 204 with the new ETag. A write
 * with {@code If-Match} applies only to that version (412 otherwise).
 */
@RestController
@RequestMapping("/ogc/collections/{id}/items")
public class OgcApiEditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ItemEditing editing;

    public OgcApiEditController(ItemEditing editing) {
        this.editing = editing;
    }

    @PostMapping
    public void create(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String featureId = editing.create(id, body(request), contentCrs(request), SignedIn.context(request, Channel.OGC_API));
        response.setStatus(201);
        response.setHeader("Location", request.getRequestURL().toString().replaceAll("/$", "") + "/" + featureId);
        etag(id, featureId, response);
    }

    @PutMapping("/{featureId}")
    public void replace(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        editing.replace(id, featureId, body(request), contentCrs(request), ifMatch(request), SignedIn.context(request, Channel.OGC_API));
        response.setStatus(204);
        etag(id, featureId, response);
    }

    @PatchMapping("/{featureId}")
    public void update(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        editing.update(id, featureId, body(request), contentCrs(request), ifMatch(request), SignedIn.context(request, Channel.OGC_API));
        response.setStatus(204);
        etag(id, featureId, response);
    }

    @DeleteMapping("/{featureId}")
    public void delete(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request,
                       HttpServletResponse response) {
        editing.delete(id, featureId, ifMatch(request), SignedIn.context(request, Channel.OGC_API));
        response.setStatus(204);
    }

    private void etag(String id, String featureId, HttpServletResponse response) {
        Long version = editing.version(id, featureId);
        if (version != null) {
            response.setHeader("ETag", EntityTags.of(version));
        }
    }

    /** The version If-Match names, or null; a tag that is not ours matches nothing: 412. */
    private static Long ifMatch(HttpServletRequest request) {
        try {
            return EntityTags.ifMatch(request).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, "If-Match", e.getMessage()).withStatus(412);
        }
    }

    private static Crs contentCrs(HttpServletRequest request) {
        String header = request.getHeader("Content-Crs");
        return header == null ? Crs.CRS84_LON_LAT : Crs.parse(header.strip().replaceAll("^<|>$", ""), true, "Content-Crs");
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readAllBytes(); // bounded by RequestBodyLimits
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw OwsException.invalid("body", "The body is not JSON: " + e.getOriginalMessage());
        }
    }
}
