package org.terrawatch.monitoring.patch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.geodesy.Area;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/**
 * Stored change patches: create with numbering, read, query, update with optimistic concurrency, delete.
 * Each method runs in the caller's transaction when there is one, otherwise in its own.
 *
 * <p>Numbering under concurrent writers: {@link PatchNumbers} hands each new patch its number in a transaction of
 * its own, so writers of one county never wait for each other's edits to end.
 */
public final class PatchRepository {

    private static final String COLUMNS = """
            id, code, task_id, before_date, after_date, category, change_type, ST_AsBinary(geom) AS geom,
            area_m2, ST_AsBinary(centroid) AS centroid, county_code, county_name, township_code, township_name,
            village_code, village_name, on_farmland_m2, on_basic_farmland_m2, outside_approved_m2, against_plan_m2,
            in_mining_licence_m2, outside_mining_licence_m2, precheck_result, precheck_note, responsible_department,
            status, pushed_at, verification_due, verification_result, verification_note, verified_by, verified_at,
            handling, handling_note, handled_at, closed_at, created_at, updated_at, version""";

    private final SpatialStore store;
    private final PatchNumbers numbers;

    public PatchRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.numbers = new PatchNumbers(store);
    }

    /** Stores a new patch with the next code of its county and month, status {@link PatchStatus#NEW}. */
    public ChangePatch create(NewPatch patch, Instant now) {
        return store.inTransaction(() -> {
            String county = patch.location().countyCode();
            boolean known = store.jdbc().sql("SELECT COUNT(*) FROM admin_unit WHERE code = :county AND level = 'COUNTY'")
                    .param("county", county).query(Integer.class).single() > 0;
            if (!known) {
                throw new IllegalArgumentException("Unknown county " + county + ": a patch is numbered by an existing county");
            }
            YearMonth month = YearMonth.from(patch.afterDate());
            int period = PatchCodes.period(month);
            int sequence = numbers.next(county, period);
            String code = PatchCodes.code(county, month, sequence);
            Map<String, Object> values = geometryValues(patch.geometry());
            values.putAll(locationValues(patch.location()));
            values.putAll(overlayValues(patch.overlay()));
            values.put("code", code);
            values.put("period", period);
            values.put("sequence", sequence);
            values.put("task", patch.taskId());
            values.put("before", patch.beforeDate());
            values.put("after", patch.afterDate());
            values.put("category", patch.changeType().category().name());
            values.put("changeType", patch.changeType().name());
            values.put("status", PatchStatus.NEW.name());
            values.put("now", Rows.timestamp(now));
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            store.jdbc().sql("""
                            INSERT INTO change_patch(code, code_period, code_sequence, task_id, before_date, after_date, category,
                                change_type, geom, area_m2, area_mu, area_ha, centroid, county_code, county_name, township_code,
                                township_name, village_code, village_name, on_farmland_m2, on_basic_farmland_m2, outside_approved_m2,
                                against_plan_m2, in_mining_licence_m2, outside_mining_licence_m2, status, created_at, updated_at, version)
                            VALUES (:code, :period, :sequence, :task, :before, :after, :category, :changeType,
                                ST_GeomFromWKB(:geom, 4490), :areaM2, :areaMu, :areaHa, ST_GeomFromWKB(:centroid, 4490), :countyCode,
                                :countyName, :townshipCode, :townshipName, :villageCode, :villageName, :onFarmland, :onBasicFarmland,
                                :outsideApproved, :againstPlan, :inMiningLicence, :outsideMiningLicence, :status, :now, :now, 0)""")
                    .params(values)
                    .update(key, "id");
            return find(key.getKey().longValue()).orElseThrow();
        });
    }

    public Optional<ChangePatch> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM change_patch WHERE id = :id").param("id", id)
                .query(PatchRepository::map).optional();
    }

    /**
     * Takes the row lock of the patch for the rest of the caller's transaction ({@code SELECT ... FOR UPDATE}), so that a
     * WFS lock granted on it and a write of it never interleave; false if there is no such patch.
     */
    public boolean claim(long id) {
        return !store.jdbc().sql("SELECT id FROM change_patch WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list().isEmpty();
    }

    public Optional<ChangePatch> findByCode(String code) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM change_patch WHERE code = :code").param("code", code)
                .query(PatchRepository::map).optional();
    }

    public List<ChangePatch> query(PatchQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM change_patch" + where
                        + " ORDER BY code OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query(PatchRepository::map).list();
    }

    /** How many patches the query selects, ignoring its page. */
    public long count(PatchQuery query) {
        Map<String, Object> params = new HashMap<>();
        return store.jdbc().sql("SELECT COUNT(*) FROM change_patch" + where(query, params))
                .params(params).query(Long.class).single();
    }

    private static String where(PatchQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.bbox() != null) {
            conditions.add("geom && ST_MakeEnvelope(:west, :south, :east, :north, 4490)");
            params.put("west", query.bbox().getMinX());
            params.put("south", query.bbox().getMinY());
            params.put("east", query.bbox().getMaxX());
            params.put("north", query.bbox().getMaxY());
        }
        if (!query.categories().isEmpty()) {
            conditions.add("category IN (:categories)");
            params.put("categories", query.categories().stream().map(Enum::name).toList());
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
            params.put("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.countyCode() != null) {
            conditions.add("county_code = :county");
            params.put("county", query.countyCode());
        }
        if (query.afterFrom() != null) {
            conditions.add("after_date >= :afterFrom");
            params.put("afterFrom", query.afterFrom());
        }
        if (query.afterTo() != null) {
            conditions.add("after_date <= :afterTo");
            params.put("afterTo", query.afterTo());
        }
        if (query.taskId() != null) {
            conditions.add("task_id = :task");
            params.put("task", query.taskId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * Writes the editable fields of the patch if nobody changed it since the version it carries; returns the
     * stored patch with its new version.
     *
     * @throws ConcurrentEditException if the stored version differs
     * @throws EntityNotFoundException if the patch does not exist
     */
    public ChangePatch update(ChangePatch patch, Instant now) {
        return update(patch, now, true);
    }

    /**
     * As {@link #update(ChangePatch, Instant)}; when the caller knows the geometry is unchanged, area and
     * representative point are not recomputed, the geometry not rewritten, and the stored patch is not read back.
     */
    public ChangePatch update(ChangePatch patch, Instant now, boolean geometryChanged) {
        return store.inTransaction(() -> {
            Map<String, Object> values = geometryChanged ? geometryValues(patch.geometry()) : new HashMap<>();
            values.putAll(locationValues(patch.location()));
            values.putAll(overlayValues(patch.overlay()));
            values.put("id", patch.id());
            values.put("version", patch.version());
            values.put("category", patch.category().name());
            values.put("changeType", patch.changeType().name());
            values.put("precheckResult", Rows.name(patch.precheckResult()));
            values.put("precheckNote", patch.precheckNote());
            values.put("department", patch.responsibleDepartment());
            values.put("status", patch.status().name());
            values.put("pushedAt", Rows.timestamp(patch.pushedAt()));
            values.put("verificationDue", patch.verificationDue());
            values.put("verificationResult", Rows.name(patch.verification().result()));
            values.put("verificationNote", patch.verification().note());
            values.put("verifiedBy", patch.verification().verifiedBy());
            values.put("verifiedAt", Rows.timestamp(patch.verification().verifiedAt()));
            values.put("handling", Rows.name(patch.handling().measure()));
            values.put("handlingNote", patch.handling().note());
            values.put("handledAt", Rows.timestamp(patch.handling().handledAt()));
            values.put("closedAt", Rows.timestamp(patch.closedAt()));
            values.put("now", Rows.timestamp(now));
            int updated = store.jdbc().sql("""
                            UPDATE change_patch SET category = :category, change_type = :changeType, """ + (geometryChanged ? """
                                geom = ST_GeomFromWKB(:geom, 4490), area_m2 = :areaM2, area_mu = :areaMu, area_ha = :areaHa,
                                centroid = ST_GeomFromWKB(:centroid, 4490),""" : "") + """
                                county_name = :countyName,
                                township_code = :townshipCode, township_name = :townshipName, village_code = :villageCode,
                                village_name = :villageName, on_farmland_m2 = :onFarmland, on_basic_farmland_m2 = :onBasicFarmland,
                                outside_approved_m2 = :outsideApproved, against_plan_m2 = :againstPlan,
                                in_mining_licence_m2 = :inMiningLicence, outside_mining_licence_m2 = :outsideMiningLicence,
                                precheck_result = :precheckResult, precheck_note = :precheckNote,
                                responsible_department = :department, status = :status, pushed_at = :pushedAt,
                                verification_due = :verificationDue, verification_result = :verificationResult,
                                verification_note = :verificationNote, verified_by = :verifiedBy, verified_at = :verifiedAt,
                                handling = :handling, handling_note = :handlingNote, handled_at = :handledAt,
                                closed_at = :closedAt, updated_at = :now, version = version + 1
                            WHERE id = :id AND version = :version""")
                    .params(values).update();
            if (updated == 0) {
                if (find(patch.id()).isEmpty()) {
                    throw new EntityNotFoundException("Patch " + patch.code());
                }
                throw new ConcurrentEditException("Patch " + patch.code(), patch.version());
            }
            return geometryChanged ? find(patch.id()).orElseThrow() : patch.stored(now, patch.version() + 1);
        });
    }

    /** Deletes the patch; false if it did not exist. */
    public boolean delete(long id) {
        return store.jdbc().sql("DELETE FROM change_patch WHERE id = :id").param("id", id).update() == 1;
    }

    private static Map<String, Object> geometryValues(MultiPolygon geometry) {
        Area area = GeodesicArea.of(geometry);
        Map<String, Object> values = new HashMap<>();
        values.put("geom", Wkb.write(geometry));
        values.put("areaM2", area.squareMetres());
        values.put("areaMu", area.mu());
        values.put("areaHa", area.hectares());
        values.put("centroid", Wkb.write(representativePoint(geometry)));
        return values;
    }

    /** The centroid, or an interior point for shapes (rings, crescents) whose centroid lies outside them. */
    static Point representativePoint(MultiPolygon geometry) {
        Point centroid = geometry.getCentroid();
        return geometry.contains(centroid) ? centroid : geometry.getInteriorPoint();
    }

    private static Map<String, Object> locationValues(AdminLocation location) {
        Map<String, Object> values = new HashMap<>();
        values.put("countyCode", location.countyCode());
        values.put("countyName", location.countyName());
        values.put("townshipCode", location.townshipCode());
        values.put("townshipName", location.townshipName());
        values.put("villageCode", location.villageCode());
        values.put("villageName", location.villageName());
        return values;
    }

    private static Map<String, Object> overlayValues(OverlayAreas overlay) {
        Map<String, Object> values = new HashMap<>();
        values.put("onFarmland", overlay.onFarmlandM2());
        values.put("onBasicFarmland", overlay.onBasicFarmlandM2());
        values.put("outsideApproved", overlay.outsideApprovedM2());
        values.put("againstPlan", overlay.againstPlanM2());
        values.put("inMiningLicence", overlay.inMiningLicenceM2());
        values.put("outsideMiningLicence", overlay.outsideMiningLicenceM2());
        return values;
    }

    private static ChangePatch map(ResultSet row, int n) throws SQLException {
        return new ChangePatch(row.getLong("id"), row.getString("code"), Rows.nullableLong(row, "task_id"),
                Rows.date(row, "before_date"), Rows.date(row, "after_date"),
                Rows.enumValue(row, "category", PatchCategory.class), Rows.enumValue(row, "change_type", ChangeType.class),
                Rows.geometry(row, "geom"), Area.ofSquareMetres(row.getDouble("area_m2")), Rows.geometry(row, "centroid"),
                new AdminLocation(row.getString("county_code"), row.getString("county_name"), row.getString("township_code"),
                        row.getString("township_name"), row.getString("village_code"), row.getString("village_name")),
                new OverlayAreas(row.getDouble("on_farmland_m2"), row.getDouble("on_basic_farmland_m2"),
                        row.getDouble("outside_approved_m2"), row.getDouble("against_plan_m2"),
                        row.getDouble("in_mining_licence_m2"), row.getDouble("outside_mining_licence_m2")),
                Rows.enumValue(row, "precheck_result", PrecheckResult.class), row.getString("precheck_note"),
                row.getString("responsible_department"), Rows.enumValue(row, "status", PatchStatus.class),
                Rows.instant(row, "pushed_at"), Rows.date(row, "verification_due"),
                new Verification(Rows.enumValue(row, "verification_result", VerificationResult.class),
                        row.getString("verification_note"), row.getString("verified_by"), Rows.instant(row, "verified_at")),
                new Handling(Rows.enumValue(row, "handling", HandlingMeasure.class), row.getString("handling_note"),
                        Rows.instant(row, "handled_at")),
                Rows.instant(row, "closed_at"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                row.getLong("version"));
    }
}
