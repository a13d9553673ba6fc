package org.terrawatch.monitoring.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.calendar.DeadlineKind;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.Handling;
import org.terrawatch.monitoring.patch.NewPatch;
import org.terrawatch.monitoring.patch.PatchOverlay;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.Verification;
import org.terrawatch.store.SpatialStore;

/**
 * The one path by which people change patches, whatever interface they use (WFS-T, OGC API, REST, web UI):
 * fields by their published names in, {@link PatchWorkflow} consulted, the patch stored with optimistic
 * concurrency, the change written to the audit trail in the same transaction, and a {@link ChangeEvent}
 * published after commit. Each call joins the caller's transaction, so a multi-action request is all or
 * nothing.
 *
 * <p>Stamps follow transitions: push sets pushed_at and (unless given) verification_due one month on, moved
 * off holidays; verify records who verified and when; handle and close record when.
 */
public final class PatchEditor {

    public static final String KIND = "PATCH";
    private static final Set<String> BOOKKEEPING = Set.of("version", "updated_at");

    private final SpatialStore store;
    private final PatchRepository patches;
    private final AdminUnitRepository admin;
    private final OrganisationRepository organisation;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final java.util.function.Supplier<Deadlines> deadlines;
    private final Clock clock;
    private final java.util.Map<org.terrawatch.monitoring.patch.PatchCategory, String> pushRouting;

    /** @param deadlines the deadline rules as of now (the holiday calendar may be replaced while the server runs) */
    public PatchEditor(SpatialStore store, AuditLog audit, ChangeEvents events, java.util.function.Supplier<Deadlines> deadlines,
                       Clock clock) {
        this(store, audit, events, deadlines, clock, java.util.Map.of());
    }

    /**
     * @param pushRouting the department each category is pushed to when a push names none (city rules, article 6: the
     *                    sections and units that handle each kind of patch)
     */
    public PatchEditor(SpatialStore store, AuditLog audit, ChangeEvents events, java.util.function.Supplier<Deadlines> deadlines,
                       Clock clock, java.util.Map<org.terrawatch.monitoring.patch.PatchCategory, String> pushRouting) {
        this.pushRouting = java.util.Map.copyOf(pushRouting);
        this.store = Objects.requireNonNull(store, "store");
        this.patches = new PatchRepository(store);
        this.admin = new AdminUnitRepository(store);
        this.organisation = new OrganisationRepository(store);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String label(ChangePatch patch) {
        return "Patch " + patch.code() + " (id " + patch.id() + ")";
    }

    public Optional<ChangePatch> find(long id) {
        return patches.find(id);
    }

    /** @see PatchRepository#claim */
    public boolean claim(long id) {
        return patches.claim(id);
    }

    /**
     * Changes the given fields; fields not named keep their values.
     *
     * @param expectedVersion the version the client saw, or null to edit whatever is stored now (a concurrent
     *                        change between this read and the write still gives a conflict)
     * @throws RuleViolation            the workflow refuses the change
     * @throws ConcurrentEditException  the patch is no longer at the expected version
     * @throws EntityNotFoundException  no such patch
     */
    public ChangePatch update(Actor actor, Channel channel, long id, Long expectedVersion, Map<String, Object> values) {
        return store.inTransaction(() -> apply(actor, channel, load(id, expectedVersion), values));
    }

    /** Replaces the editable fields: those not given become empty (and required ones are then refused). */
    public ChangePatch replace(Actor actor, Channel channel, long id, Long expectedVersion, Map<String, Object> values) {
        Map<String, Object> complete = new java.util.LinkedHashMap<>();
        PatchFields.all().forEach((name, field) -> {
            if (field.editable()) {
                complete.put(name, values.get(name));
            }
        });
        values.forEach(complete::putIfAbsent);
        return update(actor, channel, id, expectedVersion, complete);
    }

    private ChangePatch load(long id, Long expectedVersion) {
        ChangePatch stored = patches.find(id).orElseThrow(() -> new EntityNotFoundException("Patch " + id));
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new ConcurrentEditException(label(stored), expectedVersion);
        }
        return stored;
    }

