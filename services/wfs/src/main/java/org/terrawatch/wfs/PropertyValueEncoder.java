package org.terrawatch.wfs;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Property;

/**
 * GetPropertyValue: a {@code wfs:ValueCollection} whose members are the values of one property — text for
 * simple properties, GML for the geometry — streamed like features.
 */
final class PropertyValueEncoder {

    private PropertyValueEncoder() {
    }

    /** @param property the property whose values to write, or null for the features' identifiers ({@code @gml:id}) */
    static void write(FeatureCollectionResult result, Property property, OutputStream out) {
        String srsName = result.query().outputCrs().urn();
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "ValueCollection", Xml.WFS);
            xml.writeNamespace("wfs", Xml.WFS);
            xml.writeNamespace("gml", Xml.GML);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd "
                    + Xml.GML + " http://schemas.opengis.net/gml/3.2.1/gml.xsd");
            xml.writeAttribute("timeStamp", result.timeStamp().toString());
            xml.writeAttribute("numberMatched", Long.toString(result.numberMatched()));
            xml.writeAttribute("numberReturned", Long.toString(result.numberReturned()));
            if (result.next() != null) {
                xml.writeAttribute("next", result.next());
            }
            result.forEach(feature -> {
                try {
                    xml.writeStartElement("wfs", "member", Xml.WFS);
                    if (property == null) {
                        xml.writeCharacters(feature.id());
                    } else if (property.binding() == Binding.GEOMETRY) {
                        if (feature.geometry() != null) {
                            GmlGeometryWriter.write(xml, feature.geometry(), srsName, feature.id() + ".geom", Xml.GML,
                                    result.query().coordinateFormat());
                        }
                    } else {
                        Object value = feature.values().get(property.name());
                        if (value != null) {
                            xml.writeCharacters(GmlEncoder.text(value));
                        }
                    }
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
