package org.terrawatch.monitoring.workflow;

import static org.terrawatch.monitoring.organisation.Role.ADMIN;
import static org.terrawatch.monitoring.organisation.Role.DEPARTMENT_HANDLER;
import static org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER;
import static org.terrawatch.monitoring.organisation.Role.FIELD_STAFF;
import static org.terrawatch.monitoring.workorder.WorkOrderState.ACCEPTED;
import static org.terrawatch.monitoring.workorder.WorkOrderState.CLOSED;
import static org.terrawatch.monitoring.workorder.WorkOrderState.DISPATCHED;
import static org.terrawatch.monitoring.workorder.WorkOrderState.FEEDBACK_SUBMITTED;
import static org.terrawatch.monitoring.workorder.WorkOrderState.RETURNED;

import java.util.List;
import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Workflow.FieldRule;
import org.terrawatch.monitoring.workflow.Workflow.Requirement;
import org.terrawatch.monitoring.workflow.Workflow.Transition;
import org.terrawatch.monitoring.workorder.WorkOrderState;

/**
 * The life cycle of a work order, after the district command centre's operating plan: the duty officers
 * dispatch (派发) a confirmed alert or patch to a department or working group; its handlers accept it, go on
 * site and report back (反馈) with photos; the duty officers close the loop (闭环) or return it for more work.
 * Handlers and field staff act only on orders dispatched to their own department or to a working group it
 * belongs to.
 */
public final class WorkOrderWorkflow {

    public static final String STATE = "state";

    private static final Set<Role> DESK = Set.of(DUTY_OFFICER, ADMIN);
    private static final Set<Role> HANDLERS = Set.of(DEPARTMENT_HANDLER, FIELD_STAFF, ADMIN);

    /**
     * The entity the work-order workflow judges: the order, how many feedback reports it has, and the
     * departments it is assigned to (its department, or its working group's member departments).
     */
    public record Subject(org.terrawatch.monitoring.workorder.WorkOrder order, long feedbackCount, Set<String> departments) {
        public Subject {
            departments = Set.copyOf(departments);
        }
    }

    public static final Workflow<WorkOrderState, Subject> WORKFLOW = new Workflow<>(STATE,
            List.of(
                    new Transition<>("accept", "签收", Set.of(DISPATCHED), ACCEPTED, HANDLERS, List.of()),
                    new Transition<>("report", "反馈", Set.of(ACCEPTED, RETURNED), FEEDBACK_SUBMITTED, HANDLERS, List.of(
                            new Requirement<>("a feedback report has been added", s -> s.feedbackCount() > 0))),
                    new Transition<>("return", "退回", Set.of(FEEDBACK_SUBMITTED), RETURNED, DESK, List.of()),
                    new Transition<>("close", "办结", Set.of(FEEDBACK_SUBMITTED), CLOSED, DESK, List.of()),
                    new Transition<>("reopen", "重新办理", Set.of(CLOSED), RETURNED, DESK, List.of())),
            List.of(
                    new FieldRule<>(Set.of("department_code", "working_group_code", "township_code", "deadline", "description"),
                            Set.of(DISPATCHED, RETURNED), DESK),
                    new FieldRule<>(Set.of("deadline"), Set.of(ACCEPTED), DESK)),
            Set.of(DEPARTMENT_HANDLER, FIELD_STAFF),
            (actor, subject) -> actor.departmentCode() != null && subject.departments().contains(actor.departmentCode()));

    private WorkOrderWorkflow() {
    }
}
