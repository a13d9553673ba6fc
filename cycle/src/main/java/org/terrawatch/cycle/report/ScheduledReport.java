package org.terrawatch.cycle.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.monitoring.workflow.Actor;

/**
 * A report the calendar makes ({@link ReportCalendar}), as the system. A run cut short leaves its report queued or
 * running: the next run makes that one instead of another; a period without its task (no imagery that month) is
 * recorded as such, not retried.
 */
public final class ScheduledReport implements JobWork {

    private final ReportGeneration generation;
    private final ReportRepository reports;

    public ScheduledReport(ReportGeneration generation, ReportRepository reports) {
        this.generation = Objects.requireNonNull(generation, "generation");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public String kind() {
        return ReportCalendar.KIND;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        String[] parts = job.subject().split(":", 2);
        ReportPeriod period = ReportPeriod.of(parts[0], parts[1]);
        Optional<Report> left = reports.unfinished().stream().filter(r -> r.kind() == period.kind() && r.period().equals(period.label())
                && r.requestedBy().equals(Actor.SYSTEM.username())).findFirst();
        Report report = left.orElseGet(() -> generation.queue(period, Actor.SYSTEM));
        try {
            Report done = generation.generate(report, (percent, message) -> { });
            return new Done("{\"report\":" + done.id() + "}", () -> { });
        } catch (IllegalArgumentException e) {
            return new Done("{\"report\":" + report.id() + ",\"skipped\":\"" + e.getMessage().replace("\"", "'") + "\"}", () -> { });
        }
    }
}
