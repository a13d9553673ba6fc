package org.terrawatch.reports.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The reports' charts, drawn on the server with JFreeChart into PNG: bars by category, county or department, one
 * series each, labelled in Chinese with the CJK font the PDFs embed.
 */
public final class Charts {

    private static final Color[] PALETTE = {new Color(0x54, 0x70, 0xC6), new Color(0x91, 0xCC, 0x75), new Color(0xFA, 0xC8, 0x58),
            new Color(0xEE, 0x66, 0x66), new Color(0x73, 0xC0, 0xDE)};

    private final Font font;

    /** @param font the CJK font for labels ({@link org.terrawatch.reports.CjkFont#awt}) */
    public Charts(Font font) {
        this.font = font;
    }

    /**
     * A bar chart.
     *
     * @param series series name → (category → value), in order
     */
    public byte[] bars(String title, String valueAxis, Map<String, Map<String, Number>> series, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> values.forEach((category, value) -> data.addValue(value, name, category)));
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 15f));
        theme.setLargeFont(font.deriveFont(13f));
        theme.setRegularFont(font.deriveFont(12f));
        theme.setSmallFont(font.deriveFont(11f));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        BufferedImage image = chart.createBufferedImage(width, height);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
