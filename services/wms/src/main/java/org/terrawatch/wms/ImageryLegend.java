package org.terrawatch.wms;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.terrawatch.rendering.Fonts;
import org.terrawatch.rendering.raster.ImageryRenderer;

/** The legend of an imagery style: which bands make the colours, or NDVI's ramp from -0.2 to 0.8. */
final class ImageryLegend {

    private ImageryLegend() {
    }

    static final int WIDTH = 200;

    /** The legend's height: two rows for NDVI's ramp and its labels, one for the band combinations. */
    static int height(ImageryRenderer.Mode mode) {
        return mode == ImageryRenderer.Mode.NDVI ? 44 : 22;
    }

    static BufferedImage render(ImageryRenderer.Mode mode) {
        BufferedImage image = new BufferedImage(WIDTH, height(mode), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(Fonts.font(null, 12, false, false));
        switch (mode) {
            case TRUE_COLOUR -> g.drawString("真彩色 / true colour (R G B)", 4, 15);
            case FALSE_COLOUR -> g.drawString("假彩色 / false colour (NIR R G)", 4, 15);
            case NDVI -> {
                for (int x = 0; x < 180; x++) {
                    g.setColor(new Color(ImageryRenderer.ramp(-0.2 + x / 180.0)));
                    g.drawLine(10 + x, 4, 10 + x, 18);
                }
                g.setColor(Color.BLACK);
                g.drawString("-0.2", 4, 36);
                g.drawString("NDVI 植被指数", 70, 36);
                g.drawString("0.8", 176, 36);
            }
        }
        g.dispose();
        return image;
    }
}
