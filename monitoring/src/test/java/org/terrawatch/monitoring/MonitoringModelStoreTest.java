package org.terrawatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.terrawatch.monitoring.StoreFixture.NOW;
import static org.terrawatch.monitoring.StoreFixture.box;
import static org.terrawatch.monitoring.StoreFixture.point;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.alert.Alert;
import org.terrawatch.monitoring.alert.AlertRepository;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.alert.Screening;
import org.terrawatch.monitoring.attachment.Attachment;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.calendar.CalendarDay;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraKind;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.organisation.Department;
import org.terrawatch.monitoring.organisation.DepartmentKind;
import org.terrawatch.monitoring.organisation.Organisation;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.organisation.User;
import org.terrawatch.monitoring.organisation.WorkingGroup;
import org.terrawatch.monitoring.summary.MonitoringSummary;
import org.terrawatch.monitoring.summary.SummaryQuery;
import org.terrawatch.monitoring.task.MonitoringPeriod;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.monitoring.workorder.Feedback;
import org.terrawatch.monitoring.workorder.WorkOrder;
import org.terrawatch.monitoring.workorder.WorkOrderRepository;
import org.terrawatch.monitoring.workorder.WorkOrderSource;
import org.terrawatch.monitoring.workorder.WorkOrderState;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;

