package org.terrawatch.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The media types a request body may come in, per endpoint, checked once for all: the OGC web services ({@code /wfs},
 * {@code /ows}, {@code /wps}) read XML — also when a client labels it as a form or plain text, as curl and older
 * clients do —, OGC API and the REST API read JSON (the REST API also multipart uploads; a camera list may be CSV). A body without a Content-Type
 * is taken for what the endpoint reads (Java's and many scripts' HTTP clients send none). Anything else is a 415 in
 * the protocol's form, before the body is read.
 */
public class RequestMediaTypes extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean carriesBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (carriesBody && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
            String expected = expected(path, type);
            if (expected != null) {
                ProtocolErrors.send(request, response, 415, "Unsupported Media Type",
                        "A body of type " + type + " is not accepted here"
                                + "; " + path + " reads " + expected);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** What the endpoint reads when it does not read this type, or null when it does. */
    static String expected(String path, String type) {
        if (type.isEmpty()) {
            return null;
        }
        if (path.equals("/wfs") || path.equals("/ows") || path.equals("/wps")) {
            return xml(type) || type.equals("application/x-www-form-urlencoded") || type.equals("text/plain")
                    ? null : "XML (application/xml or text/xml)";
        }
        if (path.startsWith("/ogc/")) {
            return json(type) ? null : "JSON (application/json, application/geo+json or application/merge-patch+json)";
        }
        if (path.equals("/api/cameras/import")) {
            return json(type) || type.equals("text/csv") ? null : "a camera list as CSV (text/csv) or GeoJSON (application/geo+json)";
        }
        if (path.startsWith("/api/")) {
            return json(type) || type.startsWith("multipart/form-data") ? null : "JSON (application/json) or a multipart upload";
        }
        return null;
    }

    private static boolean xml(String type) {
        return type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml");
    }

    private static boolean json(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }
}
