package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.Collection;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Namespace;
import org.terrawatch.query.Property;

/**
 * DescribeFeatureType: a GML 3.2 (WFS 2.0), 3.1.1 (1.1.0) or 2.1.2 (1.0.0) application schema in which every feature type extends
 * {@code gml:AbstractFeatureType} (so gml:name, gml:description and gml:identifier are allowed) and every
 * property is optional.
 */
final class FeatureTypeSchemaEncoder {

    private FeatureTypeSchemaEncoder() {
    }

    static void write(Collection<FeatureType> types, GmlVersion version, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("xsd", "schema", Xml.XSD);
            xml.writeNamespace("xsd", Xml.XSD);
            xml.writeNamespace("gml", version.namespace());
            Xml.declare(xml, types);
            xml.writeAttribute("targetNamespace", types.isEmpty() ? Namespace.TERRAWATCH.uri() : types.iterator().next().namespace().uri());
            xml.writeAttribute("elementFormDefault", "qualified");
            xml.writeAttribute("version", "1.0");
            xml.writeEmptyElement("xsd", "import", Xml.XSD);
            xml.writeAttribute("namespace", version.namespace());
            xml.writeAttribute("schemaLocation", version.schemaLocation());
            for (FeatureType type : types) {
                complexType(xml, type, version);
                xml.writeEmptyElement("xsd", "element", Xml.XSD);
                xml.writeAttribute("name", type.name());
                xml.writeAttribute("type", type.qualifiedName() + "Type");
                xml.writeAttribute("substitutionGroup", version.featureSubstitutionGroup());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the schema", e);
        }
    }

    private static void complexType(XMLStreamWriter xml, FeatureType type, GmlVersion version) throws XMLStreamException {
        xml.writeStartElement("xsd", "complexType", Xml.XSD);
        xml.writeAttribute("name", type.name() + "Type");
        xml.writeStartElement("xsd", "complexContent", Xml.XSD);
        xml.writeStartElement("xsd", "extension", Xml.XSD);
        xml.writeAttribute("base", "gml:AbstractFeatureType");
        xml.writeStartElement("xsd", "sequence", Xml.XSD);
        for (Property property : type.properties()) {
            xml.writeEmptyElement("xsd", "element", Xml.XSD);
            xml.writeAttribute("name", property.name());
            xml.writeAttribute("type", property.binding() == Binding.GEOMETRY
                    ? version.geometryPropertyType(type.definition().geometryType()) : "xsd:" + property.binding().xsdType());
            xml.writeAttribute("minOccurs", "0");
            xml.writeAttribute("maxOccurs", "1");
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
