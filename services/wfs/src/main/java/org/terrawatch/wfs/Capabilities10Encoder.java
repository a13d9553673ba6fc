package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.CoordinateFormat;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;

/** The WFS 1.0.0 capabilities document, for the oldest clients: GetCapabilities, DescribeFeatureType, GetFeature as GML 2. */
final class Capabilities10Encoder {

    private static final String WFS = Xml.WFS_1_1;

    private Capabilities10Encoder() {
    }

    static void write(java.util.Collection<FeatureType> types, FeatureSource source, String serviceUrl,
                      java.util.function.Predicate<FeatureType> editable, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(WFS);
            xml.writeStartElement(WFS, "WFS_Capabilities");
            xml.writeDefaultNamespace(WFS);
            xml.writeNamespace("ogc", Xml.OGC);
            xml.writeNamespace("xsi", Xml.XSI);
            Xml.declare(xml, types);
            xml.writeAttribute("version", "1.0.0");
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", WFS + " http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd");
            xml.writeStartElement(WFS, "Service");
            text(xml, "Name", "WFS");
            text(xml, "Title", "TerraWatch 自然资源动态监测要素服务 / natural-resource monitoring feature service");
            text(xml, "Keywords", String.join(", ", CapabilitiesEncoder.KEYWORDS));
            text(xml, "OnlineResource", serviceUrl);
            text(xml, "Fees", "NONE");
            text(xml, "AccessConstraints", "监测成果仅限授权人员使用 / for authorised users only");
            xml.writeEndElement();
            xml.writeStartElement(WFS, "Capability");
            xml.writeStartElement(WFS, "Request");
            request(xml, "GetCapabilities", null, serviceUrl);
            request(xml, "DescribeFeatureType", "SchemaDescriptionLanguage", serviceUrl);
            request(xml, "GetFeature", "ResultFormat", serviceUrl);
            if (types.stream().anyMatch(editable)) {
                request(xml, "Transaction", null, serviceUrl);
                request(xml, "LockFeature", null, serviceUrl);
                request(xml, "GetFeatureWithLock", "ResultFormat", serviceUrl);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(WFS, "FeatureTypeList");
            xml.writeStartElement(WFS, "Operations");
            xml.writeEmptyElement(WFS, "Query");
            xml.writeEndElement();
            for (FeatureType type : types) {
                Envelope box = source.bounds(type);
                box = box == null ? new Envelope(73, 135, 18, 54) : box;
                xml.writeStartElement(WFS, "FeatureType");
                text(xml, "Name", type.qualifiedName());
                var layer = type.definition();
                text(xml, "Title", layer.titleEn() == null ? layer.title() : layer.title() + " / " + layer.titleEn());
                text(xml, "SRS", "EPSG:4490");
                if (editable.test(type)) {
                    xml.writeStartElement(WFS, "Operations");
                    for (String operation : List.of("Query", "Insert", "Update", "Delete", "Lock")) {
                        xml.writeEmptyElement(WFS, operation);
                    }
                    xml.writeEndElement();
                }
                xml.writeEmptyElement(WFS, "LatLongBoundingBox");
                xml.writeAttribute("minx", CoordinateFormat.EXACT.format(box.getMinX()));
                xml.writeAttribute("miny", CoordinateFormat.EXACT.format(box.getMinY()));
                xml.writeAttribute("maxx", CoordinateFormat.EXACT.format(box.getMaxX()));
                xml.writeAttribute("maxy", CoordinateFormat.EXACT.format(box.getMaxY()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("ogc", "Filter_Capabilities", Xml.OGC);
            xml.writeStartElement("ogc", "Spatial_Capabilities", Xml.OGC);
            xml.writeStartElement("ogc", "Spatial_Operators", Xml.OGC);
            for (String operator : List.of("BBOX", "Equals", "Disjoint", "Intersect", "Touches", "Crosses", "Within", "Contains", "Overlaps")) {
                xml.writeEmptyElement("ogc", operator, Xml.OGC);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("ogc", "Scalar_Capabilities", Xml.OGC);
            xml.writeEmptyElement("ogc", "Logical_Operators", Xml.OGC);
            xml.writeStartElement("ogc", "Comparison_Operators", Xml.OGC);
            for (String operator : List.of("Simple_Comparisons", "Like", "Between", "NullCheck")) {
                xml.writeEmptyElement("ogc", operator, Xml.OGC);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write capabilities", e);
        }
    }

    private static void request(XMLStreamWriter xml, String name, String formats, String serviceUrl) throws XMLStreamException {
        xml.writeStartElement(WFS, name);
        if ("SchemaDescriptionLanguage".equals(formats)) {
            xml.writeStartElement(WFS, formats);
            xml.writeEmptyElement(WFS, "XMLSCHEMA");
            xml.writeEndElement();
        } else if ("ResultFormat".equals(formats)) {
            xml.writeStartElement(WFS, formats);
            xml.writeEmptyElement(WFS, "GML2");
            xml.writeEndElement();
        }
        xml.writeStartElement(WFS, "DCPType");
        xml.writeStartElement(WFS, "HTTP");
        if (!name.equals("Transaction")) {
            xml.writeEmptyElement(WFS, "Get");
            xml.writeAttribute("onlineResource", serviceUrl + "?");
        }
        if (!name.startsWith("Get")) {
            xml.writeEmptyElement(WFS, "Post");
            xml.writeAttribute("onlineResource", serviceUrl);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(WFS, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
