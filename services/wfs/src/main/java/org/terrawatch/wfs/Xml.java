package org.terrawatch.wfs;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.query.FeatureType;

/** Namespaces of the WFS documents and a streaming writer for them. */
final class Xml {

    static final String WFS = "http://www.opengis.net/wfs/2.0";
    static final String WFS_1_1 = "http://www.opengis.net/wfs";
    static final String OWS_1_0 = "http://www.opengis.net/ows";
    static final String OGC = "http://www.opengis.net/ogc";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String FES = "http://www.opengis.net/fes/2.0";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private static final XMLOutputFactory OUTPUT = new com.ctc.wstx.stax.WstxOutputFactory();

    private Xml() {
    }

    static XMLStreamWriter writer(OutputStream out) {
        try {
            return OUTPUT.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <ows:WGS84BoundingBox>} in the given OWS namespace (1.0 and 1.1 share the element). */
    static void wgs84BoundingBox(XMLStreamWriter xml, String owsNamespace, org.locationtech.jts.geom.Envelope box) throws XMLStreamException {
        xml.writeStartElement("ows", "WGS84BoundingBox", owsNamespace);
        element(xml, "ows", owsNamespace, "LowerCorner", CoordinateFormat.EXACT.format(box.getMinX()) + " " + CoordinateFormat.EXACT.format(box.getMinY()));
        element(xml, "ows", owsNamespace, "UpperCorner", CoordinateFormat.EXACT.format(box.getMaxX()) + " " + CoordinateFormat.EXACT.format(box.getMaxY()));
        xml.writeEndElement();
    }

    /** Declares the namespaces of the feature types on the element just started, each once. */
    static void declare(XMLStreamWriter xml, java.util.Collection<FeatureType> types) throws XMLStreamException {
        for (org.terrawatch.query.Namespace namespace : types.stream().map(FeatureType::namespace).distinct().toList()) {
            xml.writeNamespace(namespace.prefix(), namespace.uri());
        }
    }

    /** {@code <prefix:name>text</prefix:name>}. */
    static void element(XMLStreamWriter xml, String prefix, String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
