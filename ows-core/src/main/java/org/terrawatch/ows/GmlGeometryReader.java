package org.terrawatch.ows;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.ows.xml.XmlElement;

/**
 * GML 3.2 and 3.1 geometries as requests carry them (filters, inserts): Envelope, Point, LineString,
 * Polygon, MultiSurface/MultiPolygon, MultiPoint, MultiCurve, Curve (LineStringSegments), Surface (PolygonPatches),
 * LinearRing and MultiGeometry, with pos, posList or the GML 2 coordinates.
 * Coordinates are read in the axis order of the geometry's srsName (or the given default) and returned in
 * the storage CRS (EPSG:4490, longitude first).
 */
public final class GmlGeometryReader {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Crs defaultCrs;
    private final String locator;

    /**
     * @param defaultCrs CRS of geometries without srsName
     * @param locator    the request parameter blamed on failure
     */
    public GmlGeometryReader(Crs defaultCrs, String locator) {
        this.defaultCrs = defaultCrs;
        this.locator = locator;
    }

    /** A gml:Envelope (or GML 2 gml:Box) as a storage-CRS envelope. */
    public Envelope envelope(XmlElement element) {
        return Reprojection.between(crs(element, defaultCrs), Crs.STORAGE).apply(rawEnvelope(element));
    }

    /** The envelope's corners as written, in its own CRS's axis order. */
    private Envelope rawEnvelope(XmlElement element) {
        List<Coordinate> corners = new ArrayList<>();
        if (element.child("lowerCorner").isPresent()) {
            corners.addAll(coordinates(element.require("lowerCorner", locator).text()));
            corners.addAll(coordinates(element.require("upperCorner", locator).text()));
        } else {
            element.children("coord").forEach(c -> corners.add(new Coordinate(number(c.require("X", locator).text()),
                    number(c.require("Y", locator).text()))));
            element.child("coordinates").ifPresent(c -> corners.addAll(gml2(c.text())));
        }
        if (corners.size() != 2) {
            throw OwsException.invalid(locator, "An envelope has a lower and an upper corner");
        }
        Coordinate lower = corners.get(0);
        Coordinate upper = corners.get(1);
        if (lower.x > upper.x || lower.y > upper.y) {
            throw OwsException.invalid(locator, "The envelope's lower corner exceeds its upper corner");
        }
        return new Envelope(lower.x, upper.x, lower.y, upper.y);
    }

    /**
     * The operand of a spatial filter in the storage CRS, as given: a degenerate one (a line of one position, a ring of
     * zero area) still selects what it touches, so it is not refused.
     */
    public Geometry operand(XmlElement element) {
        Crs crs = crs(element, defaultCrs);
        return Reprojection.between(crs, Crs.STORAGE).apply(read(element, crs));
    }

    /** A geometry to store, in the storage CRS; an invalid one is refused. */
    public Geometry geometry(XmlElement element) {
        Geometry read = operand(element);
        if (!read.isValid()) {
            throw OwsException.invalid(locator, "The " + element.name() + " is not a valid geometry (rings crossing themselves?)");
        }
        return read;
    }

    private Geometry read(XmlElement element, Crs crs) {
        return switch (element.name()) {
            case "Point" -> FACTORY.createPoint(single(positions(element)));
            case "LineString", "LinearRing" -> FACTORY.createLineString(positions(element).toArray(Coordinate[]::new));
            case "Curve" -> FACTORY.createLineString(segments(element).toArray(Coordinate[]::new));
            case "Polygon" -> polygon(element);
            case "Surface" -> surface(element);
            case "MultiGeometry" -> FACTORY.createGeometryCollection(members(element, crs).toArray(Geometry[]::new));
            case "Envelope", "Box" -> FACTORY.toGeometry(rawEnvelope(element));
            case "MultiSurface", "MultiPolygon" -> FACTORY.createMultiPolygon(members(element, crs).stream()
                    .map(g -> (Polygon) g).toArray(Polygon[]::new));
            case "MultiPoint" -> FACTORY.createMultiPoint(members(element, crs).stream()
                    .map(g -> (org.locationtech.jts.geom.Point) g).toArray(org.locationtech.jts.geom.Point[]::new));
            case "MultiCurve", "MultiLineString" -> FACTORY.createMultiLineString(members(element, crs).stream()
                    .map(g -> (org.locationtech.jts.geom.LineString) g).toArray(org.locationtech.jts.geom.LineString[]::new));
            default -> throw OwsException.invalid(locator, "Unsupported GML geometry " + element.name());
        };
    }

