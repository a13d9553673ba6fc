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
 * JTS geometries as GML 3.2: Point, Polygon (exterior and interior LinearRings with posList) and
 * MultiSurface. Coordinates are written in the order they are held, which the query already put into the
 * output CRS's axis order. Every geometry carries the gml:id GML 3.2 requires.
 */
final class GmlGeometryWriter {

    private GmlGeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName, String id) throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", id, srsName);
            Xml.element(xml, "gml", Xml.GML, "pos", format(point.getX()) + " " + format(point.getY()));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            polygon(xml, polygon, srsName, id);
        } else if (geometry instanceof MultiPolygon multi) {
            start(xml, "MultiSurface", id, srsName);
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                xml.writeStartElement("gml", "surfaceMember", Xml.GML);
                polygon(xml, (Polygon) multi.getGeometryN(i), null, id + "." + (i + 1));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void polygon(XMLStreamWriter xml, Polygon polygon, String srsName, String id) throws XMLStreamException {
        start(xml, "Polygon", id, srsName);
        ring(xml, "exterior", polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(xml, "interior", polygon.getInteriorRingN(i));
        }
        xml.writeEndElement();
    }

    private static void ring(XMLStreamWriter xml, String role, LineString ring) throws XMLStreamException {
        xml.writeStartElement("gml", role, Xml.GML);
        xml.writeStartElement("gml", "LinearRing", Xml.GML);
        StringBuilder positions = new StringBuilder();
        for (Coordinate c : ring.getCoordinates()) {
            if (positions.length() > 0) {
                positions.append(' ');
            }
            positions.append(format(c.x)).append(' ').append(format(c.y));
        }
        Xml.element(xml, "gml", Xml.GML, "posList", positions.toString());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void start(XMLStreamWriter xml, String name, String id, String srsName) throws XMLStreamException {
        xml.writeStartElement("gml", name, Xml.GML);
        xml.writeAttribute("gml", Xml.GML, "id", id);
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
