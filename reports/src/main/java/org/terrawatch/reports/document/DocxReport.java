package org.terrawatch.reports.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.terrawatch.reports.DocxText;

/**
 * A {@link ReportDocument} as Word (DOCX), for the office to edit before the meeting: headings, paragraphs, tables with
 * a shaded header row, figures scaled to the page with their captions. Chinese in 宋体 (SimSun), Latin in Arial.
 *
 * <p>Written into the bureau's own Word template when there is one: its page setup, headers, footers, styles and
 * fixed text are kept; the report goes where a paragraph reads {@value #CONTENT} (at the end when none does);
 * {@code {title}}, {@code {subtitle}} and {@code {reference}} anywhere in it — body, headers, footers — are filled in
 * (and the report's own title lines left out when the template places {@code {title}} in its body); headings take the
 * template's "heading 1" and "heading 2" styles when it has them, so its numbering and navigation pane apply.
 */
public final class DocxReport {

    /** The paragraph of a template the report's content replaces. */
    public static final String CONTENT = "{content}";

    /** The text width of A4 with Word's default margins, in points. */
    private static final double TEXT_WIDTH_PT = 451;

    private final byte[] template;

    /** Reports in a document of their own. */
    public DocxReport() {
        this(null);
    }

    /** @param template a Word (DOCX) document to write the reports into, or null for a document of their own */
    public DocxReport(byte[] template) {
        this.template = template == null ? null : template.clone();
    }

