package org.terrawatch.submission;

import java.util.Set;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;

/**
 * Who may see a submission and its report: the department it is of, the registrar section, the satellite centre's
 * analysts, leaders and administrators. The register itself (who handed in what, when) any signed-in user may see.
 */
public final class SubmissionAccess {

    private static final Set<Role> OVERSEERS = Set.of(Role.ADMIN, Role.ANALYST, Role.LEADER);

    private final String registrar;

    public SubmissionAccess(String registrar) {
        this.registrar = registrar;
    }

    public boolean mayRead(Actor actor, Submission submission) {
        return actor != null && !actor.anonymous() && (actor.hasAny(OVERSEERS) || (registrar != null && registrar.equals(actor.departmentCode()))
                || submission.department().equals(actor.departmentCode()));
    }

    public boolean mayReadRegister(Actor actor) {
        return actor != null && !actor.anonymous();
    }
}
