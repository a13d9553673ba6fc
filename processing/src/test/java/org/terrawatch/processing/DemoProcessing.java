package org.terrawatch.processing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.terrawatch.change.DetectionSettings;
import org.terrawatch.demo.DemoData;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.MinimumMappingUnits;
import org.terrawatch.processing.job.JobRunner;
import org.terrawatch.processing.job.JobStore;
import org.terrawatch.processing.processes.AreaStatisticsProcess;
import org.terrawatch.processing.processes.ChangeDetectionProcess;
import org.terrawatch.processing.processes.EchoProcess;
import org.terrawatch.processing.processes.OverlayStatisticsProcess;
import org.terrawatch.processing.processes.PolygonizeProcess;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;

/** A store holding the demo (its two imagery epochs under a data directory) and the process catalogue on it. */
final class DemoProcessing implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    final SpatialStore store;
    final Path dataDir;
    final ChangeEvents events = new ChangeEvents();
    final ProcessCatalogue catalogue;
    final JobStore jobs;
    JobRunner runner;

    DemoProcessing(StoreType type, Path dataDir) {
        this.dataDir = dataDir;
        this.store = TestStores.open(type, MonitoringSchema.MIGRATIONS);
        new OrganisationRepository(store).apply(DemoData.organisationSkeleton());
        Deadlines deadlines = new Deadlines(new WorkingCalendar(List.of()));
        DemoData.load(store, dataDir, deadlines);
        PatchEditor editor = new PatchEditor(store, new AuditLog(store), events, () -> deadlines, CLOCK);
        ChangeExtraction extraction = new ChangeExtraction(store, dataDir, editor, DetectionSettings.DEFAULTS, MinimumMappingUnits.DEFAULTS);
        this.catalogue = new ProcessCatalogue(List.of(new EchoProcess(), new ChangeDetectionProcess(store, extraction),
                new OverlayStatisticsProcess(store), new AreaStatisticsProcess(store), new PolygonizeProcess()));
        this.jobs = new JobStore(store, Clock.systemUTC());
        this.runner = runner();
    }

    JobRunner runner() {
        ReferenceReader noReferences = (reference, requester) -> {
            throw ProcessFailure.invalid(null, "No references here: " + reference.href());
        };
        return new JobRunner(jobs, catalogue, noReferences, StoredRows.ALL, 2);
    }

    /** A server restart, as far as jobs go: the workers stop, a new runner resumes what was left. */
    int restart() {
        runner.close();
        runner = runner();
        return runner.resumeUnfinished();
    }

    @Override
    public void close() {
        runner.close();
        store.close();
    }
}
