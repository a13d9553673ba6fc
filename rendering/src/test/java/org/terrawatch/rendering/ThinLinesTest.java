package org.terrawatch.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Thin anti-aliased lines: the ink a pixel gets is the line's area in it, as Java2D's own stroke gives, in sum and in place. */
class ThinLinesTest {

    private static BufferedImage image() {
        return new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    private static Path2D line(double... points) {
        Path2D path = new Path2D.Double();
        path.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            path.lineTo(points[i], points[i + 1]);
        }
        return path;
    }

    /** The sum of alpha over the image, in pixels of full coverage. */
    private static double ink(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += (image.getRGB(x, y) >>> 24) / 255.0;
            }
        }
        return sum;
    }

    private static BufferedImage java2d(Path2D path, double width) {
        BufferedImage image = image();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(path);
        g.dispose();
        return image;
    }

    @Test
    void aHorizontalHalfPixelLineGivesEachPixelOfItsRowHalfTheInk() {
        BufferedImage image = image();
        new ThinLines(image).draw(line(8, 20.5, 40, 20.5), Color.BLACK, 1, 0.5);
        for (int x = 8; x < 40; x++) {
            assertThat(image.getRGB(x, 20) >>> 24).as("x=%d", x).isBetween(126, 129);
            assertThat(image.getRGB(x, 19) >>> 24).isZero();
            assertThat(image.getRGB(x, 21) >>> 24).isZero();
        }
        assertThat(image.getRGB(7, 20) >>> 24).isZero();
        assertThat(image.getRGB(40, 20) >>> 24).isZero();
        assertThat(ink(image)).isCloseTo(32 * 0.5, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void slantedLinesAndOutlinesCarryTheInkJava2dGivesThem() {
        Path2D[] paths = {line(3.2, 5.7, 60.1, 41.3), line(10.4, 2.2, 18.9, 61.7), line(5, 5, 50, 9, 30, 58, 5, 5)};
        for (Path2D path : paths) {
            for (double width : new double[] {0.5, 1}) {
                BufferedImage ours = image();
                new ThinLines(ours).draw(path, Color.BLACK, 1, width);
                BufferedImage reference = java2d(path, width);
                assertThat(ink(ours)).as("width %s", width).isCloseTo(ink(reference), org.assertj.core.data.Percentage.withPercentage(6));
                // in place too: no pixel away from where Java2D inks
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        if ((ours.getRGB(x, y) >>> 24) > 40) {
                            boolean near = false;
                            for (int dy = -1; dy <= 1 && !near; dy++) {
                                for (int dx = -1; dx <= 1 && !near; dx++) {
                                    int nx = x + dx;
                                    int ny = y + dy;
                                    near = nx >= 0 && ny >= 0 && nx < 64 && ny < 64 && (reference.getRGB(nx, ny) >>> 24) > 0;
                                }
                            }
                            assertThat(near).as("(%d, %d) inked by ThinLines only", x, y).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void colourAndOpacityBlendOverWhatIsThere() {
        BufferedImage image = image();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        new ThinLines(image).draw(line(0, 10.5, 64, 10.5), new Color(0x33, 0x33, 0x33), 1, 1);
        new ThinLines(image).draw(line(0, 30.5, 64, 30.5), Color.RED, 0.5, 1);
        assertThat(image.getRGB(20, 10)).isEqualTo(0xff333333);
        assertThat(image.getRGB(20, 30)).isEqualTo(0xffff8080);
        assertThat(image.getRGB(20, 20)).isEqualTo(0xffffffff);
    }

    @Test
    void segmentsOffTheImageOrOfNoLengthDrawNothing() {
        BufferedImage image = image();
        ThinLines lines = new ThinLines(image);
        lines.draw(line(-1e9, -5, 1e9, -5, 1e9, 1e9), Color.BLACK, 1, 1);
        lines.draw(line(-100, 80, 200, 90), Color.BLACK, 1, 1);
        lines.draw(line(30, 30, 30, 30), Color.BLACK, 1, 1);
        assertThat(ink(image)).isZero();
        lines.draw(line(-1e9, 32.5, 1e9, 32.5), Color.BLACK, 1, 1);
        assertThat(ink(image)).isCloseTo(64, org.assertj.core.data.Offset.offset(0.1));
        assertThatThrownBy(() -> new ThinLines(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