/** The rest of the monitoring model, stored and read back on PostGIS and on H2GIS. */
class MonitoringModelStoreTest {

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void positionsAreAttributedToCountyAndTownship(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            AdminUnitRepository units = new AdminUnitRepository(store);
            assertThat(units.locate(point(113.6, 37.8)))
                    .isEqualTo(new AdminLocation("140321", "平定县", "140321100", "冠山镇", null, null));
            assertThat(units.locate(point(113.45, 37.7))).isEqualTo(AdminLocation.ofCounty("140321", "平定县"));
            assertThat(units.locate(point(100, 30))).isEqualTo(AdminLocation.UNKNOWN);
            assertThat(units.children("1403")).extracting(u -> u.code()).containsExactly("140321", "140322");
            assertThat(units.find("140321").orElseThrow().areaM2()).isGreaterThan(1.0e9);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void organisationIsAppliedIdempotentlyAndUpdated(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            OrganisationRepository organisation = new OrganisationRepository(store);
            Organisation renamed = new Organisation(
                    List.of(new Department("gengdi", "耕地保护监督科", "Farmland Supervision", DepartmentKind.SECTION, null, "0353-1"),
                            new Department("zhifa", "综合行政执法队", null, DepartmentKind.ENFORCEMENT, null, null)),
                    List.of(new WorkingGroup("g1", "自然资源组", null, "年波", "耕地", List.of("zhifa"))),
                    List.of(new User("duty", "值守员", "gengdi", "{noop}new", false, Set.of(Role.DUTY_OFFICER, Role.VIEWER), Set.of("140302001"))));
            organisation.apply(renamed);
            organisation.apply(renamed);

            assertThat(organisation.departments()).hasSize(2);
            assertThat(organisation.department("gengdi").orElseThrow().name()).isEqualTo("耕地保护监督科");
            assertThat(organisation.workingGroups()).singleElement()
                    .satisfies(g -> assertThat(g.departmentCodes()).containsExactly("zhifa"));
            User duty = organisation.user("duty").orElseThrow();
            assertThat(duty.enabled()).isFalse();
            assertThat(duty.roles()).containsExactlyInAnyOrder(Role.DUTY_OFFICER, Role.VIEWER);
            assertThat(duty.departmentCode()).isEqualTo("gengdi");
            assertThat(duty.jurisdictions()).containsExactly("140302001");

            // What the admin API changed survives the next start while the declaration stays as it was...
            organisation.save(new User("duty", "值守员", "gengdi", "{noop}reset", true, Set.of(Role.VIEWER), Set.of()));
            organisation.apply(renamed);
            assertThat(organisation.user("duty").orElseThrow().passwordHash()).isEqualTo("{noop}reset");
            assertThat(organisation.user("duty").orElseThrow().roles()).containsExactly(Role.VIEWER);
            // ...and an edited declaration applies again.
            organisation.apply(new Organisation(renamed.departments(), renamed.workingGroups(),
                    List.of(new User("duty", "值守员", "gengdi", "{noop}edited", false, Set.of(Role.DUTY_OFFICER), Set.of()))));
            assertThat(organisation.user("duty").orElseThrow().passwordHash()).isEqualTo("{noop}edited");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aMonthsComparisonUsesTheBaseLayerVersionValidThatMonth(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            BaseLayerRepository layers = new BaseLayerRepository(store);
            var first = layers.handIn(BaseLayerKind.MINING_LICENCE, "zhifa", LocalDate.of(2026, 1, 1), "2026年初采矿权",
                    List.of(BaseFeature.of(BaseLayerKind.MINING_LICENCE, "石灰岩矿", "C1403002010", "平定某建材有限公司",
                            LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), null, "140321", box(113.6, 37.8, 113.61, 37.81))), NOW);
            var second = layers.handIn(BaseLayerKind.MINING_LICENCE, "zhifa", LocalDate.of(2026, 10, 1), "新增一宗",
                    List.of(BaseFeature.of(BaseLayerKind.MINING_LICENCE, "石灰岩矿", "C1403002010", "平定某建材有限公司",
                                    LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), null, "140321", box(113.6, 37.8, 113.61, 37.81)),
                            BaseFeature.of(BaseLayerKind.MINING_LICENCE, "砂石矿", "C1403002026", "盂县某砂石厂",
                                    LocalDate.of(2026, 10, 1), LocalDate.of(2029, 9, 30), null, "140322", box(113.3, 38.1, 113.31, 38.11))), NOW);

            assertThat(second.version()).isEqualTo(2);
            assertThat(layers.versionValidOn(BaseLayerKind.MINING_LICENCE, YearMonth.of(2026, 9).atEndOfMonth())).contains(first);
            assertThat(layers.versionValidOn(BaseLayerKind.MINING_LICENCE, YearMonth.of(2026, 10).atEndOfMonth())).contains(second);
            assertThat(layers.versionValidOn(BaseLayerKind.MINING_LICENCE, LocalDate.of(2025, 12, 31))).isEmpty();
            assertThat(layers.versionValidOn(BaseLayerKind.FARMLAND, LocalDate.of(2026, 12, 31))).isEmpty();
            List<BaseFeature> inYu = layers.features(second.id(), new Envelope(113.0, 113.5, 38.0, 38.3));
            assertThat(inYu).singleElement().satisfies(f -> {
                assertThat(f.holder()).isEqualTo("盂县某砂石厂");
                assertThat(f.validTo()).isEqualTo(LocalDate.of(2029, 9, 30));
                assertThat(f.areaM2()).isBetween(0.9e6, 1.0e6);
            });
            assertThatThrownBy(() -> layers.handIn(BaseLayerKind.FARMLAND, "gengdi", LocalDate.of(2026, 1, 1), null,
                    List.of(BaseFeature.of(BaseLayerKind.PLAN_ZONE, null, null, null, null, null, null, null, box(1, 1, 2, 2))), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(layers.featureCount()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void tasksCompareTheEpochsOfTheirPeriod(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            ImageryEpochRepository epochs = new ImageryEpochRepository(store);
            ImageryEpoch september = epochs.register(epoch("GF2-202609", LocalDate.of(2026, 9, 21)));
            ImageryEpoch october = epochs.register(epoch("GF2-202610", LocalDate.of(2026, 10, 18)));
            assertThat(epochs.find(october.id())).contains(october);
            assertThat(epochs.all()).extracting(ImageryEpoch::name).containsExactly("GF2-202609", "GF2-202610");

            MonitoringTaskRepository tasks = new MonitoringTaskRepository(store);
            MonitoringTask task = tasks.plan(MonitoringPeriod.monthly(YearMonth.of(2026, 10)), LocalDate.of(2026, 11, 10), NOW);
            tasks.attachEpochs(task.id(), september.id(), october.id());
            MonitoringTask ready = tasks.findByCode("M2026-10").orElseThrow();
            assertThat(ready.state()).isEqualTo(TaskState.IMAGERY_READY);
            assertThat(ready.period()).isEqualTo(task.period());
            assertThat(ready.beforeEpochId()).isEqualTo(september.id());
            tasks.setState(task.id(), TaskState.EXTRACTING);
            assertThat(tasks.find(task.id()).orElseThrow().state()).isEqualTo(TaskState.EXTRACTING);

            MonitoringTask quarter = tasks.plan(MonitoringPeriod.quarterly(2026, 3), null, NOW);
            assertThat(tasks.find(quarter.id()).orElseThrow().period().beforeMonth()).isEqualTo(YearMonth.of(2026, 6));
            assertThatThrownBy(() -> tasks.plan(MonitoringPeriod.monthly(YearMonth.of(2026, 10)), null, NOW))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void alertsAreStoredOnceWhateverHowOftenTheyArePushed(StoreType type) throws Exception {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            Camera camera = new CameraRepository(store).add(new Camera(0, "HP-01", "冠山高点", CameraKind.HIGH_POINT, "140321100",
                    point(113.6, 37.8), 45.0, box(113.58, 37.78, 113.62, 37.82).getGeometryN(0) instanceof org.locationtech.jts.geom.Polygon p ? p : null,
                    true, NOW));
            AlertRepository alerts = new AlertRepository(store);
            Alert pushed = Alert.received("AI-778899", camera.id(), AlertType.EXCAVATOR, NOW.minusSeconds(30), NOW,
                    point(113.605, 37.801), "snapshots/AI-778899.jpg", 0.91, "140321100");

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Alert>> pushes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pushes.add(pool.submit(() -> alerts.receive(pushed)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Alert> push : pushes) {
                ids.add(push.get(60, TimeUnit.SECONDS).id());
            }
            pool.shutdown();
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM alert").query(Long.class).single()).isEqualTo(1);

            Alert stored = alerts.find(ids.get(0)).orElseThrow();
            assertThat(stored.screening()).isEqualTo(Screening.PENDING);
            assertThat(stored.confidence()).isEqualTo(0.91);
            Alert screened = alerts.screen(stored.id(), stored.version(), Screening.CONFIRMED, "duty", "采矿证范围外挖掘", NOW);
            assertThat(screened.screening()).isEqualTo(Screening.CONFIRMED);
            assertThatThrownBy(() -> alerts.screen(stored.id(), stored.version(), Screening.FALSE_ALARM, "duty", null, NOW))
                    .isInstanceOf(ConcurrentEditException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void workOrdersCarryFeedbackAndRefuseStaleStateChanges(StoreType type, @TempDir Path attachments) throws Exception {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            WorkOrderRepository orders = new WorkOrderRepository(store);
            WorkOrder order = orders.dispatch(WorkOrder.toDispatch(WorkOrderSource.MANUAL, null, null, "冠山镇疑似倾倒垃圾",
                    "值班巡查发现", "g1", null, "140321100", NOW.plusSeconds(7 * 86400), "duty"), NOW);
            assertThat(order.code()).matches("GD20261103-\\d{6}");
            assertThat(order.state()).isEqualTo(WorkOrderState.DISPATCHED);

            Feedback feedback = orders.addFeedback(new Feedback(0, order.id(), "duty", "zhifa", "已清理", "RECTIFIED",
                    point(113.6, 37.8), NOW.plusSeconds(3600)));
            AttachmentStore files = new AttachmentStore(store, attachments);
            byte[] photo = "jpeg bytes".getBytes(StandardCharsets.UTF_8);
            Attachment first = files.add("FEEDBACK", feedback.id(), "现场.jpg", "image/jpeg", new ByteArrayInputStream(photo),
                    "清理后", point(113.6, 37.8), NOW, "duty", NOW);
            Attachment again = files.add("FEEDBACK", feedback.id(), "现场2.jpg", "image/jpeg", new ByteArrayInputStream(photo),
                    null, null, null, "duty", NOW);
            assertThat(again.storagePath()).isEqualTo(first.storagePath());
            assertThat(Files.readAllBytes(files.contentOf(first))).isEqualTo(photo);
            assertThat(first.sha256()).hasSize(64);
            assertThat(files.of("FEEDBACK", feedback.id())).extracting(Attachment::fileName).containsExactly("现场.jpg", "现场2.jpg");
            assertThat(orders.feedback(order.id())).containsExactly(feedback);

            WorkOrder closed = orders.changeState(order.id(), order.version(), WorkOrderState.CLOSED, NOW);
            assertThat(closed.closedAt()).isEqualTo(NOW);
            assertThatThrownBy(() -> orders.changeState(order.id(), order.version(), WorkOrderState.RETURNED, NOW))
                    .isInstanceOf(ConcurrentEditException.class);
            assertThatThrownBy(() -> orders.changeState(9999, 0, WorkOrderState.CLOSED, NOW))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void auditHistoryKeepsBeforeAndAfterValuesAndTheCalendarIsReplaced(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            AuditLog audit = new AuditLog(store);
            audit.record(new AuditEvent(0, NOW, "duty", Channel.WFS_T, "PATCH", 7, "UPDATE",
                    Map.of("status", "NEW"), Map.of("status", "PRE_CHECKED", "precheckNote", "疑似违法")));
            audit.record(new AuditEvent(0, NOW.plusSeconds(1), "leader", Channel.REST, "PATCH", 7, "CLOSE", null, null));
            List<AuditEvent> history = audit.history("PATCH", 7);
            assertThat(history).extracting(AuditEvent::action).containsExactly("UPDATE", "CLOSE");
            assertThat(history.get(0).after()).containsEntry("precheckNote", "疑似违法");
            assertThat(history.get(0).channel()).isEqualTo(Channel.WFS_T);
            assertThat(audit.history("PATCH", 8)).isEmpty();

            CalendarRepository calendar = new CalendarRepository(store);
            calendar.replace(List.of(new CalendarDay(LocalDate.of(2026, 10, 1), CalendarDay.Kind.HOLIDAY, "国庆节"),
                    new CalendarDay(LocalDate.of(2026, 10, 10), CalendarDay.Kind.WORKDAY, "国庆节调休")));
            calendar.replace(List.of(new CalendarDay(LocalDate.of(2026, 10, 1), CalendarDay.Kind.HOLIDAY, "国庆节")));
            assertThat(calendar.load().isPublicHoliday(LocalDate.of(2026, 10, 1))).isTrue();
            assertThat(calendar.load().size()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theSummaryCountsWhatIsStored(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            var patches = new org.terrawatch.monitoring.patch.PatchRepository(store);
            var patch = patches.create(new org.terrawatch.monitoring.patch.NewPatch(null, null, LocalDate.of(2026, 9, 5),
                    org.terrawatch.monitoring.patch.ChangeType.SPOIL_DUMP, box(113.6, 37.8, 113.601, 37.801),
                    AdminLocation.ofCounty("140321", "平定县"), null), NOW);
            patches.update(patch.edit(d -> {
                d.status = org.terrawatch.monitoring.patch.PatchStatus.PUSHED;
                d.verificationDue = LocalDate.of(2026, 10, 31);
            }), NOW);

            MonitoringSummary summary = new SummaryQuery(store).read(LocalDate.of(2026, 11, 22));
            assertThat(summary.store()).isEqualTo(type.displayName());
            assertThat(summary.adminUnits()).isEqualTo(5);
            assertThat(summary.departments()).isEqualTo(2);
            assertThat(summary.workingGroups()).isEqualTo(1);
            assertThat(summary.users()).isEqualTo(1);
            assertThat(summary.patches()).isEqualTo(1);
            assertThat(summary.patchesByCategory()).containsEntry("NON_COAL_MINE", 1L).containsEntry("FIRE_WARNING", 0L);
            assertThat(summary.patchesByStatus()).containsEntry("PUSHED", 1L).containsEntry("NEW", 0L);
            assertThat(summary.overduePatches()).isEqualTo(1);
            assertThat(new SummaryQuery(store).read(LocalDate.of(2026, 10, 31)).overduePatches()).isZero();
            assertThat(summary.alerts()).isZero();
        }
    }

    private static ImageryEpoch epoch(String name, LocalDate acquired) {
        return new ImageryEpoch(0, name, "GF-2 PMS", acquired, 0.8, "EPSG:4547", List.of("BLUE", "GREEN", "RED", "NIR"), 3.5,
                "imagery/" + name + ".tif", (org.locationtech.jts.geom.Polygon) box(113.5, 37.7, 113.7, 37.9).getGeometryN(0), NOW);
    }
}
