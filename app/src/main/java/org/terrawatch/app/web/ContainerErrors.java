package org.terrawatch.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.terrawatch.store.StoreBusy;

/**
 * Errors the servlet container hands to {@code /error} — a request the firewall rejected (encoded slashes, {@code ..}
 * segments), a path nothing serves, an exception no controller caught — answered in the protocol's own form of the
 * path that was asked for ({@link ProtocolErrors}) instead of Spring Boot's page. An internal failure is logged and
 * answered without its details; a store too busy to answer in time ({@link StoreBusy}: a lock another edit holds, no
 * free connection) is a 503 with {@code Retry-After}, for every interface alike.
 */
@Controller
public class ContainerErrors implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerErrors.class);
    private static final long RETRY_AFTER_SECONDS = 5;

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer n ? n : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s.substring(Math.min(s.length(), request.getContextPath().length())) : "/";
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == 500 && StoreBusy.causedBy(failure)) {
            LOG.warn("Request to {} gave up waiting for the store: {}", path, failure.getMessage());
            response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            ProtocolErrors.send(path, ProtocolErrors.parameter(request, "SERVICE"), ProtocolErrors.parameter(request, "VERSION"), response, 503,
                    "Service Unavailable", "The store is busy with other edits (a lock or a connection was not free in time); nothing was "
                            + "changed — try again in a few seconds");
            return;
        }
        if (status >= 500 && failure != null) {
            LOG.error("Request to {} failed", path, failure);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        ProtocolErrors.send(path, ProtocolErrors.parameter(request, "SERVICE"), ProtocolErrors.parameter(request, "VERSION"), response, status,
                title, detail(status, path, request));
    }

    private static String detail(int status, String path, HttpServletRequest request) {
        return switch (status) {
            case 400 -> "The request is malformed" + message(request);
            case 404 -> "Nothing is published at " + path;
            case 405 -> "This method is not allowed on " + path;
            case 413 -> "The request body is too large" + message(request);
            case 415 -> "This media type is not accepted on " + path;
            default -> status >= 500 ? "The server could not answer this request; the failure is logged" : "The request was refused" + message(request);
        };
    }

    private static String message(HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return message instanceof String text && !text.isBlank() ? ": " + text : "";
    }
}
