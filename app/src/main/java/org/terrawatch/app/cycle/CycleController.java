package org.terrawatch.app.cycle;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Year;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.ApiRequests;
import org.terrawatch.cycle.EpochChoice;
import org.terrawatch.cycle.MonthlyEvaluation;
import org.terrawatch.cycle.MonthClose;
import org.terrawatch.cycle.OfflineVerification;
import org.terrawatch.cycle.PatchImport;
import org.terrawatch.cycle.YearlyScoring;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.schedule.Scheduler;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.SubmissionRefused;
import org.terrawatch.submission.SubmissionRegister;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The monthly cycle over REST:
 * <ul>
 *   <li>{@code GET /api/tasks} — the monitoring tasks with their state, extraction deadline and the epochs article 18
 *       chooses for them, with each epoch's coverage of the jurisdiction;</li>
 *   <li>{@code GET /api/tasks/{code}/evaluation} — the monthly quality evaluation (article 15);</li>
 *   <li>{@code GET /api/scoring?year=2026} — the member units' yearly scores with their breakdowns;</li>
 *   <li>{@code GET /api/schedule} — the calendar's jobs, latest first, with what they did or wait for;</li>
 *   <li>{@code POST /api/tasks/{code}/close} — closes a task: its verified real changes go to the working base map
 *       (article 14; the calendar does it a month after the extraction deadline);</li>
 *   <li>{@code POST /api/tasks/{code}/patches} — patches found elsewhere (the ministry's, a vendor's) imported as the task's
 *       (multipart {@code file}, optionally {@code crs}): 201 with the codes created, 422 with every feature's outcome when
 *       any was refused (then none is created);</li>
 *   <li>{@code POST /api/patches/verification-file} — a department's verification results as a file (article 14), applied
 *       through the workflow patch by patch; the answer lists what was applied and what refused, and why.</li>
 * </ul>
 */