    private List<Geometry> members(XmlElement multi, Crs crs) {
        List<Geometry> members = new ArrayList<>();
        for (XmlElement child : multi.children()) {
            if (child.name().endsWith("Member") || child.name().endsWith("Members")) {
                child.children().forEach(g -> members.add(read(g, crs)));
            }
        }
        return members;
    }

    /** A gml:Curve of LineStringSegments: their positions in order, each join once. */
    private List<Coordinate> segments(XmlElement curve) {
        List<Coordinate> points = new ArrayList<>();
        for (XmlElement segment : curve.require("segments", locator).children()) {
            if (!segment.name().equals("LineStringSegment")) {
                throw OwsException.invalid(locator, "A gml:Curve is read from LineStringSegments, not " + segment.name());
            }
            for (Coordinate c : positions(segment)) {
                if (points.isEmpty() || !points.get(points.size() - 1).equals2D(c)) {
                    points.add(c);
                }
            }
        }
        if (points.size() < 2) {
            throw OwsException.invalid(locator, "A gml:Curve has at least two positions");
        }
        return points;
    }

    /** A gml:Surface of one PolygonPatch is that polygon; of several, their multi-polygon. */
    private Geometry surface(XmlElement surface) {
        List<Polygon> patches = new ArrayList<>();
        for (XmlElement patch : surface.require("patches", locator).children()) {
            if (!patch.name().equals("PolygonPatch")) {
                throw OwsException.invalid(locator, "A gml:Surface is read from PolygonPatches, not " + patch.name());
            }
            patches.add(polygon(patch));
        }
        if (patches.isEmpty()) {
            throw OwsException.invalid(locator, "A gml:Surface has at least one patch");
        }
        return patches.size() == 1 ? patches.get(0) : FACTORY.createMultiPolygon(patches.toArray(Polygon[]::new));
    }

    private Polygon polygon(XmlElement polygon) {
        XmlElement exterior = polygon.child("exterior").or(() -> polygon.child("outerBoundaryIs"))
                .orElseThrow(() -> OwsException.invalid(locator, "A polygon needs an exterior ring"));
        List<LinearRing> holes = new ArrayList<>();
        for (XmlElement child : polygon.children()) {
            if (child.name().equals("interior") || child.name().equals("innerBoundaryIs")) {
                holes.add(ring(child));
            }
        }
        return FACTORY.createPolygon(ring(exterior), holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(XmlElement boundary) {
        XmlElement ring = boundary.require("LinearRing", locator);
        List<Coordinate> points = positions(ring);
        if (points.size() < 4 || !points.get(0).equals2D(points.get(points.size() - 1))) {
            throw OwsException.invalid(locator, "A linear ring has at least four positions and ends where it starts");
        }
        return FACTORY.createLinearRing(points.toArray(Coordinate[]::new));
    }

    private List<Coordinate> positions(XmlElement element) {
        if (element.child("posList").isPresent()) {
            return coordinates(element.require("posList", locator).text());
        }
        if (element.child("coordinates").isPresent()) {
            return gml2(element.require("coordinates", locator).text());
        }
        List<Coordinate> points = new ArrayList<>();
        for (XmlElement pos : element.children("pos")) {
            points.addAll(coordinates(pos.text()));
        }
        if (points.isEmpty()) {
            throw OwsException.invalid(locator, "<" + element.name() + "> has no coordinates");
        }
        return points;
    }

    private List<Coordinate> coordinates(String text) {
        String[] numbers = text.trim().split("\\s+");
        if (numbers.length % 2 != 0) {
            throw OwsException.invalid(locator, "Coordinates come in pairs: " + text);
        }
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < numbers.length; i += 2) {
            points.add(new Coordinate(number(numbers[i]), number(numbers[i + 1])));
        }
        return points;
    }

    /** GML 2 coordinates: "x,y x,y". */
    private List<Coordinate> gml2(String text) {
        List<Coordinate> points = new ArrayList<>();
        for (String tuple : text.trim().split("\\s+")) {
            String[] parts = tuple.split(",");
            if (parts.length < 2) {
                throw OwsException.invalid(locator, "GML coordinates are x,y tuples: " + tuple);
            }
            points.add(new Coordinate(number(parts[0]), number(parts[1])));
        }
        return points;
    }

    private Coordinate single(List<Coordinate> points) {
        if (points.size() != 1) {
            throw OwsException.invalid(locator, "A point has one position");
        }
        return points.get(0);
    }

    private double number(String text) {
        return Numbers.finite(text, locator);
    }

    private Crs crs(XmlElement element, Crs fallback) {
        return element.attribute("srsName").map(name -> Crs.parse(name, false, locator)).orElse(fallback);
    }
}
