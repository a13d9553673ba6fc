package org.terrawatch.wfs;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.ows.CoordinateFormat;

/**
 * JTS geometries as GML 3.2 or 3.1.1 (same structure, other namespace): Point, LineString, Polygon (exterior and
 * interior LinearRings), MultiPoint, MultiCurve, MultiSurface and MultiGeometry, with posList. Coordinates are written in
 * the order they are held, which the query already put into the output CRS's axis order, with the layer's decimals.
 * Every geometry carries the gml:id GML 3.2 requires; the members of a collection carry the srsName only through their
 * parent.
 */
final class GmlGeometryWriter {

    private GmlGeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName, String id, String gml, CoordinateFormat format)
            throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", id, srsName, gml);
            positions(xml, "pos", point.getCoordinateSequence(), gml, format);
            xml.writeEndElement();
        } else if (geometry instanceof LineString line) {
            start(xml, "LineString", id, srsName, gml);
            positions(xml, "posList", line.getCoordinateSequence(), gml, format);
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            polygon(xml, polygon, srsName, id, gml, format);
        } else if (geometry instanceof GeometryCollection collection) {
            String[] names = geometry instanceof MultiPolygon ? new String[] {"MultiSurface", "surfaceMember"}
                    : geometry instanceof MultiLineString ? new String[] {"MultiCurve", "curveMember"}
                    : geometry instanceof MultiPoint ? new String[] {"MultiPoint", "pointMember"}
                    : new String[] {"MultiGeometry", "geometryMember"};
            start(xml, names[0], id, srsName, gml);
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                xml.writeStartElement("gml", names[1], gml);
                write(xml, collection.getGeometryN(i), null, id + "." + (i + 1), gml, format);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void polygon(XMLStreamWriter xml, Polygon polygon, String srsName, String id, String gml, CoordinateFormat format)
            throws XMLStreamException {
        start(xml, "Polygon", id, srsName, gml);
        ring(xml, "exterior", polygon.getExteriorRing(), gml, format);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(xml, "interior", polygon.getInteriorRingN(i), gml, format);
        }
        xml.writeEndElement();
    }

    private static void ring(XMLStreamWriter xml, String role, LineString ring, String gml, CoordinateFormat format)
            throws XMLStreamException {
        xml.writeStartElement("gml", role, gml);
        xml.writeStartElement("gml", "LinearRing", gml);
        positions(xml, "posList", ring.getCoordinateSequence(), gml, format);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** {@code <gml:pos>} or {@code <gml:posList>}: the positions separated by spaces. */
    private static void positions(XMLStreamWriter xml, String element, CoordinateSequence sequence, String gml, CoordinateFormat format)
            throws XMLStreamException {
        Xml.element(xml, "gml", gml, element, format.positions(sequence, ' '));
    }

    private static void start(XMLStreamWriter xml, String name, String id, String srsName, String gml) throws XMLStreamException {
        xml.writeStartElement("gml", name, gml);
        xml.writeAttribute("gml", gml, "id", id);
        if (srsName != null) {
            xml.writeAttribute("srsName", srsName);
            xml.writeAttribute("srsDimension", "2");
        }
    }
}
