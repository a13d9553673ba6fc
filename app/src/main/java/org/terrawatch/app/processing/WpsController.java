package org.terrawatch.app.processing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.terrawatch.app.ows.OwsExceptionResponse;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.ExceptionReport;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.wps.WpsResponse;
import org.terrawatch.wps.WpsService;

/**
 * WPS 1.0.0 at {@code /wps} (and {@code /ows?SERVICE=WPS}): KVP by GET, XML by POST, the stored status documents of
 * asynchronous runs at {@code /wps/jobs/{id}} and their outputs at {@code /wps/jobs/{id}/outputs/{output}}. Errors
 * are OWS 1.1 exception reports; a run that would change data without a signed-in user gets 401 with the challenge.
 */
@RestController
public class WpsController {


    private final WpsService wps;

    public WpsController(WpsService wps) {
        this.wps = wps;
    }

    @GetMapping("/wps")
    public void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(Kvp.of(request.getParameterMap()), request, response);
    }

    /** A KVP request, also as {@code /ows} dispatches it. */
    public void serve(Kvp kvp, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            send(wps.handle(kvp, endpoint(), SignedIn.actor(request)), response);
        } catch (OwsException e) {
            sendException(e, response);
        }
    }

    @PostMapping("/wps")
    public void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] body = request.getInputStream().readAllBytes(); // bounded by RequestBodyLimits
            XmlElement root = XmlElement.parse(new String(body, StandardCharsets.UTF_8), "request");
            send(wps.handle(root, endpoint(), SignedIn.actor(request)), response);
        } catch (OwsException e) {
            sendException(e, response);
        }
    }

    @GetMapping("/wps/jobs/{id}")
    public void status(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            send(wps.status(id, endpoint(), SignedIn.actor(request)), response);
        } catch (OwsException e) {
            sendException(e, response);
        }
    }

    @GetMapping("/wps/jobs/{id}/outputs/{output}")
    public void output(@PathVariable String id, @PathVariable String output, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            send(wps.output(id, output, SignedIn.actor(request)), response);
        } catch (OwsException e) {
            sendException(e, response);
        }
    }

    private static String endpoint() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/wps").build().toUriString();
    }

    private static void send(WpsResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(answer.mediaType());
        try (OutputStream out = response.getOutputStream()) {
            answer.body().writeTo(out);
        }
    }

    private static void sendException(OwsException exception, HttpServletResponse response) throws IOException {
        OwsExceptionResponse.send(exception, response, out -> ExceptionReport.writeOws11(exception, WpsService.VERSION, out));
    }
}
