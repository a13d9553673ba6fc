package org.terrawatch.wps;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writing WPS 1.0.0 documents: the namespaces, and elements with text in one call. */
final class WpsXml implements AutoCloseable {

    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String VERSION = "1.0.0";
    static final String SCHEMAS = "http://schemas.opengis.net/wps/1.0.0/";
    private static final XMLOutputFactory OUTPUT = new com.ctc.wstx.stax.WstxOutputFactory();

    final XMLStreamWriter xml;

    WpsXml(OutputStream out) throws XMLStreamException {
        xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("wps", WPS);
        xml.setPrefix("ows", OWS);
        xml.setPrefix("xlink", XLINK);
        xml.setPrefix("xsi", XSI);
    }

    /** The root element with the namespaces, service, version, language and schema location. */
    void root(String name, String schema) throws XMLStreamException {
        xml.writeStartElement("wps", name, WPS);
        xml.writeNamespace("wps", WPS);
        xml.writeNamespace("ows", OWS);
        xml.writeNamespace("xlink", XLINK);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", WPS + " " + SCHEMAS + schema);
        xml.writeAttribute("service", "WPS");
        xml.writeAttribute("version", VERSION);
        xml.writeAttribute("xml:lang", "en-US");
    }

    void start(String namespace, String name) throws XMLStreamException {
        xml.writeStartElement(namespace.equals(WPS) ? "wps" : "ows", name, namespace);
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    void text(String namespace, String name, String text) throws XMLStreamException {
        start(namespace, name);
        xml.writeCharacters(text == null ? "" : text);
        end();
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    /** The identifier, title and abstract every process, input and output has. */
    void described(String identifier, String title, String description) throws XMLStreamException {
        text(OWS, "Identifier", identifier);
        text(OWS, "Title", title == null ? identifier : title);
        if (description != null) {
            text(OWS, "Abstract", description);
        }
    }

    @Override
    public void close() throws XMLStreamException {
        xml.writeEndDocument();
        xml.close();
    }
}
