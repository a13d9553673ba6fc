package org.terrawatch.app.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for what it refuses before the application sees the request (a malformed request line,
 * an invalid character, a path that climbs out of the root): in the protocol's form of the path asked for, as
 * {@link ContainerErrors} answers what reaches the application, never Tomcat's HTML page.
 */
public class ContainerErrorReports extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // The request line may not have been parsed into the servlet request: read what the connector received.
        String raw = request.getCoyoteRequest().requestURI().toString();
        String path = raw == null || raw.isEmpty() ? "/" : raw;
        String query = request.getCoyoteRequest().queryString().toString();
        try {
            ProtocolErrors.send(path, parameter(query, "SERVICE"), parameter(query, "VERSION"), response, status,
                    status >= 500 ? "Internal Server Error" : "Bad Request",
                    status >= 500 ? "The server could not answer this request" : "The request is malformed and was refused before it was read");
        } catch (IOException | IllegalStateException e) {
            // The client has gone; nothing more can be said to it.
        }
    }

    /** A parameter of a query string the container may not have parsed, whatever its case; null when absent or garbled. */
    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
