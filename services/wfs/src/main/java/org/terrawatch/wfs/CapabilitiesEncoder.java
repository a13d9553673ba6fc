package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;

/**
 * The WFS 2.0 capabilities document. Conformance constraints say TRUE only for what this server does:
 * Basic WFS (GetPropertyValue and the GetFeatureById stored query included), KVP and XML encoding, result
 * paging, sorting, resource identifiers, the standard, spatial (every FES 2.0 spatial operator) and minimum temporal
 * filter classes, and transactions and locking where a layer is writable; managed stored queries, versioning, spatial
 * joins and the full temporal class are FALSE.
 */
final class CapabilitiesEncoder {

    private static final List<String> OTHER_CRS;

    static {
        List<String> other = new java.util.ArrayList<>(List.of("urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3857"));
        for (int zone = 4534; zone <= 4554; zone++) {
            other.add("urn:ogc:def:crs:EPSG::" + zone);
        }
        OTHER_CRS = List.copyOf(other);
    }

    private static final Map<String, Boolean> SERVICE_CONSTRAINTS = new java.util.LinkedHashMap<>();
    private static final Map<String, Boolean> FILTER_CONSTRAINTS = new java.util.LinkedHashMap<>();

    static {
        SERVICE_CONSTRAINTS.put("ImplementsBasicWFS", true);
        SERVICE_CONSTRAINTS.put("ImplementsTransactionalWFS", false);
        SERVICE_CONSTRAINTS.put("ImplementsLockingWFS", false);
        SERVICE_CONSTRAINTS.put("KVPEncoding", true);
        SERVICE_CONSTRAINTS.put("XMLEncoding", true);
        SERVICE_CONSTRAINTS.put("SOAPEncoding", false);
        SERVICE_CONSTRAINTS.put("ImplementsInheritance", false);
        SERVICE_CONSTRAINTS.put("ImplementsRemoteResolve", false);
        SERVICE_CONSTRAINTS.put("ImplementsResultPaging", true);
        SERVICE_CONSTRAINTS.put("ImplementsStandardJoins", false);
        SERVICE_CONSTRAINTS.put("ImplementsSpatialJoins", false);
        SERVICE_CONSTRAINTS.put("ImplementsTemporalJoins", false);
        SERVICE_CONSTRAINTS.put("ImplementsFeatureVersioning", false);
        SERVICE_CONSTRAINTS.put("ManageStoredQueries", false);
        FILTER_CONSTRAINTS.put("ImplementsQuery", true);
        FILTER_CONSTRAINTS.put("ImplementsAdHocQuery", true);
        FILTER_CONSTRAINTS.put("ImplementsFunctions", false);
        FILTER_CONSTRAINTS.put("ImplementsResourceId", true);
        FILTER_CONSTRAINTS.put("ImplementsMinStandardFilter", true);
        FILTER_CONSTRAINTS.put("ImplementsStandardFilter", true);
        FILTER_CONSTRAINTS.put("ImplementsMinSpatialFilter", true);
        FILTER_CONSTRAINTS.put("ImplementsSpatialFilter", true);
        FILTER_CONSTRAINTS.put("ImplementsMinTemporalFilter", true);
        FILTER_CONSTRAINTS.put("ImplementsTemporalFilter", false);
        FILTER_CONSTRAINTS.put("ImplementsVersionNav", false);
        FILTER_CONSTRAINTS.put("ImplementsSorting", true);
        FILTER_CONSTRAINTS.put("ImplementsExtendedOperators", false);
        FILTER_CONSTRAINTS.put("ImplementsMinimumXPath", true);
        FILTER_CONSTRAINTS.put("ImplementsSchemaElementFunc", false);
    }

    private CapabilitiesEncoder() {
    }

