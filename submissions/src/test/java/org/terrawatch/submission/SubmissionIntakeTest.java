package org.terrawatch.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.demo.DemoData;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerVersion;
import org.terrawatch.monitoring.calendar.CalendarDay;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;
import org.terrawatch.submission.testing.Gdal;

/**
 * Departments' hand-ins on the demo, on both stores, with files made by GDAL as departments make them: a GBK
 * shapefile without a {@code .cpg}, a GeoPackage in Gauss-Krüger metres, CSV corner points, the real (self-intersecting)
 * Jiaoqu boundary as KML, and files that cannot be read — each accepted as the next version or refused with its
 * report, leaving the base layers as they were.
 */
class SubmissionIntakeTest {

    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    static final Path SHARED = Path.of(System.getProperty("terrawatch.shared.data", "../../shared/data"));
    static final List<SubmittedLayer> LAYERS = List.of(
            new SubmittedLayer("approved_land", BaseLayerKind.APPROVED_LAND, "shenpi"),
            new SubmittedLayer("mining_licences", BaseLayerKind.MINING_LICENCE, "kuangchan"),
            new SubmittedLayer("plan_zones", BaseLayerKind.PLAN_ZONE, "guihua"));
    static final Map<String, List<String>> ALIASES = Map.of(
            "name", List.of("项目名称", "XMMC", "矿山名称"),
            "reference", List.of("批准文号", "PZWH", "许可证号"),
            "holder", List.of("采矿权人"),
            "valid_to", List.of("有效期止"));
    static final Actor SHENPI = new Actor("shenpi1", Set.of(Role.DEPARTMENT_HANDLER), "shenpi", Set.of());
    static final Actor KUANGCHAN = new Actor("kuangchan1", Set.of(Role.DEPARTMENT_HANDLER), "kuangchan", Set.of());
    static final Actor GENGDI = new Actor("gengdi", Set.of(Role.DEPARTMENT_HANDLER), "gengdi", Set.of());
    static final Actor REGISTRAR = new Actor("cehui1", Set.of(Role.VIEWER), "cehui", Set.of());

    @TempDir
    static Path dir;
    static final Map<StoreType, SpatialStore> STORES = new EnumMap<>(StoreType.class);
    static byte[] gbkShapefile;
    static byte[] bowTie;
    static byte[] withoutPrj;
    static byte[] xian80;
    static byte[] localGrid;
    static byte[] geoPackage;
    static byte[] jiaoquKml;

