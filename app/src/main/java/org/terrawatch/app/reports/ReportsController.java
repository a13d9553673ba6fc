package org.terrawatch.app.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.ApiRequests;
import org.terrawatch.app.security.ExportRecords;
import org.terrawatch.cycle.report.Report;
import org.terrawatch.cycle.report.ReportGeneration;
import org.terrawatch.cycle.report.ReportPeriod;
import org.terrawatch.cycle.report.ReportProcess;
import org.terrawatch.cycle.report.ReportRepository;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.ProcessInputs;
import org.terrawatch.processing.job.Job;
import org.terrawatch.processing.job.JobRunner;
import org.terrawatch.processing.job.ResultForm;
import org.terrawatch.submission.SubmissionRefused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The monitoring reports (city rules, article 20): {@code POST /api/reports} with {@code {"kind": "WEEKLY" | "MONTHLY" |
 * "QUARTERLY", "period": "2026-W44" | "2026-10" | "2026-Q3"}} queues a report and makes it in the background as a job of
 * the {@code monitoring-report} process (202 with the report, its state and the job's status link; done, it has its
 * download links); {@code GET /api/reports} lists them, {@code GET /api/reports/{id}} one, and
 * {@code GET /api/reports/{id}/docx|pdf|xlsx} downloads a file — every download recorded (article 9). For those who read
 * every layer: administrators, analysts, leaders.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportGeneration generation;
    private final ReportRepository reports;
    private final ReportProcess process;
    private final JobRunner runner;
    private final ExportRecords exports;

    public ReportsController(ReportGeneration generation, ReportRepository reports, ReportProcess process, JobRunner runner,
                             ExportRecords exports) {
        this.generation = generation;
        this.reports = reports;
        this.process = process;
        this.runner = runner;
        this.exports = exports;
    }

    @PostMapping
    public void request(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = ApiRequests.requireSignedIn(request);
        ReportGeneration.mayRequest(actor);
        JsonNode body = JSON.readTree(request.getInputStream());
        ReportPeriod period;
        try {
            period = ReportPeriod.of(body.path("kind").asString(null), body.path("period").asString(null));
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused("BAD_PERIOD", e.getMessage());
        }
        Report report = generation.queue(period, actor);
        Job job = runner.submit(process, ProcessInputs.validate(process.description(), Map.of("kind", List.of(period.kind().name()),
                "period", List.of(period.label()), "report", List.of(Long.toString(report.id())))), actor, ResultForm.ALL);
        ObjectNode json = describe(report);
        json.put("job", "/ogc/jobs/" + job.id());
        response.setStatus(202);
        response.setHeader("Location", "/api/reports/" + report.id());
        write(response, json);
    }

    @GetMapping
    public void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReportGeneration.mayRequest(ApiRequests.requireSignedIn(request));
        ObjectNode json = JSON.createObjectNode();
        var items = json.putArray("reports");
        reports.latest(200).forEach(r -> items.add(describe(r)));
        write(response, json);
    }

    @GetMapping("/{id}")
    public void one(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReportGeneration.mayRequest(ApiRequests.requireSignedIn(request));
        write(response, describe(find(id)));
    }

    @GetMapping("/{id}/{format}")
    public void download(@PathVariable long id, @PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Actor actor = ApiRequests.requireSignedIn(request);
        ReportGeneration.mayRequest(actor);
        Report report = find(id);
        Path file = generation.file(report, format);
        if (file == null || !Files.isReadable(file)) {
            throw new EntityNotFoundException("Report " + id + " has no " + format + " file" + (report.state() == Report.State.DONE ? ""
                    : " yet: it is " + report.state()));
        }
        exports.printed(actor.username(), "report:" + id, format);
        response.setContentType(ReportGeneration.MEDIA_TYPES.get(format));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        response.setContentLengthLong(Files.size(file));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file, out);
        }
    }

    private Report find(long id) {
        return reports.find(id).orElseThrow(() -> new EntityNotFoundException("No report " + id));
    }

    private static ObjectNode describe(Report report) {
        return JSON.valueToTree(ReportProcess.describe(report));
    }

    private static void write(HttpServletResponse response, ObjectNode json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), json);
    }
}
