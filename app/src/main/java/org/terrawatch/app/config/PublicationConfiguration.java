package org.terrawatch.app.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.security.ExportRecords;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.ogcapi.OgcApi;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.OutboundPolicy;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.wfs.WfsService;
import org.terrawatch.wms.ImageryEpochs;
import org.terrawatch.wms.StyleLibrary;
import org.terrawatch.wms.WmsService;
import org.terrawatch.wms.WmsSettings;

/** The query core and the OGC services built on it, once, from the layers of the data directory. */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

    @Bean
    public FeatureTypeCatalog featureTypeCatalog(SpatialStore store, LayerProperties layers) {
        return FeatureTypeCatalog.introspect(store, layers.layers(), layers.published());
    }

    /** The features of the store as the read rules of {@code access.yml} let each caller read them. */
    @Bean
    public FeatureSource featureSource(SpatialStore store, FeatureTypeCatalog catalog, AccessProperties access,
                                       ExportRecords exports) {
        if (access.rules().isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(PublicationConfiguration.class)
                    .warn("No read rules (access.yml in the data directory): nobody may read any layer");
        }
        return new FeatureSource(store, access.readRules().checkedAgainst(catalog.all(), java.util.Set.of(WmsService.IMAGERY)), exports);
    }

    @Bean
    public OgcApi ogcApi(FeatureTypeCatalog catalog, FeatureSource source) {
        return new OgcApi(catalog, source);
    }

    /** The registered imagery epochs as the WMS draws them. */
    @Bean
    public ImageryEpochs imageryEpochs(SpatialStore store, TerraWatchProperties properties) {
        ImageryEpochRepository epochs = new ImageryEpochRepository(store);
        return new ImageryEpochs(() -> epochs.all().stream().map(e -> new ImageryEpochs.Epoch(e.name(), e.acquiredOn(),
                new Crs(Integer.parseInt(e.crs().replaceFirst("(?i)^EPSG:", "")), true), e.bandLayout(), e.file(properties.dataDirectory()),
                e.footprint().getEnvelopeInternal())).toList());
    }

    /** Once the server is up (the demo loaded, if it is loaded), the epochs' pyramids are built in the background. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> imageryPreparation(ImageryEpochs imagery) {
        return event -> imagery.prepareInBackground();
    }

    @Bean
    public WmsService wmsService(FeatureTypeCatalog catalog, FeatureSource source, TerraWatchProperties properties, ImageryEpochs imagery,
                                 ExportRecords exports) {
        return new WmsService(catalog, source, new StyleLibrary(properties.dataDirectory().resolve("styles")), WmsSettings.DEFAULTS, imagery,
                new OutboundPolicy(properties.outbound().allowedHosts()), exports);
    }

    /** An imagery file: a path relative to the data directory, or an absolute file URI or path. */
    @Bean
    public WfsService wfsService(FeatureTypeCatalog catalog, FeatureSource source, LayerEditing editing) {
        return new WfsService(catalog, source, editing);
    }
}
