package org.terrawatch.wms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Namespace;
import org.terrawatch.rendering.ImageFormat;
import org.terrawatch.rendering.style.Style;

/**
 * The WMS capabilities, 1.3.0 (XML Schema) and 1.1.1 (DTD): every published layer, the groups with their
 * layers nested, each layer's styles with legend URLs, its geographic box and boxes in the offered CRSs (axis
 * order per version), and a monthly time dimension on layers with a date.
 */
final class WmsCapabilities {

    private static final XMLOutputFactory OUTPUT = new com.ctc.wstx.stax.WstxOutputFactory();
    static final String WMS = "http://www.opengis.net/wms";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The CRSs every layer is offered in. */
    static final List<String> CRS = crsList();
    private static final Envelope CHINA = new Envelope(73, 135, 18, 54);

    private final List<FeatureType> types;
    private final String imageryName;
    private final FeatureSource source;
    private final StyleLibrary styles;
    private final WmsSettings settings;
    private final List<ImageryEpochs.Epoch> imagery;
    private final String serviceUrl;

    /**
     * @param types   the layers the caller may see
     * @param imagery the imagery epochs, empty when the caller may not see them
     */
    WmsCapabilities(List<FeatureType> types, Namespace namespace, FeatureSource source, StyleLibrary styles, WmsSettings settings,
                    List<ImageryEpochs.Epoch> imagery, String serviceUrl) {
        this.types = List.copyOf(types);
        this.imageryName = namespace.prefix() + ":" + WmsService.IMAGERY;
        this.source = source;
        this.styles = styles;
        this.settings = settings;
        this.imagery = imagery;
        this.serviceUrl = serviceUrl;
    }

