package org.terrawatch.wfs;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.CoordinateFormat;
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
        CoordinateFormat format = result.query().coordinateFormat();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "FeatureCollection", Xml.WFS_1_1);
            xml.writeNamespace("wfs", Xml.WFS_1_1);
            xml.writeNamespace("gml", GML);
            Xml.declare(xml, java.util.List.of(type));
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS_1_1 + " http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd "
                    + type.namespace().uri() + " " + describeFeatureTypeUrl);
            if (result.lockId() != null) {
                xml.writeAttribute("lockId", result.lockId());
            }
            xml.writeStartElement("gml", "boundedBy", GML);
            Xml.element(xml, "gml", GML, "null", "unknown");
            xml.writeEndElement();
            result.forEach(feature -> {
                try {
                    xml.writeStartElement("gml", "featureMember", GML);
                    xml.writeStartElement(type.namespace().prefix(), type.name(), type.namespace().uri());
                    xml.writeAttribute("fid", feature.id());
                    for (Property property : type.properties()) {
                        if (property.binding() == Binding.GEOMETRY) {
                            if (feature.geometry() != null) {
                                xml.writeStartElement(type.namespace().prefix(), property.name(), type.namespace().uri());
                                Gml2GeometryWriter.write(xml, feature.geometry(), srsName, format);
                                xml.writeEndElement();
                            }
                        } else if (feature.values().get(property.name()) != null) {
                            Xml.element(xml, type.namespace().prefix(), type.namespace().uri(), property.name(),
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
}
