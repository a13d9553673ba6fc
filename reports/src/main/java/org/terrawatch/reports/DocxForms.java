package org.terrawatch.reports;

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
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A {@link PrintedForm} as a Word document (DOCX) that the office edits before it prints: the same title, reference,
 * sections as tables, figures and sign-off fields as the PDF. Chinese is set in 宋体 (SimSun, on every Chinese Windows),
 * Latin in Arial.
 */
public final class DocxForms {

    private static final int FIGURE_WIDTH_PT = 220;

    public byte[] write(PrintedForm form) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(form.title());
            document.getProperties().getCoreProperties().setCreator("TerraWatch");
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            text(title.createRun(), form.title(), 17, true);
            XWPFParagraph reference = document.createParagraph();
            reference.setAlignment(ParagraphAlignment.RIGHT);
            text(reference.createRun(), form.reference(), 9, false);
            for (PrintedForm.Section section : form.sections()) {
                XWPFTable table = document.createTable(1 + section.fields().size(), 2);
                table.setWidth("100%");
                XWPFTableRow heading = table.getRow(0);
                heading.getCell(0).setColor("E8ECF1");
                heading.getCell(1).setColor("E8ECF1");
                write(heading.getCell(0), section.heading(), 11, true);
                int row = 1;
                for (PrintedForm.Field field : section.fields()) {
                    write(table.getRow(row).getCell(0), field.label(), 10, false);
                    write(table.getRow(row).getCell(1), field.value(), 10, false);
                    row++;
                }
                document.createParagraph();
            }
            if (!form.figures().isEmpty()) {
                XWPFTable figures = document.createTable(1, form.figures().size());
                figures.setWidth("100%");
                int column = 0;
                for (PrintedForm.Figure figure : form.figures()) {
                    figure(figures.getRow(0).getCell(column++), figure);
                }
                document.createParagraph();
            }
            if (!form.signatures().isEmpty()) {
                XWPFTable signatures = document.createTable(form.signatures().size(), 2);
                signatures.setWidth("100%");
                int row = 0;
                for (String label : form.signatures()) {
                    write(signatures.getRow(row).getCell(0), label, 10, false);
                    XWPFTableCell blank = signatures.getRow(row).getCell(1);
                    write(blank, "", 10, false);
                    text(blank.addParagraph().createRun(), "签字：                              日期：    年    月    日", 10, false);
                    row++;
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The DOCX form could not be written", e);
        }
    }

    private static void figure(XWPFTableCell cell, PrintedForm.Figure figure) throws IOException {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        if (figure.image() != null) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(figure.image()));
            if (image != null) {
                boolean png = figure.image().length > 3 && (figure.image()[0] & 0xff) == 0x89 && figure.image()[1] == 'P';
                int height = Math.round(FIGURE_WIDTH_PT * (float) image.getHeight() / image.getWidth());
                try {
                    paragraph.createRun().addPicture(new ByteArrayInputStream(figure.image()),
                            png ? XWPFDocument.PICTURE_TYPE_PNG : XWPFDocument.PICTURE_TYPE_JPEG, png ? "figure.png" : "figure.jpg",
                            Units.toEMU(FIGURE_WIDTH_PT), Units.toEMU(height));
                } catch (InvalidFormatException e) {
                    throw new IOException(e);
                }
            }
        }
        XWPFParagraph caption = cell.addParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        text(caption.createRun(), figure.caption(), 9, false);
    }

    private static void write(XWPFTableCell cell, String value, int size, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            text(run, lines[i], size, bold);
            if (i < lines.length - 1) {
                run.addBreak();
            }
        }
    }

    private static void text(XWPFRun run, String text, int size, boolean bold) {
        DocxText.set(run, text, size, bold);
    }
}
