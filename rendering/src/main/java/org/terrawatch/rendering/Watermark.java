package org.terrawatch.rendering;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A visible mark across a map — who drew it and when — repeated diagonally so that any crop of the map still carries
 * it, faint enough to read the map through. Drawn in the CJK font the labels use, so Chinese names show.
 */
public final class Watermark {

    private static final Font FONT = Fonts.font(null, 14, true, false);
    private static final int STEP = 160;

    private Watermark() {
    }

    public static void draw(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.28f));
            g.transform(AffineTransform.getRotateInstance(-Math.PI / 6, image.getWidth() / 2.0, image.getHeight() / 2.0));
            int reach = image.getWidth() + image.getHeight();
            for (int y = -reach; y < reach; y += STEP / 2) {
                for (int x = -reach + (y / (STEP / 2) % 2) * STEP / 2; x < reach; x += STEP + g.getFontMetrics().stringWidth(text)) {
                    g.setColor(Color.WHITE);
                    g.drawString(text, x + 1, y + 1);
                    g.setColor(new Color(60, 60, 60));
                    g.drawString(text, x, y);
                }
            }
        } finally {
            g.dispose();
        }
    }
}
