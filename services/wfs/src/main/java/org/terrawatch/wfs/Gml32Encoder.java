package org.terrawatch.wfs;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;

/**
 * A GetFeature result as a WFS 2.0 {@code wfs:FeatureCollection} of GML 3.2 features, streamed feature by
 * feature. Properties follow the feature type's schema order; null values are left out (they are optional in
 * the schema).
 */
final class Gml32Encoder {

    private Gml32Encoder() {
    }

    static void write(FeatureCollectionResult result, String describeFeatureTypeUrl, OutputStream out) {
        FeatureType type = result.query().type();
        String srsName = result.query().outputCrs().urn();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "FeatureCollection", Xml.WFS);
            xml.writeNamespace("wfs", Xml.WFS);
            xml.writeNamespace("gml", Xml.GML);
            xml.writeNamespace(FeatureType.PREFIX, FeatureType.NAMESPACE);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd "
                    + Xml.GML + " http://schemas.opengis.net/gml/3.2.1/gml.xsd " + FeatureType.NAMESPACE + " " + describeFeatureTypeUrl);
            xml.writeAttribute("timeStamp", result.timeStamp().toString());
            xml.writeAttribute("numberMatched", Long.toString(result.numberMatched()));
            xml.writeAttribute("numberReturned", Long.toString(result.numberReturned()));
            if (result.next() != null) {
                xml.writeAttribute("next", result.next());
            }
            if (result.previous() != null) {
                xml.writeAttribute("previous", result.previous());
            }
            result.forEach(feature -> member(xml, type, feature, srsName));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write GML", e);
        }
    }

    /** The one feature of a GetFeatureById answer, as the document's root element. */
    static void writeStandalone(FeatureCollectionResult result, String describeFeatureTypeUrl, OutputStream out) {
        FeatureType type = result.query().type();
        String srsName = result.query().outputCrs().urn();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            result.forEach(feature -> {
                try {
                    xml.writeStartElement(FeatureType.PREFIX, type.name(), FeatureType.NAMESPACE);
                    xml.writeNamespace(FeatureType.PREFIX, FeatureType.NAMESPACE);
                    xml.writeNamespace("gml", Xml.GML);
                    xml.writeNamespace("xsi", Xml.XSI);
                    xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.GML + " http://schemas.opengis.net/gml/3.2.1/gml.xsd "
                            + FeatureType.NAMESPACE + " " + describeFeatureTypeUrl);
                    properties(xml, type, feature, srsName);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("Cannot write GML", e);
                }
            });
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write GML", e);
        }
    }

    private static void member(XMLStreamWriter xml, FeatureType type, Feature feature, String srsName) {
        try {
            xml.writeStartElement("wfs", "member", Xml.WFS);
            xml.writeStartElement(FeatureType.PREFIX, type.name(), FeatureType.NAMESPACE);
            properties(xml, type, feature, srsName);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write GML", e);
        }
    }

    /** gml:id and the properties of an open feature element, which it then closes. */
    private static void properties(XMLStreamWriter xml, FeatureType type, Feature feature, String srsName) throws XMLStreamException {
        xml.writeAttribute("gml", Xml.GML, "id", feature.id());
        for (Property property : type.properties()) {
            if (property.binding() == Binding.GEOMETRY) {
                if (feature.geometry() != null) {
                    xml.writeStartElement(FeatureType.PREFIX, property.name(), FeatureType.NAMESPACE);
                    GmlGeometryWriter.write(xml, feature.geometry(), srsName, feature.id() + ".geom");
                    xml.writeEndElement();
                }
            } else if (feature.values().get(property.name()) != null) {
                Xml.element(xml, FeatureType.PREFIX, FeatureType.NAMESPACE, property.name(), text(feature.values().get(property.name())));
            }
        }
        xml.writeEndElement();
    }

    static String text(Object value) {
        if (value instanceof Double d) {
            return GmlGeometryWriter.format(d);
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
