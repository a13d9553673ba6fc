package org.terrawatch.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.terrawatch.monitoring.Labels;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerVersion;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.task.MonitoringTaskRepository;
import org.terrawatch.monitoring.task.TaskState;
import org.terrawatch.store.SpatialStore;

/**
 * Closing a task after its verification (city rules, article 14): the real changes its departments verified — legal,
 * illegal or other, not "not a real change" — are handed on to the working base map as the next version of
 * {@link BaseLayerKind#VERIFIED_CHANGE} (the previous months' with this month's), effective the day after the period, so
 * that the next month's detection takes them as known instead of reporting them again; the task is then REPORTED.
 * One transaction.
 */
public final class MonthClose {

    private static final Set<PatchStatus> VERIFIED = Set.of(PatchStatus.VERIFIED, PatchStatus.HANDLED, PatchStatus.CLOSED);

    /** What closing did. */
    public record Closed(String task, int handedOn, int total, long versionId) {
    }

    private final SpatialStore store;
    private final ChangeEvents events;
    private final String satelliteCentre;

    /** @param satelliteCentre the department the working base map's versions are recorded as coming from */
    public MonthClose(SpatialStore store, ChangeEvents events, String satelliteCentre) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.satelliteCentre = Objects.requireNonNull(satelliteCentre, "satelliteCentre");
    }

    public Closed close(MonitoringTask task, String by, Instant now) {
        return store.inTransaction(() -> {
            List<ChangePatch> real = new PatchRepository(store).query(PatchQuery.all().ofTask(task.id())).stream()
                    .filter(p -> VERIFIED.contains(p.status()) && p.verification().result() != null
                            && p.verification().result() != VerificationResult.NOT_REAL_CHANGE).toList();
            BaseLayerRepository layers = new BaseLayerRepository(store);
            List<BaseFeature> features = new ArrayList<>();
            layers.versionValidOn(BaseLayerKind.VERIFIED_CHANGE, task.period().end()).ifPresent(previous ->
                    layers.features(previous.id(), new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90)).stream()
                            .map(f -> BaseFeature.of(BaseLayerKind.VERIFIED_CHANGE, f.name(), f.reference(), f.holder(), f.validFrom(),
                                    f.validTo(), f.landClass(), f.countyCode(), f.geometry()))
                            .forEach(features::add));
            for (ChangePatch patch : real) {
                features.add(BaseFeature.of(BaseLayerKind.VERIFIED_CHANGE, patch.code(), task.code(), Labels.zh(patch.verification().result()),
                        patch.afterDate(), null, patch.changeType().name(), patch.location().countyCode(), patch.geometry()));
            }
            BaseLayerVersion version = layers.handIn(BaseLayerKind.VERIFIED_CHANGE, satelliteCentre, task.period().end().plusDays(1),
                    task.code() + " 核实变化更新工作底图", features, now);
            new MonitoringTaskRepository(store).setState(task.id(), TaskState.REPORTED);
            events.publishAfterCommit(new ChangeEvent("TASK", task.id(), task.code(), "CLOSE", by, Channel.SYSTEM, null, now));
            return new Closed(task.code(), real.size(), features.size(), version.id());
        });
    }
}