    /** @param editable which layers a signed-in user with the right role can write (Transaction, locks) */
    static void write(java.util.Collection<FeatureType> types, FeatureSource source, String serviceUrl,
                      java.util.function.Predicate<FeatureType> editable, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "WFS_Capabilities", Xml.WFS);
            xml.writeNamespace("wfs", Xml.WFS);
            xml.writeNamespace("ows", Xml.OWS);
            xml.writeNamespace("fes", Xml.FES);
            xml.writeNamespace("gml", Xml.GML);
            xml.writeNamespace("xlink", Xml.XLINK);
            xml.writeNamespace("xsi", Xml.XSI);
            Xml.declare(xml, types);
            xml.writeAttribute("version", "2.0.0");
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", Xml.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
            serviceIdentification(xml);
            serviceProvider(xml);
            operations(xml, serviceUrl, types.stream().anyMatch(editable));
            xml.writeStartElement("wfs", "FeatureTypeList", Xml.WFS);
            for (FeatureType type : types) {
                featureType(xml, type, source.bounds(type));
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

    /** The service's keywords, in every version's capabilities (WFS 1.0 clients such as OWSLib's read them unguarded). */
    static final List<String> KEYWORDS = List.of("自然资源", "动态监测", "变化图斑", "WFS");

    private static void serviceIdentification(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("ows", "ServiceIdentification", Xml.OWS);
        localized(xml, "ows", Xml.OWS, "Title", "TerraWatch 自然资源动态监测要素服务", "TerraWatch natural-resource monitoring feature service");
        localized(xml, "ows", Xml.OWS, "Abstract", "变化图斑、视频预警、处置工单、行政区划与基础数据图层。",
                "Change patches, video alerts, work orders, administrative units and base layers.");
        xml.writeStartElement("ows", "Keywords", Xml.OWS);
        for (String keyword : KEYWORDS) {
            Xml.element(xml, "ows", Xml.OWS, "Keyword", keyword);
        }
        xml.writeEndElement();
        Xml.element(xml, "ows", Xml.OWS, "ServiceType", "WFS");
        Xml.element(xml, "ows", Xml.OWS, "ServiceTypeVersion", "2.0.0");
        Xml.element(xml, "ows", Xml.OWS, "Fees", "NONE");
        Xml.element(xml, "ows", Xml.OWS, "AccessConstraints", "监测成果仅限授权人员使用 / monitoring results are for authorised users only");
        xml.writeEndElement();
    }

    private static void serviceProvider(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("ows", "ServiceProvider", Xml.OWS);
        Xml.element(xml, "ows", Xml.OWS, "ProviderName", "自然资源局 / Natural Resources Bureau");
        xml.writeStartElement("ows", "ServiceContact", Xml.OWS);
        Xml.element(xml, "ows", Xml.OWS, "PositionName", "平台管理员 / platform administrator");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void operations(XMLStreamWriter xml, String serviceUrl, boolean transactional) throws XMLStreamException {
        xml.writeStartElement("ows", "OperationsMetadata", Xml.OWS);
        List<String> operations = new java.util.ArrayList<>(List.of("GetCapabilities", "DescribeFeatureType", "GetFeature",
                "GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries"));
        if (transactional) {
            operations.addAll(List.of("GetFeatureWithLock", "LockFeature", "Transaction"));
        }
        for (String operation : operations) {
            xml.writeStartElement("ows", "Operation", Xml.OWS);
            xml.writeAttribute("name", operation);
            xml.writeStartElement("ows", "DCP", Xml.OWS);
            xml.writeStartElement("ows", "HTTP", Xml.OWS);
            if (!operation.equals("Transaction")) {
                xml.writeEmptyElement("ows", "Get", Xml.OWS);
                xml.writeAttribute("xlink", Xml.XLINK, "href", serviceUrl + "?");
            }
            xml.writeEmptyElement("ows", "Post", Xml.OWS);
            xml.writeAttribute("xlink", Xml.XLINK, "href", serviceUrl);
            xml.writeEndElement();
            xml.writeEndElement();
            if (operation.equals("GetFeature") || operation.equals("GetFeatureWithLock")) {
                allowedValues(xml, "outputFormat", OutputFormat.offeredIn(WfsService.VERSION).stream().map(OutputFormat::mediaType).toList());
                allowedValues(xml, "resultType", List.of("results", "hits"));
            }
            if (operation.equals("GetFeature") || operation.equals("GetFeatureWithLock") || operation.equals("GetPropertyValue")) {
                allowedValues(xml, "resolve", GetFeatureRequest.RESOLVE_VALUES);
            }
            xml.writeEndElement();
        }
        allowedValues(xml, "AcceptVersions", List.of("2.0.0", "1.1.0", "1.0.0"));
        for (Map.Entry<String, Boolean> constraint : SERVICE_CONSTRAINTS.entrySet()) {
            boolean editing = constraint.getKey().equals("ImplementsTransactionalWFS") || constraint.getKey().equals("ImplementsLockingWFS");
            constraint(xml, "ows", Xml.OWS, constraint.getKey(), editing ? transactional : constraint.getValue());
        }
        xml.writeEndElement();
    }

    private static void allowedValues(XMLStreamWriter xml, String name, List<String> values) throws XMLStreamException {
        xml.writeStartElement("ows", "Parameter", Xml.OWS);
        xml.writeAttribute("name", name);
        xml.writeStartElement("ows", "AllowedValues", Xml.OWS);
        for (String value : values) {
            Xml.element(xml, "ows", Xml.OWS, "Value", value);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void constraint(XMLStreamWriter xml, String prefix, String namespace, String name, boolean value) throws XMLStreamException {
        xml.writeStartElement(prefix, "Constraint", namespace);
        xml.writeAttribute("name", name);
        xml.writeEmptyElement("ows", "NoValues", Xml.OWS);
        Xml.element(xml, "ows", Xml.OWS, "DefaultValue", value ? "TRUE" : "FALSE");
        xml.writeEndElement();
    }

    private static void featureType(XMLStreamWriter xml, FeatureType type, Envelope bounds) throws XMLStreamException {
        var layer = type.definition();
        xml.writeStartElement("wfs", "FeatureType", Xml.WFS);
        Xml.element(xml, "wfs", Xml.WFS, "Name", type.qualifiedName());
        localized(xml, "wfs", Xml.WFS, "Title", layer.title(), layer.titleEn());
        if (layer.abstractText() != null) {
            Xml.element(xml, "wfs", Xml.WFS, "Abstract", layer.abstractText());
        }
        if (!layer.keywords().isEmpty()) {
            xml.writeStartElement("ows", "Keywords", Xml.OWS);
            for (String keyword : layer.keywords()) {
                Xml.element(xml, "ows", Xml.OWS, "Keyword", keyword);
            }
            xml.writeEndElement();
        }
        Xml.element(xml, "wfs", Xml.WFS, "DefaultCRS", Crs.STORAGE.urn());
        for (String other : OTHER_CRS) {
            Xml.element(xml, "wfs", Xml.WFS, "OtherCRS", other);
        }
        xml.writeStartElement("wfs", "OutputFormats", Xml.WFS);
        for (OutputFormat format : OutputFormat.offeredIn(WfsService.VERSION)) {
            Xml.element(xml, "wfs", Xml.WFS, "Format", format.mediaType());
        }
        xml.writeEndElement();
        if (bounds != null) {
            Xml.wgs84BoundingBox(xml, Xml.OWS, bounds);
        }
        xml.writeEndElement();
    }

    private static void filterCapabilities(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("fes", "Filter_Capabilities", Xml.FES);
        xml.writeStartElement("fes", "Conformance", Xml.FES);
        for (Map.Entry<String, Boolean> constraint : FILTER_CONSTRAINTS.entrySet()) {
            constraint(xml, "fes", Xml.FES, constraint.getKey(), constraint.getValue());
        }
        xml.writeEndElement();
        xml.writeStartElement("fes", "Id_Capabilities", Xml.FES);
        xml.writeEmptyElement("fes", "ResourceIdentifier", Xml.FES);
        xml.writeAttribute("name", "fes:ResourceId");
        xml.writeEndElement();
        xml.writeStartElement("fes", "Scalar_Capabilities", Xml.FES);
        xml.writeEmptyElement("fes", "LogicalOperators", Xml.FES);
        names(xml, "ComparisonOperators", "ComparisonOperator", List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
                "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike",
                "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween"));
        xml.writeEndElement();
        xml.writeStartElement("fes", "Spatial_Capabilities", Xml.FES);
        names(xml, "GeometryOperands", "GeometryOperand", List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Curve",
                "gml:Polygon", "gml:Surface", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface", "gml:MultiGeometry"));
        names(xml, "SpatialOperators", "SpatialOperator", List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses",
                "Within", "Contains", "Overlaps", "Beyond", "DWithin"));
        xml.writeEndElement();
        xml.writeStartElement("fes", "Temporal_Capabilities", Xml.FES);
        names(xml, "TemporalOperands", "TemporalOperand", List.of("gml:TimeInstant", "gml:TimePeriod"));
        names(xml, "TemporalOperators", "TemporalOperator", List.of("During", "Before", "After", "TEquals"));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void names(XMLStreamWriter xml, String list, String item, List<String> names) throws XMLStreamException {
        xml.writeStartElement("fes", list, Xml.FES);
        for (String name : names) {
            xml.writeEmptyElement("fes", item, Xml.FES);
            xml.writeAttribute("name", name);
        }
        xml.writeEndElement();
    }

    /** A Chinese element and, where given, its English twin, each with xml:lang. */
    private static void localized(XMLStreamWriter xml, String prefix, String namespace, String name, String chinese, String english)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeAttribute("xml:lang", "zh-CN");
        xml.writeCharacters(chinese);
        xml.writeEndElement();
        if (english != null) {
            xml.writeStartElement(prefix, name, namespace);
            xml.writeAttribute("xml:lang", "en");
            xml.writeCharacters(english);
            xml.writeEndElement();
        }
    }
}
