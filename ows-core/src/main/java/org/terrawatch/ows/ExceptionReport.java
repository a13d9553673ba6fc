package org.terrawatch.ows;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.xml.XmlText;

/**
 * Writes an {@link OwsException} as the service version expects: an OWS 1.1 ExceptionReport for WFS 2.0,
 * an OWS 1.0 one for WFS 1.1.0, and a ServiceExceptionReport for WFS 1.0.0.
 */
public final class ExceptionReport {

    public static final String MEDIA_TYPE = "application/xml";
    private static final XMLOutputFactory OUTPUT = new com.ctc.wstx.stax.WstxOutputFactory();

    private ExceptionReport() {
    }

    public static void write(OwsException exception, String serviceVersion, OutputStream out) {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            if ("1.0.0".equals(serviceVersion)) {
                writeServiceExceptionReport(xml, exception);
            } else {
                writeOwsReport(xml, exception, "1.1.0".equals(serviceVersion) ? "http://www.opengis.net/ows" : "http://www.opengis.net/ows/1.1",
                        serviceVersion == null ? "2.0.0" : serviceVersion);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an exception report", e);
        }
    }

    /** An OWS 1.1 ExceptionReport carrying another service's version (WPS 1.0.0 uses OWS 1.1). */
    public static void writeOws11(OwsException exception, String serviceVersion, OutputStream out) {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            writeOwsReport(xml, exception, "http://www.opengis.net/ows/1.1", serviceVersion);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an exception report", e);
        }
    }

    private static void writeOwsReport(XMLStreamWriter xml, OwsException exception, String namespace, String version)
            throws XMLStreamException {
        xml.setPrefix("ows", namespace);
        xml.writeStartElement("ows", "ExceptionReport", namespace);
        xml.writeNamespace("ows", namespace);
        xml.writeAttribute("version", version);
        if (namespace.endsWith("/1.1")) {
            xml.writeAttribute("xml:lang", "en");
        } else {
            xml.writeAttribute("language", "en"); // OWS 1.0 names it so
        }
        xml.writeStartElement("ows", "Exception", namespace);
        xml.writeAttribute("exceptionCode", exception.code().wireName());
        if (exception.locator() != null) {
            xml.writeAttribute("locator", XmlText.legal(exception.locator()));
        }
        xml.writeStartElement("ows", "ExceptionText", namespace);
        xml.writeCharacters(XmlText.legal(exception.getMessage()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeServiceExceptionReport(XMLStreamWriter xml, OwsException exception) throws XMLStreamException {
        String namespace = "http://www.opengis.net/ogc";
        xml.setDefaultNamespace(namespace);
        xml.writeStartElement(namespace, "ServiceExceptionReport");
        xml.writeDefaultNamespace(namespace);
        xml.writeAttribute("version", "1.2.0");
        xml.writeStartElement(namespace, "ServiceException");
        xml.writeAttribute("code", exception.code().wireName());
        if (exception.locator() != null) {
            xml.writeAttribute("locator", XmlText.legal(exception.locator()));
        }
        xml.writeCharacters(XmlText.legal(exception.getMessage()));
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
