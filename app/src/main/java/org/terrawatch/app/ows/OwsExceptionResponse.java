package org.terrawatch.app.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.ows.ExceptionReport;
import org.terrawatch.ows.OwsException;

/**
 * An OWS exception sent as the service's ExceptionReport, with the exception's HTTP status (and the Basic challenge
 * with a 401); whatever was buffered of the answer is dropped. WFS and WPS each write the report of their version.
 */
public final class OwsExceptionResponse {

    /** Writes the report body. */
    @FunctionalInterface
    public interface Report {
        void writeTo(OutputStream out);
    }

    private OwsExceptionResponse() {
    }

    public static void send(OwsException exception, HttpServletResponse response, Report report) throws IOException {
        response.resetBuffer();
        response.setStatus(exception.httpStatus());
        if (exception.httpStatus() == 401) {
            response.setHeader("WWW-Authenticate", ProtocolErrors.CHALLENGE);
        }
        response.setContentType(ExceptionReport.MEDIA_TYPE + "; charset=UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            report.writeTo(out);
        }
    }
}