    private static List<String> crsList() {
        List<String> list = new ArrayList<>(List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857"));
        for (int zone = 4534; zone <= 4554; zone++) {
            list.add("EPSG:" + zone);
        }
        return List.copyOf(list);
    }

    void write130(OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(WMS);
            xml.writeStartElement(WMS, "WMS_Capabilities");
            xml.writeDefaultNamespace(WMS);
            xml.writeNamespace("xlink", XLINK);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("version", WmsService.VERSION);
            xml.writeAttribute("xsi", XSI, "schemaLocation", WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
            xml.writeStartElement(WMS, "Service");
            text(xml, "Name", "WMS");
            service(xml);
            text(xml, "MaxWidth", Integer.toString(settings.maxWidth()));
            text(xml, "MaxHeight", Integer.toString(settings.maxHeight()));
            xml.writeEndElement();
            xml.writeStartElement(WMS, "Capability");
            xml.writeStartElement(WMS, "Request");
            operation(xml, "GetCapabilities", List.of("text/xml"));
            operation(xml, "GetMap", List.of(ImageFormat.PNG.mediaType(), ImageFormat.PNG8.mediaType(), ImageFormat.JPEG.mediaType()));
            operation(xml, "GetFeatureInfo", List.of("application/json", "text/html", "application/vnd.ogc.gml"));
            xml.writeEndElement();
            xml.writeStartElement(WMS, "Exception");
            for (String format : List.of("XML", "INIMAGE", "BLANK")) {
                text(xml, "Format", format);
            }
            xml.writeEndElement();
            layers(xml, false);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    void write111(OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeDTD("<!DOCTYPE WMT_MS_Capabilities SYSTEM \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
            xml.writeStartElement("WMT_MS_Capabilities");
            xml.writeAttribute("version", WmsService.VERSION_1_1);
            xml.writeStartElement("Service");
            text(xml, "Name", "OGC:WMS");
            service(xml);
            xml.writeEndElement();
            xml.writeStartElement("Capability");
            xml.writeStartElement("Request");
            operation(xml, "GetCapabilities", List.of("application/vnd.ogc.wms_xml"));
            operation(xml, "GetMap", List.of(ImageFormat.PNG.mediaType(), "image/png8", ImageFormat.JPEG.mediaType()));
            operation(xml, "GetFeatureInfo", List.of("application/json", "text/html", "application/vnd.ogc.gml"));
            operation(xml, "GetLegendGraphic", List.of("image/png", "image/jpeg"));
            xml.writeEndElement();
            xml.writeStartElement("Exception");
            for (String format : List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank")) {
                text(xml, "Format", format);
            }
            xml.writeEndElement();
            xml.writeEmptyElement("UserDefinedSymbolization");
            xml.writeAttribute("SupportSLD", "1");
            xml.writeAttribute("UserLayer", "0");
            xml.writeAttribute("UserStyle", "1");
            xml.writeAttribute("RemoteWFS", "0");
            layers(xml, true);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void service(XMLStreamWriter xml) throws XMLStreamException {
        text(xml, "Title", "TerraWatch 自然资源动态监测地图服务 / natural-resource monitoring map service");
        text(xml, "Abstract", "变化图斑、视频预警、摄像头、处置工单、行政区划与基础数据图层的地图。 Maps of change patches, alerts, cameras, "
                + "work orders, admin units and base layers.");
        xml.writeStartElement("KeywordList");
        for (String keyword : List.of("自然资源", "动态监测", "变化图斑", "WMS")) {
            text(xml, "Keyword", keyword);
        }
        xml.writeEndElement();
        onlineResource(xml, serviceUrl);
        text(xml, "Fees", "none");
        text(xml, "AccessConstraints", "监测成果仅限授权人员使用 / monitoring results are for authorised users only");
    }

    private void operation(XMLStreamWriter xml, String name, List<String> formats) throws XMLStreamException {
        xml.writeStartElement(name);
        for (String format : formats) {
            text(xml, "Format", format);
        }
        xml.writeStartElement("DCPType");
        xml.writeStartElement("HTTP");
        xml.writeStartElement("Get");
        onlineResource(xml, serviceUrl + "?");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void layers(XMLStreamWriter xml, boolean legacy) throws XMLStreamException {
        xml.writeStartElement("Layer");
        text(xml, "Title", "TerraWatch");
        text(xml, "Abstract", "自然资源动态监测图层 / monitoring layers");
        for (String crs : CRS) {
            text(xml, legacy ? "SRS" : "CRS", crs);
        }
        Envelope all = new Envelope();
        types.forEach(t -> {
            Envelope bounds = source.bounds(t);
            if (bounds != null) {
                all.expandToInclude(bounds);
            }
        });
        boxes(xml, all.isNull() ? CHINA : all, legacy, false);
        Set<String> grouped = new LinkedHashSet<>();
        for (var group : settings.groups().entrySet()) {
            List<FeatureType> members = group.getValue().layers().stream()
                    .flatMap(name -> types.stream().filter(t -> t.name().equals(name))).toList();
            if (members.isEmpty()) {
                continue; // none of its layers is published here, or the caller may see none of them
            }
            xml.writeStartElement("Layer");
            xml.writeAttribute("queryable", "1");
            text(xml, "Name", group.getKey());
            text(xml, "Title", group.getValue().title());
            Envelope box = new Envelope();
            members.forEach(t -> {
                Envelope bounds = source.bounds(t);
                if (bounds != null) {
                    box.expandToInclude(bounds);
                }
            });
            boxes(xml, box.isNull() ? CHINA : box, legacy, true);
            for (int i = members.size() - 1; i >= 0; i--) {
                layer(xml, members.get(i), legacy);
                grouped.add(members.get(i).name());
            }
            xml.writeEndElement();
        }
        for (FeatureType type : types) {
            if (!grouped.contains(type.name())) {
                layer(xml, type, legacy);
            }
        }
        imageryLayer(xml, legacy);
        xml.writeEndElement();
    }

    /** The imagery epochs as one layer: TIME lists their acquisition days, the styles their renderings. */
    private void imageryLayer(XMLStreamWriter xml, boolean legacy) throws XMLStreamException {
        List<ImageryEpochs.Epoch> epochs = imagery;
        if (epochs.isEmpty()) {
            return;
        }
        xml.writeStartElement("Layer");
        xml.writeAttribute("queryable", "0");
        text(xml, "Name", imageryName);
        text(xml, "Title", "卫星影像 / satellite imagery");
        text(xml, "Abstract", "监测用的各期卫星影像：真彩色、假彩色（近红外、红、绿）与 NDVI。 The imagery epochs of the monitoring: true colour, "
                + "false colour (NIR, red, green) and NDVI.");
        Envelope box = new Envelope();
        epochs.forEach(e -> box.expandToInclude(e.lonLat()));
        boxes(xml, box, legacy, true);
        timeDimension(xml, legacy, String.join(",", epochs.stream().map(e -> e.acquiredOn().toString()).toList()),
                epochs.get(epochs.size() - 1).acquiredOn().toString());
        for (String style : WmsService.IMAGERY_STYLES.keySet()) {
            style(xml, imageryName, style, switch (WmsService.IMAGERY_STYLES.get(style)) {
                case TRUE_COLOUR -> "真彩色 / true colour";
                case FALSE_COLOUR -> "假彩色 / false colour";
                case NDVI -> "NDVI 植被指数";
            }, ImageryLegend.WIDTH, ImageryLegend.height(WmsService.IMAGERY_STYLES.get(style)));
        }
        xml.writeEndElement();
    }

    private void layer(XMLStreamWriter xml, FeatureType type, boolean legacy) throws XMLStreamException {
        var definition = type.definition();
        xml.writeStartElement("Layer");
        xml.writeAttribute("queryable", "1");
        text(xml, "Name", type.qualifiedName());
        text(xml, "Title", definition.titleEn() == null ? definition.title() : definition.title() + " / " + definition.titleEn());
        if (definition.abstractText() != null) {
            text(xml, "Abstract", definition.abstractText());
        }
        if (!definition.keywords().isEmpty()) {
            xml.writeStartElement("KeywordList");
            for (String keyword : definition.keywords()) {
                text(xml, "Keyword", keyword);
            }
            xml.writeEndElement();
        }
        Envelope bounds = source.bounds(type);
        boxes(xml, bounds == null ? CHINA : bounds, legacy, true);
        time(xml, type, legacy);
        for (Style style : styles.stylesOf(type)) {
            java.awt.Dimension legend = org.terrawatch.rendering.LegendRenderer.size(style, WmsService.LEGEND_SWATCH, Double.NaN);
            style(xml, type.qualifiedName(), style.name(), style.title(), legend.width, legend.height);
        }
        xml.writeEndElement();
    }

    /** The geographic box, then a box per CRS: 1.3.0 writes each in its CRS's axis order, 1.1.1 always x/y. */
    private static void boxes(XMLStreamWriter xml, Envelope lonLat, boolean legacy, boolean perCrs) throws XMLStreamException {
        if (legacy) {
            xml.writeEmptyElement("LatLonBoundingBox");
            corners(xml, lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY());
        } else {
            xml.writeStartElement(WMS, "EX_GeographicBoundingBox");
            text(xml, "westBoundLongitude", number(lonLat.getMinX()));
            text(xml, "eastBoundLongitude", number(lonLat.getMaxX()));
            text(xml, "southBoundLatitude", number(lonLat.getMinY()));
            text(xml, "northBoundLatitude", number(lonLat.getMaxY()));
            xml.writeEndElement();
        }
        if (!perCrs) {
            return;
        }
        for (String name : List.of("EPSG:4490", "EPSG:3857")) {
            Crs crs = Crs.parse(name, legacy, "CRS");
            Envelope box = Reprojection.between(Crs.STORAGE, crs.xy()).apply(lonLat);
            xml.writeEmptyElement("BoundingBox");
            xml.writeAttribute(legacy ? "SRS" : "CRS", name);
            if (crs.eastingFirst()) {
                corners(xml, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
            } else {
                corners(xml, box.getMinY(), box.getMinX(), box.getMaxY(), box.getMaxX());
            }
        }
    }

    /** A monthly time dimension over the months the layer's date spans (China time). */
    private void time(XMLStreamWriter xml, FeatureType type, boolean legacy) throws XMLStreamException {
        String property = type.definition().temporalProperty();
        if (property == null) {
            return;
        }
        Object[] range = source.range(type, property);
        if (range != null) {
            timeDimension(xml, legacy, month(range[0]) + "/" + month(range[1]) + "/P1M", month(range[1]).toString());
        }
    }

    /** A time dimension: 1.3.0 writes the values in Dimension, 1.1.1 declares Dimension and lists them in Extent. */
    private static void timeDimension(XMLStreamWriter xml, boolean legacy, String values, String defaultValue) throws XMLStreamException {
        if (legacy) {
            xml.writeEmptyElement("Dimension");
        } else {
            xml.writeStartElement(WMS, "Dimension");
        }
        xml.writeAttribute("name", "time");
        xml.writeAttribute("units", "ISO8601");
        if (legacy) {
            xml.writeStartElement("Extent");
            xml.writeAttribute("name", "time");
        }
        xml.writeAttribute("default", defaultValue);
        if (!legacy) {
            xml.writeAttribute("nearestValue", "0");
        }
        xml.writeCharacters(values);
        xml.writeEndElement();
    }

    /** A style of a layer with the URL of its legend. */
    private void style(XMLStreamWriter xml, String layer, String name, String title, int width, int height) throws XMLStreamException {
        xml.writeStartElement("Style");
        text(xml, "Name", name);
        text(xml, "Title", title);
        xml.writeStartElement("LegendURL");
        xml.writeAttribute("width", Integer.toString(width));
        xml.writeAttribute("height", Integer.toString(height));
        text(xml, "Format", "image/png");
        onlineResource(xml, serviceUrl + "?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.1.1&FORMAT=image/png&LAYER="
                + URLEncoder.encode(layer, StandardCharsets.UTF_8) + "&STYLE=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static YearMonth month(Object value) {
        if (value instanceof java.sql.Date date) {
            return YearMonth.from(date.toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return YearMonth.from(date);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return YearMonth.from(timestamp.toInstant().atZone(ZoneId.of("Asia/Shanghai")));
        }
        if (value instanceof OffsetDateTime time) {
            return YearMonth.from(time.atZoneSameInstant(ZoneId.of("Asia/Shanghai")));
        }
        return YearMonth.parse(value.toString().substring(0, 7));
    }

    private static void corners(XMLStreamWriter xml, double minx, double miny, double maxx, double maxy) throws XMLStreamException {
        xml.writeAttribute("minx", number(minx));
        xml.writeAttribute("miny", number(miny));
        xml.writeAttribute("maxx", number(maxx));
        xml.writeAttribute("maxy", number(maxy));
    }

    private static String number(double value) {
        return Double.toString(Math.round(value * 1e7) / 1e7);
    }

    /** An OnlineResource; 1.1.1's DTD fixes xmlns:xlink on the element itself, so it is declared there in both versions. */
    private static void onlineResource(XMLStreamWriter xml, String href) throws XMLStreamException {
        xml.writeEmptyElement("OnlineResource");
        xml.writeNamespace("xlink", XLINK);
        xml.writeAttribute("xlink", XLINK, "type", "simple");
        xml.writeAttribute("xlink", XLINK, "href", href);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
