package org.terrawatch.rendering;

import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.ImageLineInt;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a rendered map: PNG with alpha (PNGJ, rows streamed, fast deflate), 8-bit palette PNG with transparency
 * (exact palette when the map has at most 256 colours, otherwise colours reduced to a 256-entry palette), and
 * JPEG (quality 0.85; transparency flattened onto the background).
 */
public final class ImageEncoder {

    private ImageEncoder() {
    }

    public static void write(BufferedImage image, ImageFormat format, java.awt.Color background, OutputStream out) throws IOException {
        switch (format) {
            case PNG -> png(image, out);
            case PNG8 -> png8(image, out);
            case JPEG -> jpeg(image, background, out);
        }
    }

    private static void png(BufferedImage image, OutputStream out) {
        int width = image.getWidth();
        int height = image.getHeight();
        PngWriter writer = new PngWriter(out, new ImageInfo(width, height, 8, true));
        writer.setCompLevel(4);
        writer.setFilterType(filter(image));
        writer.setShouldCloseStream(false);
        // A rendered map is premultiplied in one int array (MapRenderer): read it there, not pixel by pixel through getRGB.
        int[] premultiplied = image.getType() == BufferedImage.TYPE_INT_ARGB_PRE
                ? ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
        int[] argb = new int[width];
        ImageLineInt line = new ImageLineInt(writer.imgInfo);
        int[] scanline = line.getScanline();
        for (int y = 0; y < height; y++) {
            if (premultiplied == null) {
                image.getRGB(0, y, width, 1, argb, 0, width);
            }
            for (int x = 0, i = 0; x < width; x++) {
                int pixel = premultiplied == null ? argb[x] : premultiplied[y * width + x];
                int alpha = pixel >>> 24;
                int red = (pixel >> 16) & 0xff;
                int green = (pixel >> 8) & 0xff;
                int blue = pixel & 0xff;
                if (premultiplied != null && alpha != 255) {
                    if (alpha == 0) {
                        red = green = blue = 0;
                    } else {
                        red = Math.min(255, (red * 255 + alpha / 2) / alpha);
                        green = Math.min(255, (green * 255 + alpha / 2) / alpha);
                        blue = Math.min(255, (blue * 255 + alpha / 2) / alpha);
                    }
                }
                scanline[i++] = red;
                scanline[i++] = green;
                scanline[i++] = blue;
                scanline[i++] = alpha;
            }
            writer.writeRow(line);
        }
        writer.end();
    }

    /**
     * One cheap filter for every row rather than PNGJ's adaptive choice: none for drawn maps, whose flat areas deflate
     * best as they are (a fifth smaller than with SUB on patch maps), SUB for imagery, where neighbours differ a little.
     * Told apart by how many pixels of every sixteenth row equal their left neighbour (a quarter or more: drawn).
     */
    static ar.com.hjg.pngj.FilterType filter(BufferedImage image) {
        int width = image.getWidth();
        int[] row = new int[width];
        long same = 0;
        long all = 0;
        for (int y = 0; y < image.getHeight(); y += 16) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 1; x < width; x++) {
                same += row[x] == row[x - 1] ? 1 : 0;
            }
            all += width - 1;
        }
        return same >= 0.25 * all ? ar.com.hjg.pngj.FilterType.FILTER_NONE : ar.com.hjg.pngj.FilterType.FILTER_SUB;
    }

    private static void png8(BufferedImage image, OutputStream out) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        Palette palette = Palette.of(pixels);
        ImageInfo info = new ImageInfo(width, height, 8, false, false, true);
        PngWriter writer = new PngWriter(out, info);
        writer.setCompLevel(4);
        writer.setShouldCloseStream(false);
        PngChunkPLTE plte = writer.getMetadata().createPLTEChunk();
        plte.setNentries(palette.size());
        PngChunkTRNS trns = writer.getMetadata().createTRNSChunk();
        int[] alphas = new int[palette.size()];
        for (int i = 0; i < palette.size(); i++) {
            int colour = palette.colour(i);
            plte.setEntry(i, (colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff);
            alphas[i] = colour >>> 24;
        }
        trns.setPalletteAlpha(alphas);
        ImageLineByte line = new ImageLineByte(info);
        byte[] scanline = line.getScanline();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                scanline[x] = (byte) palette.index(pixels[y * width + x]);
            }
            writer.writeRow(line);
        }
        writer.end();
    }

    private static void jpeg(BufferedImage image, java.awt.Color background, OutputStream out) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(background == null ? java.awt.Color.WHITE : background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(0.85f);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    /** Up to 256 colours: the image's own when few, else the most frequent of its colours reduced to 4 bits a channel. */
    private static final class Palette {
        private final int[] colours;
        private final Map<Integer, Integer> exact;

        private Palette(int[] colours, Map<Integer, Integer> exact) {
            this.colours = colours;
            this.exact = exact;
        }

        static Palette of(int[] pixels) {
            Map<Integer, Integer> distinct = new HashMap<>();
            for (int pixel : pixels) {
                int key = (pixel >>> 24) == 0 ? 0 : pixel;
                if (!distinct.containsKey(key)) {
                    if (distinct.size() == 256) {
                        return reduced(pixels);
                    }
                    distinct.put(key, distinct.size());
                }
            }
            int[] colours = new int[distinct.size()];
            distinct.forEach((colour, index) -> colours[index] = colour);
            return new Palette(colours, distinct);
        }

        private static Palette reduced(int[] pixels) {
            Map<Integer, int[]> buckets = new HashMap<>();
            for (int pixel : pixels) {
                int key = quantised(pixel);
                buckets.computeIfAbsent(key, k -> new int[1])[0]++;
            }
            int[] colours = buckets.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(256)
                    .mapToInt(e -> expand(e.getKey())).toArray();
            return new Palette(colours, null);
        }

        private static int quantised(int pixel) {
            int a = (pixel >>> 24) >> 4;
            if (a == 0) {
                return 0;
            }
            return a << 12 | ((pixel >> 20) & 0xf) << 8 | ((pixel >> 12) & 0xf) << 4 | ((pixel >> 4) & 0xf);
        }

        private static int expand(int key) {
            int a = (key >> 12) & 0xf;
            int r = (key >> 8) & 0xf;
            int g = (key >> 4) & 0xf;
            int b = key & 0xf;
            return (a * 17) << 24 | (r * 17) << 16 | (g * 17) << 8 | (b * 17);
        }

        int size() {
            return colours.length;
        }

        int colour(int index) {
            return colours[index];
        }

        private final Map<Integer, Integer> nearest = new HashMap<>();

        int index(int pixel) {
            int key = (pixel >>> 24) == 0 ? 0 : pixel;
            if (exact != null) {
                return exact.get(key);
            }
            return nearest.computeIfAbsent(key, this::closest);
        }

        private int closest(int pixel) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < colours.length; i++) {
                int c = colours[i];
                long d = square((c >>> 24) - (pixel >>> 24)) + square(((c >> 16) & 0xff) - ((pixel >> 16) & 0xff))
                        + square(((c >> 8) & 0xff) - ((pixel >> 8) & 0xff)) + square((c & 0xff) - (pixel & 0xff));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        private static long square(int value) {
            return (long) value * value;
        }
    }
}
