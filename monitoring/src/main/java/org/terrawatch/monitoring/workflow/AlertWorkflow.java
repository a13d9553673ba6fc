package org.terrawatch.monitoring.workflow;

import static org.terrawatch.monitoring.alert.Screening.CONFIRMED;
import static org.terrawatch.monitoring.alert.Screening.FALSE_ALARM;
import static org.terrawatch.monitoring.alert.Screening.PENDING;
import static org.terrawatch.monitoring.organisation.Role.ADMIN;
import static org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER;

import java.util.List;
import java.util.Set;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Workflow.FieldRule;
import org.terrawatch.monitoring.workflow.Workflow.Requirement;
import org.terrawatch.monitoring.workflow.Workflow.Transition;

/**
 * The screening (研判) of an alert at the duty desk, after the command centre's plan: a duty officer confirms it — then it
 * is dispatched — or calls it a false alarm, with one of the configured reasons; a screening can be reopened. Through
 * whatever interface (the duty desk, WFS-T, OGC API), and for every alert of an incident at once.
 */
public final class AlertWorkflow {

    public static final String STATE = "screening";

    private static final Set<Role> DESK = Set.of(DUTY_OFFICER, ADMIN);

    /** The alert judged, and the reasons a false alarm may give. */
    public record Subject(Alert alert, Set<String> falseAlarmReasons) {
        public Subject {
            falseAlarmReasons = Set.copyOf(falseAlarmReasons);
        }

        boolean reasoned() {
            String note = alert.screeningNote();
            return note != null && falseAlarmReasons.stream().anyMatch(note::startsWith);
        }
    }

    public static final Workflow<Screening, Subject> WORKFLOW = new Workflow<>(STATE,
            List.of(
                    new Transition<>("confirm", "确认", Set.of(PENDING), CONFIRMED, DESK, List.of()),
                    new Transition<>("false-alarm", "误报", Set.of(PENDING), FALSE_ALARM, DESK, List.of(
                            new Requirement<>("the note gives one of the false-alarm reasons of intake.yml", Subject::reasoned))),
                    new Transition<>("reopen", "重新研判", Set.of(CONFIRMED, FALSE_ALARM), PENDING, DESK, List.of())),
            List.of(new FieldRule<>(Set.of("screening_note"), Set.of(PENDING, CONFIRMED, FALSE_ALARM), DESK)),
            Set.of(), (actor, subject) -> true);

    private AlertWorkflow() {
    }
}
