package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.edit.EditContext;

/** The caller of a request as the filter chain proved it: who reads, who writes. */
public final class SignedIn {

    private SignedIn() {
    }

    /** The signed-in caller, or null for an anonymous request. */
    public static Caller caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? caller.getPrincipal() : null;
    }

    /** Who writes: the signed-in user (a read-only API key without roles), or null when anonymous. */
    public static Actor actor(HttpServletRequest request) {
        Caller caller = caller(request);
        return caller == null ? null : caller.writer();
    }

    /** Who reads: {@link Reader#ANONYMOUS} when nobody signed in. */
    public static Reader reader(HttpServletRequest request) {
        Caller caller = caller(request);
        return caller == null ? Reader.ANONYMOUS : caller.reader();
    }

    /** The editing context of the request's user through an interface, or null when anonymous. */
    public static EditContext context(HttpServletRequest request, Channel channel) {
        Actor actor = actor(request);
        return actor == null ? null : new EditContext(actor.username(),
                actor.roles().stream().map(Enum::name).collect(Collectors.toSet()), actor.departmentCode(), channel.name());
    }
}
