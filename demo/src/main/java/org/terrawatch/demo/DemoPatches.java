package org.terrawatch.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.calendar.DeadlineKind;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.Handling;
import org.terrawatch.monitoring.patch.HandlingMeasure;
import org.terrawatch.monitoring.patch.NewPatch;
import org.terrawatch.monitoring.patch.PatchOverlay;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.PrecheckResult;
import org.terrawatch.monitoring.patch.Verification;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.task.MonitoringTask;

/**
 * Change patches of past monitoring tasks, in the states their age makes plausible: July's mostly closed,
 * August's verified and handled, September's pushed and partly overdue, October's new and pre-checked.
 * Overlay areas are computed against the demo's base layers valid for each patch's month; admin
 * attribution comes from the stored admin units.
 */
final class DemoPatches {

    /** Change types with their relative frequency in a month's extraction. */
    private static final ChangeType[] TYPES = {
            ChangeType.NEW_BUILDING, ChangeType.NEW_BUILDING, ChangeType.NEW_BUILDING, ChangeType.ROAD_OR_HARDENING,
            ChangeType.LAND_LEVELLING, ChangeType.LAND_LEVELLING, ChangeType.BUILDING_ON_FARMLAND, ChangeType.BUILDING_ON_FARMLAND,
            ChangeType.POND_DIGGING, ChangeType.NURSERY_OR_ORCHARD, ChangeType.ABANDONED_FARMLAND, ChangeType.REVEGETATION,
            ChangeType.SLOPE_TREATMENT, ChangeType.OPEN_PIT_EXCAVATION, ChangeType.OPEN_PIT_EXCAVATION, ChangeType.SPOIL_DUMP,
            ChangeType.BURNED_AREA};

    private final SplittableRandom random;
    private final DemoArea area;
    private final LayerCoverage coverage;
    private final AdminUnitRepository units;
    private final PatchRepository patches;
    private final Deadlines deadlines;

    DemoPatches(SplittableRandom random, DemoArea area, LayerCoverage coverage, AdminUnitRepository units,
                PatchRepository patches, Deadlines deadlines) {
        this.random = random;
        this.area = area;
        this.coverage = coverage;
        this.units = units;
        this.patches = patches;
        this.deadlines = deadlines;
    }

