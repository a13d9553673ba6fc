package org.terrawatch.monitoring.patch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.terrawatch.geodesy.Area;
import org.terrawatch.monitoring.admin.AdminLocation;

/**
 * A change patch (变化图斑) as stored: what changed where between two dates, how the office pre-check and
 * the responsible department judged it, and how it was handled.
 *
 * @param code          county code + yyyymm + 4-digit sequence, e.g. 1403212026100007
 * @param category      follows from the change type
 * @param area          geodesic area of the geometry on the CGCS2000 ellipsoid
 * @param centroid      representative point: the centroid, or an interior point where the centroid falls outside
 * @param version       incremented by every update; an update naming an older version is refused
 */
public record ChangePatch(long id, String code, Long taskId, LocalDate beforeDate, LocalDate afterDate,
                          PatchCategory category, ChangeType changeType, MultiPolygon geometry, Area area, Point centroid,
                          AdminLocation location, OverlayAreas overlay,
                          PrecheckResult precheckResult, String precheckNote, String responsibleDepartment,
                          PatchStatus status, Instant pushedAt, LocalDate verificationDue,
                          Verification verification, Handling handling, Instant closedAt,
                          Instant createdAt, Instant updatedAt, long version) {

    public ChangePatch {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(status, "status");
        verification = verification == null ? Verification.NONE : verification;
        handling = handling == null ? Handling.NONE : handling;
        if (category != changeType.category()) {
            throw new IllegalArgumentException("Change type " + changeType + " belongs to " + changeType.category() + ", not " + category);
        }
    }

    /**
     * A copy with changes applied to a draft of the editable fields, e.g.
     * {@code patch.edit(d -> { d.status = PatchStatus.PUSHED; d.responsibleDepartment = "gengdi"; })}.
     * Identity, code, dates, timestamps and version are not editable; area and representative point follow
     * the geometry when the edit is stored.
     */
    public ChangePatch edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return new ChangePatch(id, code, taskId, beforeDate, afterDate, draft.changeType.category(), draft.changeType,
                draft.geometry, area, centroid, draft.location, draft.overlay, draft.precheckResult, draft.precheckNote,
                draft.responsibleDepartment, draft.status, draft.pushedAt, draft.verificationDue, draft.verification,
                draft.handling, draft.closedAt, createdAt, updatedAt, version);
    }

    /** The patch as an update stored it, when nothing but its bookkeeping changed in the store. */
    ChangePatch stored(Instant updated, long newVersion) {
        return new ChangePatch(id, code, taskId, beforeDate, afterDate, category, changeType, geometry, area, centroid, location,
                overlay, precheckResult, precheckNote, responsibleDepartment, status, pushedAt, verificationDue, verification,
                handling, closedAt, createdAt, updated, newVersion);
    }

    /** The editable fields of a patch, filled from it; see {@link #edit(Consumer)}. */
    public static final class Draft {
        public ChangeType changeType;
        public MultiPolygon geometry;
        public AdminLocation location;
        public OverlayAreas overlay;
        public PrecheckResult precheckResult;
        public String precheckNote;
        public String responsibleDepartment;
        public PatchStatus status;
        public Instant pushedAt;
        public LocalDate verificationDue;
        public Verification verification;
        public Handling handling;
        public Instant closedAt;

        private Draft(ChangePatch patch) {
            changeType = patch.changeType;
            geometry = patch.geometry;
            location = patch.location;
            overlay = patch.overlay;
            precheckResult = patch.precheckResult;
            precheckNote = patch.precheckNote;
            responsibleDepartment = patch.responsibleDepartment;
            status = patch.status;
            pushedAt = patch.pushedAt;
            verificationDue = patch.verificationDue;
            verification = patch.verification;
            handling = patch.handling;
            closedAt = patch.closedAt;
        }
    }
}
