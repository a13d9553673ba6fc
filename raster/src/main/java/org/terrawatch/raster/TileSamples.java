package org.terrawatch.raster;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;

/**
 * Rows of samples out of an image tile as floats, straight from the tile's arrays when its layout is the usual
 * one (component sample model: banded or pixel-interleaved, the layouts GeoTIFF readers produce); through
 * {@link Raster#getSamples} otherwise. The copy through {@code getData()} and per-pixel access cost more than the
 * detection itself.
 */
final class TileSamples {

    private TileSamples() {
    }

    /** Copies width samples of a band from (x, y) in image coordinates into target at offset. */
    static void copyRow(Raster tile, int band, int x, int y, int width, float[] target, int offset) {
        if (tile.getSampleModel() instanceof ComponentSampleModel model) {
            DataBuffer buffer = tile.getDataBuffer();
            int bank = model.getBankIndices()[band];
            int start = buffer.getOffsets()[bank]
                    + model.getOffset(x - tile.getSampleModelTranslateX(), y - tile.getSampleModelTranslateY(), band);
            int step = model.getPixelStride();
            if (buffer instanceof DataBufferUShort shorts) {
                short[] data = shorts.getData(bank);
                for (int i = 0; i < width; i++) {
                    target[offset + i] = data[start + i * step] & 0xFFFF;
                }
                return;
            }
            if (buffer instanceof DataBufferShort shorts) {
                short[] data = shorts.getData(bank);
                for (int i = 0; i < width; i++) {
                    target[offset + i] = data[start + i * step];
                }
                return;
            }
            if (buffer instanceof DataBufferByte bytes) {
                byte[] data = bytes.getData(bank);
                for (int i = 0; i < width; i++) {
                    target[offset + i] = data[start + i * step] & 0xFF;
                }
                return;
            }
            if (buffer instanceof DataBufferFloat floats) {
                float[] data = floats.getData(bank);
                for (int i = 0; i < width; i++) {
                    target[offset + i] = data[start + i * step];
                }
                return;
            }
            if (buffer instanceof DataBufferInt ints) {
                int[] data = ints.getData(bank);
                for (int i = 0; i < width; i++) {
                    target[offset + i] = data[start + i * step];
                }
                return;
            }
        }
        float[] row = tile.getSamples(x, y, width, 1, band, (float[]) null);
        System.arraycopy(row, 0, target, offset, width);
    }
}
