package org.terrawatch.app.wms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.ows.Kvp;
import org.terrawatch.wms.ServiceExceptions;
import org.terrawatch.wms.WmsException;
import org.terrawatch.wms.WmsResponse;
import org.terrawatch.wms.WmsService;

/**
 * The WMS at {@code /wms} (and {@code /ows?SERVICE=WMS}): a thin adapter; failures answered as the request's
 * EXCEPTIONS asks — a ServiceExceptionReport, or the message in an image.
 */
@RestController
public class WmsController {

    private final WmsService wms;

    public WmsController(WmsService wms) {
        this.wms = wms;
    }

    @GetMapping("/wms")
    public void wms(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(Kvp.of(request.getParameterMap()), request, response);
    }

    /** Answers one WMS request; used by {@code /ows} too. */
    public void serve(Kvp kvp, HttpServletRequest request, HttpServletResponse response) throws IOException {
        WmsResponse answer;
        try {
            answer = wms.handle(kvp, request.getRequestURL().toString(), SignedIn.reader(request));
        } catch (WmsException e) {
            ServiceExceptions.Form form = wms.exceptionForm(kvp);
            response.setStatus(ServiceExceptions.status(e, form));
            if (e.httpStatus() == 401) {
                response.setHeader("WWW-Authenticate", ProtocolErrors.CHALLENGE);
            }
            String type = ServiceExceptions.mediaType(form);
            response.setContentType(type.startsWith("image/") ? type : type + "; charset=UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                ServiceExceptions.write(e, form, out);
            }
            return;
        }
        response.setStatus(200);
        response.setContentType(answer.mediaType().startsWith("text/") || answer.mediaType().contains("xml")
                ? answer.mediaType().contains("charset") ? answer.mediaType() : answer.mediaType() + "; charset=UTF-8" : answer.mediaType());
        try (OutputStream out = response.getOutputStream()) {
            answer.body().writeTo(out);
        }
    }
}
