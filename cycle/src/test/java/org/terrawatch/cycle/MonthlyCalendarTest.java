package org.terrawatch.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.change.DetectionSettings;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.notify.Reminder;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.schedule.Scheduler;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.MinimumMappingUnits;
import org.terrawatch.processing.imagery.ImageryRegistration;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.MovableClock;
import org.terrawatch.submission.SubmissionRegister;
import org.terrawatch.submission.SubmissionRepository;
import org.terrawatch.submission.SubmittedLayer;

/**
 * The monthly cycle on the calendar, on the demo of both stores: at November's end the scheduler creates task
 * M2026-11, its detection waits for November's imagery, runs once it is registered (October's epoch before it, by
 * article 18) and leaves the patches for pre-check; the day after the 1st, the departments that have not handed in
 * are reminded; each morning, verifications overdue are.
 */
class MonthlyCalendarTest {

    static final Instant MONTH_END = Instant.parse("2026-11-29T17:00:00Z"); // 30 November, 01:00 in China

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theMonthRunsOnTheCalendar(StoreType type) throws Exception {
        try (SpatialStore store = DemoStore.open(type, dir)) {
            Deadlines deadlines = DemoStore.DEADLINES;
            MovableClock clock = new MovableClock(MONTH_END);
            Supplier<Deadlines> rules = () -> deadlines;
            ChangeEvents events = new ChangeEvents();
            PatchEditor editor = new PatchEditor(store, new AuditLog(store), events, rules, clock);
            ChangeExtraction extraction = new ChangeExtraction(store, dir, editor, DetectionSettings.DEFAULTS, MinimumMappingUnits.DEFAULTS);
            List<Reminder> reminded = new CopyOnWriteArrayList<>();
            List<SubmittedLayer> layers = List.of(new SubmittedLayer("approved_land",
                    org.terrawatch.monitoring.baselayer.BaseLayerKind.APPROVED_LAND, "shenpi"));
            List<JobWork> works = List.of(new TaskCreation(CycleJobs.MONTHLY_TASK, store, rules, events),
                    new TaskCreation(CycleJobs.QUARTERLY_TASK, store, rules, events), new ScheduledDetection(store, extraction, editor, events),
                    new SubmissionReminders(new SubmissionRegister(new SubmissionRepository(store), layers), "cehui", rules, reminded::add),
                    new ExtractionReminder(store, "weixing", reminded::add), new VerificationReminders(store, reminded::add),
                    new PushReminders(store, "weixing", reminded::add));
            try (Scheduler scheduler = new Scheduler(store, List.of(new TaskCalendar(store, rules)), works, "node", Duration.ofMinutes(10), clock)) {
                // November's last day: the monthly task is created; its detection waits for November's imagery.
                scheduler.round();
                MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
                MonitoringTask november = tasks.findByCode("M2026-11").orElseThrow();
                assertThat(november.state()).isEqualTo(TaskState.PLANNED);
                assertThat(november.extractionDue()).isEqualTo(LocalDate.of(2026, 12, 10));
                scheduler.round();
                ScheduledJob detection = scheduler.schedule().find("DETECTION:M2026-11").orElseThrow();
                assertThat(detection.state()).isEqualTo(ScheduledJob.State.PENDING);
                assertThat(detection.lastError()).isEqualTo("Waiting for imagery of 2026-11 (article 18)");
                // The quarter's task of the demo is there already: not created twice.
                assertThat(tasks.all().stream().filter(t -> t.code().equals("Q2026-3"))).hasSize(1);

                // November's imagery is registered (here: the September scene, so that the valley changes back).
                Files.copy(dir.resolve("imagery/demo-2026-09-20.tif"), dir.resolve("imagery/gf2-2026-11-28.tif"));
                new ImageryRegistration(store, dir, dir.resolve("imagery"), clock, events).register(new ImageryRegistration.Request("GF2-2026-11-28",
                        "GF-2 PMS", "2026-11-28", "BLUE,GREEN,RED,NIR", "gf2-2026-11-28.tif", null, null),
                        new Actor("analyst", java.util.Set.of(Role.ANALYST), "weixing", java.util.Set.of()));
                long patchesBefore = new PatchRepository(store).query(PatchQuery.all().ofTask(november.id())).size();
                clock.set(MONTH_END.plus(Duration.ofHours(2)));
                scheduler.round();
                MonitoringTask detected = tasks.findByCode("M2026-11").orElseThrow();
                assertThat(detected.state()).isEqualTo(TaskState.PRE_CHECKING);
                assertThat(detected.afterEpochId()).isNotNull();
                ScheduledJob done = scheduler.schedule().find("DETECTION:M2026-11").orElseThrow();
                assertThat(done.state()).isEqualTo(ScheduledJob.State.DONE);
                assertThat(done.outcome()).contains("\"before\":\"DEMO-2026-10-18\"", "\"after\":\"GF2-2026-11-28\"");
                long found = new PatchRepository(store).query(PatchQuery.all().ofTask(november.id())).size();
                assertThat(found).isGreaterThan(patchesBefore);
                // Nothing runs twice: another round adds no patch.
                scheduler.round();
                assertThat(new PatchRepository(store).query(PatchQuery.all().ofTask(november.id()))).hasSize((int) found);

                // 2 December: November's approved land is overdue; the approvals section and the registrar are told.
                clock.set(Instant.parse("2026-12-02T01:00:00Z"));
                scheduler.round();
                assertThat(reminded).filteredOn(r -> r.kind().equals(CycleJobs.SUBMISSIONS_OVERDUE) && r.facts().get("month").equals("2026-11"))
                        .extracting(Reminder::department).containsExactlyInAnyOrder("shenpi", "cehui");
                // (October's, due on 1 November and never handed in either, went out at the first round.)
                assertThat(reminded).anyMatch(r -> r.kind().equals(CycleJobs.SUBMISSIONS_OVERDUE) && r.facts().get("month").equals("2026-10"));
                // Each morning from nine: the demo's pushed patches past their verification deadline, by department.
                clock.set(Instant.parse("2026-12-02T02:00:00Z"));
                scheduler.round();
                List<Reminder> verification = reminded.stream().filter(r -> r.kind().equals(CycleJobs.VERIFICATION_OVERDUE)).toList();
                long overdue = new PatchRepository(store).query(PatchQuery.all()).stream().filter(p -> p.verificationDue() != null
                        && p.verificationDue().isBefore(LocalDate.of(2026, 12, 2)) && p.responsibleDepartment() != null
                        && (p.status() == org.terrawatch.monitoring.patch.PatchStatus.PUSHED
                        || p.status() == org.terrawatch.monitoring.patch.PatchStatus.VERIFYING)).count();
                assertThat(verification.stream().mapToInt(r -> ((List<?>) r.facts().get("patches")).size()).sum()).isEqualTo((int) overdue);
                // And the demo's patches pre-checked and not pushed for two days: the satellite centre is told.
                long unpushed = new PatchRepository(store).query(PatchQuery.all()).stream()
                        .filter(p -> p.status() == org.terrawatch.monitoring.patch.PatchStatus.PRE_CHECKED
                                && p.updatedAt().isBefore(Instant.parse("2026-11-30T02:00:00Z"))).count();
                assertThat(reminded).filteredOn(r -> r.kind().equals(CycleJobs.PUSH_DUE)).singleElement()
                        .satisfies(r -> assertThat(r.department()).isEqualTo("weixing"))
                        .satisfies(r -> assertThat((List<?>) r.facts().get("patches")).hasSize((int) unpushed));
                // 8 December, two days before extraction is due: M2026-11 is extracted, so no reminder.
                clock.set(Instant.parse("2026-12-08T02:00:00Z"));
                scheduler.round();
                assertThat(reminded).noneMatch(r -> r.kind().equals(CycleJobs.EXTRACTION_DUE) && r.facts().get("task").equals("M2026-11"));
            }
        }
    }
}
