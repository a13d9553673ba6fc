package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrawatch.app.RunningServer.basic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrawatch.submission.testing.Gdal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole month on the demo, over HTTP, with the calendar's scheduler running: two departments hand in their data (the
 * farmland section's GBK shapefile with a part repeated, repaired; the approvals' GeoJSON with a bow-tie, refused), the
 * satellite centre registers November's imagery, the scheduler's detection of task M2026-11 runs once it is there,
 * patches are pre-checked and pushed, the farmland section returns its verification as a file, the month is
 * evaluated and its report made — DOCX and XLSX opened with Apache POI, the PDF's pages rendered with pdftoppm — with
 * the figures the API gives, and the download recorded; then the month closes and its real change is on the working
 * base map, in WFS/OGC API and drawn by WMS.
 */
class MonthlyCycleHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String LETTERHEAD = "阳泉市规划和自然资源局 卫星遥感监测中心";

    private static RunningServer server;
    private static Path dataDir;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("terrawatch-month-");
        dataDir = RunningServer.dataDirectoryFromRepository(Files.createDirectories(work.resolve("data")));
        // The bureau's Word template for the monthly report: a letterhead above the content, a closing line below.
        Files.createDirectories(dataDir.resolve("report-templates"));
        try (XWPFDocument template = new XWPFDocument(); var out = Files.newOutputStream(dataDir.resolve("report-templates/monthly.docx"))) {
            template.createParagraph().createRun().setText(LETTERHEAD);
            template.createParagraph().createRun().setText("{content}");
            template.createParagraph().createRun().setText("（此页无正文）");
            template.write(out);
        }
        Path reports = dataDir.resolve("reports.yml");
        Files.writeString(reports, Files.readString(reports).replace("      MONTHLY:\n", "      MONTHLY:\n        docx: report-templates/monthly.docx\n"));
        server = RunningServer.start(dataDir, "--terrawatch.scheduler.enabled=true", "--terrawatch.scheduler.interval=1s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theMonthFromHandInToReport() throws Exception {
        // 1. Two departments hand in. The farmland section: a GBK shapefile, one parcel's part twice (repaired).
        Path farmland = Files.writeString(work.resolve("farmland.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"地类名称":"水浇地","DLBM":"0102"},
                 "geometry":{"type":"MultiPolygon","coordinates":[[[[113.55,37.86],[113.553,37.86],[113.553,37.862],[113.55,37.862],[113.55,37.86]]],
                 [[[113.55,37.86],[113.553,37.86],[113.553,37.862],[113.55,37.862],[113.55,37.86]]]]}},
                {"type":"Feature","properties":{"地类名称":"旱地","DLBM":"0103"},
                 "geometry":{"type":"Polygon","coordinates":[[[113.56,37.86],[113.563,37.86],[113.563,37.862],[113.56,37.862],[113.56,37.86]]]}}]}
                """);
        Gdal.ogr2ogr(work.resolve("gengdi.shp"), farmland, "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-a_srs", "EPSG:4490");
        HttpResponse<String> farmlandHandIn = post("gengdi", "/api/submissions", Map.of("layer", "farmland", "month", "2026-11"),
                "耕地.zip", Gdal.zip(work, "gengdi", ".shp", ".shx", ".dbf", ".prj"));
        assertThat(farmlandHandIn.statusCode()).as(farmlandHandIn.body()).isEqualTo(201);
        JsonNode farmlandSubmission = JSON.readTree(farmlandHandIn.body());
        assertThat(farmlandSubmission.get("encoding").asString()).contains("GB18030");
        assertThat(farmlandSubmission.get("repaired").asInt()).isEqualTo(1);
        // The approvals section, through the surveying section (the leader's), with a bow-tie: refused, reported, nothing changed.
        HttpResponse<String> approvals = post("leader", "/api/submissions", Map.of("layer", "approved_land", "month", "2026-11",
                "department", "shenpi"), "批地.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"项目名称":"蝴蝶形地块"},"geometry":{"type":"Polygon",
                 "coordinates":[[[113.56,37.86],[113.563,37.862],[113.563,37.86],[113.56,37.862],[113.56,37.86]]]}}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(approvals.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(approvals.body()).get("report").get("features").get(0).get("code").asString()).isEqualTo("SELF_INTERSECTION");

        // 2. The scheduler created November's task at month end; it waits for November's imagery.
        JsonNode november = await("task M2026-11", () -> task("M2026-11"));
        assertThat(november.get("before").get("name").asString()).isEqualTo("DEMO-2026-10-18");
        assertThat(november.get("after").has("name")).isFalse();

        // 3. The satellite centre registers November's imagery; the detection runs on the next round.
        Files.copy(dataDir.resolve("imagery/demo-2026-09-20.tif"), dataDir.resolve("imagery/gf2-2026-11-28.tif"));
        HttpResponse<String> registered = server.exchange("POST", "/api/imagery", JSON.writeValueAsString(Map.of("path", "gf2-2026-11-28.tif",
                "name", "GF2-2026-11-28", "sensor", "GF-2 PMS", "acquired", "2026-11-28", "bands", "BLUE,GREEN,RED,NIR")),
                "Content-Type", "application/json", "Authorization", basic("analyst"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode detected = await("the detection of M2026-11", () -> {
            JsonNode task = task("M2026-11");
            return task != null && task.get("state").asString().equals("PRE_CHECKING") ? task : null;
        });
        assertThat(detected.get("after").get("name").asString()).isEqualTo("GF2-2026-11-28");
        assertThat(detected.get("after").get("jurisdictionCoveragePercent").asDouble()).isPositive();
        List<JsonNode> found = patchesOf(detected.get("id").asLong());
        assertThat(found).isNotEmpty();

        // 4. Pre-check and push two of them to the farmland section.
        List<String> pushed = new ArrayList<>();
        for (JsonNode patch : found.subList(0, Math.min(2, found.size()))) {
            String featureId = patch.get("id").asString(); // patches.288
            String path = "/api/patches/" + featureId.substring(featureId.lastIndexOf('.') + 1);
            assertThat(patchPatch("analyst", path, Map.of("precheck_result", "SUSPECTED_VIOLATION", "status", "PRE_CHECKED")).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> push = patchPatch("analyst", path, Map.of("responsible_department", "gengdi", "status", "PUSHED"));
            assertThat(push.statusCode()).as(push.body()).isEqualTo(200);
            pushed.add(patch.get("properties").get("code").asString());
        }

        // 5. The farmland section returns its verification as a GBK CSV: applied through the workflow.
        StringBuilder csv = new StringBuilder("图斑编号,核查结果,核查说明\n");
        csv.append(pushed.get(0)).append(",违法,新建厂房未取得用地手续\n");
        if (pushed.size() > 1) {
            csv.append(pushed.get(1)).append(",非真实变化,季节性差异\n");
        }
        HttpResponse<String> returned = post("gengdi", "/api/patches/verification-file", Map.of(), "核查成果.csv",
                csv.toString().getBytes(Charset.forName("GB18030")));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(JSON.readTree(returned.body()).get("applied").asInt()).isEqualTo(pushed.size());

        // 6. The month's evaluation.
        JsonNode evaluation = server.getJson("/api/tasks/M2026-11/evaluation");
        assertThat(evaluation.get("total").get("pushed").asInt()).isEqualTo(pushed.size());
        assertThat(evaluation.get("total").get("verified").asInt()).isEqualTo(pushed.size());
        assertThat(evaluation.get("total").get("real").asInt()).isEqualTo(1);

        // 7. The monthly report, made in the background, with the figures the API gives.
        HttpResponse<String> requested = server.exchange("POST", "/api/reports", "{\"kind\":\"MONTHLY\",\"period\":\"2026-11\"}",
                "Content-Type", "application/json", "Authorization", basic("leader"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        long id = JSON.readTree(requested.body()).get("id").asLong();
        JsonNode report = await("report " + id, () -> {
            JsonNode r = server.getJson("/api/reports/" + id);
            assertThat(r.get("state").asString()).as(r.toString()).isNotEqualTo("FAILED");
            return r.get("state").asString().equals("DONE") ? r : null;
        });
        JsonNode figures = report.get("figures");
        assertThat(figures.get("patches").asInt()).isEqualTo(found.size());
        assertThat(figures.get("pushed").asInt()).isEqualTo(pushed.size());
        assertThat(figures.get("confirmed_real").asInt()).isEqualTo(1);
        long farmlandConversions = found.stream().filter(p -> p.get("properties").get("category").asString().equals("FARMLAND_CONVERSION")).count();
        assertThat(figures.get("by_category").get("FARMLAND_CONVERSION").get("patches").asLong()).isEqualTo(farmlandConversions);

        byte[] docx = download(id, "docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("动态监测月报（2026-11）", "GF2-2026-11-28", "共提取变化图斑 " + found.size() + " 个", pushed.get(0));
            assertThat(text.getText()).startsWith(LETTERHEAD).endsWith("（此页无正文）\n"); // written into the bureau's template
            assertThat(text.getText()).contains("耕地保护科").doesNotContain("gengdi"); // departments by name, not code
            assertThat(document.getAllPictures()).hasSizeGreaterThanOrEqualTo(4); // the overview, a chart, imagery before and after
        }
        byte[] xlsx = download(id, "xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("图斑清单").getLastRowNum()).isEqualTo(found.size());
            assertThat(workbook.getSheet("分类统计").getPhysicalNumberOfRows()).isGreaterThan(1);
            assertThat(workbook.getSheet("科室处置").getRow(1).getCell(0).getStringCellValue()).doesNotMatch("[a-z]+");
        }
        byte[] pdf = download(id, "pdf");
        List<BufferedImage> pages = Poppler.pages(pdf, work.resolve("pdf"));
        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        for (BufferedImage page : pages) {
            assertThat(inkShare(page)).as("a page with something on it").isGreaterThan(0.005);
        }
        assertThat(pages.stream().mapToDouble(MonthlyCycleHttpTest::colourShare).max().orElse(0)).as("maps and charts in colour").isGreaterThan(0.05);
        assertThat(Poppler.text(pdf, work.resolve("pdf"))).contains("图斑分类统计", "卫星中心图斑准确率");
        // Every download recorded (article 9).
        assertThat(server.exchange("GET", "/api/admin/exports?limit=50", null, "Authorization", basic("admin")).body())
                .contains("report:" + id);
        assertThat(server.exchange("GET", "/api/reports/" + id + "/pdf", null, "Authorization", basic("gengdi")).statusCode()).isEqualTo(403);

        // 8. The month closes: the real change (the illegal one; not the seasonal difference) goes to the working base
        // map, published like every base layer and drawn in the illegal changes' red.
        HttpResponse<String> closed = server.exchange("POST", "/api/tasks/M2026-11/close", null, "Authorization", basic("analyst"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).get("handedOn").asInt()).isEqualTo(1);
        assertThat(task("M2026-11").get("state").asString()).isEqualTo("REPORTED");
        // The working base map holds the earlier months' real changes too (the demo's September closed by the calendar).
        List<JsonNode> handedOn = new ArrayList<>();
        server.getJson("/ogc/collections/verified_changes/items?limit=1000").get("features").forEach(change -> {
            if (change.get("properties").get("reference").asString().equals("M2026-11")) {
                handedOn.add(change);
            }
        });
        assertThat(handedOn).singleElement().satisfies(change -> {
            assertThat(change.get("properties").get("name").asString()).isEqualTo(pushed.get(0));
            assertThat(change.get("properties").get("holder").asString()).isEqualTo("违法");
            assertThat(change.get("properties").get("effective_date").asString()).isEqualTo("2026-12-01");
        });
        double[] box = bbox(handedOn.get(0).get("geometry").get("coordinates"), new double[] {180, 90, -180, -90});
        HttpResponse<byte[]> map = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
                        + "&LAYERS=terrawatch:verified_changes&STYLES=&CRS=CRS:84&FORMAT=image/png&WIDTH=128&HEIGHT=128&TRANSPARENT=TRUE&BBOX="
                        + box[0] + "," + box[1] + "," + box[2] + "," + box[3])))
                .header("Authorization", basic("leader")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(map.statusCode()).isEqualTo(200);
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(map.body()));
        long red = 0;
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                int argb = drawn.getRGB(x, y);
                if ((argb >>> 24) > 40 && ((argb >> 16) & 0xff) > ((argb >> 8) & 0xff) + 60) {
                    red++;
                }
            }
        }
        assertThat(red).as("the illegal change drawn in red").isGreaterThan(128 * 128 / 10);
    }

    /** min lon, min lat, max lon, max lat of a GeoJSON coordinates array. */
    private static double[] bbox(JsonNode coordinates, double[] box) {
        if (coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
        } else {
            coordinates.forEach(c -> bbox(c, box));
        }
        return box;
    }

    private static JsonNode task(String code) throws Exception {
        for (JsonNode task : server.getJson("/api/tasks").get("tasks")) {
            if (task.get("code").asString().equals(code)) {
                return task;
            }
        }
        return null;
    }

    private static List<JsonNode> patchesOf(long taskId) throws Exception {
        List<JsonNode> patches = new ArrayList<>();
        server.getJson("/ogc/collections/patches/items?limit=1000&filter=" + URLEncoder.encode("task_id = " + taskId, StandardCharsets.UTF_8))
                .get("features").forEach(patches::add);
        return patches;
    }

    private static HttpResponse<String> patchPatch(String user, String path, Map<String, String> values) throws Exception {
        return server.exchange("PATCH", path, JSON.writeValueAsString(values), "Content-Type", "application/json", "Authorization", basic(user));
    }

    private static HttpResponse<String> post(String user, String path, Map<String, String> fields, String fileName, byte[] file) throws Exception {
        MultipartForm form = MultipartForm.of(new LinkedHashMap<>(fields), "file", fileName, "application/octet-stream", file);
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", form.contentType())
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] download(long id, String format) throws Exception {
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/reports/" + id + "/" + format)))
                .header("Authorization", basic("leader")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
    }

    /** Polls until the supplier gives something, within {@link #PATIENCE}. */
    private static JsonNode await(String what, ThrowingSupplier supplier) throws Exception {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            JsonNode value = supplier.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " did not come within " + PATIENCE.toSeconds() + " s; the schedule: " + server.getJson("/api/schedule"));
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        JsonNode get() throws Exception;
    }

    private static double inkShare(BufferedImage page) {
        long ink = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                ink += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600 ? 1 : 0;
            }
        }
        return ink / (double) (page.getWidth() * page.getHeight());
    }

    private static double colourShare(BufferedImage page) {
        long colour = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                colour += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40 ? 1 : 0;
            }
        }
        return colour / (double) (page.getWidth() * page.getHeight());
    }
}
