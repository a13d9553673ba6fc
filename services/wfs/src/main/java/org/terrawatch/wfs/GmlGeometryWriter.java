package org.terrawatch.wfs;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries as GML 3.2 or 3.1.1 (same structure, other namespace): Point, Polygon (exterior and
 * interior LinearRings with posList) and MultiSurface. Coordinates are written in the order they are held, which the query already put into the
 * output CRS's axis order. Every geometry carries the gml:id GML 3.2 requires.
 */
final class GmlGeometryWriter {

    private GmlGeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName, String id, String gml) throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", id, srsName, gml);
            Xml.element(xml, "gml", gml, "pos", format(point.getX()) + " " + format(point.getY()));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            polygon(xml, polygon, srsName, id, gml);
        } else if (geometry instanceof MultiPolygon multi) {
            start(xml, "MultiSurface", id, srsName, gml);
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                xml.writeStartElement("gml", "surfaceMember", gml);
                polygon(xml, (Polygon) multi.getGeometryN(i), null, id + "." + (i + 1), gml);
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
        StringBuilder positions = new StringBuilder();
        for (Coordinate c : ring.getCoordinates()) {
            if (positions.length() > 0) {
                positions.append(' ');
            }
            positions.append(format(c.x)).append(' ').append(format(c.y));
        }
        Xml.element(xml, "gml", gml, "posList", positions.toString());
        xml.writeEndElement();
        xml.writeEndElement();
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
