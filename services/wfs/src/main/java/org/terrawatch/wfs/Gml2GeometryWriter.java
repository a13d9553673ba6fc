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
 * JTS geometries as GML 2.1.2 (WFS 1.0): Point, LineString, Polygon (outer and inner boundaries), MultiPoint,
 * MultiLineString, MultiPolygon and MultiGeometry, with x,y coordinates; the members of a collection carry the srsName
 * only through their parent.
 */
final class Gml2GeometryWriter {

    private static final String GML = Gml2Encoder.GML;

    private Gml2GeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName) throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", srsName);
            Xml.element(xml, "gml", GML, "coordinates", coordinates(point.getCoordinates()));
            xml.writeEndElement();
        } else if (geometry instanceof LineString line) {
            start(xml, "LineString", srsName);
            Xml.element(xml, "gml", GML, "coordinates", coordinates(line.getCoordinates()));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            start(xml, "Polygon", srsName);
            ring(xml, "outerBoundaryIs", polygon.getExteriorRing());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(xml, "innerBoundaryIs", polygon.getInteriorRingN(i));
            }
            xml.writeEndElement();
        } else if (geometry instanceof GeometryCollection collection) {
            String[] names = geometry instanceof MultiPolygon ? new String[] {"MultiPolygon", "polygonMember"}
                    : geometry instanceof MultiLineString ? new String[] {"MultiLineString", "lineStringMember"}
                    : geometry instanceof MultiPoint ? new String[] {"MultiPoint", "pointMember"}
                    : new String[] {"MultiGeometry", "geometryMember"};
            start(xml, names[0], srsName);
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                xml.writeStartElement("gml", names[1], GML);
                write(xml, collection.getGeometryN(i), null);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void start(XMLStreamWriter xml, String name, String srsName) throws XMLStreamException {
        xml.writeStartElement("gml", name, GML);
        if (srsName != null) {
            xml.writeAttribute("srsName", srsName);
        }
    }

    private static void ring(XMLStreamWriter xml, String role, LineString ring) throws XMLStreamException {
        xml.writeStartElement("gml", role, GML);
        xml.writeStartElement("gml", "LinearRing", GML);
        Xml.element(xml, "gml", GML, "coordinates", coordinates(ring.getCoordinates()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String coordinates(Coordinate[] points) {
        StringBuilder text = new StringBuilder();
        for (Coordinate c : points) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(GmlGeometryWriter.format(c.x)).append(',').append(GmlGeometryWriter.format(c.y));
        }
        return text.toString();
    }
}
