package org.terrawatch.app.cameras;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.terrawatch.app.security.AdminController;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.app.web.ProtocolErrors;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.admin.AdminLevel;
import org.terrawatch.monitoring.admin.AdminUnit;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.camera.Camera;
import org.terrawatch.monitoring.camera.CameraCoverage;
import org.terrawatch.monitoring.camera.CameraKind;
import org.terrawatch.monitoring.camera.CameraRepository;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.access.ReadOperation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The camera registry ({@code /api/cameras}): listed and read under the read rules of the cameras layer; created and
 * changed by administrators — position, mounting height, kind, and a coverage polygon given or computed from azimuths
 * and a range on the ground, clipped to the jurisdiction —; a heartbeat from the video platform keeps a camera online
 * ({@code POST /api/cameras/{code}/heartbeat}); a camera list is registered at once from CSV or GeoJSON
 * ({@code POST /api/cameras/import}); {@code /api/cameras/coverage} is the share of the jurisdiction seen by
 * the cameras online.
 */
@RestController
@RequestMapping("/api/cameras")
public class CameraController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Role> PLATFORM = Set.of(Role.DUTY_OFFICER, Role.ADMIN);

    private final SpatialStore store;
    private final CameraRepository cameras;
    private final AdminUnitRepository admin;
    private final FeatureSource source;
    private final boolean published;
    private final Clock clock;

    public CameraController(SpatialStore store, FeatureSource source, FeatureTypeCatalog catalog, Clock clock) {
        this.store = store;
        this.cameras = new CameraRepository(store);
        this.admin = new AdminUnitRepository(store);
        this.source = source;
        this.published = !catalog.over("camera").isEmpty();
        this.clock = clock;
    }

    @GetMapping
    public void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayRead(request, response)) {
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        cameras.all().forEach(camera -> list.add(describe(camera)));
        send(response, 200, list);
    }

    @GetMapping("/coverage")
    public void coverage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayRead(request, response)) {
            return;
        }
        Geometry jurisdiction = jurisdiction();
        List<Camera> all = cameras.all();
        List<Geometry> seen = all.stream().filter(Camera::online).map(Camera::coverage).filter(c -> c != null).map(c -> (Geometry) c).toList();
        Geometry covered = seen.isEmpty() ? Wkb.factory().createPolygon() : UnaryUnionOp.union(seen).intersection(jurisdiction);
        double total = GeodesicArea.of(jurisdiction).squareMetres();
        double inSight = covered.isEmpty() ? 0 : GeodesicArea.of(covered).squareMetres();
        ObjectNode figure = JSON.createObjectNode();
        figure.put("cameras", all.size());
        figure.put("online", all.stream().filter(Camera::online).count());
        figure.put("jurisdictionKm2", Math.round(total / 1e4) / 100.0);
        figure.put("coveredKm2", Math.round(inSight / 1e4) / 100.0);
        figure.put("share", total == 0 ? 0 : Math.round(inSight / total * 1000) / 1000.0);
        send(response, 200, figure);
    }

    @GetMapping("/{code}")
    public void camera(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!mayRead(request, response)) {
            return;
        }
        Optional<Camera> camera = cameras.findByCode(code);
        if (camera.isEmpty()) {
            ProtocolErrors.send(request, response, 404, "Not Found", "No camera " + code);
            return;
        }
        send(response, 200, describe(camera.get()));
    }

    /** Registers a camera (administrators). */
    @PostMapping
    public void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AdminController.admin(request, response) == null) {
            return;
        }
        JsonNode body = JSON.readTree(request.getInputStream().readAllBytes());
        String code = body.path("code").asString("");
        if (cameras.findByCode(code).isPresent()) {
            ProtocolErrors.problem(response, 409, "Conflict", "Camera " + code + " is registered; PUT /api/cameras/" + code + " changes it", "code");
            return;
        }
        Optional<Camera> camera = camera(body, code, null, response);
        if (camera.isPresent()) {
            Camera added = cameras.add(camera.get());
            response.setHeader("Location", request.getRequestURL().append('/').append(added.code()).toString());
            send(response, 201, describe(added));
        }
    }

    /** Changes a camera's registry entry (administrators): the same fields as when it was registered. */
    @PutMapping("/{code}")
    public void update(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AdminController.admin(request, response) == null) {
            return;
        }
        Optional<Camera> stored = cameras.findByCode(code);
        if (stored.isEmpty()) {
            ProtocolErrors.send(request, response, 404, "Not Found", "No camera " + code);
            return;
        }
        Optional<Camera> camera = camera(JSON.readTree(request.getInputStream().readAllBytes()), code, stored.get(), response);
        if (camera.isPresent()) {
            send(response, 200, describe(cameras.update(camera.get())));
        }
    }

    /**
     * Registers a list of cameras (administrators): a CSV or a GeoJSON FeatureCollection ({@link CameraList}), each
     * camera with the fields of {@code POST}; a code registered already is changed. All or nothing: a camera at fault is
     * a 400 naming its row or feature and the field, and then no camera of the list is stored.
     */
    @PostMapping("/import")
    public void importList(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AdminController.admin(request, response) == null) {
            return;
        }
        List<CameraList.Entry> entries;
        try {
            entries = CameraList.read(request.getInputStream().readAllBytes(), request.getContentType());
        } catch (CameraList.Unreadable e) {
            ProtocolErrors.problem(response, 400, "Bad Request", e.getMessage(), "body");
            return;
        }
        Geometry jurisdiction = jurisdiction();
        java.util.Map<String, Camera> listed = new java.util.LinkedHashMap<>();
        for (CameraList.Entry entry : entries) {
            String code = entry.fields().path("code").asString("").strip();
            try {
                if (listed.containsKey(code)) {
                    throw new FieldError("code", "code " + code + " is listed twice");
                }
                listed.put(code, parse(entry.fields(), code, cameras.findByCode(code).orElse(null), jurisdiction));
            } catch (FieldError e) {
                ProtocolErrors.problem(response, 400, "Bad Request", entry.where() + " (" + code + "): " + e.getMessage(), e.field);
                return;
            }
        }
        int[] counts = new int[2];
        store.inTransaction(() -> {
            for (Camera camera : listed.values()) {
                if (camera.id() == 0) {
                    cameras.add(camera);
                    counts[0]++;
                } else {
                    cameras.update(camera);
                    counts[1]++;
                }
            }
            return null;
        });
        ObjectNode answer = JSON.createObjectNode();
        answer.put("created", counts[0]);
        answer.put("updated", counts[1]);
        listed.keySet().forEach(answer.putArray("cameras")::add);
        send(response, 200, answer);
    }

    /** The video platform says the camera is alive. */
    @PostMapping("/{code}/heartbeat")
    public void heartbeat(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = SignedIn.actor(request);
        if (actor == null) {
            ProtocolErrors.send(request, response, 401, "Unauthorized", "Heartbeats come with the platform's API key");
            return;
        }
        if (actor.roles().stream().noneMatch(PLATFORM::contains)) {
            ProtocolErrors.problem(response, 403, "Forbidden", actor.username() + " may not report on cameras");
            return;
        }
        Optional<Camera> camera = cameras.findByCode(code);
        if (camera.isEmpty()) {
            ProtocolErrors.problem(response, 404, "Not Found", "No camera " + code + " in the registry", "camera");
            return;
        }
        cameras.seen(camera.get().id(), clock.instant());
        response.setStatus(204);
    }

    /** The camera a request's fields describe, or empty after answering 400 naming the field at fault. */
    private Optional<Camera> camera(JsonNode body, String code, Camera stored, HttpServletResponse response) throws IOException {
        try {
            return Optional.of(parse(body, code, stored, jurisdiction()));
        } catch (FieldError e) {
            ProtocolErrors.problem(response, 400, "Bad Request", e.getMessage(), e.field);
            return Optional.empty();
        }
    }

    /** The camera the fields describe (a new one when {@code stored} is null); a field at fault is a {@link FieldError}. */
    private Camera parse(JsonNode body, String code, Camera stored, Geometry jurisdiction) {
        if (!code.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new FieldError("code", "code is 1 to 40 letters, digits, '_', '.' or '-'");
        }
        String name = body.path("name").asString("");
        if (name.isBlank() || name.length() > 100) {
            throw new FieldError("name", "name is required, at most 100 characters");
        }
        CameraKind kind;
        try {
            kind = CameraKind.valueOf(body.path("kind").asString("HIGH_POINT").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldError("kind", "kind is HIGH_POINT or CHECKPOINT");
        }
        double longitude = number(body, "longitude", -180, 180);
        double latitude = number(body, "latitude", -90, 90);
        Double height = body.has("mountHeight") ? number(body, "mountHeight", 0, 1000) : null;
        Point position = Wkb.factory().createPoint(new Coordinate(longitude, latitude));
        String township = admin.locate(position).townshipCode();
        if (admin.locate(position).countyCode() == null) {
            throw new FieldError("longitude", "The camera stands outside the jurisdiction");
        }
        Polygon coverage;
        if (body.has("coverage")) {
            Geometry given;
            try {
                given = new GeoJsonReader(Wkb.factory()).read(body.get("coverage").toString());
            } catch (ParseException e) {
                throw new FieldError("coverage", "coverage is a GeoJSON Polygon in longitude/latitude: " + e.getMessage());
            }
            if (!(given instanceof Polygon polygon) || !polygon.isValid()) {
                throw new FieldError("coverage", "coverage is one valid GeoJSON Polygon");
            }
            coverage = polygon;
        } else if (body.has("range")) {
            coverage = CameraCoverage.sector(position, number(body, "azimuthFrom", -360, 720), number(body, "azimuthTo", -360, 720),
                    number(body, "range", 1, 50_000));
        } else {
            coverage = stored == null ? null : stored.coverage();
        }
        if (coverage != null) {
            coverage.setSRID(4490);
            try {
                coverage = CameraCoverage.clipped(coverage, jurisdiction);
            } catch (IllegalArgumentException e) {
                throw new FieldError("coverage", e.getMessage());
            }
        }
        return new Camera(stored == null ? 0 : stored.id(), code, name, kind, township, position, height, coverage,
                stored == null || stored.online(), stored == null ? null : stored.lastSeenAt());
    }

    private static double number(JsonNode body, String field, double minimum, double maximum) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new FieldError(field, field + " is required");
        }
        double number;
        try {
            number = Numbers.finite(value.asString(), field);
        } catch (OwsException e) {
            throw new FieldError(field, e.getMessage());
        }
        if (number < minimum || number > maximum) {
            throw new FieldError(field, field + " is from " + minimum + " to " + maximum);
        }
        return number;
    }

    /** A request field at fault. */
    private static final class FieldError extends RuntimeException {
        private final String field;

        FieldError(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** The counties together: what a coverage is clipped to, and the coverage figure's whole. */
    private Geometry jurisdiction() {
        List<Geometry> counties = new ArrayList<>();
        for (AdminUnit county : admin.atLevel(AdminLevel.COUNTY)) {
            counties.add(county.geometry());
        }
        return counties.isEmpty() ? Wkb.factory().createPolygon() : UnaryUnionOp.union(counties);
    }

    private boolean mayRead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (published && source.permits("cameras", ReadOperation.FEATURES, SignedIn.reader(request))) {
            return true;
        }
        ProtocolErrors.send(request, response, SignedIn.actor(request) == null ? 401 : 403, "Forbidden", "The camera registry is not yours to read");
        return false;
    }

    private static ObjectNode describe(Camera camera) {
        ObjectNode json = JSON.createObjectNode();
        json.put("code", camera.code());
        json.put("name", camera.name());
        json.put("kind", camera.kind().name());
        json.put("township", camera.townshipCode());
        json.put("longitude", camera.position().getX());
        json.put("latitude", camera.position().getY());
        if (camera.mountHeightM() != null) {
            json.put("mountHeight", camera.mountHeightM());
        }
        json.put("online", camera.online());
        json.put("lastSeen", camera.lastSeenAt() == null ? null : camera.lastSeenAt().toString());
        if (camera.coverage() != null) {
            json.set("coverage", JSON.readTree(new GeoJsonWriter().write(camera.coverage())));
            json.put("coverageKm2", Math.round(GeodesicArea.of(camera.coverage()).squareMetres() / 1e4) / 100.0);
        }
        return json;
    }

    private static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
