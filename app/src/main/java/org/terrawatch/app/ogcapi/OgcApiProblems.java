package org.terrawatch.app.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.ogcapi.ProcessException;
import org.terrawatch.ows.OwsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Errors of OGC API – Features (reads and Part 4 writes) and Processes as problem details (RFC 7807); a 401 carries the Basic challenge. */
@RestControllerAdvice(assignableTypes = {OgcApiController.class, OgcApiEditController.class, OgcApiProcessesController.class})
public class OgcApiProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ExceptionHandler(OwsException.class)
    public void problem(OwsException exception, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", exception instanceof ProcessException process ? process.type() : "about:blank");
        problem.put("title", exception.code().wireName());
        problem.put("status", exception.httpStatus());
        problem.put("detail", exception.getMessage());
        if (exception.locator() != null) {
            problem.put("parameter", exception.locator());
        }
        response.resetBuffer();
        response.setStatus(exception.httpStatus());
        if (exception.httpStatus() == 401) {
            response.setHeader("WWW-Authenticate", ProtocolErrors.CHALLENGE);
        }
        OgcApiController.send(response, mediaType(request.getHeader("Accept")), problem);
    }

    /**
     * Problem details go as {@code application/problem+json}, unless the client accepts only plain
     * {@code application/json} (as the Processes OpenAPI documents its errors): then the same document goes as that.
     */
    static String mediaType(String accept) {
        if (accept == null || accept.contains("problem+json") || accept.contains("*/*")
                || !accept.contains("application/json")) {
            return "application/problem+json";
        }
        return "application/json";
    }
}
