package org.terrawatch.monitoring.workflow;

import static org.terrawatch.monitoring.organisation.Role.ADMIN;
import static org.terrawatch.monitoring.organisation.Role.ANALYST;
import static org.terrawatch.monitoring.organisation.Role.DEPARTMENT_HANDLER;
import static org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER;
import static org.terrawatch.monitoring.organisation.Role.FIELD_STAFF;
import static org.terrawatch.monitoring.patch.PatchStatus.CLOSED;
import static org.terrawatch.monitoring.patch.PatchStatus.EXCLUDED;
import static org.terrawatch.monitoring.patch.PatchStatus.HANDLED;
import static org.terrawatch.monitoring.patch.PatchStatus.NEW;
import static org.terrawatch.monitoring.patch.PatchStatus.PRE_CHECKED;
import static org.terrawatch.monitoring.patch.PatchStatus.PUSHED;
import static org.terrawatch.monitoring.patch.PatchStatus.VERIFIED;
import static org.terrawatch.monitoring.patch.PatchStatus.VERIFYING;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.PrecheckResult;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.workflow.Workflow.FieldRule;
import org.terrawatch.monitoring.workflow.Workflow.Requirement;
import org.terrawatch.monitoring.workflow.Workflow.Transition;

/**
 * The life cycle of a change patch, after the city bureau's monitoring rules (articles 9–13, 21): the
 * satellite centre extracts and pre-checks patches (内业初核) and excludes false changes; a pre-checked patch
 * is pushed (下发) to the responsible department, whose handlers and field staff verify it on site within a
 * month and report legal / illegal / not a real change; illegal ones are handled (case filed, rectified,
 * demolished, ...); the centre or the duty officers review and close (销号) — or return a result for
 * re-verification. Excluded patches can be reopened, closed ones reopened for verification.
 *
 * <p>Department handlers and field staff act only on patches pushed to their own department.
 */
public final class PatchWorkflow {

    public static final String STATUS = "status";

    private static final Set<Role> CENTRE = Set.of(ANALYST, ADMIN);
    private static final Set<Role> REVIEWERS = Set.of(ANALYST, DUTY_OFFICER, ADMIN);
    private static final Set<Role> DEPARTMENT = Set.of(DEPARTMENT_HANDLER, FIELD_STAFF, ADMIN);

    public static final Workflow<PatchStatus, ChangePatch> WORKFLOW = new Workflow<>(STATUS,
            List.of(
                    new Transition<>("precheck", "内业初核", Set.of(NEW), PRE_CHECKED, CENTRE, List.of(
                            new Requirement<>("precheck_result is given and is not NOT_A_CHANGE",
                                    p -> p.precheckResult() != null && p.precheckResult() != PrecheckResult.NOT_A_CHANGE))),
                    new Transition<>("exclude", "排除误提取", Set.of(NEW, PRE_CHECKED), EXCLUDED, CENTRE, List.of(
                            new Requirement<>("precheck_result is NOT_A_CHANGE", p -> p.precheckResult() == PrecheckResult.NOT_A_CHANGE),
                            new Requirement<>("precheck_note gives the reason", p -> p.precheckNote() != null && !p.precheckNote().isBlank()))),
                    new Transition<>("push", "下发科室", Set.of(PRE_CHECKED), PUSHED, REVIEWERS, List.of(
                            new Requirement<>("responsible_department is given", p -> p.responsibleDepartment() != null))),
                    new Transition<>("accept", "开始核查", Set.of(PUSHED), VERIFYING, DEPARTMENT, List.of()),
                    new Transition<>("verify", "核查反馈", Set.of(PUSHED, VERIFYING), VERIFIED, DEPARTMENT, List.of(
                            new Requirement<>("verification_result is given", p -> p.verification().result() != null))),
                    new Transition<>("handle", "处置完成", Set.of(VERIFIED), HANDLED, Set.of(DEPARTMENT_HANDLER, ADMIN), List.of(
                            new Requirement<>("handling is given", p -> p.handling().measure() != null))),
                    new Transition<>("close", "审核销号", Set.of(VERIFIED, HANDLED), CLOSED, REVIEWERS, List.of(
                            new Requirement<>("an illegal change has been handled first",
                                    p -> p.verification().result() != VerificationResult.ILLEGAL || p.handling().measure() != null))),
                    new Transition<>("return", "退回重核", Set.of(VERIFIED, HANDLED), VERIFYING, REVIEWERS, List.of(
                            new Requirement<>("verification_note says why", p -> p.verification().note() != null))),
                    new Transition<>("reopen", "重新启用", Set.of(EXCLUDED), NEW, CENTRE, List.of()),
                    new Transition<>("reopen-closed", "重新核查", Set.of(CLOSED), VERIFYING, Set.of(DUTY_OFFICER, ADMIN), List.of())),
            List.of(
                    new FieldRule<>(Set.of("geom", "change_type", "precheck_result", "precheck_note", "responsible_department"),
                            Set.of(NEW, PRE_CHECKED), CENTRE),
                    new FieldRule<>(Set.of("precheck_note"), Set.of(EXCLUDED), CENTRE),
                    new FieldRule<>(Set.of("responsible_department", "verification_due"), Set.of(PRE_CHECKED, PUSHED), REVIEWERS),
                    new FieldRule<>(Set.of("verification_due"), Set.of(VERIFYING), Set.of(DUTY_OFFICER, ADMIN)),
                    new FieldRule<>(Set.of("verification_result", "verification_note"), Set.of(PUSHED, VERIFYING), DEPARTMENT),
                    new FieldRule<>(Set.of("verification_note"), Set.of(VERIFIED, HANDLED), REVIEWERS),
                    new FieldRule<>(Set.of("handling", "handling_note"), Set.of(VERIFIED), Set.of(DEPARTMENT_HANDLER, ADMIN)),
                    new FieldRule<>(Set.of("handling_note"), Set.of(HANDLED), Set.of(DEPARTMENT_HANDLER, ADMIN))),
            Set.of(DEPARTMENT_HANDLER, FIELD_STAFF),
            (actor, patch) -> patch.responsibleDepartment() != null && Objects.equals(actor.departmentCode(), patch.responsibleDepartment()));

    private PatchWorkflow() {
    }

    /** Who may digitise a new patch by hand (status NEW, as extraction would give it). */
    public static boolean mayCreate(Actor actor) {
        return actor.hasAny(CENTRE);
    }

    /** An administrator may delete any patch; the centre only its new, not yet pre-checked ones. */
    public static boolean mayDelete(Actor actor, ChangePatch patch) {
        return actor.has(ADMIN) || actor.has(ANALYST) && patch.status() == NEW;
    }
}
