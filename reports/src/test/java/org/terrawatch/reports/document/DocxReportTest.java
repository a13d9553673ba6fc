package org.terrawatch.reports.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word report on its own and written into a bureau's template, read back with Apache POI: the template's letterhead,
 * header and closing stay where they are, the report goes where the template says, in order, with its tables and
 * figures, its headings in the template's heading styles, and the placeholders filled in.
 */
class DocxReportTest {

    private static final ReportDocument REPORT = new ReportDocument("动态监测月报（2026-11）", "M2026-11", "生成于 2026-12-11",
            List.of(new ReportDocument.Heading("一、监测概况", 1), new ReportDocument.Text("共提取变化图斑 12 个。"),
                    new ReportDocument.Figure("图1 监测图斑分布图", png(), 1),
                    new ReportDocument.Heading("二、图斑统计", 1),
                    new ReportDocument.Table("表1 图斑分类统计", List.of("类别", "图斑数（个）"), List.of(List.of("新增建设用地", "7"), List.of("合计", "12")))),
            List.of());

    @Test
    void onItsOwnTheReportIsTheWholeDocument() throws Exception {
        try (XWPFDocument document = read(new DocxReport().write(REPORT))) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("动态监测月报（2026-11）");
            assertThat(document.getTables()).singleElement().satisfies(t -> assertThat(t.getRow(2).getCell(1).getText()).isEqualTo("12"));
            assertThat(document.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void inTheBureausTemplateTheReportGoesWhereTheTemplateSays() throws Exception {
        try (XWPFDocument document = read(new DocxReport(template()).write(REPORT))) {
            List<String> texts = texts(document);
            // The letterhead first, then the title the template placed, the content in order, the closing last.
            assertThat(texts.get(0)).isEqualTo("阳泉市规划和自然资源局");
            assertThat(texts.get(1)).isEqualTo("动态监测月报（2026-11） M2026-11");
            assertThat(texts).containsSubsequence("一、监测概况", "共提取变化图斑 12 个。", "图1 监测图斑分布图", "二、图斑统计", "表1 图斑分类统计",
                    "TABLE", "附件：图斑清单（另附）");
            assertThat(texts.get(texts.size() - 1)).isEqualTo("附件：图斑清单（另附）");
            assertThat(texts).doesNotContain("{content}").filteredOn(t -> t.contains("{")).isEmpty();
            // The title lines are the template's: not written a second time.
            assertThat(texts).filteredOn(t -> t.startsWith("动态监测月报")).hasSize(1);
            assertThat(document.getHeaderList()).singleElement().satisfies(h -> assertThat(h.getText().trim()).isEqualTo("内部资料 生成于 2026-12-11"));
            XWPFParagraph heading = document.getParagraphs().stream().filter(p -> p.getText().equals("二、图斑统计")).findFirst().orElseThrow();
            assertThat(heading.getStyle()).isEqualTo("1");
            assertThat(document.getTables()).singleElement().satisfies(t -> {
                assertThat(t.getNumberOfRows()).isEqualTo(3);
                assertThat(t.getRow(0).getTableCells()).hasSize(2);
                assertThat(t.getRow(1).getCell(0).getText()).isEqualTo("新增建设用地");
            });
            assertThat(document.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void aTemplateThatIsNoWordDocumentIsNamedAsSuch() {
        assertThatThrownBy(() -> new DocxReport("not a document".getBytes(StandardCharsets.UTF_8)).write(REPORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Word template is not a DOCX document");
    }

    /** What the body says, element by element; a table is "TABLE". */
    private static List<String> texts(XWPFDocument document) {
        return document.getBodyElements().stream().map(DocxReportTest::text).filter(t -> !t.isBlank()).toList();
    }

    private static String text(IBodyElement element) {
        return element.getElementType() == BodyElementType.TABLE ? "TABLE"
                : element instanceof XWPFParagraph paragraph ? paragraph.getText() : "";
    }

    /** A bureau's template as Word writes it in Chinese: letterhead, title line, content, closing; heading 1 is style "1". */
    private static byte[] template() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = document.createStyles();
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId("1");
            heading.setType(STStyleType.PARAGRAPH);
            heading.addNewName().setVal("heading 1");
            heading.addNewPPr().addNewOutlineLvl().setVal(java.math.BigInteger.ZERO);
            styles.addStyle(new XWPFStyle(heading));
            document.createParagraph().createRun().setText("阳泉市规划和自然资源局");
            XWPFParagraph title = document.createParagraph();
            title.createRun().setText("{ti");
            title.createRun().setText("tle} {subtitle}"); // Word splits runs where it likes
            document.createParagraph().createRun().setText("{content}");
            document.createParagraph().createRun().setText("附件：图斑清单（另附）");
            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("内部资料 {reference}");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static XWPFDocument read(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.ORANGE);
            g.fillRect(0, 0, 60, 40);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
