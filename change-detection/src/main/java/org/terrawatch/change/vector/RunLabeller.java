package org.terrawatch.change.vector;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Connected-component labelling that streams: rows of a change mask go in top to bottom, each 4-connected
 * component comes out as soon as no later row can touch it. Memory holds only the components still open (those
 * with pixels on the last row), never the image.
 */
public final class RunLabeller {

    private final int width;
    private final int bands;
    private final Consumer<Component> completed;
    private int row;
    private int[] previousRuns = new int[0];
    private Component[] previousOwners = new Component[0];
    private int previousCount;

    /** @param completed receives each component once it is complete */
    public RunLabeller(int width, int bands, Consumer<Component> completed) {
        this.width = width;
        this.bands = bands;
        this.completed = completed;
    }

    /**
     * The next row.
     *
     * @param changed   which pixels of the row changed
     * @param before    before-epoch values, [band][column]
     * @param after     normalised after-epoch values, [band][column]
     * @param magnitude change magnitude per column
     */
    public void row(boolean[] changed, float[][] before, float[][] after, double[] magnitude) {
        int[] runs = new int[width + 1];
        Component[] owners = new Component[width / 2 + 1];
        int count = 0;
        float[] b = new float[bands];
        float[] a = new float[bands];
        int p = 0;
        for (int x = 0; x < width; x++) {
            if (!changed[x]) {
                continue;
            }
            int start = x;
            while (x < width && changed[x]) {
                x++;
            }
            Component owner = null;
            while (p < previousCount && previousRuns[2 * p + 1] <= start) {
                p++;
            }
            for (int q = p; q < previousCount && previousRuns[2 * q] < x; q++) {
                Component other = previousOwners[q].root();
                if (owner == null) {
                    owner = other;
                } else if (other != owner) {
                    owner = union(owner, other);
                }
            }
            if (owner == null) {
                owner = new Component(bands);
            }
            owner.addRun(row, start, x);
            for (int c = start; c < x; c++) {
                for (int band = 0; band < bands; band++) {
                    b[band] = before[band][c];
                    a[band] = after[band][c];
                }
                owner.addPixel(b, a, magnitude[c]);
            }
            runs[2 * count] = start;
            runs[2 * count + 1] = x;
            owners[count] = owner;
            count++;
        }
        Map<Component, Boolean> continuing = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) {
            owners[i] = owners[i].root();
            continuing.put(owners[i], Boolean.TRUE);
        }
        emitClosed(continuing);
        previousRuns = runs;
        previousOwners = owners;
        previousCount = count;
        row++;
    }

    /** No more rows: every open component is complete. */
    public void finish() {
        emitClosed(new IdentityHashMap<>());
        previousCount = 0;
    }

    private void emitClosed(Map<Component, Boolean> continuing) {
        List<Component> done = new ArrayList<>();
        Map<Component, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < previousCount; i++) {
            Component root = previousOwners[i].root();
            if (!continuing.containsKey(root) && seen.put(root, Boolean.TRUE) == null) {
                done.add(root);
            }
        }
        done.forEach(completed);
    }

    private static Component union(Component a, Component b) {
        Component big = a.pixels() >= b.pixels() ? a : b;
        Component small = big == a ? b : a;
        big.absorb(small);
        small.parent = big;
        return big;
    }
}
