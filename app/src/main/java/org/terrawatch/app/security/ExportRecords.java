package org.terrawatch.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.monitoring.audit.ExportLog;
import org.terrawatch.monitoring.audit.ExportRecord;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.access.ReadLedger;
import org.terrawatch.query.access.Reader;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wms.MapOversight;

/**
 * Records what leaves the server in bulk (city rules art. 9): every read of at least
 * {@code terrawatch.confidentiality.record-features-from} features and every download format (Shapefile, GeoPackage,
 * CSV, FlatGeobuf), whatever the interface — the query core reports each read here ({@link ReadLedger}) —, and every
 * map of at least {@code record-map-pixels-from} pixels ({@link MapOversight}, which also marks the maps of the roles
 * configured so with their user and the time). Who, when, from which address, through which interface, what
 * and how many; administrators read them at {@code /api/admin/exports}. A failure to record is logged, never turned
 * into a failed read.
 */
@Component
public class ExportRecords implements ReadLedger, MapOversight {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRecords.class);
    private static final Pattern DOWNLOAD = Pattern.compile("shape|zip|geopackage|gpkg|csv|flatgeobuf|fgb");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> INTERFACES = Map.of("wfs", "WFS", "ows", "WFS", "ogc", "OGC_API", "wms", "WMS", "api", "REST");

    private final ExportLog log;
    private final TerraWatchProperties.Confidentiality settings;
    private final Clock clock;

    public ExportRecords(SpatialStore store, TerraWatchProperties properties, Clock clock) {
        this.log = new ExportLog(store);
        this.settings = properties.confidentiality();
        this.clock = clock;
    }

    @Override
    public void featuresRead(Reader reader, FeatureType type, long features) {
        HttpServletRequest request = currentRequest();
        String format = request == null ? null : format(request);
        boolean download = format != null && DOWNLOAD.matcher(format.toLowerCase(Locale.ROOT)).find();
        if (features >= settings.recordFeaturesFrom() || download && features > 0) {
            write(reader.username(), request, type.qualifiedName(), format, features, null);
        }
    }

    /** A map was drawn of the layers; recorded when it is large. */
    @Override
    public void drawn(Reader reader, List<String> layers, String format, int width, int height) {
        long pixels = (long) width * height;
        if (pixels >= settings.recordMapPixelsFrom()) {
            write(reader.username(), currentRequest(), String.join(",", layers), format, null, pixels);
        }
    }

    /** A printed document (a work order's form) left the system: always recorded. */
    public void printed(String actor, String document, String format) {
        write(actor, currentRequest(), document, format, 1L, null);
    }

    /** The reader's name and the minute, on the maps of the roles configured so ({@code watermark-roles}). */
    @Override
    public String watermark(Reader reader) {
        boolean marked = settings.watermarkRoles().stream().anyMatch(role -> reader.roles().contains(role.name()));
        return marked ? reader.username() + " " + MINUTE.format(clock.instant().atZone(ZoneId.systemDefault())) : null;
    }

    private void write(String actor, HttpServletRequest request, String layer, String format, Long features, Long pixels) {
        String channel = request == null ? "PROCESS" : INTERFACES.getOrDefault(firstSegment(request), "REST");
        String address = request == null ? null : request.getRemoteAddr();
        String target = request == null ? null : request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            log.record(new ExportRecord(0, clock.instant(), actor, address, channel, layer, format, features, pixels, target));
        } catch (RuntimeException e) {
            LOG.error("Could not record the export of {} by {}: {}", layer, actor, e.getMessage(), e);
        }
    }

    private static String format(HttpServletRequest request) {
        for (var entry : request.getParameterMap().entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if ((name.equals("outputformat") || name.equals("f") || name.equals("format")) && entry.getValue().length > 0) {
                return entry.getValue()[0];
            }
        }
        String accept = request.getHeader("Accept");
        return accept == null ? null : accept.split(",")[0].strip();
    }

    private static String firstSegment(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        return segments.length > 1 ? segments[1].toLowerCase(Locale.ROOT) : "";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }
}
