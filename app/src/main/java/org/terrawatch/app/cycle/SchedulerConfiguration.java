package org.terrawatch.app.cycle;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.config.Periodic;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.app.notify.NotificationRules;
import org.terrawatch.app.submissions.SubmissionProperties;
import org.terrawatch.cycle.CycleJobs;
import org.terrawatch.cycle.ExtractionReminder;
import org.terrawatch.cycle.MonthClose;
import org.terrawatch.cycle.PushReminders;
import org.terrawatch.cycle.TaskClosing;
import org.terrawatch.cycle.ScheduledDetection;
import org.terrawatch.cycle.SubmissionReminders;
import org.terrawatch.cycle.TaskCalendar;
import org.terrawatch.cycle.TaskCreation;
import org.terrawatch.cycle.VerificationReminders;
import org.terrawatch.cycle.report.ReportCalendar;
import org.terrawatch.cycle.report.ReportGeneration;
import org.terrawatch.cycle.report.ReportRepository;
import org.terrawatch.cycle.report.ScheduledReport;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.schedule.Scheduler;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.SubmissionRegister;

/**
 * The monthly cycle on the calendar: the scheduler with its plans and jobs, run every {@code interval} once the server is
 * up (not in the conformance set-up, which has no monitoring).
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean(destroyMethod = "close")
    public Scheduler scheduler(SpatialStore store, SchedulerProperties settings, ChangeExtraction extraction, PatchEditor editor,
                               ChangeEvents events, NotificationRules reminders, SubmissionRegister register,
                               SubmissionProperties submissions, ReportGeneration reports, ReportRepository reportRepository, Clock clock) {
        Supplier<Deadlines> deadlines = () -> new Deadlines(new CalendarRepository(store).load());
        String node = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Scheduler(store, List.of(new TaskCalendar(store, deadlines), new ReportCalendar()), List.of(
                new TaskCreation(CycleJobs.MONTHLY_TASK, store, deadlines, events),
                new TaskCreation(CycleJobs.QUARTERLY_TASK, store, deadlines, events),
                new ScheduledDetection(store, extraction, editor, events),
                new SubmissionReminders(register, submissions.registrar(), deadlines, reminders),
                new ExtractionReminder(store, settings.satelliteCentre(), reminders),
                new VerificationReminders(store, reminders),
                new PushReminders(store, settings.satelliteCentre(), reminders),
                new TaskClosing(store, new MonthClose(store, events, settings.satelliteCentre())),
                new ScheduledReport(reports, reportRepository)), node, settings.lease(), clock);
    }

    @Bean(destroyMethod = "close")
    public Periodic schedulerRounds() {
        return new Periodic("scheduler");
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> schedulerStart(Scheduler scheduler, Periodic schedulerRounds, SchedulerProperties settings,
                                                                     TerraWatchProperties properties) {
        return event -> {
            if (settings.enabled() && !properties.security().conformanceTesting()) {
                schedulerRounds.every(settings.interval(), scheduler::round);
            }
        };
    }

    /** An epoch registered: the detections waiting for imagery are due at once (the next round runs them). */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> detectionOnImagery(Scheduler scheduler, ChangeEvents events, Clock clock) {
        return ready -> events.subscribe(event -> {
            if (event.entityKind().equals("IMAGERY") && event.action().equals("REGISTER")) {
                scheduler.schedule().wake(CycleJobs.DETECTION, clock.instant());
            }
        });
    }
}
