package org.terrawatch.reports.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.terrawatch.reports.DocxText;

/**
 * A {@link ReportDocument} as Word (DOCX), for the office to edit before the meeting: headings, paragraphs, tables with
 * a shaded header row, figures scaled to the page with their captions. Chinese in 宋体 (SimSun), Latin in Arial.
 */
public final class DocxReport {

    /** The text width of A4 with Word's default margins, in points. */
    private static final double TEXT_WIDTH_PT = 451;

    public byte[] write(ReportDocument report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(report.title());
            document.getProperties().getCoreProperties().setCreator("TerraWatch");
            paragraph(document, report.title(), 20, true, ParagraphAlignment.CENTER);
            if (report.subtitle() != null) {
                paragraph(document, report.subtitle(), 13, false, ParagraphAlignment.CENTER);
            }
            paragraph(document, report.reference(), 9, false, ParagraphAlignment.RIGHT);
            for (ReportDocument.Block block : report.blocks()) {
                if (block instanceof ReportDocument.Heading heading) {
                    paragraph(document, heading.text(), heading.level() == 1 ? 15 : 12.5, true, ParagraphAlignment.LEFT);
                } else if (block instanceof ReportDocument.Text text) {
                    paragraph(document, text.text(), 11, false, ParagraphAlignment.BOTH);
                } else if (block instanceof ReportDocument.Table table) {
                    table(document, table);
                } else if (block instanceof ReportDocument.Figure figure) {
                    figure(document, figure);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The DOCX report could not be written", e);
        }
    }

    private static void table(XWPFDocument document, ReportDocument.Table table) {
        paragraph(document, table.caption(), 10.5, true, ParagraphAlignment.CENTER);
        XWPFTable grid = document.createTable(1 + table.rows().size(), table.columns().size());
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
        document.createParagraph();
    }

    private static void figure(XWPFDocument document, ReportDocument.Figure figure) throws IOException {
        XWPFParagraph paragraph = document.createParagraph();
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
        paragraph(document, figure.caption(), 9.5, false, ParagraphAlignment.CENTER);
    }

    private static void paragraph(XWPFDocument document, String text, double size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph.createRun(), text, size, bold);
    }

    private static void run(XWPFRun run, String text, double size, boolean bold) {
        DocxText.set(run, text, size, bold);
    }
}
