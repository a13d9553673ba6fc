package org.terrawatch.monitoring.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.Handling;
import org.terrawatch.monitoring.patch.HandlingMeasure;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.PrecheckResult;
import org.terrawatch.monitoring.patch.Verification;
import org.terrawatch.monitoring.patch.VerificationResult;

/**
 * The fields of a change patch under the names they are published with (the columns of {@code change_patch},
 * as WFS, OGC API and REST show them): how to read each from a patch, how to parse a value a client sends,
 * and — for the fields a person edits — how to set it. The others are computed by the server (code, area,
 * attribution, overlays, time stamps, version); sending one back unchanged is fine, changing it is refused.
 */
public final class PatchFields {

    /** One field: read, parse, and (for editable fields) write into a draft. */
    public record Field(Function<ChangePatch, Object> read, BiFunction<String, Object, Object> parse,
                        BiConsumer<ChangePatch.Draft, Object> write) {

        public boolean editable() {
            return write != null;
        }
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        computed("id", ChangePatch::id, (e, v) -> FieldValue.number(e, "id", v));
        computed("code", ChangePatch::code, PatchFields::text);
        computed("task_id", ChangePatch::taskId, (e, v) -> FieldValue.number(e, "task_id", v));
        computed("before_date", ChangePatch::beforeDate, (e, v) -> FieldValue.date(e, "before_date", v));
        computed("after_date", ChangePatch::afterDate, (e, v) -> FieldValue.date(e, "after_date", v));
        computed("category", ChangePatch::category, (e, v) -> FieldValue.enumValue(e, "category", v, PatchCategory.class));
        editable("change_type", ChangePatch::changeType, (e, v) -> required(e, "change_type", FieldValue.enumValue(e, "change_type", v, ChangeType.class)),
                (d, v) -> d.changeType = (ChangeType) v);
        editable("geom", ChangePatch::geometry, (e, v) -> FieldValue.multiPolygon(e, "geom", v),
                (d, v) -> d.geometry = (org.locationtech.jts.geom.MultiPolygon) v);
        computed("area_m2", p -> p.area().squareMetres(), (e, v) -> FieldValue.number(e, "area_m2", v));
        computed("area_mu", p -> p.area().mu(), (e, v) -> FieldValue.number(e, "area_mu", v));
        computed("area_ha", p -> p.area().hectares(), (e, v) -> FieldValue.number(e, "area_ha", v));
        computed("county_code", p -> p.location().countyCode(), PatchFields::text);
        computed("county_name", p -> p.location().countyName(), PatchFields::text);
        computed("township_code", p -> p.location().townshipCode(), PatchFields::text);
        computed("township_name", p -> p.location().townshipName(), PatchFields::text);
        computed("village_code", p -> p.location().villageCode(), PatchFields::text);
        computed("village_name", p -> p.location().villageName(), PatchFields::text);
        computed("on_farmland_m2", p -> p.overlay().onFarmlandM2(), (e, v) -> FieldValue.number(e, "on_farmland_m2", v));
        computed("on_basic_farmland_m2", p -> p.overlay().onBasicFarmlandM2(), (e, v) -> FieldValue.number(e, "on_basic_farmland_m2", v));
        computed("outside_approved_m2", p -> p.overlay().outsideApprovedM2(), (e, v) -> FieldValue.number(e, "outside_approved_m2", v));
        computed("against_plan_m2", p -> p.overlay().againstPlanM2(), (e, v) -> FieldValue.number(e, "against_plan_m2", v));
        computed("in_mining_licence_m2", p -> p.overlay().inMiningLicenceM2(), (e, v) -> FieldValue.number(e, "in_mining_licence_m2", v));
        computed("outside_mining_licence_m2", p -> p.overlay().outsideMiningLicenceM2(), (e, v) -> FieldValue.number(e, "outside_mining_licence_m2", v));
        editable("precheck_result", ChangePatch::precheckResult,
                (e, v) -> FieldValue.enumValue(e, "precheck_result", v, PrecheckResult.class), (d, v) -> d.precheckResult = (PrecheckResult) v);
        editable("precheck_note", ChangePatch::precheckNote, PatchFields::text, (d, v) -> d.precheckNote = (String) v);
        editable("responsible_department", ChangePatch::responsibleDepartment, PatchFields::text,
                (d, v) -> d.responsibleDepartment = (String) v);
        editable(PatchWorkflow.STATUS, ChangePatch::status, (e, v) -> required(e, PatchWorkflow.STATUS, FieldValue.enumValue(e, PatchWorkflow.STATUS, v, PatchStatus.class)), (d, v) -> d.status = (PatchStatus) v);
        computed("pushed_at", ChangePatch::pushedAt, (e, v) -> FieldValue.instant(e, "pushed_at", v));
        editable("verification_due", ChangePatch::verificationDue, (e, v) -> FieldValue.date(e, "verification_due", v),
                (d, v) -> d.verificationDue = (java.time.LocalDate) v);
        editable("verification_result", p -> p.verification().result(),
                (e, v) -> FieldValue.enumValue(e, "verification_result", v, VerificationResult.class),
                (d, v) -> d.verification = new Verification((VerificationResult) v, d.verification.note(),
                        d.verification.verifiedBy(), d.verification.verifiedAt()));
        editable("verification_note", p -> p.verification().note(), PatchFields::text,
                (d, v) -> d.verification = new Verification(d.verification.result(), (String) v,
                        d.verification.verifiedBy(), d.verification.verifiedAt()));
        computed("verified_by", p -> p.verification().verifiedBy(), PatchFields::text);
        computed("verified_at", p -> p.verification().verifiedAt(), (e, v) -> FieldValue.instant(e, "verified_at", v));
        editable("handling", p -> p.handling().measure(), (e, v) -> FieldValue.enumValue(e, "handling", v, HandlingMeasure.class),
                (d, v) -> d.handling = new Handling((HandlingMeasure) v, d.handling.note(), d.handling.handledAt()));
        editable("handling_note", p -> p.handling().note(), PatchFields::text,
                (d, v) -> d.handling = new Handling(d.handling.measure(), (String) v, d.handling.handledAt()));
        computed("handled_at", p -> p.handling().handledAt(), (e, v) -> FieldValue.instant(e, "handled_at", v));
        computed("closed_at", ChangePatch::closedAt, (e, v) -> FieldValue.instant(e, "closed_at", v));
        computed("created_at", ChangePatch::createdAt, (e, v) -> FieldValue.instant(e, "created_at", v));
        computed("updated_at", ChangePatch::updatedAt, (e, v) -> FieldValue.instant(e, "updated_at", v));
        computed("version", ChangePatch::version, (e, v) -> FieldValue.number(e, "version", v));
    }

