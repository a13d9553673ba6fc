package org.terrawatch.cycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.notify.Reminder;
import org.terrawatch.monitoring.notify.Reminders;
import org.terrawatch.monitoring.schedule.JobWork;
import org.terrawatch.monitoring.schedule.ScheduledJob;
import org.terrawatch.submission.SubmissionRegister;

/**
 * The day after the month's management data was due (the 1st, article 13, moved off holidays): each department that
 * has not handed in a layer is reminded, and the registrar section gets the list of who is overdue.
 */
public final class SubmissionReminders implements JobWork {

    private final SubmissionRegister register;
    private final String registrar;
    private final Supplier<Deadlines> deadlines;
    private final Reminders reminders;

    public SubmissionReminders(SubmissionRegister register, String registrar, Supplier<Deadlines> deadlines, Reminders reminders) {
        this.register = Objects.requireNonNull(register, "register");
        this.registrar = registrar;
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    @Override
    public String kind() {
        return CycleJobs.SUBMISSIONS_OVERDUE;
    }

    @Override
    public Result run(ScheduledJob job, Instant now) {
        YearMonth month = YearMonth.parse(job.subject());
        List<SubmissionRegister.Line> overdue = register.of(month, deadlines.get(), now).overdue();
        return new Done(Outcomes.of("month", month.toString(), "overdue", overdue.stream().map(l -> l.layer() + "@" + l.department()).toList()),
                () -> {
                    for (SubmissionRegister.Line line : overdue) {
                        reminders.remind(new Reminder(kind(), job.key() + ":" + line.layer(), line.department(),
                                month + " 月 " + line.layer() + " 管理数据逾期未汇交（应于 " + line.dueOn() + " 前汇交）",
                                Map.of("month", month.toString(), "layer", line.layer(), "dueOn", line.dueOn().toString()), job.id(), now));
                    }
                    if (!overdue.isEmpty() && registrar != null) {
                        reminders.remind(new Reminder(kind(), job.key() + ":summary", registrar, month + " 月管理数据逾期未汇交 " + overdue.size() + " 项",
                                Map.of("month", month.toString(), "overdue", overdue.stream().map(l -> Map.of("layer", l.layer(),
                                        "department", l.department())).toList()), job.id(), now));
                    }
                });
    }
}
