package org.terrawatch.app.processing;

import java.util.EnumMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.change.DetectionSettings;
import org.terrawatch.monitoring.patch.PatchCategory;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.ogcapi.ProcessesApi;
import org.terrawatch.processing.ProcessCatalogue;
import org.terrawatch.processing.extraction.ChangeExtraction;
import org.terrawatch.processing.extraction.MinimumMappingUnits;
import org.terrawatch.processing.job.JobRunner;
import org.terrawatch.processing.job.JobStore;
import org.terrawatch.cycle.report.ReportProcess;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.processing.imagery.ImageryRegistration;
import org.terrawatch.processing.processes.AreaStatisticsProcess;
import org.terrawatch.processing.processes.ChangeDetectionProcess;
import org.terrawatch.processing.processes.EchoProcess;
import org.terrawatch.processing.processes.OverlayStatisticsProcess;
import org.terrawatch.processing.processes.PolygonizeProcess;
import org.terrawatch.processing.processes.RegisterImageryProcess;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wps.WpsService;

/**
 * The process catalogue both WPS and OGC API - Processes serve, the job runner behind them (jobs a stopped server
 * left unfinished are resumed once the application is ready), and the WPS service.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    /** Change patches from two epochs: for the change-detection process and the monthly cycle's scheduled runs. */
    @Bean
    public ChangeExtraction changeExtraction(SpatialStore store, PatchEditor editor, TerraWatchProperties properties) {
        Double simplifyM = properties.processing().simplifyM();
        DetectionSettings settings = simplifyM == null ? DetectionSettings.DEFAULTS : DetectionSettings.DEFAULTS.withSimplification(simplifyM);
        return new ChangeExtraction(store, properties.dataDirectory(), editor, settings,
                minimumMappingUnits(properties.processing().minimumMappingUnits()));
    }

    /** Imagery epochs registered from {@code <data-dir>/imagery} or uploaded into it. */
    @Bean
    public ImageryRegistration imageryRegistration(SpatialStore store, TerraWatchProperties properties, Clock clock, ChangeEvents events) {
        return new ImageryRegistration(store, properties.dataDirectory(), properties.dataDirectory().resolve("imagery"), clock, events);
    }

    @Bean
    public ProcessCatalogue processCatalogue(SpatialStore store, ChangeExtraction extraction, ImageryRegistration imagery,
                                             ReportProcess reports) {
        return new ProcessCatalogue(List.of(new ChangeDetectionProcess(store, extraction), new RegisterImageryProcess(imagery), reports,
                new OverlayStatisticsProcess(store), new AreaStatisticsProcess(store), new PolygonizeProcess(), new EchoProcess()));
    }

    @Bean(destroyMethod = "close")
    public JobRunner jobRunner(SpatialStore store, ProcessCatalogue catalogue, ReferenceResolver resolver, ProcessReadScopes readable,
                               TerraWatchProperties properties, java.time.Clock clock) {
        return new JobRunner(new JobStore(store, clock), catalogue, resolver, readable, Math.max(1, properties.processing().workers()),
                properties.security().conformanceTesting());
    }

    @Bean
    public WpsService wpsService(ProcessCatalogue catalogue, JobRunner runner) {
        return new WpsService(catalogue, runner);
    }

    @Bean
    public ProcessesApi processesApi(ProcessCatalogue catalogue) {
        return new ProcessesApi(catalogue);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeJobs(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(JobRunner.class).resumeUnfinished();
    }

    private static MinimumMappingUnits minimumMappingUnits(Map<PatchCategory, Double> configured) {
        Map<PatchCategory, Double> units = new EnumMap<>(MinimumMappingUnits.DEFAULTS.squareMetres());
        if (configured != null) {
            units.putAll(configured);
        }
        return new MinimumMappingUnits(units);
    }
}