    private PatchFields() {
    }

    public static Optional<Field> field(String name) {
        return Optional.ofNullable(FIELDS.get(name));
    }

    public static Map<String, Field> all() {
        return FIELDS;
    }

    /** The stored values of some fields, for the audit trail (geometries as WKT, enums as names). */
    public static Map<String, Object> values(ChangePatch patch, Iterable<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            Object value = FIELDS.get(name).read().apply(patch);
            values.put(name, value == null ? null : value instanceof Number || value instanceof Boolean ? value : printable(value));
        }
        return values;
    }

    private static Object text(String entity, Object value) {
        return FieldValue.text(value);
    }

    /** Text for the audit trail; a large geometry is summarised rather than written out. */
    private static String printable(Object value) {
        if (value instanceof org.locationtech.jts.geom.Geometry geometry && geometry.getNumPoints() > 200) {
            return geometry.getGeometryType() + " of " + geometry.getNumPoints() + " points within " + geometry.getEnvelopeInternal();
        }
        return value.toString();
    }

    private static Object required(String entity, String field, Object value) {
        if (value == null) {
            throw RuleViolation.invalid(entity, field, "the field " + field + " may not be empty");
        }
        return value;
    }

    private static void computed(String name, Function<ChangePatch, Object> read, BiFunction<String, Object, Object> parse) {
        FIELDS.put(name, new Field(read, parse, null));
    }

    private static void editable(String name, Function<ChangePatch, Object> read, BiFunction<String, Object, Object> parse,
                                 BiConsumer<ChangePatch.Draft, Object> write) {
        FIELDS.put(name, new Field(read, parse, write));
    }
}
