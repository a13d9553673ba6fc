package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.query.edit.EditContext;

/** The user a request was authenticated as, put there by {@link HttpBasicAuthentication}. */
public final class SignedIn {

    static final String ATTRIBUTE = SignedIn.class.getName();

    private SignedIn() {
    }

    /** The signed-in user, or null for an anonymous request. */
    public static Actor actor(HttpServletRequest request) {
        return (Actor) request.getAttribute(ATTRIBUTE);
    }

    /** The editing context of the request's user through an interface, or null when anonymous. */
    public static EditContext context(HttpServletRequest request, Channel channel) {
        Actor actor = actor(request);
        return actor == null ? null : new EditContext(actor.username(),
                actor.roles().stream().map(Enum::name).collect(Collectors.toSet()), actor.departmentCode(), channel.name());
    }
}
