package org.terrawatch.wfs;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;

/**
 * A WFS 1.0.0 GetFeature result: a {@code wfs:FeatureCollection} of GML 2 features ({@code fid} attributes,
 * {@code gml:coordinates} as "x,y x,y" — longitude first, as WFS 1.0.0 orders EPSG codes), streamed.
 */
final class Gml2Encoder {

    static final String GML = "http://www.opengis.net/gml";
    static final String SCHEMA = "http://schemas.opengis.net/gml/2.1.2/feature.xsd";

    private Gml2Encoder() {
    }

    static void write(FeatureCollectionResult result, String describeFeatureTypeUrl, OutputStream out) {
        FeatureType type = result.query().type();
        String srsName = "EPSG:" + result.query().outputCrs().epsg();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "FeatureCollection", Xml.WFS_1_1);
            xml.writeNamespace("wfs", Xml.WFS_1_1);
            xml.writeNamespace("gml", GML);
            xml.writeNamespace(FeatureType.PREFIX, FeatureType.NAMESPACE);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS_1_1 + " http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd "
                    + FeatureType.NAMESPACE + " " + describeFeatureTypeUrl);
            if (result.lockId() != null) {
                xml.writeAttribute("lockId", result.lockId());
            }
            xml.writeStartElement("gml", "boundedBy", GML);
            Xml.element(xml, "gml", GML, "null", "unknown");
            xml.writeEndElement();
            result.forEach(feature -> {
                try {
                    xml.writeStartElement("gml", "featureMember", GML);
                    xml.writeStartElement(FeatureType.PREFIX, type.name(), FeatureType.NAMESPACE);
                    xml.writeAttribute("fid", feature.id());
                    for (Property property : type.properties()) {
                        if (property.binding() == Binding.GEOMETRY) {
                            if (feature.geometry() != null) {
                                xml.writeStartElement(FeatureType.PREFIX, property.name(), FeatureType.NAMESPACE);
                                geometry(xml, feature.geometry(), srsName);
                                xml.writeEndElement();
                            }
                        } else if (feature.values().get(property.name()) != null) {
                            Xml.element(xml, FeatureType.PREFIX, FeatureType.NAMESPACE, property.name(),
                                    GmlEncoder.text(feature.values().get(property.name())));
                        }
                    }
                    xml.writeEndElement();
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("Cannot write GML", e);
                }
            });
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write GML", e);
        }
    }

    private static void geometry(XMLStreamWriter xml, Geometry geometry, String srsName) throws XMLStreamException {
        if (geometry instanceof Point point) {
            xml.writeStartElement("gml", "Point", GML);
            xml.writeAttribute("srsName", srsName);
            Xml.element(xml, "gml", GML, "coordinates", coordinates(point.getCoordinates()));
            xml.writeEndElement();
        } else if (geometry instanceof Polygon polygon) {
            polygon(xml, polygon, srsName);
        } else if (geometry instanceof MultiPolygon multi) {
            xml.writeStartElement("gml", "MultiPolygon", GML);
            xml.writeAttribute("srsName", srsName);
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                xml.writeStartElement("gml", "polygonMember", GML);
                polygon(xml, (Polygon) multi.getGeometryN(i), null);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            throw new IllegalArgumentException("Unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void polygon(XMLStreamWriter xml, Polygon polygon, String srsName) throws XMLStreamException {
        xml.writeStartElement("gml", "Polygon", GML);
        if (srsName != null) {
            xml.writeAttribute("srsName", srsName);
        }
        ring(xml, "outerBoundaryIs", polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(xml, "innerBoundaryIs", polygon.getInteriorRingN(i));
        }
        xml.writeEndElement();
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
