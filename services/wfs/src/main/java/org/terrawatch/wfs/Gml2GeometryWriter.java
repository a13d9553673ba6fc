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
 * JTS geometries as GML 2.1.2 (WFS 1.0): Point, LineString, Polygon (outer and inner boundaries), MultiPoint,
 * MultiLineString, MultiPolygon and MultiGeometry, with x,y coordinates in the layer's decimals; the members of a collection carry the srsName
 * only through their parent.
 */
final class Gml2GeometryWriter {

    private static final String GML = Gml2Encoder.GML;

    private Gml2GeometryWriter() {
    }

    static void write(XMLStreamWriter xml, Geometry geometry, String srsName, CoordinateFormat format) throws XMLStreamException {
        if (geometry instanceof Point point) {
            start(xml, "Point", srsName);
            Xml.element(xml, "gml", GML, "coordinates", coordinates(point.getCoordinateSequence(), format));
            xml.writeEndElement();
        } else if (geometry instanceof LineString line) {
            start(xml, "LineString", srsName);
            Xml.element(xml, "gml", GML, "coordinates", coordinates(line.getCoordinateSequence(), format));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            start(xml, "Polygon", srsName);
            ring(xml, "outerBoundaryIs", polygon.getExteriorRing(), format);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(xml, "innerBoundaryIs", polygon.getInteriorRingN(i), format);
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
                write(xml, collection.getGeometryN(i), null, format);
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

    private static void ring(XMLStreamWriter xml, String role, LineString ring, CoordinateFormat format) throws XMLStreamException {
        xml.writeStartElement("gml", role, GML);
        xml.writeStartElement("gml", "LinearRing", GML);
        Xml.element(xml, "gml", GML, "coordinates", coordinates(ring.getCoordinateSequence(), format));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String coordinates(CoordinateSequence sequence, CoordinateFormat format) {
        return format.positions(sequence, ',');
    }
}
