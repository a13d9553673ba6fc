package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.audit.ExportLog;
import org.terrawatch.monitoring.audit.ExportRecord;
import org.terrawatch.monitoring.notify.Outbox;
import org.terrawatch.monitoring.notify.OutboxMessage;
import org.terrawatch.monitoring.organisation.ApiKey;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accounts and API keys for administrators (city rules art. 23: accounts opened and closed within two days):
 * {@code /api/admin/users} lists and creates users, {@code PATCH /api/admin/users/{name}} disables or enables, resets
 * the password (under {@link PasswordPolicy}), changes roles, department and jurisdictions — in force at once, sessions
 * included —; {@code /api/admin/api-keys} lists and creates keys (the secret is shown once), {@code DELETE} revokes one.
 * Every change is audited (entity kind ACCOUNT or API_KEY, the name in its values). Errors are problem JSON.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final OrganisationRepository organisation;
    private final UserDirectory users;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final ExportLog exports;
    private final Outbox outbox;

    public AdminController(SpatialStore store, UserDirectory users, ApiKeys keys) {
        this.organisation = new OrganisationRepository(store);
        this.users = users;
        this.keys = keys;
        this.audit = new AuditLog(store);
        this.exports = new ExportLog(store);
        this.outbox = new Outbox(store);
    }

    @GetMapping("/users")
    public void listUsers(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admin(request, response) == null) {
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        organisation.users().forEach(user -> list.add(describe(user)));
        send(response, 200, list);
    }

    @PostMapping("/users")
    public void createUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor admin = admin(request, response);
        JsonNode body = admin == null ? null : body(request, response);
        if (body == null) {
            return;
        }
        String username = body.path("username").asString("");
        if (organisation.user(username).isPresent()) {
            ProtocolErrors.problem(response, 409, "Conflict", "User " + username + " exists");
            return;
        }
        String password = body.path("password").asString(null);
        String weak = PasswordPolicy.problem(username, password);
        if (weak != null) {
            ProtocolErrors.problem(response, 422, "Unprocessable Content", weak);
            return;
        }
        User user;
        try {
            user = new User(username, body.path("displayName").asString(username), department(body, null), users.hash(password), true,
                    roles(body, Set.of()), codes(body.path("jurisdictions"), Set.of()));
        } catch (IllegalArgumentException e) {
            ProtocolErrors.problem(response, 422, "Unprocessable Content", e.getMessage());
            return;
        }
        organisation.save(user);
        users.forget(username);
        record(admin, "ACCOUNT", "CREATE", Map.of(), describeMap(user));
        send(response, 201, describe(user));
    }

    @PatchMapping("/users/{username}")
    public void changeUser(@PathVariable String username, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor admin = admin(request, response);
        JsonNode body = admin == null ? null : body(request, response);
        if (body == null) {
            return;
        }
        User was = organisation.user(username).orElse(null);
        if (was == null) {
            ProtocolErrors.problem(response, 404, "Not Found", "No user " + username);
            return;
        }
        String hash = was.passwordHash();
        if (body.has("password")) {
            String weak = PasswordPolicy.problem(username, body.path("password").asString(null));
            if (weak != null) {
                ProtocolErrors.problem(response, 422, "Unprocessable Content", weak);
                return;
            }
            hash = users.hash(body.path("password").asString());
        }
        User is;
        try {
            is = new User(username, body.path("displayName").asString(was.displayName()), department(body, was.departmentCode()), hash,
                    body.path("enabled").asBoolean(was.enabled()), roles(body, was.roles()), codes(body.path("jurisdictions"), was.jurisdictions()));
        } catch (IllegalArgumentException e) {
            ProtocolErrors.problem(response, 422, "Unprocessable Content", e.getMessage());
            return;
        }
        organisation.save(is);
        users.forget(username);
        Map<String, Object> after = describeMap(is);
        if (!hash.equals(was.passwordHash())) {
            after.put("password", "reset");
        }
        record(admin, "ACCOUNT", "UPDATE", describeMap(was), after);
        send(response, 200, describe(is));
    }

    @GetMapping("/api-keys")
    public void listKeys(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admin(request, response) == null) {
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        keys.repository().all().forEach(key -> list.add(describe(key)));
        send(response, 200, list);
    }

    /**
     * The record of bulk reads, latest first: {@code since} (an ISO instant), {@code user}, {@code limit} (1 to 1,000,
     * default 100).
     */
    @GetMapping("/exports")
    public void listExports(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admin(request, response) == null) {
            return;
        }
        Instant since;
        int limit;
        try {
            since = request.getParameter("since") == null ? null : Instant.parse(request.getParameter("since"));
            limit = request.getParameter("limit") == null ? 100 : (int) Numbers.integer(request.getParameter("limit"), "limit", 1, 1000);
        } catch (java.time.format.DateTimeParseException e) {
            ProtocolErrors.problem(response, 400, "Bad Request", "since is an ISO 8601 instant such as 2026-12-01T00:00:00Z");
            return;
        } catch (OwsException e) {
            ProtocolErrors.problem(response, 400, "Bad Request", e.getMessage());
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        for (ExportRecord export : exports.list(since, request.getParameter("user"), limit)) {
            ObjectNode item = list.addObject();
            item.put("id", export.id());
            item.put("time", export.occurredAt().toString());
            item.put("user", export.actor());
            item.put("address", export.address());
            item.put("interface", export.channel());
            item.put("layer", export.layer());
            item.put("format", export.format());
            if (export.features() != null) {
                item.put("features", export.features());
            }
            if (export.pixels() != null) {
                item.put("pixels", export.pixels());
            }
            item.put("request", export.request());
        }
        send(response, 200, list);
    }

    /** The notifications, latest first, with their delivery state: PENDING, DELIVERED or FAILED, attempts and the last error. */
    @GetMapping("/notifications")
    public void listNotifications(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admin(request, response) == null) {
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        for (OutboxMessage message : outbox.latest(500)) {
            ObjectNode item = list.addObject();
            item.put("id", message.id());
            item.put("created", message.createdAt().toString());
            item.put("channel", message.channel());
            item.put("recipient", message.recipient());
            item.put("subject", message.subject());
            item.put("about", message.entityKind() + " " + message.entityId());
            item.put("state", message.state().name());
            item.put("attempts", message.attempts());
            item.put("nextAttempt", message.nextAttemptAt().toString());
            item.put("lastError", message.lastError());
            item.put("delivered", message.deliveredAt() == null ? null : message.deliveredAt().toString());
            item.put("idempotencyKey", message.idempotencyKey());
        }
        send(response, 200, list);
    }

    @PostMapping("/api-keys")
    public void createKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor admin = admin(request, response);
        JsonNode body = admin == null ? null : body(request, response);
        if (body == null) {
            return;
        }
        if (body.path("name").asString("").isBlank()) {
            ProtocolErrors.problem(response, 422, "Unprocessable Content", "An API key has a name: whose machine it is");
            return;
        }
        ApiKeys.Created created;
        try {
            JsonNode layers = body.path("layers");
            created = keys.create(new ApiKey("template", body.path("name").asString(""), "0".repeat(64), roles(body, Set.of()),
                    department(body, null), codes(body.path("jurisdictions"), Set.of()), codes(body.path("paths"), Set.of()),
                    layers.isArray() ? codes(layers, Set.of()) : null, body.path("mayWrite").asBoolean(false), admin.username(),
                    Instant.now(), null, null, null));
        } catch (IllegalArgumentException e) {
            ProtocolErrors.problem(response, 422, "Unprocessable Content", e.getMessage());
            return;
        }
        ObjectNode answer = describe(created.key());
        answer.put("token", created.token());
        record(admin, "API_KEY", "CREATE", Map.of(), Map.of("id", created.key().id(), "name", created.key().name()));
        send(response, 201, answer);
    }

    @DeleteMapping("/api-keys/{id}")
    public void revokeKey(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor admin = admin(request, response);
        if (admin == null) {
            return;
        }
        if (!keys.revoke(id, Instant.now())) {
            ProtocolErrors.problem(response, 404, "Not Found", "No API key " + id + " in force");
            return;
        }
        record(admin, "API_KEY", "REVOKE", Map.of("id", id), Map.of("id", id, "revoked", true));
        response.setStatus(204);
    }

    /** The signed-in administrator, or null after answering 401 or 403. */
    /** The signed-in administrator, or null after answering 401 or 403: for every administrators' endpoint. */
    public static Actor admin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = SignedIn.actor(request);
        if (actor == null) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Sign in as an administrator");
            return null;
        }
        if (!actor.has(Role.ADMIN)) {
            ProtocolErrors.problem(response, 403, "Forbidden", actor.username() + " is not an administrator");
            return null;
        }
        return actor;
    }

    private static JsonNode body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            JsonNode body = bytes.length > MAX_BODY_BYTES ? null : JSON.readTree(bytes);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        ProtocolErrors.problem(response, 400, "Bad Request", "Send a JSON object of at most " + MAX_BODY_BYTES / 1024 + " KB");
        return null;
    }

    private String department(JsonNode body, String otherwise) {
        if (!body.has("department")) {
            return otherwise;
        }
        String code = body.path("department").asString(null);
        if (code != null && organisation.department(code).isEmpty()) {
            throw new IllegalArgumentException("No department " + code);
        }
        return code;
    }

    private static Set<Role> roles(JsonNode body, Set<Role> otherwise) {
        if (!body.has("roles")) {
            return otherwise;
        }
        Set<Role> roles = new HashSet<>();
        for (String name : codes(body.path("roles"), Set.of())) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("No role " + name + "; roles are " + java.util.Arrays.toString(Role.values()));
            }
        }
        return roles;
    }

    private static Set<String> codes(JsonNode array, Set<String> otherwise) {
        if (array.isMissingNode() || array.isNull()) {
            return otherwise;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("Expected a list, not " + array);
        }
        Set<String> codes = new HashSet<>();
        array.forEach(item -> codes.add(item.asString()));
        return codes;
    }

    private void record(Actor admin, String kind, String action, Map<String, Object> before, Map<String, Object> after) {
        audit.record(new AuditEvent(0, Instant.now(), admin.username(), Channel.REST, kind, 0, action, before, after));
    }

    private static Map<String, Object> describeMap(User user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("displayName", user.displayName());
        values.put("department", user.departmentCode());
        values.put("enabled", user.enabled());
        values.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        values.put("jurisdictions", user.jurisdictions().stream().sorted().toList());
        return values;
    }

    private static ObjectNode describe(User user) {
        return JSON.valueToTree(describeMap(user));
    }

    private static ObjectNode describe(ApiKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", key.id());
        node.put("name", key.name());
        key.roles().stream().map(Enum::name).sorted().forEach(node.putArray("roles")::add);
        node.put("department", key.departmentCode());
        key.paths().stream().sorted().forEach(node.putArray("paths")::add);
        if (key.layers() != null) {
            key.layers().stream().sorted().forEach(node.putArray("layers")::add);
        }
        node.put("mayWrite", key.mayWrite());
        node.put("createdBy", key.createdBy());
        node.put("createdAt", String.valueOf(key.createdAt()));
        node.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        node.put("lastUsedAt", key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
        node.put("lastUsedFrom", key.lastUsedFrom());
        return node;
    }

    private static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
