package org.terrawatch.wfs;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;

/**
 * A GetFeature result as a {@code wfs:FeatureCollection} of GML features, streamed feature by feature:
 * WFS 2.0 with GML 3.2 ({@code wfs:member}, numberMatched/numberReturned) or WFS 1.1.0 with GML 3.1.1
 * ({@code gml:featureMember}, numberOfFeatures). Properties follow the feature type's schema order; null
 * values are left out (they are optional in the schema).
 */
final class GmlEncoder {

    private GmlEncoder() {
    }

    static void write(FeatureCollectionResult result, String describeFeatureTypeUrl, GmlVersion version, OutputStream out) {
        write(java.util.List.of(result), describeFeatureTypeUrl, version, out);
    }

    /**
     * Several results in one collection, each with its own type (WMS GetFeatureInfo on a group of layers); the
     * counts and links are the first result's, or for WFS 1.1 the sum of the pages.
     */
    static void write(java.util.List<FeatureCollectionResult> results, String describeFeatureTypeUrl, GmlVersion version, OutputStream out) {
        FeatureCollectionResult result = results.get(0);
        String gml = version.namespace();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "FeatureCollection", version.wfsNamespace());
            xml.writeNamespace("wfs", version.wfsNamespace());
            xml.writeNamespace("gml", gml);
            Xml.declare(xml, results.stream().map(r -> r.query().type()).toList());
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", version.wfsNamespace() + " " + version.wfsSchemaLocation() + " "
                    + gml + " " + version.schemaLocation() + " " + result.query().type().namespace().uri() + " " + describeFeatureTypeUrl);
            xml.writeAttribute("timeStamp", result.timeStamp().toString());
            if (result.lockId() != null) {
                xml.writeAttribute("lockId", result.lockId());
            }
            if (version == GmlVersion.GML_3_2) {
                xml.writeAttribute("numberMatched", Long.toString(result.numberMatched()));
                xml.writeAttribute("numberReturned", Long.toString(result.numberReturned()));
                if (result.next() != null) {
                    xml.writeAttribute("next", result.next());
                }
                if (result.previous() != null) {
                    xml.writeAttribute("previous", result.previous());
                }
            } else {
                // WFS 1.1 has one count: the page's, or for resultType=hits the matches'.
                xml.writeAttribute("numberOfFeatures", Long.toString(results.stream()
                        .mapToLong(r -> r.hits() ? r.numberMatched() : r.numberReturned()).sum()));
            }
            for (FeatureCollectionResult each : results) {
                members(xml, each, version);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write GML", e);
        }
    }

    private static void members(XMLStreamWriter xml, FeatureCollectionResult result, GmlVersion version) {
        FeatureType type = result.query().type();
        String srsName = result.query().outputCrs().urn();
        String gml = version.namespace();
        CoordinateFormat format = result.query().coordinateFormat();
        result.forEach(feature -> {
            try {
                if (version == GmlVersion.GML_3_2) {
                    xml.writeStartElement("wfs", "member", version.wfsNamespace());
                } else {
                    xml.writeStartElement("gml", "featureMember", gml);
                }
                xml.writeStartElement(type.namespace().prefix(), type.name(), type.namespace().uri());
                properties(xml, type, feature, srsName, gml, format);
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Cannot write GML", e);
            }
        });
    }

    /** The one feature of a GetFeatureById answer (WFS 2.0), as the document's root element. */
    static void writeStandalone(FeatureCollectionResult result, String describeFeatureTypeUrl, OutputStream out) {
        FeatureType type = result.query().type();
        String srsName = result.query().outputCrs().urn();
        String gml = GmlVersion.GML_3_2.namespace();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            result.forEach(feature -> {
                try {
                    xml.writeStartElement(type.namespace().prefix(), type.name(), type.namespace().uri());
                    xml.writeNamespace(type.namespace().prefix(), type.namespace().uri());
                    xml.writeNamespace("gml", gml);
                    xml.writeNamespace("xsi", Xml.XSI);
                    xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", gml + " " + GmlVersion.GML_3_2.schemaLocation() + " "
                            + type.namespace().uri() + " " + describeFeatureTypeUrl);
                    properties(xml, type, feature, srsName, gml, result.query().coordinateFormat());
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

    /** gml:id and the properties of an open feature element, which it then closes. */
    private static void properties(XMLStreamWriter xml, FeatureType type, Feature feature, String srsName, String gml,
                                   CoordinateFormat format) throws XMLStreamException {
        xml.writeAttribute("gml", gml, "id", feature.id());
        // The standard GML properties come first, in the order of gml:AbstractGMLType.
        String descriptionProperty = type.definition().descriptionProperty();
        if (descriptionProperty != null && feature.values().get(descriptionProperty) != null) {
            Xml.element(xml, "gml", gml, "description", text(feature.values().get(descriptionProperty)));
        }
        if (gml.equals(GmlVersion.GML_3_2.namespace())) {
            xml.writeStartElement("gml", "identifier", gml);
            xml.writeAttribute("codeSpace", type.namespace().uri());
            xml.writeCharacters(feature.id());
            xml.writeEndElement();
        }
        // gml:name repeats the name property; left out where the type has another property called "name", which GDAL/OGR
        // would otherwise lose (it reads gml:name into a field of that name): no value is then written twice or dropped.
        String nameProperty = type.definition().nameProperty();
        if (nameProperty != null && feature.values().get(nameProperty) != null
                && (nameProperty.equals("name") || type.property("name").isEmpty())) {
            Xml.element(xml, "gml", gml, "name", text(feature.values().get(nameProperty)));
        }
        for (Property property : type.properties()) {
            if (property.binding() == Binding.GEOMETRY) {
                if (feature.geometry() != null) {
                    xml.writeStartElement(type.namespace().prefix(), property.name(), type.namespace().uri());
                    GmlGeometryWriter.write(xml, feature.geometry(), srsName, feature.id() + ".geom", gml, format);
                    xml.writeEndElement();
                }
            } else if (feature.values().get(property.name()) != null) {
                Xml.element(xml, type.namespace().prefix(), type.namespace().uri(), property.name(), text(feature.values().get(property.name())));
            }
        }
        xml.writeEndElement();
    }

    static String text(Object value) {
        if (value instanceof Double d) {
            return CoordinateFormat.EXACT.format(d);
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