    @BeforeAll
    static void files() throws Exception {
        // Three approvals, Chinese names, one with its part twice, as a careless merge leaves it (repaired), in CGCS2000 degrees.
        Path approvals = Files.writeString(dir.resolve("approvals.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"项目名称":"冠山镇工业园区一期","批准文号":"晋政地〔2026〕12号"},
                 "geometry":{"type":"MultiPolygon","coordinates":[[[[113.55,37.86],[113.553,37.86],[113.553,37.862],[113.55,37.862],[113.55,37.86]]]]}},
                {"type":"Feature","properties":{"项目名称":"义井镇安置小区","批准文号":"晋政地〔2026〕31号"},
                 "geometry":{"type":"MultiPolygon","coordinates":[[[[113.56,37.86],[113.563,37.86],[113.563,37.862],[113.56,37.862],[113.56,37.86]]],
                   [[[113.56,37.86],[113.563,37.86],[113.563,37.862],[113.56,37.862],[113.56,37.86]]]]}},
                {"type":"Feature","properties":{"项目名称":"荫营镇物流仓储","批准文号":"阳政地〔2026〕7号"},
                 "geometry":{"type":"MultiPolygon","coordinates":[[[[113.57,37.86],[113.572,37.86],[113.572,37.861],[113.57,37.861],[113.57,37.86]]]]}}]}
                """);
        Path gbk = Gdal.ogr2ogr(dir.resolve("gbk.shp"), approvals, "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-a_srs", "EPSG:4490");
        // Many departments' files come from old software without a .cpg: the encoding must be told from the bytes.
        gbkShapefile = Gdal.zip(dir, "gbk", ".shp", ".shx", ".dbf", ".prj");
        withoutPrj = Gdal.zip(dir, "gbk", ".shp", ".shx", ".dbf", ".cpg");
        Files.writeString(dir.resolve("xian.prj"), "PROJCS[\"Xian_1980_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        for (String ending : List.of(".shp", ".shx", ".dbf")) {
            Files.copy(dir.resolve("gbk" + ending), dir.resolve("xian" + ending));
            Files.copy(dir.resolve("gbk" + ending), dir.resolve("local" + ending));
        }
        xian80 = Gdal.zip(dir, "xian", ".shp", ".shx", ".dbf", ".prj");
        Files.writeString(dir.resolve("local.prj"), "LOCAL_CS[\"工地坐标\",LOCAL_DATUM[\"工地\",0],UNIT[\"metre\",1]]");
        localGrid = Gdal.zip(dir, "local", ".shp", ".shx", ".dbf", ".prj");
        bowTie = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"项目名称":"正常地块"},"geometry":{"type":"Polygon","coordinates":[[[113.55,37.86],[113.553,37.86],[113.553,37.862],[113.55,37.86]]]}},
                {"type":"Feature","properties":{"项目名称":"蝴蝶形地块"},"geometry":{"type":"Polygon","coordinates":[[[113.56,37.86],[113.563,37.862],[113.563,37.86],[113.56,37.862],[113.56,37.86]]]}}]}
                """.getBytes(StandardCharsets.UTF_8);
        Path licences = Files.writeString(dir.resolve("licences.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"矿山名称":"盂县某石料厂","许可证号":"C1403002026017","采矿权人":"阳泉某建材有限公司","有效期止":"2029/6/30"},
                 "geometry":{"type":"Polygon","coordinates":[[[113.50,37.90],[113.505,37.90],[113.505,37.904],[113.50,37.904],[113.50,37.90]]]}}]}
                """);
        geoPackage = Files.readAllBytes(Gdal.ogr2ogr(dir.resolve("licences.gpkg"), licences, "-f", "GPKG", "-s_srs", "EPSG:4490",
                "-t_srs", "EPSG:4547", "-nln", "mining_licences"));
        Path admin = SHARED.resolve("admin/140300_full.json");
        assertThat(admin).as("the real boundaries in ../shared/data/admin (see the README)").exists();
        jiaoquKml = Files.readAllBytes(Gdal.ogr2ogr(dir.resolve("jiaoqu.kml"), admin, "-f", "KML", "-where", "adcode = 140311"));
        for (StoreType type : StoreType.values()) {
            SpatialStore store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
            new OrganisationRepository(store).apply(DemoData.organisationSkeleton());
            DemoData.load(store, dir.resolve("demo-" + type), new Deadlines(new WorkingCalendar(List.of())));
            STORES.put(type, store);
        }
    }

    @AfterAll
    static void close() {
        STORES.values().forEach(SpatialStore::close);
    }

    static SubmissionIntake intake(StoreType type, Instant now) {
        SpatialStore store = STORES.get(type);
        WorkingCalendar calendar = new WorkingCalendar(List.of(new CalendarDay(LocalDate.of(2027, 1, 1), CalendarDay.Kind.HOLIDAY, "元旦")));
        return new SubmissionIntake(store, LAYERS, ALIASES, "cehui", new AttachmentStore(store, dir.resolve("attachments-" + type)),
                () -> new Deadlines(calendar), Clock.fixed(now, ZoneOffset.UTC));
    }

    static SubmissionIntake.Request request(String layer, String month, String fileName, byte[] content) {
        return new SubmissionIntake.Request(layer, month, null, null, null, null, null, fileName, content);
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aGbkShapefileWithoutCpgBecomesTheLayersNextVersionWithItsChineseAttributes(StoreType type) {
        BaseLayerRepository layers = new BaseLayerRepository(STORES.get(type));
        BaseLayerVersion before = layers.versionValidOn(BaseLayerKind.APPROVED_LAND, LocalDate.of(2026, 11, 15)).orElseThrow();
        Submission submission = intake(type, NOW).handIn(request("approved_land", "2026-11", "批地数据.zip", gbkShapefile), SHENPI);
        assertThat(submission.state()).as(submission.reason()).isEqualTo(Submission.State.ACCEPTED);
        assertThat(submission.format()).isEqualTo("SHAPEFILE");
        assertThat(submission.encoding()).contains("GB18030", "detected");
        assertThat(submission.crs()).contains("EPSG:4490");
        assertThat(submission.features()).isEqualTo(3);
        assertThat(submission.repaired()).isEqualTo(1);
        assertThat(submission.department()).isEqualTo("shenpi");
        assertThat(submission.onTime()).isTrue();
        SubmissionReport report = SubmissionReport.fromJson(submission.report());
        assertThat(report.fields()).containsEntry("name", "项目名称").containsEntry("reference", "批准文号");
        assertThat(report.features()).filteredOn(f -> f.status() == FeatureOutcome.Status.REPAIRED).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo("REPAIRED_MERGED_PARTS"))
                .satisfies(f -> assertThat(f.label()).isEqualTo("义井镇安置小区"));
        BaseLayerVersion now = layers.versionValidOn(BaseLayerKind.APPROVED_LAND, LocalDate.of(2026, 11, 15)).orElseThrow();
        assertThat(now.id()).isEqualTo(submission.versionId());
        assertThat(now.version()).isEqualTo(before.version() + 1);
        assertThat(now.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        // The previous version stays for the months it applied to.
        assertThat(layers.versionValidOn(BaseLayerKind.APPROVED_LAND, LocalDate.of(2026, 10, 31)).orElseThrow().id()).isEqualTo(before.id());
        List<BaseFeature> features = layers.features(now.id(), new org.locationtech.jts.geom.Envelope(113, 114, 37, 38));
        assertThat(features).extracting(BaseFeature::name).containsExactlyInAnyOrder("冠山镇工业园区一期", "义井镇安置小区", "荫营镇物流仓储");
        assertThat(features).extracting(BaseFeature::reference).contains("晋政地〔2026〕12号");
        BaseFeature merged = features.stream().filter(f -> f.name().equals("义井镇安置小区")).findFirst().orElseThrow();
        assertThat(merged.geometry().getNumGeometries()).isEqualTo(1);
        assertThat(merged.geometry().isValid()).isTrue();
        assertThat(new AttachmentStore(STORES.get(type), dir.resolve("attachments-" + type)).of("SUBMISSION", submission.id()))
                .singleElement().satisfies(a -> assertThat(a.sizeBytes()).isEqualTo(gbkShapefile.length));
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void oneRefusedFeatureRefusesTheWholeSubmissionAndLeavesTheLayerAsItWas(StoreType type) {
        BaseLayerRepository layers = new BaseLayerRepository(STORES.get(type));
        List<BaseLayerVersion> before = layers.versions(BaseLayerKind.APPROVED_LAND);
        long featuresBefore = layers.featureCount();
        Submission submission = intake(type, NOW).handIn(request("approved_land", "2026-11", "bowtie.geojson", bowTie), SHENPI);
        assertThat(submission.state()).isEqualTo(Submission.State.REFUSED);
        assertThat(submission.reasonCode()).isEqualTo("REFUSED_FEATURES");
        assertThat(submission.reason()).contains("1 of 2 features were refused", "蝴蝶形地块", "self-intersection at 113.56");
        assertThat(submission.versionId()).isNull();
        SubmissionReport report = SubmissionReport.fromJson(submission.report());
        assertThat(report.features()).extracting(FeatureOutcome::status).containsExactly(FeatureOutcome.Status.ACCEPTED, FeatureOutcome.Status.REFUSED);
        assertThat(report.csv()).contains("2,\"蝴蝶形地块\",REFUSED,SELF_INTERSECTION,");
        assertThat(layers.versions(BaseLayerKind.APPROVED_LAND)).isEqualTo(before);
        assertThat(layers.featureCount()).isEqualTo(featuresBefore);
        assertThat(new SubmissionRepository(STORES.get(type)).find(submission.id())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theRealJiaoquBoundaryAsKmlIsRefusedForItsSelfIntersection(StoreType type) {
        long featuresBefore = new BaseLayerRepository(STORES.get(type)).featureCount();
        Submission submission = intake(type, NOW).handIn(request("plan_zones", "2026-11", "郊区.kml", jiaoquKml), REGISTRAR);
        assertThat(submission.state()).isEqualTo(Submission.State.REFUSED);
        assertThat(submission.format()).isEqualTo("KML");
        assertThat(submission.department()).isEqualTo("guihua");
        FeatureOutcome outcome = SubmissionReport.fromJson(submission.report()).features().get(0);
        assertThat(outcome.code()).isEqualTo("PARTS_SHARE_EDGES");
        assertThat(outcome.label()).isEqualTo("郊区");
        assertThat(outcome.message()).startsWith("parts 1 and 2 share an edge at 113.").contains("repair=merge-parts");
        assertThat(new BaseLayerRepository(STORES.get(type)).featureCount()).isEqualTo(featuresBefore);
        // Asked to, the intake merges them: one polygon with the city districts as its hole.
        Submission merged = intake(type, NOW).handIn(new SubmissionIntake.Request("plan_zones", "2026-11", null, null, null, null,
                "merge-parts", "郊区.kml", jiaoquKml), REGISTRAR);
        assertThat(merged.state()).as(merged.reason()).isEqualTo(Submission.State.ACCEPTED);
        assertThat(merged.repaired()).isEqualTo(1);
        BaseFeature jiaoqu = new BaseLayerRepository(STORES.get(type)).features(merged.versionId(),
                new org.locationtech.jts.geom.Envelope(113, 114, 37, 39)).get(0);
        assertThat(jiaoqu.geometry().isValid()).isTrue();
        assertThat(jiaoqu.geometry().getNumGeometries()).isEqualTo(1);
        assertThat(((org.locationtech.jts.geom.Polygon) jiaoqu.geometry().getGeometryN(0)).getNumInteriorRing()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void filesThatCannotBeReadOrPlacedAreRefusedWithTheirReason(StoreType type) {
        BaseLayerRepository layers = new BaseLayerRepository(STORES.get(type));
        long featuresBefore = layers.featureCount();
        List<BaseLayerVersion> before = layers.versions(BaseLayerKind.APPROVED_LAND);
        byte[] corrupt = "PK\u0003\u0004 this is no zip at all".getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> files = Map.of("CORRUPT_FILE", corrupt, "MISSING_PRJ", withoutPrj, "NO_TRANSFORMATION", xian80,
                "UNKNOWN_CRS", localGrid);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Submission submission = intake(type, NOW).handIn(request("approved_land", "2026-11", file.getKey() + ".zip", file.getValue()), SHENPI);
            assertThat(submission.state()).as(file.getKey()).isEqualTo(Submission.State.REFUSED);
            assertThat(submission.reasonCode()).as(submission.reason()).isEqualTo(file.getKey());
        }
        assertThat(intake(type, NOW).handIn(request("approved_land", "2026-11", "x.zip", withoutPrj), SHENPI).reason())
                .contains("without its .prj");
        assertThat(intake(type, NOW).handIn(request("approved_land", "2026-11", "x.zip", xian80), SHENPI).reason())
                .contains("Xian 1980", "No transformation of known accuracy");
        assertThat(layers.versions(BaseLayerKind.APPROVED_LAND)).isEqualTo(before);
        assertThat(layers.featureCount()).isEqualTo(featuresBefore);
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aGeoPackageInGaussKruegerMetresAndCsvCornerPointsLandWhereTheyAre(StoreType type) {
        Submission gpkg = intake(type, NOW).handIn(request("mining_licences", "2026-11", "采矿权.gpkg", geoPackage), KUANGCHAN);
        assertThat(gpkg.state()).as(gpkg.reason()).isEqualTo(Submission.State.ACCEPTED);
        assertThat(gpkg.crs()).contains("EPSG:4547");
        BaseLayerRepository layers = new BaseLayerRepository(STORES.get(type));
        BaseFeature licence = layers.features(gpkg.versionId(), new org.locationtech.jts.geom.Envelope(113, 114, 37, 38)).get(0);
        assertThat(licence.holder()).isEqualTo("阳泉某建材有限公司");
        assertThat(licence.validTo()).isEqualTo(LocalDate.of(2029, 6, 30));
        assertThat(licence.geometry().getEnvelopeInternal().getMinX()).isCloseTo(113.50, within(1e-6));
        assertThat(licence.geometry().getEnvelopeInternal().getMaxY()).isCloseTo(37.904, within(1e-6));
        // The same licence as its corner points (拐点坐标) in EPSG:4547, as the licence certificate lists them.
        org.locationtech.jts.geom.Geometry metres = org.terrawatch.ows.Reprojection.between(org.terrawatch.ows.Crs.STORAGE,
                new org.terrawatch.ows.Crs(4547, true)).apply(licence.geometry());
        StringBuilder csv = new StringBuilder("许可证号,矿山名称,点号,X,Y\n");
        org.locationtech.jts.geom.Coordinate[] corners = metres.getGeometryN(0).getCoordinates();
        for (int i = 0; i < corners.length - 1; i++) {
            csv.append("C1403002026017,盂县某石料厂,").append(i + 1).append(',').append(corners[i].x).append(',').append(corners[i].y).append('\n');
        }
        Submission points = intake(type, NOW).handIn(new SubmissionIntake.Request("mining_licences", "2026-11", null, null, null, "EPSG:4547",
                null, "拐点坐标.csv", csv.toString().getBytes(java.nio.charset.Charset.forName("GB18030"))), KUANGCHAN);
        assertThat(points.state()).as(points.reason()).isEqualTo(Submission.State.ACCEPTED);
        assertThat(points.encoding()).contains("GB18030");
        BaseFeature again = layers.features(points.versionId(), new org.locationtech.jts.geom.Envelope(113, 114, 37, 38)).get(0);
        assertThat(again.reference()).isEqualTo("C1403002026017");
        assertThat(GeodesicArea.of(again.geometry()).squareMetres()).isCloseTo(GeodesicArea.of(licence.geometry()).squareMetres(), within(1.0));
        // Without its CRS a CSV is refused, never guessed.
        Submission unnamed = intake(type, NOW).handIn(request("mining_licences", "2026-11", "拐点坐标.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)), KUANGCHAN);
        assertThat(unnamed.reasonCode()).isEqualTo("UNKNOWN_CRS");
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void onlyTheLayersDepartmentOrTheRegistrarHandsItIn(StoreType type) {
        SubmissionIntake intake = intake(type, NOW);
        assertThatThrownBy(() -> intake.handIn(request("approved_land", "2026-11", "x.zip", gbkShapefile), GENGDI))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("handed in by shenpi");
        assertThatThrownBy(() -> intake.handIn(new SubmissionIntake.Request("approved_land", "2026-11", null, null, "shenpi", null, null, "x.zip",
                gbkShapefile), GENGDI)).isInstanceOf(RuleViolation.class).hasMessageContaining("on behalf");
        assertThatThrownBy(() -> intake.handIn(request("roads", "2026-11", "x.zip", gbkShapefile), SHENPI))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("approved_land, mining_licences, plan_zones");
        assertThatThrownBy(() -> intake.handIn(request("approved_land", "2027-01", "x.zip", gbkShapefile), SHENPI))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("has not begun");
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void theRegisterShowsWhoHandedInOnTimeWhoIsOverdueAndWhenAChangeWasDue(StoreType type) {
        SpatialStore store = STORES.get(type);
        Instant late = Instant.parse("2026-12-03T02:00:00Z");
        Submission change = intake(type, late).handIn(new SubmissionIntake.Request("approved_land", "2026-12", null, "2026-12-01", null, null,
                null, "变更.zip", gbkShapefile), REGISTRAR);
        assertThat(change.state()).isEqualTo(Submission.State.ACCEPTED);
        assertThat(change.kind()).isEqualTo(Submission.Kind.CHANGE);
        assertThat(change.effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(change.onTime()).isFalse(); // due the day after approval, 2 December
        Submission december = intake(type, late).handIn(request("plan_zones", "2026-12", "z.zip", gbkShapefile), REGISTRAR);
        assertThat(december.dueAt()).isEqualTo(Deadlines.endOf(LocalDate.of(2027, 1, 4))); // 1 January is a holiday, then a weekend
        SubmissionRegister register = new SubmissionRegister(new SubmissionRepository(store), LAYERS);
        Deadlines deadlines = new Deadlines(new WorkingCalendar(List.of()));
        // October, which no other test hands in for: one department on time, one refused attempt, the others overdue.
        intake(type, Instant.parse("2026-10-30T02:00:00Z")).handIn(request("approved_land", "2026-10", "批地数据.zip", gbkShapefile), SHENPI);
        intake(type, Instant.parse("2026-10-31T02:00:00Z")).handIn(request("plan_zones", "2026-10", "郊区.kml", jiaoquKml), REGISTRAR);
        SubmissionRegister.Month october = register.of(YearMonth.of(2026, 10), deadlines, NOW);
        assertThat(october.lines()).filteredOn(l -> l.layer().equals("approved_land")).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(SubmissionRegister.Status.ON_TIME))
                .satisfies(l -> assertThat(l.dueOn()).isEqualTo(LocalDate.of(2026, 11, 1)));
        assertThat(october.overdue()).extracting(SubmissionRegister.Line::department).containsExactlyInAnyOrder("kuangchan", "guihua");
        assertThat(october.lines()).filteredOn(l -> l.layer().equals("plan_zones")).singleElement()
                .satisfies(l -> assertThat(l.refused()).isEqualTo(1));
        SubmissionRegister.Month december2 = register.of(YearMonth.of(2026, 12), deadlines, late);
        assertThat(december2.changes()).extracting(Submission::id).contains(change.id());
        assertThat(december2.lines()).filteredOn(l -> l.layer().equals("mining_licences")).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(SubmissionRegister.Status.OPEN));
    }
}
