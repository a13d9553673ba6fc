package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.ExceptionReport;
import org.terrawatch.ows.OwsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors raised outside a protocol's own controller (authentication) written in that protocol's form: an
 * OWS ExceptionReport of the request's version on {@code /ows} and {@code /wfs}, problem JSON elsewhere.
 * A 401 carries the Basic challenge.
 */
public final class ProtocolErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProtocolErrors() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", HttpBasicAuthentication.CHALLENGE);
        }
        String path = request.getRequestURI();
        try (OutputStream out = response.getOutputStream()) {
            if (path.startsWith("/ows") || path.startsWith("/wfs")) {
                response.setContentType(ExceptionReport.MEDIA_TYPE + "; charset=UTF-8");
                String version = request.getParameter("VERSION") == null ? request.getParameter("version") : request.getParameter("VERSION");
                ExceptionReport.write(new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, null, detail),
                        version != null && version.matches("[12]\\.[01]\\.0") ? version : "2.0.0", out);
            } else {
                response.setContentType("application/problem+json");
                ObjectNode problem = JSON.createObjectNode();
                problem.put("type", "about:blank");
                problem.put("title", title);
                problem.put("status", status);
                problem.put("detail", detail);
                out.write(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
