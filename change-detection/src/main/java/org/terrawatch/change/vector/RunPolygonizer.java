package org.terrawatch.change.vector;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.terrawatch.raster.PixelGrid;

/**
 * The outline of a component as a polygon with holes, in the image's CRS: the pixel edges between the component
 * and the rest are traced into rings along pixel corners (only where the direction turns), a ring running one way
 * is an outline and the other way a hole; where two pixels of the component touch only at a corner, the
 * background there becomes a hole touching the outline at that point (valid simple features). Holes smaller than the given pixel count are filled (the sieve's rule
 * for the inside of a patch).
 */
public final class RunPolygonizer {

    private final GeometryFactory factory;
    private final PixelGrid grid;

    public RunPolygonizer(GeometryFactory factory, PixelGrid grid) {
        this.factory = factory;
        this.grid = grid;
    }

    public Geometry outline(Component component, long minimumHolePixels) {
        int left = component.minColumn();
        int top = component.minRow();
        int w = component.maxColumn() - left + 1;
        int h = component.maxRow() - top + 1;
        BitSet inside = new BitSet(w * h);
        for (int i = 0; i < component.runCount(); i++) {
            int[] run = component.run(i);
            inside.set((run[0] - top) * w + run[1] - left, (run[0] - top) * w + run[2] - left);
        }
        // Directed edges clockwise around each pixel on screen (rows grow downwards); edges between two pixels of
        // the component cancel, the rest is the boundary. Vertex key: row * (w + 1) + column, bounding-box local.
        Map<Integer, int[]> outgoing = new HashMap<>();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (!inside.get(r * w + c)) {
                    continue;
                }
                if (r == 0 || !inside.get((r - 1) * w + c)) {
                    addEdge(outgoing, w, c, r, c + 1, r);
                }
                if (c == w - 1 || !inside.get(r * w + c + 1)) {
                    addEdge(outgoing, w, c + 1, r, c + 1, r + 1);
                }
                if (r == h - 1 || !inside.get((r + 1) * w + c)) {
                    addEdge(outgoing, w, c + 1, r + 1, c, r + 1);
                }
                if (c == 0 || !inside.get(r * w + c - 1)) {
                    addEdge(outgoing, w, c, r + 1, c, r);
                }
            }
        }
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        while (!outgoing.isEmpty()) {
            int start = outgoing.keySet().iterator().next();
            List<Coordinate> ring = trace(outgoing, w, start, left, top);
            LinearRing linear = factory.createLinearRing(ring.toArray(Coordinate[]::new));
            // Outlines run clockwise on screen (rows down), which stays clockwise with the row axis pointing up.
            boolean outline = !Orientation.isCCW(flippedRows(ring));
            if (outline) {
                shells.add(linear);
            } else if (pixelArea(ring) >= minimumHolePixels) {
                holes.add(linear);
            }
        }
        Geometry polygon = assemble(shells, holes);
        return polygon.isValid() ? polygon : GeometryFixer.fix(polygon);
    }

    private Geometry assemble(List<LinearRing> shells, List<LinearRing> holes) {
        if (shells.size() == 1) {
            return factory.createPolygon(shells.get(0), holes.toArray(LinearRing[]::new));
        }
        List<Polygon> polygons = new ArrayList<>();
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (LinearRing shell : shells) {
            polygons.add(factory.createPolygon(shell));
            holesOf.add(new ArrayList<>());
        }
        for (LinearRing hole : holes) {
            Geometry point = factory.createPolygon(hole).getInteriorPoint();
            for (int i = 0; i < polygons.size(); i++) {
                if (polygons.get(i).contains(point)) {
                    holesOf.get(i).add(hole);
                    break;
                }
            }
        }
        Polygon[] parts = new Polygon[shells.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return factory.createMultiPolygon(parts);
    }

    private static void addEdge(Map<Integer, int[]> outgoing, int w, int c0, int r0, int c1, int r1) {
        int from = r0 * (w + 1) + c0;
        int to = r1 * (w + 1) + c1;
        int[] targets = outgoing.get(from);
        outgoing.put(from, targets == null ? new int[] {to} : new int[] {targets[0], to});
    }

    /** Follows edges from a vertex back to it, turning left where two edges leave a corner. */
    private List<Coordinate> trace(Map<Integer, int[]> outgoing, int w, int start, int left, int top) {
        List<Coordinate> ring = new ArrayList<>();
        int vertex = start;
        int dx = 0;
        int dy = 0;
        do {
            int[] targets = outgoing.get(vertex);
            int next = targets[0];
            if (targets.length == 2) {
                // Two pixels of this component meet here only at their corner: turning left leaves the pixel just
                // followed, so the background touching both corners becomes a hole meeting the outline at one point.
                int leftX = dy;
                int leftY = -dx;
                int choice = direction(targets[1], vertex, w, leftX, leftY) ? 1 : 0;
                next = targets[choice];
                outgoing.put(vertex, new int[] {targets[1 - choice]});
            } else {
                outgoing.remove(vertex);
            }
            int ndx = Integer.signum(next % (w + 1) - vertex % (w + 1));
            int ndy = Integer.signum(next / (w + 1) - vertex / (w + 1));
            if (ndx != dx || ndy != dy) {
                ring.add(corner(vertex, w, left, top));
            }
            dx = ndx;
            dy = ndy;
            vertex = next;
        } while (vertex != start);
        if (!ring.get(0).equals2D(corner(start, w, left, top))) {
            ring.add(0, corner(start, w, left, top));
        }
        ring.add(new Coordinate(ring.get(0)));
        return ring;
    }

    private static boolean direction(int target, int from, int w, int x, int y) {
        return Integer.signum(target % (w + 1) - from % (w + 1)) == x && Integer.signum(target / (w + 1) - from / (w + 1)) == y;
    }

    private Coordinate corner(int vertex, int w, int left, int top) {
        double column = left + vertex % (w + 1);
        double row = top + vertex / (w + 1);
        return new Coordinate(grid.x(column, row), grid.y(column, row));
    }

    private Coordinate[] flippedRows(List<Coordinate> ring) {
        // Orientation in pixel terms, whatever the sign of the grid's axes: map back to (column, -row).
        Coordinate[] pixels = new Coordinate[ring.size()];
        for (int i = 0; i < pixels.length; i++) {
            double[] at = grid.pixelOf(ring.get(i).x, ring.get(i).y);
            pixels[i] = new Coordinate(at[0], -at[1]);
        }
        return pixels;
    }

    private double pixelArea(List<Coordinate> ring) {
        return Math.abs(org.locationtech.jts.algorithm.Area.ofRing(ring.toArray(Coordinate[]::new))) / grid.pixelArea();
    }
}
