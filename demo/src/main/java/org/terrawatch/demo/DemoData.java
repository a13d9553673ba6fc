package org.terrawatch.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.AlertTriage;
import org.terrawatch.monitoring.alert.IncidentRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.DepartmentKind;
import org.terrawatch.monitoring.organisation.Organisation;
import org.terrawatch.monitoring.organisation.WorkingGroup;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.task.MonitoringPeriod;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.store.SpatialStore;

/**
 * A deterministic, plausible Yangquan demo: the same seed and reference day give the same data, row for
 * row and pixel for pixel. Everything goes into the store in one transaction, so a start interrupted while
 * loading leaves an empty store and the next start loads again. The departments and working groups it
 * assigns work to come from the data directory's organisation, which must be applied first.
 */
public final class DemoData {

    /** The day the demo is "as of": tasks, deadlines and alerts are placed relative to it. */
    public static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 11, 22);
    private static final long SEED = 20_240_506L; // the day the Yangquan rules were issued

    private DemoData() {
    }

    /** Whether the store holds no monitoring data yet (no admin units): the demo is loaded only then. */
    public static boolean isEmpty(SpatialStore store) {
        return new AdminUnitRepository(store).count() == 0;
    }

    /**
     * Loads the demo into an empty store and writes its two imagery epochs under {@code dataDir/imagery}.
     *
     * @param deadlines the working calendar's deadlines (holidays from the data directory)
     */
    public static DemoReport load(SpatialStore store, Path dataDir, Deadlines deadlines) {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant loadedAt = Deadlines.endOf(REFERENCE_DAY.minusDays(1));
        DemoArea area = new DemoArea(random.split());
        DemoImagery imagery = new DemoImagery(113.575, 37.735);
        imagery.writeBefore(dataDir.resolve("imagery/demo-2026-09-20.tif"));
        imagery.writeAfter(dataDir.resolve("imagery/demo-2026-10-18.tif"));
        return store.inTransaction(() -> {
            AdminUnitRepository units = new AdminUnitRepository(store);
            List<AdminUnit> adminUnits = area.units();
            adminUnits.forEach(units::add);

            DemoBaseLayers baseLayers = new DemoBaseLayers(random.split(), area, imagery.footprint());
            int baseFeatures = baseLayers.handIn(new BaseLayerRepository(store), loadedAt);

            ImageryEpochRepository epochs = new ImageryEpochRepository(store);
            ImageryEpoch before = epochs.register(epoch("DEMO-2026-09-20", LocalDate.of(2026, 9, 20), "imagery/demo-2026-09-20.tif", imagery, loadedAt));
            ImageryEpoch after = epochs.register(epoch("DEMO-2026-10-18", LocalDate.of(2026, 10, 18), "imagery/demo-2026-10-18.tif", imagery, loadedAt));

            MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
            DemoPatches patches = new DemoPatches(random.split(), area, new LayerCoverage(new BaseLayerRepository(store)), units, new PatchRepository(store), deadlines);
            int patchCount = 0;
            int taskCount = 0;
            for (int month = 7; month <= 10; month++) {
                YearMonth monitored = YearMonth.of(2026, month);
                MonitoringTask task = tasks.plan(MonitoringPeriod.monthly(monitored), deadlines.extractionDue(monitored),
                        Deadlines.endOf(monitored.atDay(1).minusDays(1)));
                taskCount++;
                if (month == 10) {
                    tasks.attachEpochs(task.id(), before.id(), after.id());
                    patchCount += patches.forPlantedChanges(task, imagery.changes()).size();
                }
                patchCount += patches.forTask(task, 70, REFERENCE_DAY).size();
                tasks.setState(task.id(), month == 10 ? TaskState.PRE_CHECKING : month == 9 ? TaskState.VERIFYING : TaskState.REPORTED);
            }
            MonitoringTask quarter = tasks.plan(MonitoringPeriod.quarterly(2026, 3), deadlines.extractionDue(YearMonth.of(2026, 9)),
                    Deadlines.endOf(LocalDate.of(2026, 9, 30)));
            tasks.setState(quarter.id(), TaskState.VERIFYING);
            taskCount++;

            DemoVideo video = new DemoVideo(random.split(), area, units, deadlines);
            List<Camera> cameras = video.cameras(new CameraRepository(store), loadedAt);
            int workOrders = video.alerts(cameras, new AlertRepository(store), new AlertTriage(store, AlertTriage.Grouping.DEFAULT),
                    new IncidentRepository(store), new org.terrawatch.monitoring.workorder.WorkOrderRepository(store), REFERENCE_DAY);
            return new DemoReport(adminUnits.size(), baseFeatures, 2, taskCount, patchCount, cameras.size(), workOrders);
        });
    }

    /**
     * The departments and working groups the demo hands work to, named by their codes: for loading the demo into a
     * store without the data directory's {@code organisation.yml} (tests).
     */
    public static Organisation organisationSkeleton() {
        List<String> codes = List.of(DemoOrganisation.SATELLITE_CENTRE, DemoOrganisation.ENFORCEMENT, DemoOrganisation.FARMLAND,
                DemoOrganisation.MINERALS, DemoOrganisation.LAND_USE, DemoOrganisation.PLANNING, DemoOrganisation.RESTORATION,
                DemoOrganisation.APPROVALS, DemoOrganisation.FIRE_CENTRE);
        List<Department> departments = codes.stream().map(c -> new Department(c, c, null, DepartmentKind.SECTION, null, null)).toList();
        List<WorkingGroup> groups = DemoOrganisation.ALERT_GROUP.values().stream().distinct()
                .map(g -> new WorkingGroup(g, g, null, null, null, List.of(DemoOrganisation.ENFORCEMENT))).toList();
        return new Organisation(departments, groups, List.of());
    }

    private static ImageryEpoch epoch(String name, LocalDate acquired, String file, DemoImagery imagery, Instant registered) {
        return new ImageryEpoch(0, name, "TerraWatch synthetic 4-band", acquired, DemoImagery.PIXEL_METRES, DemoImagery.CRS_CODE,
                DemoImagery.BANDS, 0.0, file, imagery.footprint(), registered);
    }
}
