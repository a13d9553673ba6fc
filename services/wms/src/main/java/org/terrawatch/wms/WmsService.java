package org.terrawatch.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.BboxParameter;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OutboundPolicy;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.Property;
import org.terrawatch.query.access.ReadDenied;
import org.terrawatch.query.access.ReadOperation;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.filter.Ecql;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.rendering.FeatureFilters;
import org.terrawatch.rendering.ImageEncoder;
import org.terrawatch.rendering.ImageFormat;
import org.terrawatch.rendering.LegendRenderer;
import org.terrawatch.rendering.MapLayer;
import org.terrawatch.rendering.MapRenderer;
import org.terrawatch.rendering.MapView;
import org.terrawatch.rendering.RenderingTimeout;
import org.terrawatch.rendering.Watermark;
import org.terrawatch.rendering.raster.ImageryRenderer;
import org.terrawatch.rendering.style.Rule;
import org.terrawatch.rendering.style.SldReader;
import org.terrawatch.rendering.style.Style;
import org.terrawatch.rendering.style.Symbolizer;

/**
 * The Web Map Service, 1.3.0 and 1.1.1, independent of any web framework: GetCapabilities, GetMap,
 * GetFeatureInfo and GetLegendGraphic over the published feature types, drawn with the SLD styles of the
 * {@link StyleLibrary} (or SLD / SLD_BODY per request). Axis order follows the version: in 1.3.0 EPSG:4490
 * and the other geographic CRSs are latitude first, CRS:84 longitude first; 1.1.1 is always x/y.
 */
public final class WmsService {

    public static final String VERSION = "1.3.0";
    public static final String VERSION_1_1 = "1.1.1";
    /** The swatch of a legend drawn at the default size, as LegendURL advertises it. */
    static final int LEGEND_SWATCH = 20;
    /** Features this many pixels outside the map still draw (symbols and labels that reach into it). */
    static final int BUFFER_PIXELS = 48;

    private final FeatureTypeCatalog catalog;
    private final FeatureSource source;
    private final StyleLibrary styles;
    private final WmsSettings settings;
    private final ImageryEpochs imagery;
    private final MapRenderer renderer = new MapRenderer();
    private final SldFetcher sldFetcher;
    private final MapOversight oversight;

    /** The layer name of the imagery epochs; its styles pick the rendering. */
    public static final String IMAGERY = "imagery";
    static final Map<String, ImageryRenderer.Mode> IMAGERY_STYLES = imageryStyles();

    public WmsService(FeatureTypeCatalog catalog, FeatureSource source, StyleLibrary styles, WmsSettings settings) {
        this(catalog, source, styles, settings, ImageryEpochs.NONE);
    }

    public WmsService(FeatureTypeCatalog catalog, FeatureSource source, StyleLibrary styles, WmsSettings settings, ImageryEpochs imagery) {
        this(catalog, source, styles, settings, imagery, OutboundPolicy.NONE, MapOversight.NONE);
    }

    /**
     * @param outbound  where an {@code SLD=} URL may point
     * @param oversight whose maps are watermarked, and which are recorded
     */
    public WmsService(FeatureTypeCatalog catalog, FeatureSource source, StyleLibrary styles, WmsSettings settings, ImageryEpochs imagery,
                      OutboundPolicy outbound, MapOversight oversight) {
        this.sldFetcher = new SldFetcher(outbound);
        this.oversight = Objects.requireNonNull(oversight, "oversight");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
        this.styles = Objects.requireNonNull(styles, "styles");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.imagery = Objects.requireNonNull(imagery, "imagery");
    }

    private static Map<String, ImageryRenderer.Mode> imageryStyles() {
        Map<String, ImageryRenderer.Mode> modes = new java.util.LinkedHashMap<>();
        modes.put(IMAGERY, ImageryRenderer.Mode.TRUE_COLOUR);
        modes.put(IMAGERY + "-false-colour", ImageryRenderer.Mode.FALSE_COLOUR);
        modes.put(IMAGERY + "-ndvi", ImageryRenderer.Mode.NDVI);
        return java.util.Collections.unmodifiableMap(modes);
    }