    /** Random patches of a monthly task, advanced to states plausible on the reference day. */
    List<ChangePatch> forTask(MonitoringTask task, int count, LocalDate today) {
        List<ChangePatch> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChangeType type = TYPES[random.nextInt(TYPES.length)];
            Point at = Shapes.pointIn(random, area.outline());
            double side = Math.sqrt(300 + random.nextDouble(type == ChangeType.BURNED_AREA ? 60_000 : 12_000));
            MultiPolygon outline = Shapes.multiPolygon(Shapes.parcel(random, at.getX(), at.getY(), side * (0.7 + random.nextDouble() * 0.6), side));
            created.add(advance(create(task, type, outline), task, today));
        }
        return created;
    }

    /** The planted changes of the demo imagery, new in the task that compares its two epochs. */
    List<ChangePatch> forPlantedChanges(MonitoringTask task, List<DemoImagery.PlantedChange> changes) {
        List<ChangePatch> created = new ArrayList<>();
        for (DemoImagery.PlantedChange change : changes) {
            created.add(create(task, change.type(), Shapes.multiPolygon(change.outline())));
        }
        return created;
    }

    private ChangePatch create(MonitoringTask task, ChangeType type, MultiPolygon outline) {
        YearMonth month = task.period().afterMonth();
        LocalDate after = month.atDay(15 + random.nextInt(month.lengthOfMonth() - 15));
        LocalDate before = task.period().beforeMonth().atDay(10 + random.nextInt(15));
        AdminLocation location = units.locate(outline.getInteriorPoint());
        if (location.countyCode() == null) {
            location = AdminLocation.ofCounty("140311", "郊区"); // on the outline's edge: the suburbs take it
        }
        return patches.create(new NewPatch(task.id(), before, after, type, outline, location, PatchOverlay.of(type, outline, after, coverage)),
                Deadlines.endOf(month.plusMonths(1).atDay(5)));
    }

    /** Moves a new patch along its life cycle as far as its task's age makes plausible. */
    private ChangePatch advance(ChangePatch patch, MonitoringTask task, LocalDate today) {
        YearMonth month = task.period().afterMonth();
        long monthsAgo = month.until(YearMonth.from(today), java.time.temporal.ChronoUnit.MONTHS);
        double dice = random.nextDouble();
        LocalDate prechecked = month.plusMonths(1).atDay(7);
        LocalDate pushed = deadlines.extractionDue(month);
        if (monthsAgo <= 1 && dice < 0.35) {
            return patch; // still NEW: the pre-check of last month's patches is under way
        }
        boolean real = dice > 0.12;
        PrecheckResult precheck = !real ? PrecheckResult.NOT_A_CHANGE
                : patch.overlay().outsideApprovedM2() > 0 || patch.overlay().outsideMiningLicenceM2() > 0
                ? PrecheckResult.SUSPECTED_VIOLATION : PrecheckResult.NEEDS_FIELD_CHECK;
        Instant precheckAt = at(prechecked, 10);
        if (!real) {
            return save(patch.edit(d -> {
                d.precheckResult = PrecheckResult.NOT_A_CHANGE;
                d.precheckNote = "影像差异由季节与光照引起";
                d.status = PatchStatus.EXCLUDED;
                d.closedAt = precheckAt;
            }), precheckAt);
        }
        if (monthsAgo <= 1 && dice < 0.6) {
            return save(patch.edit(d -> {
                d.precheckResult = precheck;
                d.status = PatchStatus.PRE_CHECKED;
            }), precheckAt);
        }
        Instant pushedAt = at(pushed, 16);
        LocalDate due = deadlines.dueDay(DeadlineKind.SATELLITE_VERIFICATION, pushed);
        String department = DemoOrganisation.PATCH_DEPARTMENT.get(patch.category());
        ChangePatch onItsWay = patch.edit(d -> {
            d.precheckResult = precheck;
            d.responsibleDepartment = department;
            d.status = monthsAgo <= 1 ? PatchStatus.PUSHED : PatchStatus.VERIFYING;
            d.pushedAt = pushedAt;
            d.verificationDue = due;
        });
        if (monthsAgo <= 2 && dice < 0.75) {
            return save(onItsWay, pushedAt); // September's: open, some past their due date
        }
        Instant verifiedAt = at(pushed.plusDays(8 + random.nextInt(18)), 15);
        VerificationResult result = precheck == PrecheckResult.SUSPECTED_VIOLATION && random.nextDouble() < 0.7
                ? VerificationResult.ILLEGAL : random.nextDouble() < 0.85 ? VerificationResult.LEGAL : VerificationResult.NOT_REAL_CHANGE;
        ChangePatch verified = onItsWay.edit(d -> {
            d.status = PatchStatus.VERIFIED;
            d.verification = new Verification(result, result == VerificationResult.ILLEGAL ? "现场核实未取得用地审批手续" : "手续齐全",
                    department, verifiedAt);
        });
        if (monthsAgo <= 2) {
            return save(verified, verifiedAt);
        }
        Instant handledAt = verifiedAt.plusSeconds(86_400L * (5 + random.nextInt(20)));
        HandlingMeasure measure = result == VerificationResult.ILLEGAL
                ? (random.nextBoolean() ? HandlingMeasure.CASE_FILED : HandlingMeasure.DEMOLISHED) : HandlingMeasure.NO_ACTION_NEEDED;
        boolean closed = random.nextDouble() < 0.8;
        return save(verified.edit(d -> {
            d.status = closed ? PatchStatus.CLOSED : PatchStatus.HANDLED;
            d.handling = new Handling(measure, measure == HandlingMeasure.NO_ACTION_NEEDED ? null : "已按要求处置", handledAt);
            d.closedAt = closed ? handledAt.plusSeconds(86_400) : null;
        }), handledAt);
    }

    private ChangePatch save(ChangePatch patch, Instant at) {
        return patches.update(patch, at);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(Deadlines.CHINA).toInstant();
    }
}
