package org.terrawatch.monitoring.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Point;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerVersion;
import org.terrawatch.store.SpatialStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to a stored alert before anybody looks at it: its pre-judgement ({@link AlertJudgement}) is stored with
 * it, and it joins (or opens) its incident. In the caller's transaction.
 */
public final class AlertTriage {

    /**
     * When a repeated alert joins the incident before it: the same camera and type, at most this far, at most this long
     * after the incident's last alert.
     */
    public record Grouping(double distanceMetres, Duration window) {

        /** 200 m and 30 minutes. */
        public static final Grouping DEFAULT = new Grouping(200, Duration.ofMinutes(30));
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long KEEP_NANOS = 60_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertRepository alerts;
    private final IncidentRepository incidents;
    private final BaseLayerRepository layers;
    private final Grouping grouping;
    /** The base layers' versions in force per day, kept a minute: a hand-in of new data shows within it. */
    private final Map<String, long[]> versions = new ConcurrentHashMap<>();

    public AlertTriage(SpatialStore store, Grouping grouping) {
        this.alerts = new AlertRepository(store);
        this.incidents = new IncidentRepository(store);
        this.layers = new BaseLayerRepository(store);
        this.grouping = Objects.requireNonNull(grouping, "grouping");
    }

    private long versionValidOn(BaseLayerKind layer, LocalDate day) {
        long now = System.nanoTime();
        long[] kept = versions.get(layer + "@" + day);
        if (kept != null && now - kept[1] < KEEP_NANOS) {
            return kept[0];
        }
        long version = layers.versionValidOn(layer, day).map(BaseLayerVersion::id).orElse(-1L);
        if (versions.size() > 1000) {
            versions.clear();
        }
        versions.put(layer + "@" + day, new long[] {version, now});
        return version;
    }

    /** The pre-judgement of an alert of this type, at this place and time. */
    public AlertJudgement judge(AlertType type, Point position, Instant detectedAt, AdminLocation place) {
        return AlertJudgement.of(type, position, LocalDate.ofInstant(detectedAt, CHINA), place, layers, this::versionValidOn);
    }

    /** The incident a new alert (not yet stored) joins or opens; the caller holds the camera's row lock. */
    public Incident incidentOf(Alert alert, AlertJudgement judgement) {
        return incidents.join(alert, judgement.priority(), grouping.distanceMetres(), grouping.window());
    }

    /** Judges the stored alert where it lies and puts it in its incident. */
    public Incident triage(Alert stored, AdminLocation place) {
        AlertJudgement judgement = judge(stored.type(), stored.position(), stored.detectedAt(), place);
        alerts.judged(stored.id(), judgement.priority(), factsJson(judgement));
        return incidents.assign(stored, judgement.priority(), grouping.distanceMetres(), grouping.window());
    }

    /** The judgement's facts as they are stored: a JSON object. */
    public static String factsJson(AlertJudgement judgement) {
        return JSON.writeValueAsString(judgement.facts());
    }
}