    /** Whether a requested name is the imagery layer. */
    boolean isImagery(String name) {
        return name.equals(IMAGERY) || name.equals(catalog.namespace().prefix() + ":" + IMAGERY);
    }

    /** A requested layer or group name without the prefix we advertise. */
    private String local(String name) {
        String prefix = catalog.namespace().prefix() + ":";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /** How a failure of this request is to be answered (EXCEPTIONS, and the image size and format for INIMAGE). */
    public ServiceExceptions.Form exceptionForm(Kvp kvp) {
        String version = version(kvp, false);
        ImageFormat format = kvp.get("FORMAT").flatMap(ImageFormat::of).orElse(null);
        int width = kvp.get("WIDTH").map(WmsService::integerOrZero).orElse(0);
        int height = kvp.get("HEIGHT").map(WmsService::integerOrZero).orElse(0);
        boolean transparent = kvp.get("TRANSPARENT").map("true"::equalsIgnoreCase).orElse(false);
        return new ServiceExceptions.Form(version, kvp.get("EXCEPTIONS").orElse("XML"),
                Math.min(width, settings.maxWidth()), Math.min(height, settings.maxHeight()), format, background(kvp), transparent);
    }

    /**
     * @param serviceUrl the URL this request came to, without query
     * @throws WmsException for anything the service cannot answer, in WMS terms
     */
    public WmsResponse handle(Kvp kvp, String serviceUrl, Reader reader) {
        String version = version(kvp, true);
        try {
            String service = kvp.get("SERVICE").orElse("WMS");
            if (!service.equalsIgnoreCase("WMS")) {
                throw new WmsException("InvalidParameterValue", "SERVICE", "This endpoint serves WMS, not " + service);
            }
            String request = kvp.require("REQUEST");
            boolean versioned = kvp.get("VERSION").or(() -> kvp.get("WMTVER")).isPresent();
            if (!versioned && (request.equalsIgnoreCase("GetMap") || request.equalsIgnoreCase("GetFeatureInfo"))) {
                // mandatory in every request but GetCapabilities (WMS 1.3.0, 6.9.2 and Table 8)
                throw new WmsException("MissingParameterValue", "VERSION", "VERSION is mandatory in " + request + ": 1.3.0 or 1.1.1");
            }
            return switch (request.toLowerCase(Locale.ROOT)) {
                case "getcapabilities", "capabilities" -> capabilities(version, serviceUrl, reader);
                case "getmap", "map" -> getMap(parseMap(kvp, version, reader), reader);
                case "getfeatureinfo", "feature_info" -> getFeatureInfo(kvp, version, serviceUrl, reader);
                case "getlegendgraphic" -> legend(kvp);
                default -> throw new WmsException("OperationNotSupported", "REQUEST", "Operation " + request + " is not supported");
            };
        } catch (OwsException e) {
            throw WmsException.of(e, version);
        }
    }

    private WmsResponse capabilities(String version, String serviceUrl, Reader reader) {
        List<FeatureType> visible = catalog.all().stream().filter(type -> source.visible(type, reader)).toList();
        WmsCapabilities capabilities = new WmsCapabilities(visible, catalog.namespace(), source, styles, settings,
                source.permits(IMAGERY, ReadOperation.MAP, reader) ? imagery.all() : List.of(), serviceUrl);
        if (version.equals(VERSION_1_1)) {
            return new WmsResponse("application/vnd.ogc.wms_xml", capabilities::write111);
        }
        return new WmsResponse("text/xml", capabilities::write130);
    }

    private WmsResponse getMap(MapRequest request, Reader reader) {
        BufferedImage image = draw(request, reader);
        String mark = oversight.watermark(reader);
        if (mark != null) {
            Watermark.draw(image, mark);
        }
        oversight.drawn(reader, request.layers().stream().map(d -> d.type() == null ? IMAGERY : d.type().qualifiedName()).toList(),
                request.format().contentType(), image.getWidth(), image.getHeight());
        return new WmsResponse(request.format().contentType(), out -> ImageEncoder.write(image, request.format(), request.background(), out));
    }

    private BufferedImage draw(MapRequest request, Reader reader) {
        long deadline = System.nanoTime() + settings.maxRenderSeconds() * 1_000_000_000L;
        List<MapLayer> layers = new ArrayList<>();
        Envelope buffered = request.view().buffered(BUFFER_PIXELS);
        Envelope storageBox = Reprojection.between(request.crs(), Crs.STORAGE).apply(buffered);
        for (MapRequest.Drawn drawn : request.layers()) {
            if (drawn.epoch() != null) {
                ImageryEpochs.Epoch epoch = drawn.epoch();
                ImageryRenderer.Mode mode = drawn.mode();
                layers.add(MapLayer.raster(IMAGERY, view -> ImageryRenderer.render(imagery.imagery(epoch), view, mode)));
                continue;
            }
            FeatureType type = drawn.type();
            Property geometry = type.geometry().orElseThrow(() -> new WmsException("LayerNotDefined", "LAYERS", type.name() + " has no geometry"));
            Filter filter = Filter.and(new Filter.BBox(geometry.name(), storageBox), drawn.filter());
            FeatureQuery query = new FeatureQuery(type, filter, null, 0, null, properties(type, drawn.style()), request.crs());
            layers.add(new MapLayer(type.name(), drawn.style(), consumer -> source.streamForMap(query, reader, consumer)));
        }
        try {
            return renderer.render(request.view(), layers, request.background(), deadline);
        } catch (RenderingTimeout e) {
            throw new WmsException("NoApplicableCode", null, "The map took longer than " + settings.maxRenderSeconds()
                    + " s to draw; ask for a smaller area or fewer layers", 503);
        }
    }

    /** The properties a style reads (filters and labels): only those are read from the store. */
    private static List<String> properties(FeatureType type, Style style) {
        Set<String> names = new LinkedHashSet<>();
        for (Rule rule : style.rules()) {
            names.addAll(FeatureFilters.properties(rule.filter()));
            for (Symbolizer symbolizer : rule.symbolizers()) {
                if (symbolizer instanceof Symbolizer.TextSymbolizer text) {
                    names.add(text.labelProperty());
                }
            }
        }
        List<String> known = new ArrayList<>();
        for (String name : names) {
            type.property(name).ifPresentOrElse(p -> known.add(p.name()), () -> {
                throw new WmsException("StyleNotDefined", "STYLES", "Style " + style.name() + " reads " + name + ", which layer "
                        + type.name() + " does not have");
            });
        }
        return known;
    }

    /**
     * The map a request asks for, with the layers the reader may see drawn: a layer named that is not the reader's is
     * refused, the layers of a group that are not are left out.
     */
    MapRequest parseMap(Kvp kvp, String version, Reader reader) {
        boolean legacy = version.equals(VERSION_1_1);
        List<Style> sldStyles = new ArrayList<>();
        List<String> sldLayers = new ArrayList<>();
        Optional<String> body = kvp.get("SLD_BODY").or(() -> kvp.get("SLD").map(sldFetcher::fetch));
        if (body.isPresent()) {
            XmlElement document = XmlElement.parse(body.get(), kvp.get("SLD_BODY").isPresent() ? "SLD_BODY" : "SLD");
            sldStyles.addAll(new SldReader(styles::image).read(document));
            sldLayers.addAll(SldReader.layerNames(document));
        }
        List<String> names = kvp.get("LAYERS").map(Kvp::list).filter(l -> !l.isEmpty() && !l.get(0).isBlank())
                .orElseGet(() -> sldLayers.isEmpty() ? List.of() : sldLayers);
        if (names.isEmpty()) {
            throw new WmsException("MissingParameterValue", "LAYERS", "Parameter LAYERS is required");
        }
        List<String> styleNames = kvp.get("STYLES").map(s -> List.of(s.split(",", -1))).orElse(List.of());
        if (!styleNames.isEmpty() && !(styleNames.size() == 1 && styleNames.get(0).isEmpty()) && styleNames.size() != names.size()) {
            throw new WmsException("StyleNotDefined", "STYLES", "STYLES names " + styleNames.size() + " styles for " + names.size() + " layers");
        }
        List<String> filters = kvp.get("CQL_FILTER").map(f -> List.of(f.split(";", -1))).orElse(List.of());
        if (!filters.isEmpty() && filters.size() != names.size() && filters.size() != 1) {
            throw new WmsException("InvalidParameterValue", "CQL_FILTER", "CQL_FILTER holds one filter per layer, separated by ';'");
        }
        String crsParameter = legacy ? "SRS" : "CRS";
        Crs crs = Crs.parse(kvp.require(crsParameter), legacy, crsParameter);
        Envelope extent = bbox(kvp.require("BBOX"), crs);
        int width = size(kvp, "WIDTH", settings.maxWidth());
        int height = size(kvp, "HEIGHT", settings.maxHeight());
        ImageFormat format = ImageFormat.of(kvp.require("FORMAT"))
                .orElseThrow(() -> new WmsException("InvalidFormat", "FORMAT", "Maps come as image/png, image/png8 or image/jpeg, not " + kvp.require("FORMAT")));
        boolean transparent = kvp.get("TRANSPARENT").map("true"::equalsIgnoreCase).orElse(false);
        Color background = background(kvp);
        Crs drawn = crs.xy();
        MapView view = new MapView(extent, width, height, drawn);
        List<MapRequest.Drawn> layers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String styleName = styleNames.size() > i ? styleNames.get(i).strip() : "";
            String cql = filters.isEmpty() ? null : filters.get(filters.size() == 1 ? 0 : i);
            if (isImagery(name)) {
                if (!source.permits(IMAGERY, ReadOperation.MAP, reader)) {
                    throw new ReadDenied(name, reader);
                }
                layers.add(imageryLayer(styleName, kvp.get("TIME").orElse(null)));
                continue;
            }
            for (FeatureType type : drawable(name, reader)) {
                Style style = style(type, styleName, name, sldStyles, sldLayers);
                Filter filter = Filter.INCLUDE;
                if (cql != null && !cql.isBlank() && !cql.strip().equalsIgnoreCase("INCLUDE")) {
                    filter = Ecql.parse(cql, "CQL_FILTER", Crs.STORAGE);
                    for (String property : FeatureFilters.properties(filter)) {
                        type.requireProperty(property, "CQL_FILTER");
                    }
                }
                String time = kvp.get("TIME").orElse(null);
                if (time != null && !time.isBlank() && type.definition().temporalProperty() != null) {
                    filter = Filter.and(filter, TimeParameter.filter(time, type.requireProperty(type.definition().temporalProperty(), "TIME")));
                }
                layers.add(new MapRequest.Drawn(type, style, filter));
            }
        }
        return new MapRequest(version, layers, view, format, transparent ? null : background, kvp.get("EXCEPTIONS").orElse("XML"));
    }

