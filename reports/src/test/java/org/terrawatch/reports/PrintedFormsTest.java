package org.terrawatch.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A form as PDF and as DOCX, read back by the libraries' own readers: the text, the figures, the sign-off fields. */
class PrintedFormsTest {

    private static PrintedForm form() throws Exception {
        return new PrintedForm("预警信息处置办理工单", "工单编号 GD20261120-000001 · 打印于 2026-11-21 08:00",
                List.of(new PrintedForm.Section("预警信息", List.of(new PrintedForm.Field("预警类型", "挖掘机作业"),
                                new PrintedForm.Field("位置", "113.601234, 37.951234（CGCS2000）"), new PrintedForm.Field("空", null))),
                        new PrintedForm.Section("处置反馈", List.of(new PrintedForm.Field("2026-11-20 11:00 field", "已到现场\n已责令停工")))),
                List.of(new PrintedForm.Figure("预警截图", png(320, 240, Color.GREEN)), new PrintedForm.Figure("位置图（无法绘制）", null)),
                List.of("签收人", "审核意见"));
    }

    @Test
    void aPdfCarriesTheTextInAnEmbeddedFontAndTheFigures() throws Exception {
        byte[] pdf = new PdfForms(CjkFont.locate(null)).write(form());
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("预警信息处置办理工单").contains("GD20261120-000001").contains("挖掘机作业").contains("已责令停工")
                .contains("签收人").contains("位置图（无法绘制）");
        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        assertThat(resources.getAsDict(PdfName.XOBJECT).getKeys()).as("the snapshot").hasSize(1);
        PdfDictionary font = (PdfDictionary) PdfReader.getPdfObject(resources.getAsDict(PdfName.FONT).get(resources.getAsDict(PdfName.FONT)
                .getKeys().iterator().next()));
        assertThat(font.get(PdfName.TOUNICODE)).as("text copies as Unicode").isNotNull();
        reader.close();
    }

    @Test
    void aDocxCarriesTheSameTextAndTheFigures() throws Exception {
        byte[] docx = new DocxForms().write(form());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("预警信息处置办理工单").contains("GD20261120-000001").contains("挖掘机作业").contains("已责令停工")
                    .contains("审核意见").contains("位置图（无法绘制）");
            assertThat(document.getAllPictures()).hasSize(1);
            assertThat(document.getTables()).hasSize(4);
        }
    }

    @Test
    void aConfiguredFontThatIsMissingFallsBackAndWithoutAnyTheRefusalSaysWhatToInstall() {
        assertThat(CjkFont.locate("/nonexistent/font.ttf")).as("Debian's CJK font, installed by the set-up").doesNotStartWith("/nonexistent");
        assertThatThrownBy(() -> CjkFont.locate("/nonexistent/font.ttf", List.of("/also/missing.ttc,0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-noto-cjk").hasMessageContaining("/nonexistent/font.ttf");
    }

    private static byte[] png(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
