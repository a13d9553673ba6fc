package org.terrawatch.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.terrawatch.monitoring.calendar.Deadlines;

/**
 * The surveying section's register of a month (city rules, article 13): for each base layer, the department that
 * hands it in, the day it is due (the 1st of the following month, moved off public holidays), what came in and
 * whether on time — or that it is overdue; and the month's changes (article 16), each due the day after its approval.
 */
public final class SubmissionRegister {

    public enum Status {
        /** Handed in by the due day. */
        ON_TIME,
        /** Handed in after the due day. */
        LATE,
        /** Not handed in, and the due day has passed. */
        OVERDUE,
        /** Not handed in yet, and not due yet. */
        OPEN
    }

    /**
     * One layer's line.
     *
     * @param accepted the latest accepted monthly hand-in, or null
     * @param refused  refused attempts for the month
     */
    public record Line(String layer, String department, LocalDate dueOn, Status status, Submission accepted, long refused) {
    }

    /** The register of a month: its lines, and its changes by the day they came in. */
    public record Month(YearMonth month, List<Line> lines, List<Submission> changes) {

        /** The lines overdue now. */
        public List<Line> overdue() {
            return lines.stream().filter(l -> l.status() == Status.OVERDUE).toList();
        }
    }

    private final SubmissionRepository submissions;
    private final List<SubmittedLayer> layers;

    public SubmissionRegister(SubmissionRepository submissions, List<SubmittedLayer> layers) {
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.layers = List.copyOf(layers);
    }

    public Month of(YearMonth month, Deadlines deadlines, Instant now) {
        List<Submission> all = submissions.list(month, null, 10_000);
        LocalDate due = deadlines.submissionDue(month);
        Instant dueAt = Deadlines.endOf(due);
        List<Line> lines = new ArrayList<>();
        for (SubmittedLayer layer : layers) {
            List<Submission> monthly = all.stream().filter(s -> s.layer().equals(layer.name()) && s.kind() == Submission.Kind.MONTHLY).toList();
            Submission accepted = monthly.stream().filter(s -> s.state() == Submission.State.ACCEPTED)
                    .max(Comparator.comparing(Submission::receivedAt)).orElse(null);
            long refused = monthly.stream().filter(s -> s.state() == Submission.State.REFUSED).count();
            Status status = accepted != null ? (accepted.receivedAt().isAfter(dueAt) ? Status.LATE : Status.ON_TIME)
                    : now.isAfter(dueAt) ? Status.OVERDUE : Status.OPEN;
            lines.add(new Line(layer.name(), layer.department(), due, status, accepted, refused));
        }
        List<Submission> changes = all.stream().filter(s -> s.kind() == Submission.Kind.CHANGE)
                .sorted(Comparator.comparing(Submission::receivedAt)).toList();
        return new Month(month, lines, changes);
    }
}
