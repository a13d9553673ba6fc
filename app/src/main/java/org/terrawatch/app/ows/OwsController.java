package org.terrawatch.app.ows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.processing.WpsController;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.wms.WmsController;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.ExceptionReport;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.wfs.WfsResponse;
import org.terrawatch.wfs.WfsService;

/**
 * The OWS endpoints: {@code /ows} dispatches on SERVICE (WFS, WMS, WPS), {@code /wfs} is WFS; both take XML requests by POST.
 * A thin adapter: parameters
 * in, the service's response streamed out, OWS exceptions rendered as the ExceptionReport of the version.
 */
@RestController
public class OwsController {


    private final WfsService wfs;
    private final WmsController wms;
    private final WpsController wps;

    public OwsController(WfsService wfs, WmsController wms, WpsController wps) {
        this.wfs = wfs;
        this.wms = wms;
        this.wps = wps;
    }

    @GetMapping("/ows")
    public void ows(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Kvp kvp = Kvp.of(request.getParameterMap());
        try {
            String service = kvp.require("SERVICE");
            if (service.equalsIgnoreCase("WMS")) {
                wms.serve(kvp, request, response);
                return;
            }
            if (service.equalsIgnoreCase("WPS")) {
                wps.serve(kvp, request, response);
                return;
            }
            if (!service.equalsIgnoreCase("WFS")) {
                throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, "service",
                        "Service " + service + " is not offered here; this server offers WFS, WMS and WPS");
            }
            send(wfs.handle(kvp, request.getRequestURL().toString(), SignedIn.reader(request), SignedIn.context(request, Channel.WFS_T)), response);
        } catch (OwsException e) {
            sendException(e, kvp, response);
        }
    }

    @GetMapping("/wfs")
    public void wfs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Kvp kvp = Kvp.of(request.getParameterMap());
        try {
            send(wfs.handle(kvp, request.getRequestURL().toString(), SignedIn.reader(request), SignedIn.context(request, Channel.WFS_T)), response);
        } catch (OwsException e) {
            sendException(e, kvp, response);
        }
    }

    /** XML-encoded requests: the body is read with a size limit and parsed without DTDs or entities. */
    @PostMapping({"/ows", "/wfs"})
    public void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version = "2.0.0";
        try {
            byte[] body = request.getInputStream().readAllBytes(); // bounded by RequestBodyLimits
            XmlElement root = XmlElement.parse(new String(body, StandardCharsets.UTF_8), "request");
            version = root.attribute("version").orElse(version);
            send(wfs.handle(root, request.getRequestURL().toString(), SignedIn.reader(request), SignedIn.context(request, Channel.WFS_T)), response);
        } catch (OwsException e) {
            if (!version.startsWith("2") && e.httpStatus() != 401) {
                // WFS 1.x defines no HTTP statuses: its clients (QGIS, GDAL) read the report from a 200 answer and show its text.
                e.withStatus(200);
            }
            sendException(e, Kvp.ofSingle(Map.of("VERSION", version)), response);
        }
    }

    private static void send(WfsResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(answer.mediaType().contains("charset") ? answer.mediaType() : answer.mediaType() + "; charset=UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            answer.body().writeTo(out);
        }
    }

    private static void sendException(OwsException exception, Kvp kvp, HttpServletResponse response) throws IOException {
        String version = kvp.get("VERSION").filter(v -> v.matches("[12]\\.[01]\\.0")).orElse("2.0.0");
        OwsExceptionResponse.send(exception, response, out -> ExceptionReport.write(exception, version, out));
    }
}
