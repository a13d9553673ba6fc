package org.terrawatch.monitoring.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.monitoring.workorder.WorkOrderState;
import org.terrawatch.store.SpatialStore;

/**
 * The one path by which people change work orders: state by {@link WorkOrderWorkflow}, the desk's fields
 * (description, department, working group, township, deadline), and feedback reports — audited in the same
 * transaction, announced after commit. Fields are named as the {@code work_orders} layer publishes them;
 * the others (code, source, title, creator, times, location) are the server's and sending them unchanged is fine.
 */
public final class WorkOrderEditor {

    public static final String KIND = "WORK_ORDER";
    private static final Set<String> COMPUTED = Set.of("id", "code", "source_kind", "alert_id", "patch_id", "title", "created_by",
            "created_at", "closed_at", "location", "version");

    private final SpatialStore store;
    private final WorkOrderRepository orders;
    private final OrganisationRepository organisation;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public WorkOrderEditor(SpatialStore store, AuditLog audit, ChangeEvents events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orders = new WorkOrderRepository(store);
        this.organisation = new OrganisationRepository(store);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String label(WorkOrder order) {
        return "Work order " + order.code() + " (id " + order.id() + ")";
    }

    public Optional<WorkOrder> find(long id) {
        return orders.find(id);
    }

    /** @see WorkOrderRepository#claim */
    public boolean claim(long id) {
        return orders.claim(id);
    }

    /** The transitions open to the actor on the order now: exactly those {@link #update} would let pass. */
    public java.util.List<Workflow.Transition<WorkOrderState, WorkOrderWorkflow.Subject>> next(Actor actor, WorkOrder order) {
        WorkOrderWorkflow.Subject subject = new WorkOrderWorkflow.Subject(order, orders.feedback(order.id()).size(), assignees(order));
        return WorkOrderWorkflow.WORKFLOW.next(order.state(), subject, actor);
    }

    /** Changes the state and desk fields named; see {@link PatchEditor#update} for the contract. */
    public WorkOrder update(Actor actor, Channel channel, long id, Long expectedVersion, Map<String, Object> values) {
        return store.inTransaction(() -> {
            WorkOrder stored = orders.find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
            String entity = label(stored);
            if (expectedVersion != null && expectedVersion != stored.version()) {
                throw new ConcurrentEditException(entity, expectedVersion);
            }
            Map<String, Object> before = fields(stored);
            Map<String, Object> wanted = new LinkedHashMap<>(before);
            Set<String> changed = new LinkedHashSet<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                String name = entry.getKey();
                if (!before.containsKey(name) && !COMPUTED.contains(name)) {
                    throw RuleViolation.invalid(entity, name, "a work order has no field " + name);
                }
                Object value = parse(entity, name, entry.getValue());
                if (COMPUTED.contains(name)) {
                    continue;
                }
                if (!FieldValue.same(before.get(name), value)) {
                    wanted.put(name, value);
                    changed.add(name);
                }
            }
            if (changed.isEmpty()) {
                return stored;
            }
            String department = (String) wanted.get("department_code");
            if (changed.contains("department_code") && department != null && organisation.department(department).isEmpty()) {
                throw RuleViolation.invalid(entity, "department_code", "there is no department " + department);
            }
            WorkOrderState from = stored.state();
            WorkOrderState to = (WorkOrderState) wanted.get(WorkOrderWorkflow.STATE);
            Instant now = clock.instant();
            WorkOrder edited = new WorkOrder(stored.id(), stored.code(), stored.source(), stored.alertId(), stored.patchId(),
                    stored.title(), (String) wanted.get("description"), (String) wanted.get("working_group_code"),
                    (String) wanted.get("department_code"), (String) wanted.get("township_code"), (Instant) wanted.get("deadline"),
                    to, stored.createdBy(), stored.createdAt(), to == WorkOrderState.CLOSED ? now : to != from ? null : stored.closedAt(),
                    stored.version());
            long feedback = orders.feedback(id).size();
            Optional<Workflow.Transition<WorkOrderState, WorkOrderWorkflow.Subject>> transition = WorkOrderWorkflow.WORKFLOW.check(
                    actor, entity, new WorkOrderWorkflow.Subject(stored, feedback, assignees(stored)),
                    new WorkOrderWorkflow.Subject(edited, feedback, assignees(edited)), from, to, changed);
            WorkOrder saved = orders.update(edited, now);
            String action = transition.map(Workflow.Transition::name).orElse("UPDATE");
            Map<String, Object> after = fields(saved);
            Map<String, Object> was = new LinkedHashMap<>();
            Map<String, Object> is = new LinkedHashMap<>();
            after.forEach((name, value) -> {
                if (!FieldValue.same(before.get(name), value)) {
                    was.put(name, printable(before.get(name)));
                    is.put(name, printable(value));
                }
            });
            audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, id, action, was, is));
            events.publishAfterCommit(new ChangeEvent(KIND, id, saved.code(), action, actor.username(), channel, null, now));
            return saved;
        });
    }

    /**
     * Dispatches (派发) a work order: the duty desk's (duty officers, administrators), to a working group and/or a
     * department that exist, audited as {@code dispatch}.
     */
    public WorkOrder dispatch(Actor actor, Channel channel, WorkOrder order) {
        return store.inTransaction(() -> {
            String entity = "A work order \"" + order.title() + "\"";
            if (!actor.hasAny(Set.of(org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER, org.terrawatch.monitoring.organisation.Role.ADMIN))) {
                throw RuleViolation.forbidden(entity, null, actor.username() + " may not dispatch work orders; that is the duty desk's");
            }
            if (order.workingGroupCode() == null && order.departmentCode() == null) {
                throw RuleViolation.invalid(entity, "working_group_code", "a work order goes to a working group or a department");
            }
            if (order.workingGroupCode() != null && organisation.workingGroups().stream().noneMatch(g -> g.code().equals(order.workingGroupCode()))) {
                throw RuleViolation.invalid(entity, "working_group_code", "there is no working group " + order.workingGroupCode());
            }
            if (order.departmentCode() != null && organisation.department(order.departmentCode()).isEmpty()) {
                throw RuleViolation.invalid(entity, "department_code", "there is no department " + order.departmentCode());
            }
            Instant now = clock.instant();
            WorkOrder saved = orders.dispatch(order, now);
            audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, saved.id(), "dispatch", Map.of(), printableFields(saved)));
            events.publishAfterCommit(new ChangeEvent(KIND, saved.id(), saved.code(), "dispatch", actor.username(), channel, null, now));
            return saved;
        });
    }

    private static Map<String, Object> printableFields(WorkOrder order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields(order).forEach((name, value) -> fields.put(name, printable(value)));
        fields.put("alert_id", order.alertId() == null ? "" : order.alertId());
        return fields;
    }

    /**
     * The duty officer's telephone call about the order (city rules art. 13: the leader in charge is told at once),
     * recorded on the order's history as {@code CALL}: to whom, and what was said.
     */
    public void recordCall(Actor actor, Channel channel, long id, String to, String note) {
        store.inTransaction(() -> {
            WorkOrder order = orders.find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
            String entity = label(order);
            if (!actor.hasAny(Set.of(org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER, org.terrawatch.monitoring.organisation.Role.ADMIN))) {
                throw RuleViolation.forbidden(entity, null, actor.username() + " may not record the duty desk's calls");
            }
            if (FieldValue.text(to) == null) {
                throw RuleViolation.invalid(entity, "to", "a call is made to somebody");
            }
            Instant now = clock.instant();
            audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, id, "CALL", Map.of(),
                    Map.of("to", to, "note", note == null ? "" : note)));
            events.publishAfterCommit(new ChangeEvent(KIND, id, order.code(), "CALL", actor.username(), channel, null, now));
            return null;
        });
    }

    /** A handler's report on an order dispatched to their department (or by the desk). */
    public Feedback report(Actor actor, Channel channel, long id, String body, String outcome, Point position) {
        return report(actor, channel, id, body, outcome, position, null).feedback();
    }

    /** A report and whether it was there already: sent again under the same client key, the stored one, unchanged. */
    public record Reported(Feedback feedback, boolean repeated) {
    }

    /**
     * A handler's report under its client's key ({@code null} for none): the same key on the same order again answers
     * the report stored the first time, adding nothing, so a phone that lost the answer can safely send it again.
     */
    public Reported report(Actor actor, Channel channel, long id, String body, String outcome, Point position, String clientKey) {
        return store.inTransaction(() -> {
            if (clientKey != null) {
                Optional<Feedback> stored = orders.feedbackByClientKey(id, clientKey);
                if (stored.isPresent()) {
                    return new Reported(stored.get(), true);
                }
            }
            WorkOrder order = orders.find(id).orElseThrow(() -> new EntityNotFoundException("Work order " + id));
            String entity = label(order);
            if (FieldValue.text(body) == null) {
                throw RuleViolation.invalid(entity, "body", "a feedback report needs a text");
            }
            boolean desk = actor.hasAny(Set.of(org.terrawatch.monitoring.organisation.Role.DUTY_OFFICER,
                    org.terrawatch.monitoring.organisation.Role.ADMIN));
            boolean handler = actor.hasAny(Set.of(org.terrawatch.monitoring.organisation.Role.DEPARTMENT_HANDLER,
                    org.terrawatch.monitoring.organisation.Role.FIELD_STAFF))
                    && assignees(order).contains(actor.departmentCode());
            if (!desk && !handler) {
                throw RuleViolation.forbidden(entity, null, actor.username() + " may not report on it: it is dispatched to "
                        + assignees(order));
            }
            if (order.state() == WorkOrderState.CLOSED || order.state() == WorkOrderState.DISPATCHED) {
                throw RuleViolation.invalid(entity, WorkOrderWorkflow.STATE, "reports are added once the order is accepted and before it is closed");
            }
            Instant now = clock.instant();
            Feedback saved = orders.addFeedback(new Feedback(0, id, actor.username(), actor.departmentCode(), body, outcome, position, now),
                    clientKey);
            audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, id, "FEEDBACK", Map.of(),
                    Map.of("feedback_id", saved.id(), "body", body, "outcome", outcome == null ? "" : outcome)));
            events.publishAfterCommit(new ChangeEvent(KIND, id, order.code(), "FEEDBACK", actor.username(), channel, null, now));
            return new Reported(saved, false);
        });
    }

    /** The departments an order is assigned to: its own, or its working group's members. */
    private Set<String> assignees(WorkOrder order) {
        Set<String> departments = new java.util.HashSet<>();
        if (order.departmentCode() != null) {
            departments.add(order.departmentCode());
        }
        if (order.workingGroupCode() != null) {
            organisation.workingGroups().stream().filter(g -> g.code().equals(order.workingGroupCode()))
                    .forEach(g -> departments.addAll(g.departmentCodes()));
        }
        return departments;
    }

    private static Map<String, Object> fields(WorkOrder order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", order.description());
        fields.put("working_group_code", order.workingGroupCode());
        fields.put("department_code", order.departmentCode());
        fields.put("township_code", order.townshipCode());
        fields.put("deadline", order.deadline());
        fields.put(WorkOrderWorkflow.STATE, order.state());
        return fields;
    }

    private static Object parse(String entity, String name, Object value) {
        return switch (name) {
            case "deadline" -> {
                Instant deadline = FieldValue.instant(entity, name, value);
                if (deadline == null) {
                    throw RuleViolation.invalid(entity, name, "a work order keeps a deadline");
                }
                yield deadline;
            }
            case WorkOrderWorkflow.STATE -> {
                WorkOrderState state = FieldValue.enumValue(entity, name, value, WorkOrderState.class);
                if (state == null) {
                    throw RuleViolation.invalid(entity, name, "the state may not be empty");
                }
                yield state;
            }
            default -> FieldValue.text(value);
        };
    }

    private static Object printable(Object value) {
        return value == null ? null : value.toString();
    }
}
