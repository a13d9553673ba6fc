package org.terrawatch.reports;

import com.lowagie.text.Chunk;
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
 * A {@link PrintedForm} as a PDF on A4: the title, the reference, each section a table of labels and values, the figures
 * side by side with their captions, and the sign-off fields with room to sign. The CJK font ({@link CjkFont}) is
 * embedded as a subset with its Unicode map, so the text prints, searches and copies anywhere.
 */
public final class PdfForms {

    private static final Color HEADING = new Color(0xE8, 0xEC, 0xF1);

    private final BaseFont font;

    /** @param font the font file and face ({@link CjkFont#locate}) */
    public PdfForms(String font) {
        try {
            this.font = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The font " + font + " cannot be embedded in PDF forms: " + e.getMessage(), e);
        }
    }

    public byte[] write(PrintedForm form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(form.title());
            document.addCreator("TerraWatch");
            document.open();
            Paragraph title = new Paragraph(form.title(), new Font(font, 17));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph reference = new Paragraph(form.reference(), new Font(font, 9, Font.NORMAL, Color.DARK_GRAY));
            reference.setAlignment(Element.ALIGN_RIGHT);
            reference.setSpacingAfter(8);
            document.add(reference);
            for (PrintedForm.Section section : form.sections()) {
                document.add(section(section));
            }
            if (!form.figures().isEmpty()) {
                document.add(figures(form));
            }
            if (!form.signatures().isEmpty()) {
                document.add(signatures(form));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The form could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private PdfPTable section(PrintedForm.Section section) {
        PdfPTable table = table(2, new float[] {1, 3});
        PdfPCell heading = cell(section.heading(), 11);
        heading.setColspan(2);
        heading.setBackgroundColor(HEADING);
        table.addCell(heading);
        for (PrintedForm.Field field : section.fields()) {
            table.addCell(cell(field.label(), 10));
            table.addCell(cell(field.value(), 10));
        }
        return table;
    }

    private PdfPTable figures(PrintedForm form) {
        int columns = Math.min(2, form.figures().size());
        PdfPTable table = table(columns, null);
        for (PrintedForm.Figure figure : form.figures()) {
            PdfPCell cell = new PdfPCell();
            cell.setPadding(4);
            if (figure.image() != null) {
                try {
                    Image image = Image.getInstance(figure.image());
                    image.scaleToFit(240, 200);
                    image.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(image);
                } catch (IOException | RuntimeException e) {
                    cell.addElement(new Phrase("(" + e.getMessage() + ")", new Font(font, 9)));
                }
            }
            Paragraph caption = new Paragraph(figure.caption(), new Font(font, 9));
            caption.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(caption);
            table.addCell(cell);
        }
        table.completeRow();
        return table;
    }

    private PdfPTable signatures(PrintedForm form) {
        PdfPTable table = table(2, new float[] {1, 3});
        for (String label : form.signatures()) {
            table.addCell(cell(label, 10));
            PdfPCell blank = cell("签字：                              日期：    年    月    日", 10);
            blank.setMinimumHeight(42);
            blank.setVerticalAlignment(Element.ALIGN_BOTTOM);
            table.addCell(blank);
        }
        return table;
    }

    private static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        if (widths != null) {
            try {
                table.setWidths(widths);
            } catch (DocumentException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return table;
    }

    private PdfPCell cell(String text, float size) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, new Font(font, size))));
        cell.setPadding(5);
        return cell;
    }
}
