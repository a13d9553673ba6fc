package org.terrawatch.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.ExceptionReport;
import org.terrawatch.ows.OwsException;
import org.terrawatch.wms.ServiceExceptions;
import org.terrawatch.wms.WmsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors raised outside a protocol's own controller (the filter chain: credentials, lock-out, cross-site writes) in
 * that protocol's form: an OWS ExceptionReport of the request's version on {@code /wfs}, a WMS ServiceExceptionReport
 * on {@code /wms}, an OWS 1.1 report on {@code /wps}, {@code /ows} by its SERVICE, problem JSON elsewhere. A 401
 * carries the Basic challenge.
 */
public final class ProtocolErrors {

    public static final String REALM = "TerraWatch";
    /** The WWW-Authenticate header of a 401 answer. */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProtocolErrors() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        send(request.getRequestURI().substring(request.getContextPath().length()), parameter(request, "SERVICE"),
                parameter(request, "VERSION"), response, status, title, detail);
    }

    /**
     * The same for a request known only by its path and the SERVICE and VERSION it named (null when unknown): a
     * request the servlet container refused before any controller saw it.
     */
    public static void send(String path, String service, String version, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        String endpoint = path.replaceFirst("^(/[^/]*).*$", "$1");
        boolean ows = endpoint.equals("/ows");
        try (OutputStream out = response.getOutputStream()) {
            if (endpoint.equals("/wms") || ows && "WMS".equalsIgnoreCase(service)) {
                String wmsVersion = version != null && version.startsWith("1.1") ? "1.1.1" : "1.3.0";
                ServiceExceptions.Form form = ServiceExceptions.Form.xml(wmsVersion);
                response.setContentType(ServiceExceptions.mediaType(form) + "; charset=UTF-8");
                ServiceExceptions.write(new WmsException(code(status).wireName(), null, detail, status), form, out);
            } else if (endpoint.equals("/wps") || ows && "WPS".equalsIgnoreCase(service)) {
                response.setContentType(ExceptionReport.MEDIA_TYPE + "; charset=UTF-8");
                ExceptionReport.writeOws11(new OwsException(code(status), null, detail), "1.0.0", out);
            } else if (endpoint.equals("/wfs") || ows) {
                response.setContentType(ExceptionReport.MEDIA_TYPE + "; charset=UTF-8");
                ExceptionReport.write(new OwsException(code(status), null, detail),
                        version != null && version.matches("[12]\\.[01]\\.0") ? version : "2.0.0", out);
            } else {
                problem(response, out, status, title, detail);
            }
        }
    }

    /** Problem JSON (RFC 7807), without a challenge: for the web UI's own sign-in, where a browser would show its password dialog. */
    public static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        problem(response, status, title, detail, null);
    }

    /** Problem JSON naming the request's field at fault ({@code "field"}), e.g. of an alert the intake refused. */
    public static void problem(HttpServletResponse response, int status, String title, String detail, String field) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        try (OutputStream out = response.getOutputStream()) {
            problem(response, out, status, title, detail, field);
        }
    }

    /** Problem JSON with the refusal's code ({@code "code"}, e.g. {@code UNKNOWN_LAYER}), for clients to translate. */
    public static void codedProblem(HttpServletResponse response, int status, String title, String detail, String code) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        try (OutputStream out = response.getOutputStream()) {
            problem(response, out, status, title, detail, "code", code);
        }
    }

    private static void problem(HttpServletResponse response, OutputStream out, int status, String title, String detail) throws IOException {
        problem(response, out, status, title, detail, null);
    }

    private static void problem(HttpServletResponse response, OutputStream out, int status, String title, String detail, String field)
            throws IOException {
        problem(response, out, status, title, detail, "field", field);
    }

    /** The problem's members, and one more ({@code field} at fault, or the refusal's {@code code}) when its value is given. */
    private static void problem(HttpServletResponse response, OutputStream out, int status, String title, String detail, String member,
                                String value) throws IOException {
        response.setContentType("application/problem+json");
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (value != null) {
            problem.put(member, value);
        }
        out.write(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The OWS code of a refusal: a processing failure for rights, a malformed request for a 400 the container raised,
     * none applicable for a missing sign-in, a limit or a failure.
     */
    private static ExceptionCode code(int status) {
        return switch (status) {
            case 403 -> ExceptionCode.OPERATION_PROCESSING_FAILED;
            case 400 -> ExceptionCode.INVALID_PARAMETER_VALUE;
            case 404 -> ExceptionCode.NOT_FOUND;
            default -> ExceptionCode.NO_APPLICABLE_CODE;
        };
    }

    /** A query parameter, whatever its case. */
    static String parameter(HttpServletRequest request, String name) {
        for (var entry : request.getParameterMap().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().length > 0) {
                return entry.getValue()[0];
            }
        }
        return null;
    }
}