    /** The imagery layer: the epoch TIME selects (the latest within it, or the latest of all), in the style's mode. */
    private MapRequest.Drawn imageryLayer(String styleName, String time) {
        ImageryRenderer.Mode mode = IMAGERY_STYLES.get(styleName.isEmpty() || styleName.equalsIgnoreCase("default") ? IMAGERY : styleName);
        if (mode == null) {
            throw new WmsException("StyleNotDefined", "STYLES", "The imagery is drawn in one of the styles " + IMAGERY_STYLES.keySet());
        }
        java.time.LocalDate[] range = time == null || time.isBlank() ? new java.time.LocalDate[2] : TimeParameter.range(time);
        ImageryEpochs.Epoch epoch = imagery.choose(range[0], range[1]).orElseThrow(() -> new WmsException("InvalidDimensionValue", "TIME",
                "No imagery epoch was acquired " + (time == null ? "yet" : "within " + time)));
        return new MapRequest.Drawn(null, null, Filter.INCLUDE, epoch, mode);
    }

    private Style style(FeatureType type, String styleName, String requested, List<Style> sldStyles, List<String> sldLayers) {
        if (!sldStyles.isEmpty()) {
            for (int i = 0; i < sldLayers.size() && i < sldStyles.size(); i++) {
                String layer = sldLayers.get(i);
                if (layer.equals(type.name()) || layer.equals(type.qualifiedName()) || layer.equals(requested)) {
                    if (styleName.isEmpty() || styleName.equals(sldStyles.get(i).name())) {
                        return sldStyles.get(i);
                    }
                }
            }
        }
        if (styleName.isEmpty() || styleName.equalsIgnoreCase("default")) {
            return styles.defaultStyle(type);
        }
        return styles.stylesOf(type).stream().filter(s -> s.name().equals(styleName)).findFirst()
                .orElseThrow(() -> new WmsException("StyleNotDefined", "STYLES", "Layer " + type.qualifiedName() + " has no style " + styleName
                        + "; it offers " + styles.stylesOf(type).stream().map(Style::name).toList()));
    }

