package org.terrawatch.wfs;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries as GML 3.2 or 3.1.1 (same structure, other namespace): Point, LineString, Polygon (exterior and
 * interior LinearRings), MultiPoint, MultiCurve, MultiSurface and MultiGeometry, with posList. Coordinates are written in
 * the order they are held, which the query already put into the output CRS's axis order. Every geometry carries the
 * gml:id GML 3.2 requires; the members of a collection carry the srsName only through their parent.
 */
final class GmlGeometryWriter {

    private GmlGeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName, String id, String gml) throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", id, srsName, gml);
            Xml.element(xml, "gml", gml, "pos", format(point.getX()) + " " + format(point.getY()));
            xml.writeEndElement();
        } else if (geometry instanceof LineString line) {
            start(xml, "LineString", id, srsName, gml);
            Xml.element(xml, "gml", gml, "posList", positions(line));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            polygon(xml, polygon, srsName, id, gml);
        } else if (geometry instanceof GeometryCollection collection) {
            String[] names = geometry instanceof MultiPolygon ? new String[] {"MultiSurface", "surfaceMember"}
                    : geometry instanceof MultiLineString ? new String[] {"MultiCurve", "curveMember"}
                    : geometry instanceof MultiPoint ? new String[] {"MultiPoint", "pointMember"}
                    : new String[] {"MultiGeometry", "geometryMember"};
            start(xml, names[0], id, srsName, gml);
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                xml.writeStartElement("gml", names[1], gml);
                write(xml, collection.getGeometryN(i), null, id + "." + (i + 1), gml);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void polygon(XMLStreamWriter xml, Polygon polygon, String srsName, String id, String gml) throws XMLStreamException {
        start(xml, "Polygon", id, srsName, gml);
        ring(xml, "exterior", polygon.getExteriorRing(), gml);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(xml, "interior", polygon.getInteriorRingN(i), gml);
        }
        xml.writeEndElement();
    }

    private static void ring(XMLStreamWriter xml, String role, LineString ring, String gml) throws XMLStreamException {
        xml.writeStartElement("gml", role, gml);
        xml.writeStartElement("gml", "LinearRing", gml);
        Xml.element(xml, "gml", gml, "posList", positions(ring));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String positions(LineString line) {
        StringBuilder positions = new StringBuilder();
        for (Coordinate c : line.getCoordinates()) {
            if (positions.length() > 0) {
                positions.append(' ');
            }
            positions.append(format(c.x)).append(' ').append(format(c.y));
        }
        return positions.toString();
    }

    private static void start(XMLStreamWriter xml, String name, String id, String srsName, String gml) throws XMLStreamException {
        xml.writeStartElement("gml", name, gml);
        xml.writeAttribute("gml", gml, "id", id);
        if (srsName != null) {
            xml.writeAttribute("srsName", srsName);
            xml.writeAttribute("srsDimension", "2");
        }
    }

    /** Shortest exact decimal form: no exponent, no trailing zeros. */
    static String format(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
