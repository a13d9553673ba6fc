package org.terrawatch.app.editing;

import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;

/**
 * Between the protocols' editing interface and the domain: the user as the workflow's {@link Actor}, and the
 * domain's refusals as {@link EditRefused} — a workflow rule (forbidden or invalid), a stale version or a
 * concurrent writer (conflict), a missing entity.
 */
final class EditOutcomes {

    private EditOutcomes() {
    }

    static Actor actor(EditContext who) {
        return new Actor(who.username(), who.roles().stream().map(Role::valueOf).collect(Collectors.toSet()), who.departmentCode());
    }

    static Channel channel(EditContext who) {
        return Channel.valueOf(who.channel());
    }

    static <T> T translate(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (RuleViolation violation) {
            throw new EditRefused(violation.kind() == RuleViolation.Kind.FORBIDDEN ? EditRefused.Reason.FORBIDDEN
                    : EditRefused.Reason.INVALID, violation.field(), violation.getMessage(), violation);
        } catch (ConcurrentEditException conflict) {
            throw new EditRefused(EditRefused.Reason.CONFLICT, null, conflict.getMessage(), conflict);
        } catch (ConcurrencyFailureException conflict) {
            throw new EditRefused(EditRefused.Reason.CONFLICT, null, "Someone else changed the same feature at the same moment; "
                    + "reload it and try again", conflict);
        } catch (EntityNotFoundException missing) {
            throw new EditRefused(EditRefused.Reason.NOT_FOUND, null, missing.getMessage(), missing);
        } catch (DataIntegrityViolationException broken) {
            throw new EditRefused(EditRefused.Reason.INVALID, null, "The change breaks a rule of the store: "
                    + broken.getMostSpecificCause().getMessage(), broken);
        }
    }

    static long id(Object id) {
        try {
            return Long.parseLong(String.valueOf(id));
        } catch (NumberFormatException e) {
            throw new EditRefused(EditRefused.Reason.NOT_FOUND, null, "No feature " + id);
        }
    }
}
