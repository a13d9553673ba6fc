package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;

/**
 * The WFS 1.1.0 capabilities document (OWS Common 1.0, Filter Encoding 1.1), for the clients that still
 * speak 1.1.0: GetCapabilities, DescribeFeatureType and GetFeature with GML 3.1.1 output; the same filters.
 */
final class Capabilities11Encoder {

    private static final String OWS = Xml.OWS_1_0;

    private Capabilities11Encoder() {
    }

    static void write(java.util.Collection<FeatureType> types, FeatureSource source, String serviceUrl,
                      java.util.function.Predicate<FeatureType> editable, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "WFS_Capabilities", Xml.WFS_1_1);
            xml.writeNamespace("wfs", Xml.WFS_1_1);
            xml.writeNamespace("ows", OWS);
            xml.writeNamespace("ogc", Xml.OGC);
            xml.writeNamespace("gml", GmlVersion.GML_3_1_1.namespace());
            xml.writeNamespace("xlink", Xml.XLINK);
            xml.writeNamespace("xsi", Xml.XSI);
            Xml.declare(xml, types);
            xml.writeAttribute("version", WfsService.VERSION_1_1);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS_1_1 + " " + GmlVersion.GML_3_1_1.wfsSchemaLocation());

            xml.writeStartElement("ows", "ServiceIdentification", OWS);
            Xml.element(xml, "ows", OWS, "Title", "TerraWatch 自然资源动态监测要素服务 / natural-resource monitoring feature service");
            Xml.element(xml, "ows", OWS, "Abstract", "变化图斑、视频预警、处置工单、行政区划与基础数据图层。");
            xml.writeStartElement("ows", "Keywords", OWS);
            for (String keyword : CapabilitiesEncoder.KEYWORDS) {
                Xml.element(xml, "ows", OWS, "Keyword", keyword);
            }
            xml.writeEndElement();
            Xml.element(xml, "ows", OWS, "ServiceType", "WFS");
            Xml.element(xml, "ows", OWS, "ServiceTypeVersion", WfsService.VERSION_1_1);
            Xml.element(xml, "ows", OWS, "Fees", "NONE");
            Xml.element(xml, "ows", OWS, "AccessConstraints", "监测成果仅限授权人员使用 / for authorised users only");
            xml.writeEndElement();
            xml.writeStartElement("ows", "ServiceProvider", OWS);
            Xml.element(xml, "ows", OWS, "ProviderName", "自然资源局 / Natural Resources Bureau");
            xml.writeStartElement("ows", "ServiceContact", OWS);
            Xml.element(xml, "ows", OWS, "PositionName", "平台管理员 / platform administrator");
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("ows", "OperationsMetadata", OWS);
            List<String> operations = new java.util.ArrayList<>(List.of("GetCapabilities", "DescribeFeatureType", "GetFeature"));
            if (types.stream().anyMatch(editable)) {
                operations.addAll(List.of("GetFeatureWithLock", "LockFeature", "Transaction"));
            }
            for (String operation : operations) {
                xml.writeStartElement("ows", "Operation", OWS);
                xml.writeAttribute("name", operation);
                xml.writeStartElement("ows", "DCP", OWS);
                xml.writeStartElement("ows", "HTTP", OWS);
                if (!operation.equals("Transaction")) {
                    xml.writeEmptyElement("ows", "Get", OWS);
                    xml.writeAttribute("xlink", Xml.XLINK, "href", serviceUrl + "?");
                }
                if (!operation.startsWith("Get")) {
                    xml.writeEmptyElement("ows", "Post", OWS);
                    xml.writeAttribute("xlink", Xml.XLINK, "href", serviceUrl);
                }
                xml.writeEndElement();
                xml.writeEndElement();
                if (operation.startsWith("GetFeature")) {
                    xml.writeStartElement("ows", "Parameter", OWS);
                    xml.writeAttribute("name", "outputFormat");
                    for (OutputFormat format : OutputFormat.offeredIn(WfsService.VERSION_1_1)) {
                        Xml.element(xml, "ows", OWS, "Value", format.mediaType());
                    }
                    xml.writeEndElement();
                    xml.writeStartElement("ows", "Parameter", OWS);
                    xml.writeAttribute("name", "resultType");
                    Xml.element(xml, "ows", OWS, "Value", "results");
                    Xml.element(xml, "ows", OWS, "Value", "hits");
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeStartElement("wfs", "FeatureTypeList", Xml.WFS_1_1);
            xml.writeStartElement("wfs", "Operations", Xml.WFS_1_1);
            Xml.element(xml, "wfs", Xml.WFS_1_1, "Operation", "Query");
            xml.writeEndElement();
            for (FeatureType type : types) {
                featureType(xml, type, source.bounds(type), editable.test(type));
            }
            xml.writeEndElement();
            filterCapabilities(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write capabilities", e);
        }
    }

    private static void featureType(XMLStreamWriter xml, FeatureType type, Envelope bounds, boolean editable) throws XMLStreamException {
        var layer = type.definition();
        xml.writeStartElement("wfs", "FeatureType", Xml.WFS_1_1);
        Xml.element(xml, "wfs", Xml.WFS_1_1, "Name", type.qualifiedName());
        Xml.element(xml, "wfs", Xml.WFS_1_1, "Title", layer.titleEn() == null ? layer.title() : layer.title() + " / " + layer.titleEn());
        if (layer.abstractText() != null) {
            Xml.element(xml, "wfs", Xml.WFS_1_1, "Abstract", layer.abstractText());
        }
        Xml.element(xml, "wfs", Xml.WFS_1_1, "DefaultSRS", "urn:x-ogc:def:crs:EPSG:4490");
        for (String other : List.of("urn:x-ogc:def:crs:EPSG:4326", "urn:x-ogc:def:crs:EPSG:3857", "urn:x-ogc:def:crs:EPSG:4547")) {
            Xml.element(xml, "wfs", Xml.WFS_1_1, "OtherSRS", other);
        }
        if (editable) {
            xml.writeStartElement("wfs", "Operations", Xml.WFS_1_1);
            for (String operation : List.of("Query", "Insert", "Update", "Delete", "Lock")) {
                Xml.element(xml, "wfs", Xml.WFS_1_1, "Operation", operation);
            }
            xml.writeEndElement();
        }
        xml.writeStartElement("wfs", "OutputFormats", Xml.WFS_1_1);
        Xml.element(xml, "wfs", Xml.WFS_1_1, "Format", OutputFormat.GML311.mediaType());
        xml.writeEndElement();
        // The schema requires a box; a layer without features gets China's.
        Xml.wgs84BoundingBox(xml, OWS, bounds == null ? new Envelope(73, 135, 18, 54) : bounds);
        xml.writeEndElement();
    }

    private static void filterCapabilities(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("ogc", "Filter_Capabilities", Xml.OGC);
        xml.writeStartElement("ogc", "Spatial_Capabilities", Xml.OGC);
        xml.writeStartElement("ogc", "GeometryOperands", Xml.OGC);
        for (String operand : List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon")) {
            Xml.element(xml, "ogc", Xml.OGC, "GeometryOperand", operand);
        }
        xml.writeEndElement();
        xml.writeStartElement("ogc", "SpatialOperators", Xml.OGC);
        for (String operator : List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses", "Within", "Contains", "Overlaps")) {
            xml.writeEmptyElement("ogc", "SpatialOperator", Xml.OGC);
            xml.writeAttribute("name", operator);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("ogc", "Scalar_Capabilities", Xml.OGC);
        xml.writeEmptyElement("ogc", "LogicalOperators", Xml.OGC);
        xml.writeStartElement("ogc", "ComparisonOperators", Xml.OGC);
        for (String operator : List.of("LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "EqualTo", "NotEqualTo",
                "Like", "Between", "NullCheck")) {
            Xml.element(xml, "ogc", Xml.OGC, "ComparisonOperator", operator);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("ogc", "Id_Capabilities", Xml.OGC);
        xml.writeEmptyElement("ogc", "FID", Xml.OGC);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