    private ChangePatch apply(Actor actor, Channel channel, ChangePatch stored, Map<String, Object> values) {
        String entity = label(stored);
        Set<String> changed = new LinkedHashSet<>();
        ChangePatch edited = stored.edit(draft -> {
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                PatchFields.Field field = PatchFields.field(entry.getKey()).orElseThrow(() ->
                        RuleViolation.invalid(entity, entry.getKey(), "a patch has no field " + entry.getKey()));
                Object value = field.parse().apply(entity, entry.getValue());
                if (FieldValue.same(field.read().apply(stored), value)) {
                    continue;
                }
                if (BOOKKEEPING.contains(entry.getKey())) {
                    // A client sending back what it read (GDAL sends every field): another version means someone else wrote since.
                    throw new ConcurrentEditException(entity, value instanceof Number n ? n.longValue() : stored.version());
                }
                if (!field.editable()) {
                    throw RuleViolation.forbidden(entity, entry.getKey(), "the field " + entry.getKey()
                            + " is computed by the server and cannot be changed (it is " + field.read().apply(stored) + ")");
                }
                field.write().accept(draft, value);
                changed.add(entry.getKey());
            }
        });
        if (changed.isEmpty()) {
            return stored;
        }
        String routed = pushRouting.get(edited.changeType().category());
        if (edited.status() == PatchStatus.PUSHED && stored.status() != PatchStatus.PUSHED && edited.responsibleDepartment() == null
                && routed != null) {
            // Pushed without naming the department: the one article 6 gives the category.
            edited = edited.edit(draft -> draft.responsibleDepartment = routed);
            changed.add("responsible_department");
        }
        if (changed.contains("responsible_department") && edited.responsibleDepartment() != null
                && organisation.department(edited.responsibleDepartment()).isEmpty()) {
            throw RuleViolation.invalid(entity, "responsible_department", "there is no department " + edited.responsibleDepartment());
        }
        ChangePatch located = changed.contains("geom") ? reattribute(entity, edited) : edited;
        Optional<Workflow.Transition<PatchStatus, ChangePatch>> transition = PatchWorkflow.WORKFLOW.check(actor, entity, stored,
                located, stored.status(), located.status(), changed);
        Instant now = clock.instant();
        ChangePatch stamped = transition.map(t -> stamp(t.name(), located, actor, now)).orElse(located);
        ChangePatch saved = patches.update(stamped, now, changed.contains("geom"));
        Set<String> differing = differences(stored, saved);
        String action = transition.map(Workflow.Transition::name).orElse("UPDATE");
        audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, saved.id(), action,
                PatchFields.values(stored, differing), PatchFields.values(saved, differing)));
        Envelope extent = new Envelope(stored.geometry().getEnvelopeInternal());
        extent.expandToInclude(saved.geometry().getEnvelopeInternal());
        events.publishAfterCommit(new ChangeEvent(KIND, saved.id(), saved.code(), action, actor.username(), channel, extent, now));
        return saved;
    }

    private ChangePatch reattribute(String entity, ChangePatch edited) {
        AdminLocation location = admin.locate(edited.geometry().getInteriorPoint());
        if (!Objects.equals(location.countyCode(), edited.location().countyCode())) {
            throw RuleViolation.invalid(entity, "geom", "the new geometry lies in county " + location.countyCode()
                    + ", not " + edited.location().countyCode() + ", whose code the patch carries; digitise it anew there");
        }
        return edited.edit(d -> d.location = location);
    }

    private ChangePatch stamp(String transition, ChangePatch patch, Actor actor, Instant now) {
        return patch.edit(d -> {
            switch (transition) {
                case "push" -> {
                    d.pushedAt = now;
                    if (d.verificationDue == null) {
                        d.verificationDue = deadlines.get().dueDay(DeadlineKind.SATELLITE_VERIFICATION, LocalDate.ofInstant(now, Deadlines.CHINA));
                    }
                }
                case "verify" -> d.verification = new Verification(d.verification.result(), d.verification.note(), actor.username(), now);
                case "handle" -> d.handling = new Handling(d.handling.measure(), d.handling.note(), now);
                case "close" -> d.closedAt = now;
                case "reopen-closed" -> d.closedAt = null;
                default -> {
                }
            }
        });
    }

    private static Set<String> differences(ChangePatch before, ChangePatch after) {
        Set<String> names = new LinkedHashSet<>();
        PatchFields.all().forEach((name, field) -> {
            if (!BOOKKEEPING.contains(name) && !FieldValue.same(field.read().apply(before), field.read().apply(after))) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Digitises a new patch by hand: geom, change_type and after_date are required; before_date and task_id
     * optional; the patch is attributed to the admin units under it and numbered in its county. Editable
     * fields given as well (a pre-check, say) are then applied by the workflow's rules for a new patch.
     * Computed fields sent along are ignored: the server computes them.
     */
    public ChangePatch create(Actor actor, Channel channel, Map<String, Object> values) {
        return store.inTransaction(() -> {
            String entity = "New patch";
            if (!PatchWorkflow.mayCreate(actor)) {
                throw RuleViolation.forbidden(entity, null, actor.username() + " may not digitise patches; that is for roles [ANALYST, ADMIN]");
            }
            MultiPolygon geometry = FieldValue.multiPolygon(entity, "geom", values.get("geom"));
            if (!geometry.isValid()) {
                throw RuleViolation.invalid(entity, "geom", "the geometry is not valid (self-intersecting or badly nested rings)");
            }
            ChangeType type = FieldValue.enumValue(entity, "change_type", values.get("change_type"), ChangeType.class);
            LocalDate after = FieldValue.date(entity, "after_date", values.get("after_date"));
            if (type == null || after == null) {
                throw RuleViolation.invalid(entity, type == null ? "change_type" : "after_date", "a new patch needs geom, change_type and after_date");
            }
            LocalDate before = FieldValue.date(entity, "before_date", values.get("before_date"));
            if (before != null && !before.isBefore(after)) {
                throw RuleViolation.invalid(entity, "before_date", "before_date " + before + " must precede after_date " + after);
            }
            Double task = FieldValue.number(entity, "task_id", values.get("task_id"));
            Object status = values.get(PatchWorkflow.STATUS);
            if (FieldValue.text(status) != null && !PatchStatus.NEW.name().equalsIgnoreCase(FieldValue.text(status))) {
                throw RuleViolation.invalid(entity, PatchWorkflow.STATUS, "a patch starts as NEW, not " + status);
            }
            AdminLocation location = admin.locate(geometry.getInteriorPoint());
            if (location.countyCode() == null) {
                throw RuleViolation.invalid(entity, "geom", "the geometry lies outside every county of the monitored area");
            }
            ChangePatch created = insert(actor, channel, new NewPatch(task == null ? null : task.longValue(), before, after, type, geometry,
                    location, PatchOverlay.of(type, geometry, after, new LayerCoverage(new BaseLayerRepository(store)))));
            Map<String, Object> rest = new java.util.LinkedHashMap<>();
            values.forEach((name, value) -> PatchFields.field(name).filter(PatchFields.Field::editable)
                    .filter(f -> !name.equals("geom") && !name.equals("change_type") && !name.equals(PatchWorkflow.STATUS))
                    .ifPresent(f -> rest.put(name, value)));
            return rest.isEmpty() ? created : apply(actor, channel, created, rest);
        });
    }

    /**
     * Stores patches found by change detection, all or none, each numbered in its county, audited as created by the
     * actor through the channel, and announced once the transaction commits.
     */
    public List<ChangePatch> createDetected(Actor actor, Channel channel, List<NewPatch> found) {
        return store.inTransaction(() -> {
            if (!PatchWorkflow.mayCreate(actor)) {
                throw RuleViolation.forbidden("New patches", null, actor.username() + " may not create patches; that is for roles [ANALYST, ADMIN]");
            }
            List<ChangePatch> created = new java.util.ArrayList<>(found.size());
            for (NewPatch patch : found) {
                created.add(insert(actor, channel, patch));
            }
            return created;
        });
    }

    private ChangePatch insert(Actor actor, Channel channel, NewPatch patch) {
        Instant now = clock.instant();
        ChangePatch created = patches.create(patch, now);
        audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, created.id(), "CREATE", Map.of(),
                PatchFields.values(created, PatchFields.all().keySet().stream().filter(n -> !BOOKKEEPING.contains(n)).toList())));
        events.publishAfterCommit(new ChangeEvent(KIND, created.id(), created.code(), "CREATE", actor.username(), channel,
                created.geometry().getEnvelopeInternal(), now));
        return created;
    }

    /** Deletes a patch that has no work orders; the audit trail keeps its last values. */
    public ChangePatch delete(Actor actor, Channel channel, long id, Long expectedVersion) {
        return store.inTransaction(() -> {
            ChangePatch stored = load(id, expectedVersion);
            String entity = label(stored);
            if (!PatchWorkflow.mayDelete(actor, stored)) {
                throw RuleViolation.forbidden(entity, null, actor.username() + " may not delete it: administrators delete patches, "
                        + "analysts only NEW ones, and it is " + stored.status());
            }
            long orders = store.jdbc().sql("SELECT COUNT(*) FROM work_order WHERE patch_id = :id").param("id", id).query(Long.class).single();
            if (orders > 0) {
                throw RuleViolation.invalid(entity, null, "it has " + orders + " work order(s); close the patch instead of deleting it");
            }
            patches.delete(id);
            Instant now = clock.instant();
            audit.record(new AuditEvent(0, now, actor.username(), channel, KIND, id, "DELETE",
                    PatchFields.values(stored, PatchFields.all().keySet().stream().filter(n -> !BOOKKEEPING.contains(n)).toList()), Map.of()));
            events.publishAfterCommit(new ChangeEvent(KIND, id, stored.code(), "DELETE", actor.username(), channel,
                    stored.geometry().getEnvelopeInternal(), now));
            return stored;
        });
    }
}
