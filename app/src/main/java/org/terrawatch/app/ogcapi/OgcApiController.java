package org.terrawatch.app.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.EntityTags;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.ogcapi.HtmlPages;
import org.terrawatch.ogcapi.ItemEditing;
import org.terrawatch.ogcapi.OgcApi;
import org.terrawatch.ogcapi.OpenApiDocument;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureTypeCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features at {@code /ogc}: a thin adapter from HTTP to {@link OgcApi}. The format is chosen by
 * {@code f}, else by an Accept header asking for HTML; errors are problem JSON (RFC 7807).
 */
@RestController
@RequestMapping("/ogc")
public class OgcApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OgcApi api;
    private final FeatureTypeCatalog catalog;
    private final ItemEditing editing;

    public OgcApiController(OgcApi api, FeatureTypeCatalog catalog, ItemEditing editing) {
        this.api = api;
        this.catalog = catalog;
        this.editing = editing;
    }

    @GetMapping({"", "/"})
    public void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        document("TerraWatch OGC API", api.landing(base(request)), request, response);
    }

    @GetMapping("/conformance")
    public void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        document("符合性 / Conformance", api.conformance(), request, response);
    }

    @GetMapping("/api")
    public void openApi(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, "application/vnd.oai.openapi+json;version=3.0", OpenApiDocument.of(api.visible(SignedIn.reader(request)), base(request)));
    }

    @GetMapping("/collections")
    public void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        document("数据集 / Collections", api.collections(base(request), SignedIn.reader(request)), request, response);
    }

    @GetMapping("/collections/{id}")
    public void collection(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        document(id, api.collection(id, base(request), SignedIn.reader(request)), request, response);
    }

    @GetMapping("/collections/{id}/queryables")
    public void queryables(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode schema = api.queryables(id, base(request), SignedIn.reader(request));
        if (wantsHtml(request)) {
            document(id + " queryables", schema, request, response);
        } else {
            send(response, "application/schema+json", schema);
        }
    }

    @GetMapping("/collections/{id}/items")
    public void items(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcApi.ItemsPage page = api.items(id, parameters(request, true), base(request), SignedIn.reader(request));
        stream(page, false, response);
    }

    @GetMapping("/collections/{id}/items/{featureId}")
    public void item(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        OgcApi.ItemsPage item = api.item(id, featureId, parameters(request, true), base(request), SignedIn.reader(request));
        Long version = editing.version(id, featureId);
        if (version != null) {
            response.setHeader("ETag", EntityTags.of(version));
        }
        stream(item, true, response);
    }

    private void stream(OgcApi.ItemsPage page, boolean single, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(page.html() ? "text/html; charset=UTF-8" : "application/geo+json");
        response.setHeader("Content-Crs", "<" + page.crs().uri() + ">");
        try (OutputStream out = response.getOutputStream()) {
            page.write(out, single);
        }
    }

    private static void document(String title, JsonNode document, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (wantsHtml(request)) {
            response.setContentType("text/html; charset=UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                HtmlPages.document(title, document, out);
            }
        } else {
            send(response, "application/json", document);
        }
    }

    static void send(HttpServletResponse response, String type, JsonNode body) throws IOException {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            JSON.writeValue(out, body);
        }
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            if (!f.equals("json") && !f.equals("html")) {
                throw OwsException.invalid("f", "f is json or html, not " + f);
            }
            return f.equals("html");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The query parameters; an Accept header asking for HTML counts as f=html when f is absent. */
    static Map<String, String> parameters(HttpServletRequest request, boolean negotiate) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        if (negotiate && !parameters.containsKey("f") && wantsHtml(request)) {
            parameters.put("f", "html");
        }
        return parameters;
    }

    private static String base(HttpServletRequest request) {
        return request.getRequestURL().toString().replaceAll("/ogc(/.*)?$", "/ogc");
    }
}
