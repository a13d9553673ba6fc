package org.terrawatch.reports;

import org.apache.poi.xwpf.usermodel.XWPFRun;

/** Text in the Word documents the server writes: Chinese in 宋体 (SimSun, on every Chinese Windows), Latin in Arial. */
public final class DocxText {

    public static final String CHINESE = "宋体";
    public static final String LATIN = "Arial";

    private DocxText() {
    }

    /** Sets the run's text, size (points) and weight in the documents' fonts. */
    public static void set(XWPFRun run, String text, double size, boolean bold) {
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(LATIN, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(CHINESE, XWPFRun.FontCharRange.eastAsia);
    }
}