    /** The layer, or the layers of the group the reader may see drawn. */
    private List<FeatureType> drawable(String name, Reader reader) {
        List<FeatureType> types = expand(name);
        if (types.size() == 1 && !isGroup(name)) {
            if (source.permits(types.get(0).name(), ReadOperation.MAP, reader)) {
                return types;
            }
            throw new ReadDenied(types.get(0).qualifiedName(), reader);
        }
        return types.stream().filter(type -> source.permits(type.name(), ReadOperation.MAP, reader)).toList();
    }

    private boolean isGroup(String name) {
        return settings.groups().containsKey(local(name));
    }

    /** A layer, or the layers of a group bottom to top. */
    List<FeatureType> expand(String name) {
        String local = local(name);
        WmsSettings.Group group = settings.groups().get(local);
        if (group != null) {
            return group.layers().stream().map(this::type).toList();
        }
        return List.of(type(local));
    }

    private FeatureType type(String local) {
        return catalog.all().stream().filter(t -> t.name().equals(local)).findFirst()
                .orElseThrow(() -> new WmsException("LayerNotDefined", "LAYERS", "No layer " + local));
    }

    /** BBOX in the CRS's axis order, as an x/y envelope. */
    static Envelope bbox(String text, Crs crs) {
        return BboxParameter.parse(List.of(text.split(",", -1)), crs, "BBOX", false, true);
    }

