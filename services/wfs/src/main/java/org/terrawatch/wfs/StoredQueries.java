package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.Collection;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;

/**
 * The stored queries of this server: the mandatory {@code GetFeatureById} (WFS 2.0, 7.9.3.6), listed and
 * described. Stored queries cannot be created or dropped (ManageStoredQueries is FALSE).
 */
final class StoredQueries {

    static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private StoredQueries() {
    }

    /** The type of the feature GetFeatureById asks for; an id that names no type names no feature: NotFound (404). */
    static FeatureType typeOf(String featureId, FeatureTypeCatalog catalog) {
        return catalog.ofFeatureId(featureId).orElseThrow(() -> new OwsException(ExceptionCode.NOT_FOUND, "ID", "No feature " + featureId));
    }

    static void list(Collection<FeatureType> types, OutputStream out) {
        try {
            XMLStreamWriter xml = start(out, "ListStoredQueriesResponse", types);
            xml.writeStartElement("wfs", "StoredQuery", Xml.WFS);
            xml.writeAttribute("id", GET_FEATURE_BY_ID);
            title(xml);
            for (FeatureType type : types) {
                Xml.element(xml, "wfs", Xml.WFS, "ReturnFeatureType", type.qualifiedName());
            }
            xml.writeEndElement();
            end(xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static void describe(Collection<FeatureType> types, OutputStream out) {
        try {
            XMLStreamWriter xml = start(out, "DescribeStoredQueriesResponse", types);
            xml.writeStartElement("wfs", "StoredQueryDescription", Xml.WFS);
            xml.writeAttribute("id", GET_FEATURE_BY_ID);
            title(xml);
            Xml.element(xml, "wfs", Xml.WFS, "Abstract", "按标识返回一个要素 / returns the feature with the given identifier");
            xml.writeStartElement("wfs", "Parameter", Xml.WFS);
            xml.writeAttribute("name", "ID");
            xml.writeAttribute("type", "xsd:string");
            xml.writeEndElement();
            xml.writeStartElement("wfs", "QueryExpressionText", Xml.WFS);
            xml.writeAttribute("returnFeatureTypes", String.join(" ", types.stream().map(FeatureType::qualifiedName).toList()));
            xml.writeAttribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression");
            xml.writeAttribute("isPrivate", "true");
            xml.writeEndElement();
            xml.writeEndElement();
            end(xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XMLStreamWriter start(OutputStream out, String root, Collection<FeatureType> types) throws XMLStreamException {
        XMLStreamWriter xml = Xml.writer(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("wfs", root, Xml.WFS);
        xml.writeNamespace("wfs", Xml.WFS);
        xml.writeNamespace("xsd", Xml.XSD);
        Xml.declare(xml, types);
        xml.writeNamespace("xsi", Xml.XSI);
        xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
        return xml;
    }

    private static void title(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("wfs", "Title", Xml.WFS);
        xml.writeAttribute("xml:lang", "en");
        xml.writeCharacters("Get feature by identifier");
        xml.writeEndElement();
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }
}