    /** @throws IllegalArgumentException when the template is not a Word (DOCX) document */
    public byte[] write(ReportDocument report) {
        try (XWPFDocument document = open(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(report.title());
            document.getProperties().getCoreProperties().setCreator("TerraWatch");
            Map<String, String> fields = Map.of("{title}", report.title(), "{subtitle}", report.subtitle() == null ? "" : report.subtitle(),
                    "{reference}", report.reference() == null ? "" : report.reference());
            boolean titled = document.getParagraphs().stream().anyMatch(p -> p.getText().contains("{title}"));
            fill(document, fields);
            XWPFParagraph marker = document.getParagraphs().stream().filter(p -> p.getText().contains(CONTENT)).findFirst().orElse(null);
            Body body = marker == null ? new Appended(document) : new Inserted(document, marker);
            if (!titled) {
                paragraph(body, report.title(), 20, true, ParagraphAlignment.CENTER);
                if (report.subtitle() != null) {
                    paragraph(body, report.subtitle(), 13, false, ParagraphAlignment.CENTER);
                }
                paragraph(body, report.reference(), 9, false, ParagraphAlignment.RIGHT);
            }
            String[] headingStyles = {headingStyle(document, "heading 1"), headingStyle(document, "heading 2")};
            for (ReportDocument.Block block : report.blocks()) {
                if (block instanceof ReportDocument.Heading heading) {
                    String style = headingStyles[heading.level() == 1 ? 0 : 1];
                    if (style == null) {
                        paragraph(body, heading.text(), heading.level() == 1 ? 15 : 12.5, true, ParagraphAlignment.LEFT);
                    } else {
                        XWPFParagraph paragraph = body.paragraph();
                        paragraph.setStyle(style);
                        paragraph.createRun().setText(heading.text());
                    }
                } else if (block instanceof ReportDocument.Text text) {
                    paragraph(body, text.text(), 11, false, ParagraphAlignment.BOTH);
                } else if (block instanceof ReportDocument.Table table) {
                    table(body, table);
                } else if (block instanceof ReportDocument.Figure figure) {
                    figure(body, figure);
                }
            }
            if (marker != null) {
                document.removeBodyElement(document.getPosOfParagraph(marker));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The DOCX report could not be written", e);
        }
    }

    private XWPFDocument open() {
        if (template == null) {
            return new XWPFDocument();
        }
        try {
            return new XWPFDocument(new ByteArrayInputStream(template));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The report's Word template is not a DOCX document: " + e.getMessage(), e);
        }
    }

    /** The template's placeholders filled in, in its body, its tables, its headers and its footers. */
    private static void fill(XWPFDocument document, Map<String, String> fields) {
        List<XWPFParagraph> paragraphs = new ArrayList<>(document.getParagraphs());
        document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> paragraphs.addAll(c.getParagraphs()))));
        document.getHeaderList().forEach(h -> paragraphs.addAll(h.getParagraphs()));
        document.getFooterList().forEach(f -> paragraphs.addAll(f.getParagraphs()));
        for (XWPFParagraph paragraph : paragraphs) {
            String text = paragraph.getText();
            String filled = text;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                filled = filled.replace(field.getKey(), field.getValue());
            }
            if (!filled.equals(text) && !paragraph.getRuns().isEmpty()) {
                // Word splits text into runs as it likes: the paragraph keeps its first run's formatting.
                paragraph.getRuns().get(0).setText(filled, 0);
                for (int i = paragraph.getRuns().size() - 1; i > 0; i--) {
                    paragraph.removeRun(i);
                }
            }
        }
    }

    private static String headingStyle(XWPFDocument document, String name) {
        XWPFStyles styles = document.getStyles();
        XWPFStyle style = styles == null ? null : styles.getStyleWithName(name);
        return style == null ? null : style.getStyleId();
    }

    /** Where the report's paragraphs and tables go. */
    private interface Body {
        XWPFParagraph paragraph();

        XWPFTable table(int rows, int columns);
    }

    /** At the end of the document. */
    private record Appended(XWPFDocument document) implements Body {
        @Override
        public XWPFParagraph paragraph() {
            return document.createParagraph();
        }

        @Override
        public XWPFTable table(int rows, int columns) {
            return document.createTable(rows, columns);
        }
    }

    /** Before the template's content paragraph, in order. */
    private record Inserted(XWPFDocument document, XWPFParagraph marker) implements Body {
        @Override
        public XWPFParagraph paragraph() {
            XmlCursor cursor = marker.getCTP().newCursor();
            try {
                return document.insertNewParagraph(cursor);
            } finally {
                cursor.dispose();
            }
        }

        @Override
        public XWPFTable table(int rows, int columns) {
            XmlCursor cursor = marker.getCTP().newCursor();
            XWPFTable table;
            try {
                table = document.insertNewTbl(cursor); // one row of one cell
            } finally {
                cursor.dispose();
            }
            for (int c = 1; c < columns; c++) {
                table.getRow(0).addNewTableCell();
            }
            for (int r = 1; r < rows; r++) {
                table.createRow();
            }
            return table;
        }
    }

    private static void table(Body body, ReportDocument.Table table) {
        paragraph(body, table.caption(), 10.5, true, ParagraphAlignment.CENTER);
        XWPFTable grid = body.table(1 + table.rows().size(), table.columns().size());
        grid.setWidth("100%");
        for (int c = 0; c < table.columns().size(); c++) {
            grid.getRow(0).getCell(c).setColor("E8ECF1");
            run(grid.getRow(0).getCell(c).getParagraphs().get(0).createRun(), table.columns().get(c), 10, true);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            for (int c = 0; c < table.columns().size(); c++) {
                String value = c < table.rows().get(r).size() ? table.rows().get(r).get(c) : "";
                run(grid.getRow(r + 1).getCell(c).getParagraphs().get(0).createRun(), value == null ? "" : value, 10, false);
            }
        }
        body.paragraph();
    }

    private static void figure(Body body, ReportDocument.Figure figure) throws IOException {
        XWPFParagraph paragraph = body.paragraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        if (figure.image() != null) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(figure.image()));
            if (image != null) {
                boolean png = figure.image().length > 3 && (figure.image()[0] & 0xff) == 0x89 && figure.image()[1] == 'P';
                double width = TEXT_WIDTH_PT * (figure.widthShare() > 0 ? figure.widthShare() : 1);
                double height = width * image.getHeight() / image.getWidth();
                try {
                    paragraph.createRun().addPicture(new ByteArrayInputStream(figure.image()), png ? XWPFDocument.PICTURE_TYPE_PNG
                            : XWPFDocument.PICTURE_TYPE_JPEG, png ? "figure.png" : "figure.jpg", Units.toEMU(width), Units.toEMU(height));
                } catch (InvalidFormatException e) {
                    throw new IOException(e);
                }
            }
        }
        paragraph(body, figure.caption(), 9.5, false, ParagraphAlignment.CENTER);
    }

    private static void paragraph(Body body, String text, double size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = body.paragraph();
        paragraph.setAlignment(alignment);
        run(paragraph.createRun(), text, size, bold);
    }

    private static void run(XWPFRun run, String text, double size, boolean bold) {
        DocxText.set(run, text, size, bold);
    }
}
