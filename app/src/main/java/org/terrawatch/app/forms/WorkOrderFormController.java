package org.terrawatch.app.forms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.RecordReads;
import org.terrawatch.app.security.ExportRecords;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.Kvp;
import org.terrawatch.reports.CjkFont;
import org.terrawatch.reports.DocxForms;
import org.terrawatch.reports.PdfForms;
import org.terrawatch.reports.PrintedForm;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wms.WmsException;
import org.terrawatch.wms.WmsResponse;
import org.terrawatch.wms.WmsService;

/**
 * {@code GET /api/work-orders/{id}/form}: the printable alert work-order form ({@link WorkOrderForm}) as PDF
 * ({@code f=pdf}, the default, or {@code Accept: application/pdf}) or DOCX ({@code f=docx}), for whoever may read the
 * order; every print is in the export record. The map is drawn by our WMS under the reader's own read rules.
 */
@RestController
@RequestMapping("/api/work-orders")
public class WorkOrderFormController {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Map<String, String> FORMATS = Map.of("pdf", PDF, "docx", DOCX, PDF, PDF, DOCX, DOCX);
    /** The map's layers, best first; when the reader may not see one, the map is drawn without the optional ones. */
    private static final List<String> MAP_LAYERS = List.of("terrawatch:admin_units,terrawatch:patches,terrawatch:cameras,terrawatch:alerts",
            "terrawatch:admin_units,terrawatch:alerts", "terrawatch:admin_units");
    private static final double HALF_WIDTH = 0.0095;
    private static final double HALF_HEIGHT = 0.006;

    private final WorkOrderForm forms;
    private final RecordReads reads;
    private final WmsService wms;
    private final ExportRecords exports;
    private final String configuredFont;
    private final DocxForms docx = new DocxForms();
    private volatile PdfForms pdf;

    public WorkOrderFormController(SpatialStore store, AttachmentStore attachments, RecordReads reads, WmsService wms, ExportRecords exports,
                                   Clock clock, @Value("${terrawatch.reports.font:}") String font) {
        this.forms = new WorkOrderForm(store, attachments, clock);
        this.reads = reads;
        this.wms = wms;
        this.exports = exports;
        this.configuredFont = font;
    }

    @GetMapping("/{id}/form")
    public void form(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor reader = SignedIn.actor(request);
        if (reader == null) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Sign in to print a work order's form");
            return;
        }
        reads.require("work_order_feature", id, "Work order " + id, request);
        String format = format(request);
        if (format == null) {
            ProtocolErrors.problem(response, 406, "Not Acceptable", "The form is printed as f=pdf or f=docx");
            return;
        }
        PrintedForm form = forms.of(id, reader.username(), (longitude, latitude, why) -> map(longitude, latitude, request, why))
                .orElseThrow(() -> new EntityNotFoundException("Work order " + id));
        byte[] body;
        try {
            body = format.equals(PDF) ? pdf().write(form) : docx.write(form);
        } catch (IllegalStateException noFont) {
            ProtocolErrors.problem(response, 503, "Service Unavailable", noFont.getMessage());
            return;
        }
        exports.printed(reader.username(), "work_order_form:" + id, format);
        String code = form.reference().split(" ")[1];
        response.setContentType(format);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + code + (format.equals(PDF) ? ".pdf" : ".docx") + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body);
    }

    private Optional<byte[]> map(double longitude, double latitude, HttpServletRequest request, StringBuilder why) {
        String bbox = (longitude - HALF_WIDTH) + "," + (latitude - HALF_HEIGHT) + "," + (longitude + HALF_WIDTH) + "," + (latitude + HALF_HEIGHT);
        for (String layers : MAP_LAYERS) {
            try {
                WmsResponse drawn = wms.handle(Kvp.ofSingle(Map.of("SERVICE", "WMS", "VERSION", WmsService.VERSION_1_1, "REQUEST", "GetMap",
                        "LAYERS", layers, "STYLES", "", "SRS", "EPSG:4490", "BBOX", bbox, "WIDTH", "640", "HEIGHT", "480",
                        "FORMAT", "image/png")), request.getRequestURL().toString(), SignedIn.reader(request));
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                drawn.body().writeTo(png);
                return Optional.of(png.toByteArray());
            } catch (WmsException | IOException e) {
                why.setLength(0);
                why.append(e.getMessage());
            }
        }
        return Optional.empty();
    }

    private PdfForms pdf() {
        PdfForms forms = pdf;
        if (forms == null) {
            forms = new PdfForms(CjkFont.locate(configuredFont.isBlank() ? null : configuredFont));
            pdf = forms;
        }
        return forms;
    }

    /** The format asked for: {@code f}, else the Accept header; PDF when neither says. */
    private static String format(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            return FORMATS.get(f.strip().toLowerCase(Locale.ROOT));
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.contains("*/*") || accept.contains(PDF)) {
            return PDF;
        }
        return accept.contains(DOCX) ? DOCX : null;
    }
}
