package org.terrawatch.reports.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A {@link ReportDocument} as PDF on A4, for reading and archiving: the same headings, paragraphs, tables and figures as
 * the DOCX; the CJK font embedded as a subset with its Unicode map, so the text prints, searches and copies anywhere.
 */
public final class PdfReport {

    private static final Color HEADING = new Color(0xE8, 0xEC, 0xF1);

    private final BaseFont font;

    /** @param font the font file and face ({@link org.terrawatch.reports.CjkFont#locate}) */
    public PdfReport(String font) {
        try {
            this.font = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The font " + font + " cannot be embedded in PDF reports: " + e.getMessage(), e);
        }
    }

    public byte[] write(ReportDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            // A figure that does not fit goes to the next page before its caption, not after the text that follows it.
            PdfWriter.getInstance(document, out).setStrictImageSequence(true);
            document.addTitle(report.title());
            document.addCreator("TerraWatch");
            document.open();
            document.add(paragraph(report.title(), 20, Element.ALIGN_CENTER, 4));
            if (report.subtitle() != null) {
                document.add(paragraph(report.subtitle(), 13, Element.ALIGN_CENTER, 4));
            }
            document.add(paragraph(report.reference(), 9, Element.ALIGN_RIGHT, 10));
            for (ReportDocument.Block block : report.blocks()) {
                if (block instanceof ReportDocument.Heading heading) {
                    document.add(paragraph(heading.text(), heading.level() == 1 ? 15 : 12.5f, Element.ALIGN_LEFT, 6));
                } else if (block instanceof ReportDocument.Text text) {
                    document.add(paragraph(text.text(), 10.5f, Element.ALIGN_JUSTIFIED, 6));
                } else if (block instanceof ReportDocument.Table table) {
                    table(document, table);
                } else if (block instanceof ReportDocument.Figure figure) {
                    figure(document, figure);
                }
            }
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The PDF report could not be written: " + e.getMessage(), e);
        }
    }

    private void table(Document document, ReportDocument.Table table) throws DocumentException {
        document.add(paragraph(table.caption(), 10.5f, Element.ALIGN_CENTER, 3));
        PdfPTable grid = new PdfPTable(table.columns().size());
        grid.setWidthPercentage(100);
        grid.setHeaderRows(1);
        for (String column : table.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, new Font(font, 9.5f, Font.BOLD)));
            cell.setBackgroundColor(HEADING);
            grid.addCell(cell);
        }
        for (var row : table.rows()) {
            for (int c = 0; c < table.columns().size(); c++) {
                String value = c < row.size() && row.get(c) != null ? row.get(c) : "";
                grid.addCell(new PdfPCell(new Phrase(value, new Font(font, 9.5f))));
            }
        }
        grid.setSpacingAfter(10);
        document.add(grid);
    }

    private void figure(Document document, ReportDocument.Figure figure) throws DocumentException, IOException {
        if (figure.image() != null) {
            Image image = Image.getInstance(figure.image());
            float width = (document.getPageSize().getWidth() - 96) * (float) (figure.widthShare() > 0 ? figure.widthShare() : 1);
            image.scaleToFit(width, document.getPageSize().getHeight() * 0.55f);
            image.setAlignment(Element.ALIGN_CENTER);
            document.add(image);
        }
        document.add(paragraph(figure.caption(), 9, Element.ALIGN_CENTER, 10));
    }

    private Paragraph paragraph(String text, float size, int alignment, float after) {
        Paragraph paragraph = new Paragraph(text, new Font(font, size));
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }
}
