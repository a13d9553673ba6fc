package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.web.ProtocolErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI's sign-in: {@code GET /api/session} says who is signed in and hands out the CSRF token the session's writes
 * must carry ({@value SecurityConfiguration#CSRF_HEADER}); {@code POST} with {@code {"username", "password"}} signs in
 * (a new session id, so a planted one is worthless); {@code DELETE} signs out. The session ends after the configured
 * idle time, or at once when the user is disabled.
 */
@RestController
@RequestMapping("/api/session")
public class SessionController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY_BYTES = 4096;

    private final UserDirectory users;
    private final HttpSessionSecurityContextRepository sessions;
    private final HttpSessionCsrfTokenRepository csrfTokens;

    public SessionController(UserDirectory users, HttpSessionSecurityContextRepository sessions, HttpSessionCsrfTokenRepository csrfTokens) {
        this.users = users;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping
    public void current(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession(true);
        answer(SignedIn.caller(request), request, response);
    }

    @PostMapping
    public void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body;
        try {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            body = bytes.length > MAX_BODY_BYTES ? null : JSON.readTree(bytes);
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !body.path("username").isString() || !body.path("password").isString()) {
            ProtocolErrors.problem(response, 400, "Bad Request", "Send {\"username\": ..., \"password\": ...} as JSON");
            return;
        }
        Caller caller;
        try {
            caller = users.authenticate(body.path("username").asString(), body.path("password").asString(), request.getRemoteAddr());
        } catch (SignInRefused e) {
            if (e.lockedUntil() != null) {
                response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            ProtocolErrors.problem(response, e.lockedUntil() != null ? 429 : 401, e.lockedUntil() != null ? "Too Many Requests" : "Unauthorized",
                    e.getMessage());
            return;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller, CallerAuthentication.Kind.SESSION));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        answer(caller, request, response);
    }

    @DeleteMapping
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.setStatus(204);
    }

    private void answer(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("signedIn", caller != null);
        if (caller != null) {
            ObjectNode user = answer.putObject("user");
            user.put("username", caller.username());
            user.put("department", caller.actor().departmentCode());
            caller.actor().roles().stream().map(Enum::name).sorted().forEach(user.putArray("roles")::add);
            caller.actor().jurisdictions().stream().sorted().forEach(user.putArray("jurisdictions")::add);
        }
        CsrfToken token = csrfTokens.loadToken(request);
        if (token == null) {
            token = csrfTokens.generateToken(request);
            csrfTokens.saveToken(token, request, response);
        }
        ObjectNode csrf = answer.putObject("csrf");
        csrf.put("header", token.getHeaderName());
        csrf.put("token", token.getToken());
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }
}
