package org.terrawatch.submission.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.submission.SubmissionRefused;

/**
 * A zipped ESRI shapefile: the {@code .shp} geometries (polygons, with Z and M dropped; points, multipoints and lines
 * are read as their kind only, so the report can say they are no areas), the {@code .dbf} attributes in the encoding {@link TextEncoding} tells, and
 * the {@code .prj} CRS, which must be there ({@link CrsDefinitions} reads it). A polygon's rings become shells (clockwise,
 * as the format says) and holes inside them; rings left open are closed and reported as repaired.
 */
final class ShapefileReader {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private ShapefileReader() {
    }

    static SourceLayer read(byte[] zip) {
        Map<String, byte[]> files = ZipEntries.read(zip);
        List<String> shapes = files.keySet().stream().filter(name -> name.endsWith(".shp")).toList();
        if (shapes.isEmpty()) {
            throw new SubmissionRefused("CORRUPT_FILE", "The zip holds no .shp file: hand in a zipped shapefile (.shp, .shx, .dbf, .prj)");
        }
        if (shapes.size() > 1) {
            throw new SubmissionRefused("SEVERAL_LAYERS", "The zip holds " + shapes.size() + " shapefiles (" + String.join(", ", shapes)
                    + "): hand in one layer per file");
        }
        String base = shapes.get(0).substring(0, shapes.get(0).length() - 4);
        byte[] dbf = files.get(base + ".dbf");
        if (dbf == null) {
            throw new SubmissionRefused("MISSING_DBF", "The shapefile " + base + " comes without its .dbf: its attributes are missing");
        }
        byte[] prj = files.get(base + ".prj");
        if (prj == null) {
            throw new SubmissionRefused("MISSING_PRJ", "The shapefile " + base + " comes without its .prj, so its coordinate system is "
                    + "unknown: export it again with its .prj (CGCS2000 or a system with a known transformation to it)");
        }
        byte[] cpg = files.get(base + ".cpg");
        TextEncoding declared = cpg == null ? null : TextEncoding.ofCodePage(new String(cpg, StandardCharsets.US_ASCII));
        DbaseTable table = DbaseTable.read(dbf, declared);
        List<SourceFeature> features = geometries(files.get(shapes.get(0)), table);
        String wkt = new String(prj, StandardCharsets.UTF_8).strip();
        return new SourceLayer(FileFormat.SHAPEFILE, table.encoding().toString(), CrsDefinitions.fromWkt(wkt, "the .prj file"),
                "the .prj file", table.fields(), features);
    }

    private static List<SourceFeature> geometries(byte[] shp, DbaseTable table) {
        if (shp.length < 100 || ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new SubmissionRefused("CORRUPT_FILE", "The .shp is not a shapefile (no 9994 file code)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(shp);
        List<SourceFeature> features = new ArrayList<>();
        int position = 100;
        int index = 0;
        while (position + 8 <= shp.length) {
            int contentLength = buffer.order(ByteOrder.BIG_ENDIAN).getInt(position + 4) * 2;
            int content = position + 8;
            if (contentLength < 4 || content + contentLength > shp.length) {
                throw new SubmissionRefused("CORRUPT_FILE", "The .shp ends in its record " + (index + 1));
            }
            Map<String, String> attributes = table.record(index);
            if (attributes != null) {
                features.add(shape(buffer.order(ByteOrder.LITTLE_ENDIAN), content, contentLength, features.size() + 1, attributes));
            }
            index++;
            position = content + contentLength;
        }
        if (index != table.size()) {
            throw new SubmissionRefused("CORRUPT_FILE", "The .shp holds " + index + " shapes but the .dbf " + table.size() + " records");
        }
        return features;
    }

    private static SourceFeature shape(ByteBuffer le, int at, int length, int number, Map<String, String> attributes) {
        int type = le.getInt(at);
        switch (type) {
            case 0:
                return SourceFeature.of(number, null, attributes); // a null shape: no geometry
            case 1, 11, 21:
                return new SourceFeature(number, FACTORY.createPoint(new Coordinate(le.getDouble(at + 4), le.getDouble(at + 12))),
                        attributes, null, null);
            case 8, 18, 28:
                return SourceFeature.of(number, FACTORY.createMultiPoint(), attributes);
            case 3, 13, 23:
                return SourceFeature.of(number, FACTORY.createLineString(), attributes);
            case 5, 15, 25:
                return polygon(le, at, length, number, attributes);
            default:
                return new SourceFeature(number, null, attributes, null, "shape type " + type + ", which is not a polygon");
        }
    }

    private static SourceFeature polygon(ByteBuffer le, int at, int length, int number, Map<String, String> attributes) {
        int parts = le.getInt(at + 36);
        int points = le.getInt(at + 40);
        if (parts < 1 || points < 0 || 44 + 4L * parts + 16L * points > length) {
            return new SourceFeature(number, null, attributes, null, "a polygon record whose parts and points do not fit it");
        }
        int pointsAt = at + 44 + 4 * parts;
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        String repaired = null;
        for (int p = 0; p < parts; p++) {
            int first = le.getInt(at + 44 + 4 * p);
            int end = p + 1 < parts ? le.getInt(at + 44 + 4 * (p + 1)) : points;
            if (first < 0 || end > points || end <= first) {
                return new SourceFeature(number, null, attributes, null, "a polygon part out of its record");
            }
            List<Coordinate> ring = new ArrayList<>();
            for (int i = first; i < end; i++) {
                ring.add(new Coordinate(le.getDouble(pointsAt + 16 * i), le.getDouble(pointsAt + 16 * i + 8)));
            }
            if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
                ring.add(new Coordinate(ring.get(0)));
                repaired = "ring " + (p + 1) + " was not closed: closed";
            }
            if (ring.size() < 4) {
                return new SourceFeature(number, null, attributes, null, "ring " + (p + 1) + " has fewer than 3 distinct points");
            }
            LinearRing linear = FACTORY.createLinearRing(ring.toArray(Coordinate[]::new));
            (Orientation.isCCW(linear.getCoordinateSequence()) ? holes : shells).add(linear);
        }
        if (shells.isEmpty()) {
            // Every ring counter-clockwise: written the other way round; take them as shells.
            shells.addAll(holes);
            holes.clear();
        }
        return new SourceFeature(number, assemble(shells, holes), attributes, repaired, null);
    }

    /** Shells with the holes that lie in them; a hole in no shell stays a shell, which validation then refuses or keeps. */
    private static Geometry assemble(List<LinearRing> shells, List<LinearRing> holes) {
        List<List<LinearRing>> inside = new ArrayList<>();
        List<Polygon> shellPolygons = new ArrayList<>();
        for (LinearRing shell : shells) {
            inside.add(new ArrayList<>());
            shellPolygons.add(FACTORY.createPolygon(shell));
        }
        List<LinearRing> orphans = new ArrayList<>();
        for (LinearRing hole : holes) {
            int owner = -1;
            for (int s = 0; s < shellPolygons.size() && owner < 0; s++) {
                if (shellPolygons.get(s).getEnvelopeInternal().covers(hole.getEnvelopeInternal())
                        && shellPolygons.get(s).covers(FACTORY.createPoint(hole.getCoordinateN(0)))) {
                    owner = s;
                }
            }
            if (owner < 0) {
                orphans.add(hole);
            } else {
                inside.get(owner).add(hole);
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int s = 0; s < shells.size(); s++) {
            polygons.add(FACTORY.createPolygon(shells.get(s), inside.get(s).toArray(LinearRing[]::new)));
        }
        for (LinearRing orphan : orphans) {
            polygons.add(FACTORY.createPolygon(orphan));
        }
        return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
