package org.terrawatch.app;

import java.awt.image.BufferedImage;
import org.locationtech.jts.geom.Envelope;

/** Reading rendered maps in tests: where a position falls, and whether the VERIFYING colour is there. */
final class MapPixels {

    private MapPixels() {
    }

    /** Whether a pixel of #F5B700 at about half opacity lies within the given distance of (x, y). */
    /** How many pixels of two images of one size differ. */
    static int differing(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    static boolean yellowNear(BufferedImage image, int x, int y, int distance) {
        for (int j = Math.max(0, y - distance); j < Math.min(image.getHeight(), y + distance); j++) {
            for (int i = Math.max(0, x - distance); i < Math.min(image.getWidth(), x + distance); i++) {
                int argb = image.getRGB(i, j);
                if ((argb >>> 24) > 100 && ((argb >> 16) & 0xff) > 220 && Math.abs(((argb >> 8) & 0xff) - 0xb7) < 20 && (argb & 0xff) < 40) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether something coloured (neither transparent nor near white) is drawn within the given distance of (x, y). */
    static boolean drawnNear(BufferedImage image, int x, int y, int distance) {
        for (int j = Math.max(0, y - distance); j < Math.min(image.getHeight(), y + distance); j++) {
            for (int i = Math.max(0, x - distance); i < Math.min(image.getWidth(), x + distance); i++) {
                int argb = image.getRGB(i, j);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if ((argb >>> 24) > 100 && Math.min(r, Math.min(g, b)) < 200) {
                    return true;
                }
            }
        }
        return false;
    }

    static int[] pixel(Envelope view, int width, int height, double[] lonLat) {
        return new int[] {(int) ((lonLat[0] - view.getMinX()) / view.getWidth() * width),
                (int) ((view.getMaxY() - lonLat[1]) / view.getHeight() * height)};
    }

}
