package org.terrawatch.change.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.raster.PixelGrid;

/** Streaming labelling and outline tracing on small masks whose answers are known. */
class RunPolygonizerTest {

    /** North-up 10 m pixels, upper-left corner at (1000, 2000). */
    static final PixelGrid GRID = new PixelGrid(10, 0, 1000, 0, -10, 2000, null);

    @Test
    void aRingOfPixelsIsAPolygonWithAHole() {
        List<Component> components = label(
                "#####",
                "#...#",
                "#...#",
                "#####");
        assertThat(components).hasSize(1);
        Geometry outline = new RunPolygonizer(new GeometryFactory(), GRID).outline(components.get(0), 1);
        assertThat(outline).isInstanceOf(Polygon.class);
        assertThat(outline.isValid()).isTrue();
        assertThat(((Polygon) outline).getNumInteriorRing()).isEqualTo(1);
        assertThat(outline.getArea()).isEqualTo(14 * 100.0);
        assertThat(outline.getEnvelopeInternal().toString()).isEqualTo("Env[1000.0 : 1050.0, 1960.0 : 2000.0]");
        assertThat(outline.getCoordinates()).hasSize(5 + 5); // corners only
    }

    @Test
    void smallHolesAreFilled() {
        List<Component> components = label(
                "#####",
                "#.#.#",
                "#####");
        Geometry outline = new RunPolygonizer(new GeometryFactory(), GRID).outline(components.get(0), 2);
        assertThat(((Polygon) outline).getNumInteriorRing()).isZero();
        assertThat(outline.getArea()).isEqualTo(15 * 100.0);
    }

    @Test
    void pixelsTouchingAtACornerAreSeparateAndOutlinesStayValid() {
        assertThat(label(
                "#.",
                ".#")).hasSize(2);
        // A hole reaching the outside through a corner: 4-connected pixels, 8-connected background.
        List<Component> components = label(
                "###.",
                "#.#.",
                "##.#",
                "...#");
        assertThat(components).hasSize(2);
        for (Component c : components) {
            Geometry outline = new RunPolygonizer(new GeometryFactory(), GRID).outline(c, 1);
            assertThat(outline.isValid()).isTrue();
            assertThat(outline.getArea()).isEqualTo(c.pixels() * 100.0);
        }
    }

    @Test
    void componentsJoinedBelowAreOneAndComeOutWhenComplete() {
        List<Component> components = label(
                "#.#..#",
                "#.#..#",
                "###...",
                "......",
                "..##..");
        assertThat(components).extracting(Component::pixels).containsExactly(2L, 7L, 2L);
    }

    static List<Component> label(String... rows) {
        List<Component> done = new ArrayList<>();
        int width = rows[0].length();
        RunLabeller labeller = new RunLabeller(width, 1, done::add);
        float[][] values = new float[1][width];
        for (String row : rows) {
            boolean[] changed = new boolean[width];
            for (int x = 0; x < width; x++) {
                changed[x] = row.charAt(x) == '#';
            }
            labeller.row(changed, values, values, new double[width]);
        }
        labeller.finish();
        return done;
    }
}
