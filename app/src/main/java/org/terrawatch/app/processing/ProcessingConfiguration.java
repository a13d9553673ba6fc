package org.terrawatch.app.processing;

import java.util.EnumMap;
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
import org.terrawatch.processing.processes.AreaStatisticsProcess;
import org.terrawatch.processing.processes.ChangeDetectionProcess;
import org.terrawatch.processing.processes.EchoProcess;
import org.terrawatch.processing.processes.OverlayStatisticsProcess;
import org.terrawatch.processing.processes.PolygonizeProcess;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wps.WpsService;

/**
 * The process catalogue both WPS and OGC API - Processes serve, the job runner behind them (jobs a stopped server
 * left unfinished are resumed once the application is ready), and the WPS service.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    public ProcessCatalogue processCatalogue(SpatialStore store, PatchEditor editor, TerraWatchProperties properties) {
        ChangeExtraction extraction = new ChangeExtraction(store, properties.dataDirectory(), editor, DetectionSettings.DEFAULTS,
                minimumMappingUnits(properties.processing().minimumMappingUnits()));
        return new ProcessCatalogue(List.of(new ChangeDetectionProcess(store, extraction), new OverlayStatisticsProcess(store),
                new AreaStatisticsProcess(store), new PolygonizeProcess(), new EchoProcess()));
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
