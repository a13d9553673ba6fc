package org.terrawatch.app.imagery;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.api.ApiRequests;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.ows.Kvp;
import org.terrawatch.processing.imagery.ImageryFacts;
import org.terrawatch.processing.imagery.ImageryRegistration;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wms.WmsResponse;
import org.terrawatch.wms.WmsService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The imagery register: {@code POST /api/imagery} registers an epoch — a multipart form with the file ({@code file}) or
 * a {@code path} in the imagery folder, and {@code sensor}, {@code acquired}, {@code bands}, optionally {@code name} and
 * a separate cloud mask on the image's grid ({@code cloud_mask}, or {@code cloud_mask_path} in the imagery folder) —
 * answering 201 with the epoch, its footprint, cloud cover and coverage of the jurisdiction, or 400 with the reason
 * (nothing kept); {@code GET /api/imagery} lists the epochs (a GeoJSON feature collection of their footprints);
 * {@code GET /api/imagery/{id}} one; {@code GET /api/imagery/{id}/quicklook.png} its quicklook, drawn by our own WMS
 * (true colour, 512 px) under the caller's read rules.
 */
@RestController
@RequestMapping("/api/imagery")
public class ImageryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PARTS = List.of("name", "sensor", "acquired", "bands", "path", "cloud_mask_path");
    static final int QUICKLOOK = 512;

    private final ImageryRegistration registration;
    private final ImageryEpochRepository epochs;
    private final SpatialStore store;
    private final WmsService wms;

    public ImageryController(ImageryRegistration registration, SpatialStore store, WmsService wms) {
        this.registration = registration;
        this.epochs = new ImageryEpochRepository(store);
        this.store = store;
        this.wms = wms;
    }

    @PostMapping
    public void register(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        var actor = ApiRequests.requireSignedIn(request);
        Map<String, String> fields = new HashMap<>();
        byte[] upload = null;
        byte[] maskUpload = null;
        String fileName = null;
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            for (Part part : request.getParts()) {
                if (part.getName().equals("file")) {
                    fileName = part.getSubmittedFileName();
                    try (InputStream in = part.getInputStream()) {
                        upload = in.readAllBytes();
                    }
                } else if (part.getName().equals("cloud_mask")) {
                    try (InputStream in = part.getInputStream()) {
                        maskUpload = in.readAllBytes();
                    }
                } else if (PARTS.contains(part.getName()) && part.getSize() <= 4096) {
                    try (InputStream in = part.getInputStream()) {
                        fields.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } else {
            JSON.readTree(request.getInputStream()).properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        }
        ImageryRegistration.Registered registered = registration.register(new ImageryRegistration.Request(fields.get("name"),
                fields.get("sensor"), fields.get("acquired"), fields.get("bands"), fields.get("path"), fileName, upload,
                fields.get("cloud_mask_path"), maskUpload), actor);
        response.setStatus(201);
        response.setHeader("Location", "/api/imagery/" + registered.epoch().id());
        write(response, "application/geo+json", feature(registered.epoch(), registered.coveragePercent(), registered.notes()));
    }

    @GetMapping
    public void list(HttpServletResponse response) throws IOException {
        Jurisdiction jurisdiction = Jurisdiction.of(store);
        ObjectNode collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (ImageryEpoch epoch : epochs.all()) {
            features.add(feature(epoch, jurisdiction.coveragePercent(epoch.footprint()), List.of()));
        }
        write(response, "application/geo+json", collection);
    }

    @GetMapping("/{id}")
    public void one(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImageryEpoch epoch = find(id);
        write(response, "application/geo+json", feature(epoch, Jurisdiction.of(store).coveragePercent(epoch.footprint()), List.of()));
    }

    @GetMapping("/{id}/quicklook.png")
    public void quicklook(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ImageryEpoch epoch = find(id);
        Envelope box = epoch.footprint().getEnvelopeInternal();
        double aspect = box.getHeight() / Math.max(1e-12, box.getWidth() * Math.cos(Math.toRadians(box.centre().y)));
        int width = QUICKLOOK;
        int height = (int) Math.max(16, Math.min(2048, Math.round(QUICKLOOK * aspect)));
        Map<String, String> map = new HashMap<>();
        map.put("SERVICE", "WMS");
        map.put("VERSION", "1.3.0");
        map.put("REQUEST", "GetMap");
        map.put("LAYERS", WmsService.IMAGERY);
        map.put("STYLES", "");
        map.put("CRS", "CRS:84");
        map.put("BBOX", box.getMinX() + "," + box.getMinY() + "," + box.getMaxX() + "," + box.getMaxY());
        map.put("WIDTH", Integer.toString(width));
        map.put("HEIGHT", Integer.toString(height));
        map.put("FORMAT", "image/png");
        map.put("TRANSPARENT", "TRUE");
        map.put("TIME", epoch.acquiredOn().toString());
        WmsResponse answer = wms.handle(Kvp.ofSingle(map), request.getRequestURL().toString(), SignedIn.reader(request));
        response.setContentType(answer.mediaType());
        response.setHeader("Cache-Control", "private, max-age=3600");
        answer.body().writeTo(response.getOutputStream());
    }

    private ImageryEpoch find(long id) {
        return epochs.find(id).orElseThrow(() -> new EntityNotFoundException("No imagery epoch " + id));
    }

    private static ObjectNode feature(ImageryEpoch epoch, Double coverage, List<String> notes) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        ObjectNode feature = JSON.createObjectNode();
        feature.put("type", "Feature");
        feature.put("id", epoch.id());
        feature.set("geometry", JSON.readTree(writer.write(epoch.footprint())));
        ObjectNode properties = JSON.valueToTree(ImageryFacts.of(epoch, coverage, notes));
        properties.put("quicklook", "/api/imagery/" + epoch.id() + "/quicklook.png");
        feature.set("properties", properties);
        return feature;
    }

    private static void write(HttpServletResponse response, String type, ObjectNode json) throws IOException {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), json);
    }
}
