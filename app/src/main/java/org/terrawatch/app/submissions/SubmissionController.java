package org.terrawatch.app.submissions;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.ApiRequests;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.attachment.Attachment;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.Submission;
import org.terrawatch.submission.SubmissionAccess;
import org.terrawatch.submission.SubmissionIntake;
import org.terrawatch.submission.SubmissionRefused;
import org.terrawatch.submission.SubmissionRegister;
import org.terrawatch.submission.SubmissionReport;
import org.terrawatch.submission.SubmissionRepository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The departments' hand-ins of base data (city rules, articles 13 and 16):
 * <ul>
 *   <li>{@code POST /api/submissions} — multipart with {@code file}, {@code layer} (e.g. {@code approved_land}) and
 *       {@code month} ({@code 2026-11}); optionally {@code approved} (a change's approval day: due the next day),
 *       {@code effective}, {@code crs} (for CSV, or a file without one), {@code department} (the registrar section on a
 *       department's behalf) and {@code repair=merge-parts}. 201 with the submission and its new version; 422 with the
 *       submission and its report when it was refused (recorded; the base layers unchanged); 400 for a layer or month
 *       that cannot be; 403 for a department that does not hand in that layer.</li>
 *   <li>{@code GET /api/submissions} ({@code month}, {@code layer}, {@code limit}) — what the caller may see, latest first;
 *       {@code GET /api/submissions/{id}} with its report; {@code …/report.csv} feature by feature; {@code …/file} the file
 *       as handed in.</li>
 *   <li>{@code GET /api/submissions/register?month=2026-11} — per layer: department, due day, status (on time, late,
 *       overdue, open) and what came in; and the month's changes.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/submissions")
public class SubmissionController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PARTS = List.of("layer", "month", "effective", "approved", "department", "crs", "repair");

    private final SubmissionIntake intake;
    private final SubmissionRegister register;
    private final SubmissionAccess access;
    private final SubmissionRepository submissions;
    private final AttachmentStore attachments;
    private final SpatialStore store;
    private final Clock clock;

    public SubmissionController(SubmissionIntake intake, SubmissionRegister register, SubmissionAccess access, SpatialStore store,
                                AttachmentStore attachments, Clock clock) {
        this.intake = intake;
        this.register = register;
        this.access = access;
        this.submissions = new SubmissionRepository(store);
        this.attachments = attachments;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    public void handIn(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor actor = signedIn(request);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new SubmissionRefused("NOT_MULTIPART", "Hand in a file as multipart/form-data with the parts file, layer and month");
        }
        Map<String, String> fields = new HashMap<>();
        byte[] content = null;
        String fileName = null;
        for (Part part : request.getParts()) {
            if (part.getName().equals("file")) {
                fileName = part.getSubmittedFileName();
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
            } else if (PARTS.contains(part.getName()) && part.getSize() <= 4096) {
                try (InputStream in = part.getInputStream()) {
                    fields.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (content == null) {
            throw new SubmissionRefused("NO_FILE", "The file part is missing: hand in the layer's file as the part named file");
        }
        Submission submission = intake.handIn(new SubmissionIntake.Request(fields.get("layer"), fields.get("month"), fields.get("effective"),
                fields.get("approved"), fields.get("department"), fields.get("crs"), fields.get("repair"), fileName, content), actor);
        ObjectNode json = describe(submission, true);
        if (submission.state() == Submission.State.ACCEPTED) {
            response.setStatus(201);
            response.setHeader("Location", "/api/submissions/" + submission.id());
            write(response, "application/json", json);
        } else {
            response.setStatus(422);
            json.put("type", "about:blank");
            json.put("title", "Submission refused");
            json.put("status", 422);
            json.put("detail", submission.reason());
            write(response, "application/problem+json", json);
        }
    }

    @GetMapping
    public void list(@RequestParam(required = false) String month, @RequestParam(required = false) String layer,
                     @RequestParam(defaultValue = "100") int limit, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = signedIn(request);
        ArrayNode items = JSON.createArrayNode();
        for (Submission submission : submissions.list(month == null ? null : month(month), layer, Math.min(1000, Math.max(1, limit)))) {
            if (access.mayRead(actor, submission)) {
                items.add(describe(submission, false));
            }
        }
        ObjectNode json = JSON.createObjectNode();
        json.set("submissions", items);
        write(response, "application/json", json);
    }

    @GetMapping("/register")
    public void register(@RequestParam(required = false) String month, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Actor actor = signedIn(request);
        if (!access.mayReadRegister(actor)) {
            throw RuleViolation.forbidden("submission", "register", "Sign in to see the register");
        }
        YearMonth wanted = month == null ? YearMonth.from(clock.instant().atZone(Deadlines.CHINA)).minusMonths(1) : month(month);
        SubmissionRegister.Month of = register.of(wanted, new Deadlines(new CalendarRepository(store).load()), clock.instant());
        ObjectNode json = JSON.createObjectNode();
        json.put("month", of.month().toString());
        ArrayNode lines = json.putArray("layers");
        for (SubmissionRegister.Line line : of.lines()) {
            ObjectNode item = lines.addObject();
            item.put("layer", line.layer());
            item.put("department", line.department());
            item.put("dueOn", line.dueOn().toString());
            item.put("status", line.status().name());
            item.put("refusedAttempts", line.refused());
            if (line.accepted() != null) {
                item.set("submission", describe(line.accepted(), false));
            }
        }
        json.put("overdue", of.overdue().size());
        ArrayNode changes = json.putArray("changes");
        of.changes().forEach(change -> changes.add(describe(change, false)));
        write(response, "application/json", json);
    }

    @GetMapping("/{id}")
    public void one(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, "application/json", describe(readable(id, request), true));
    }

    @GetMapping("/{id}/report.csv")
    public void report(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Submission submission = readable(id, request);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"submission-" + id + "-report.csv\"");
        response.getOutputStream().write(SubmissionReport.fromJson(submission.report()).csv().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/file")
    public void file(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Submission submission = readable(id, request);
        Attachment file = attachments.of("SUBMISSION", submission.id()).stream().findFirst()
                .orElseThrow(() -> new EntityNotFoundException("No file of submission " + id));
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(attachments.contentOf(file), out);
        }
    }

    private Submission readable(long id, HttpServletRequest request) {
        Actor actor = signedIn(request);
        return submissions.find(id).filter(s -> access.mayRead(actor, s))
                .orElseThrow(() -> new EntityNotFoundException("No submission " + id));
    }

    private static Actor signedIn(HttpServletRequest request) {
        Actor actor = SignedIn.actor(request);
        if (actor == null || actor.anonymous()) {
            throw new ApiRequests.NotSignedIn("Sign in to hand in or look at base data submissions");
        }
        return actor;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SubmissionRefused("BAD_MONTH", "The month " + text + " is not a month like 2026-11");
        }
    }

    private static ObjectNode describe(Submission s, boolean withReport) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", s.id());
        json.put("layer", s.layer());
        json.put("month", s.month().toString());
        json.put("kind", s.kind().name());
        json.put("state", s.state().name());
        json.put("department", s.department());
        json.put("submittedBy", s.submittedBy());
        json.put("receivedAt", s.receivedAt().toString());
        json.put("dueAt", s.dueAt().toString());
        json.put("onTime", s.onTime());
        json.put("effectiveDate", s.effectiveDate().toString());
        json.put("fileName", s.fileName());
        json.put("format", s.format());
        json.put("encoding", s.encoding());
        json.put("crs", s.crs());
        json.put("features", s.features());
        json.put("repaired", s.repaired());
        json.put("refused", s.refused());
        if (s.reasonCode() != null) {
            json.put("code", s.reasonCode());
            json.put("reason", s.reason());
        }
        if (s.versionId() != null) {
            json.put("version", s.version());
        }
        ObjectNode links = json.putObject("links");
        links.put("self", "/api/submissions/" + s.id());
        links.put("report", "/api/submissions/" + s.id() + "/report.csv");
        links.put("file", "/api/submissions/" + s.id() + "/file");
        if (withReport) {
            json.set("report", JSON.readTree(s.report()));
        }
        return json;
    }

    private static void write(HttpServletResponse response, String type, ObjectNode json) throws IOException {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), json);
    }
}