@RestController
public class CycleController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Role> OVERSEERS = Set.of(Role.ADMIN, Role.ANALYST, Role.LEADER, Role.DUTY_OFFICER);

    private final SpatialStore store;
    private final Scheduler scheduler;
    private final SubmissionRegister register;
    private final ScoringProperties scoring;
    private final OfflineVerification verification;
    private final PatchImport patchImport;
    private final MonthClose monthClose;
    private final Clock clock;

    public CycleController(SpatialStore store, Scheduler scheduler, SubmissionRegister register, ScoringProperties scoring, PatchEditor editor,
                           ChangeEvents events, SchedulerProperties settings, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.register = register;
        this.scoring = scoring;
        this.verification = new OfflineVerification(store, editor);
        this.patchImport = new PatchImport(store, editor);
        this.monthClose = new MonthClose(store, events, settings.satelliteCentre());
        this.clock = clock;
    }

    @GetMapping("/api/tasks")
    public void tasks(HttpServletRequest request, HttpServletResponse response) throws IOException {
        overseer(request);
        Jurisdiction jurisdiction = Jurisdiction.of(store);
        var epochs = new ImageryEpochRepository(store).all();
        ObjectNode json = JSON.createObjectNode();
        ArrayNode items = json.putArray("tasks");
        for (MonitoringTask task : new MonitoringTaskRepository(store).all()) {
            ObjectNode item = items.addObject();
            item.put("id", task.id());
            item.put("code", task.code());
            item.put("kind", task.period().kind().name());
            item.put("from", task.period().start().toString());
            item.put("to", task.period().end().toString());
            item.put("state", task.state().name());
            item.put("extractionDue", task.extractionDue() == null ? null : task.extractionDue().toString());
            if (task.period().beforeMonth() != null) {
                EpochChoice choice = EpochChoice.of(task.period(), epochs);
                epoch(item, "before", task.period().beforeMonth().toString(), choice.before().orElse(null), jurisdiction);
                epoch(item, "after", task.period().afterMonth().toString(), choice.after().orElse(null), jurisdiction);
            }
        }
        write(response, json);
    }

    @GetMapping("/api/tasks/{code}/evaluation")
    public void evaluation(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        overseer(request);
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(code)
                .orElseThrow(() -> new EntityNotFoundException("No monitoring task " + code));
        MonthlyEvaluation.Evaluation evaluation = new MonthlyEvaluation(store).of(task, clock.instant());
        ObjectNode json = JSON.valueToTree(evaluation);
        json.put("accuracyPercent", evaluation.total().percent());
        write(response, json);
    }

    @GetMapping("/api/scoring")
    public void scores(@RequestParam(required = false) Integer year, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        overseer(request);
        Year wanted = year == null ? Year.from(clock.instant().atZone(Deadlines.CHINA)) : Year.of(year);
        var scores = new YearlyScoring(store, register).of(wanted, scoring.rules(), new Deadlines(new CalendarRepository(store).load()),
                clock.instant());
        ObjectNode json = JSON.createObjectNode();
        json.put("year", wanted.getValue());
        json.put("base", scoring.rules().base());
        json.set("scores", JSON.valueToTree(scores));
        write(response, json);
    }

    @GetMapping("/api/schedule")
    public void schedule(HttpServletRequest request, HttpServletResponse response) throws IOException {
        overseer(request);
        ObjectNode json = JSON.createObjectNode();
        json.set("jobs", JSON.valueToTree(scheduler.schedule().latest(200)));
        write(response, json);
    }

    @PostMapping("/api/tasks/{code}/close")
    public void close(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = ApiRequests.requireSignedIn(request);
        if (!actor.hasAny(Set.of(Role.ANALYST, Role.ADMIN))) {
            throw RuleViolation.forbidden("task", "state", "Closing a task is for the satellite centre's analysts and administrators");
        }
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(code)
                .orElseThrow(() -> new EntityNotFoundException("No monitoring task " + code));
        write(response, JSON.valueToTree(monthClose.close(task, actor.username(), clock.instant())));
    }

    @PostMapping("/api/tasks/{code}/patches")
    public void importPatches(@PathVariable String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Actor actor = ApiRequests.requireSignedIn(request);
        MonitoringTask task = new MonitoringTaskRepository(store).findByCode(code)
                .orElseThrow(() -> new EntityNotFoundException("No monitoring task " + code));
        String type = request.getContentType() == null ? "" : request.getContentType();
        Part file = type.startsWith("multipart/form-data") ? request.getPart("file") : null;
        if (file == null) {
            throw new SubmissionRefused("NO_FILE", "Send the patches as the multipart part named file");
        }
        Part crs = request.getPart("crs");
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        String crsText = crs == null ? null : new String(crs.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        PatchImport.Outcome outcome = patchImport.run(task, content, file.getSubmittedFileName(), crsText, actor);
        ObjectNode json = JSON.createObjectNode();
        json.put("task", task.code());
        json.put("format", outcome.format());
        json.put("crs", outcome.crs());
        json.set("features", JSON.valueToTree(outcome.features()));
        ArrayNode created = json.putArray("created");
        outcome.created().forEach(p -> created.add(p.code()));
        response.setStatus(outcome.created().isEmpty() ? 422 : 201);
        write(response, json);
    }

    @PostMapping("/api/patches/verification-file")
    public void verificationFile(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor actor = ApiRequests.requireSignedIn(request);
        String type = request.getContentType() == null ? "" : request.getContentType();
        Part file = type.startsWith("multipart/form-data") ? request.getPart("file") : null;
        if (file == null) {
            throw new SubmissionRefused("NO_FILE", "Send the verification results as the multipart part named file");
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        OfflineVerification.Outcome outcome = verification.apply(content, file.getSubmittedFileName(), actor);
        ObjectNode json = JSON.createObjectNode();
        json.put("format", outcome.format());
        json.put("encoding", outcome.encoding());
        json.put("applied", outcome.applied());
        json.put("refused", outcome.refused().size());
        json.set("lines", JSON.valueToTree(outcome.lines()));
        write(response, json);
    }

    private static void epoch(ObjectNode item, String which, String month, ImageryEpoch epoch, Jurisdiction jurisdiction) {
        ObjectNode node = item.putObject(which);
        node.put("month", month);
        if (epoch != null) {
            node.put("name", epoch.name());
            node.put("acquiredOn", epoch.acquiredOn().toString());
            node.put("cloudPercent", epoch.cloudPercent());
            Double coverage = jurisdiction.coveragePercent(epoch.footprint());
            node.put("jurisdictionCoveragePercent", coverage == null ? null : Math.round(coverage * 10) / 10.0);
        }
    }

    private static void overseer(HttpServletRequest request) {
        Actor actor = ApiRequests.requireSignedIn(request);
        if (!actor.hasAny(OVERSEERS)) {
            throw RuleViolation.forbidden("cycle", null, "The cycle's tasks, evaluation, scores and schedule are for the satellite centre, "
                    + "the duty desk, leaders and administrators");
        }
    }

    private static void write(HttpServletResponse response, ObjectNode json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), json);
    }
}
