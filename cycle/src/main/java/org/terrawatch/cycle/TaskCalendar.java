package org.terrawatch.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Supplier;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.schedule.CalendarPlan;
import org.terrawatch.monitoring.schedule.JobSchedule;
import org.terrawatch.monitoring.task.MonitoringKind;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.store.SpatialStore;

/**
 * The monthly cycle's calendar, in China Standard Time: the monthly task on the month's last day and the quarterly task
 * on the quarter's; the reminder of the month's missing management data the day after it was due (the 1st, moved off
 * holidays); for every task not yet detected, its detection (which waits for both epochs) and the reminder two days
 * before its extraction is due; for every task in verification, its closing a month after its extraction deadline; and
 * each morning at nine, the reminders of verifications overdue and of pre-checked patches not yet pushed. It looks back one
 * month and one quarter, so a server down over a month end catches up, and no further, so a new installation does not
 * create the tasks of years past.
 */
public final class TaskCalendar implements CalendarPlan {

    static final LocalTime MORNING = LocalTime.of(9, 0);

    private final SpatialStore store;
    private final Supplier<Deadlines> deadlines;

    public TaskCalendar(SpatialStore store, Supplier<Deadlines> deadlines) {
        this.store = Objects.requireNonNull(store, "store");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    @Override
    public void plan(JobSchedule schedule, Instant now) {
        LocalDate today = now.atZone(Deadlines.CHINA).toLocalDate();
        YearMonth current = YearMonth.from(today);
        Deadlines rules = deadlines.get();
        for (YearMonth month : new YearMonth[] {current.minusMonths(1), current}) {
            schedule.plan(CycleJobs.MONTHLY_TASK, month.toString(), startOf(month.atEndOfMonth()));
            schedule.plan(CycleJobs.SUBMISSIONS_OVERDUE, month.toString(), Deadlines.endOf(rules.submissionDue(month)).plusSeconds(1));
        }
        YearMonth quarterEnd = YearMonth.of(current.getYear(), ((current.getMonthValue() + 2) / 3) * 3);
        for (YearMonth last : new YearMonth[] {quarterEnd.minusMonths(3), quarterEnd}) {
            schedule.plan(CycleJobs.QUARTERLY_TASK, last.getYear() + "-Q" + (last.getMonthValue() / 3), startOf(last.atEndOfMonth()));
        }
        for (MonitoringTask task : new MonitoringTaskRepository(store).all()) {
            if (task.period().kind() == MonitoringKind.INSTANT) {
                continue;
            }
            if (task.state() == TaskState.PLANNED || task.state() == TaskState.IMAGERY_READY) {
                schedule.plan(CycleJobs.DETECTION, task.code(), now);
            }
            if (task.extractionDue() != null && (task.state() == TaskState.PRE_CHECKING || task.state() == TaskState.PUSHED
                    || task.state() == TaskState.VERIFYING)) {
                schedule.plan(CycleJobs.MONTH_CLOSE, task.code(), startOf(task.extractionDue().plusMonths(1).plusDays(1)));
            }
            if (task.extractionDue() != null && !task.extractionDue().isBefore(today)) {
                schedule.plan(CycleJobs.EXTRACTION_DUE, task.code(), ZonedDateTime.of(task.extractionDue().minusDays(2), MORNING,
                        Deadlines.CHINA).toInstant());
            }
        }
        Instant morning = ZonedDateTime.of(today, MORNING, Deadlines.CHINA).toInstant();
        schedule.plan(CycleJobs.VERIFICATION_OVERDUE, today.toString(), morning);
        schedule.plan(CycleJobs.PUSH_DUE, today.toString(), morning);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Deadlines.CHINA).toInstant();
    }
}