    private static int size(Kvp kvp, String parameter, int maximum) {
        String text = kvp.require(parameter);
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new WmsException("InvalidParameterValue", parameter, parameter + " is a whole number of pixels, not " + text);
        }
        if (value <= 0 || value > maximum) {
            throw new WmsException("InvalidParameterValue", parameter, parameter + " must be between 1 and " + maximum + ", not " + value);
        }
        return value;
    }

    private static Color background(Kvp kvp) {
        String text = kvp.get("BGCOLOR").orElse("0xFFFFFF").strip();
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text.startsWith("#") ? text.substring(1) : text;
        if (!hex.matches("[0-9a-fA-F]{6}")) {
            throw new WmsException("InvalidParameterValue", "BGCOLOR", "BGCOLOR is 0xRRGGBB, not " + text);
        }
        return new Color(Integer.parseInt(hex, 16));
    }

    private static int integerOrZero(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The request's version: 1.3.0 unless 1.1.1 (or 1.1.0) is asked for; an unknown one is refused when strict. */
    static String version(Kvp kvp, boolean strict) {
        String version = kvp.get("VERSION").or(() -> kvp.get("WMTVER")).orElse(VERSION);
        if (version.equals("1.1.1") || version.equals("1.1.0") || version.equals("1.1")) {
            return VERSION_1_1;
        }
        if (version.equals(VERSION) || !strict) {
            return VERSION;
        }
        if (kvp.get("REQUEST").map("GetCapabilities"::equalsIgnoreCase).orElse(false)) {
            return VERSION;
        }
        throw new WmsException("InvalidParameterValue", "VERSION", "WMS " + version + " is not offered; use 1.3.0 or 1.1.1");
    }

    private WmsResponse getFeatureInfo(Kvp kvp, String version, String serviceUrl, Reader reader) {
        // The map part of GetFeatureInfo; many clients leave out its FORMAT, which does not matter here.
        MapRequest map = parseMap(kvp.get("FORMAT").isPresent() ? kvp : kvp.with("FORMAT", "image/png"), version, reader);
        boolean legacy = version.equals(VERSION_1_1);
        int i = pixel(kvp, legacy ? "X" : "I", map.view().width());
        int j = pixel(kvp, legacy ? "Y" : "J", map.view().height());
        List<String> queried = Kvp.list(kvp.require("QUERY_LAYERS"));
        String infoFormat = kvp.get("INFO_FORMAT").orElse("text/html");
        int count = kvp.get("FEATURE_COUNT").map(WmsService::integerOrZero).filter(n -> n > 0).orElse(1);
        Set<String> requested = new LinkedHashSet<>();
        map.layers().stream().filter(d -> d.type() != null).forEach(d -> requested.add(d.type().name()));
        List<FeatureInfo.Hit> hits = new ArrayList<>();
        for (String name : queried) {
            if (isImagery(name)) {
                throw new WmsException("LayerNotQueryable", "QUERY_LAYERS", "The imagery layer is not queryable");
            }
            for (FeatureType type : expand(name)) {
                if (isGroup(name) && !requested.contains(type.name())) {
                    continue; // a member of the group the reader does not see
                }
                if (!requested.contains(type.name())) {
                    throw new WmsException("LayerNotQueryable", "QUERY_LAYERS", "Layer " + type.qualifiedName() + " is not among LAYERS");
                }
                MapRequest.Drawn drawn = map.layers().stream().filter(d -> d.type() == type).findFirst().orElseThrow();
                hits.add(new FeatureInfo.Hit(type, FeatureInfo.at(source, reader, type, drawn.filter(), map.view(), i, j, count)));
            }
        }
        return FeatureInfo.encode(hits, infoFormat, serviceUrl, source, reader);
    }

    private static int pixel(Kvp kvp, String parameter, int size) {
        String text = kvp.require(parameter);
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new WmsException("InvalidPoint", parameter, parameter + " is a pixel column or row, not " + text);
        }
        if (value < 0 || value >= size) {
            throw new WmsException("InvalidPoint", parameter, parameter + " must lie within the map (0 to " + (size - 1) + "), not " + value);
        }
        return value;
    }

    private WmsResponse legend(Kvp kvp) {
        String layer = kvp.require("LAYER");
        if (isImagery(layer)) {
            String styleName = kvp.get("STYLE").filter(s -> !s.isEmpty()).orElse(IMAGERY);
            if (!IMAGERY_STYLES.containsKey(styleName)) {
                throw new WmsException("StyleNotDefined", "STYLE", "The imagery is drawn in one of the styles " + IMAGERY_STYLES.keySet());
            }
            BufferedImage image = ImageryLegend.render(IMAGERY_STYLES.get(styleName));
            return new WmsResponse("image/png", out -> ImageEncoder.write(image, ImageFormat.PNG, Color.WHITE, out));
        }
        FeatureType type = expand(layer).get(0);
        String styleName = kvp.get("STYLE").orElse("");
        Style style = styleName.isEmpty() ? styles.defaultStyle(type) : styles.stylesOf(type).stream().filter(s -> s.name().equals(styleName))
                .findFirst().orElseThrow(() -> new WmsException("StyleNotDefined", "STYLE", "Layer " + layer + " has no style " + styleName));
        ImageFormat format = ImageFormat.of(kvp.get("FORMAT").orElse("image/png"))
                .orElseThrow(() -> new WmsException("InvalidFormat", "FORMAT", "Legends come as image/png or image/jpeg"));
        int size = kvp.get("WIDTH").map(WmsService::integerOrZero).filter(n -> n > 0 && n <= 128).orElse(LEGEND_SWATCH);
        double scale = kvp.get("SCALE").map(s -> Numbers.finite(s, "SCALE")).orElse(Double.NaN);
        BufferedImage image = LegendRenderer.render(style, type.definition().geometryType(), size, scale,
                kvp.get("TRANSPARENT").map("true"::equalsIgnoreCase).orElse(false) ? null : Color.WHITE);
        return new WmsResponse(format.contentType(), out -> ImageEncoder.write(image, format, Color.WHITE, out));
    }


}
