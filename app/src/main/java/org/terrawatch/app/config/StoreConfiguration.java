package org.terrawatch.app.config;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.conformance.ConformanceTesting;
import org.terrawatch.app.conformance.OgcTestData;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.summary.SummaryQuery;
import org.terrawatch.store.SpatialStore;

/** The one store of the server, migrated at start-up, and the domain services built on it. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** In the conformance set-up, with the OGC test data loaded afresh. */
    @Bean(destroyMethod = "close")
    public SpatialStore spatialStore(TerraWatchProperties properties, @Value("${server.address:}") String serverAddress) {
        SpatialStore store = MonitoringSchema.open(properties.storeSettings());
        if (properties.security().conformanceTesting()) {
            try {
                ConformanceTesting.check(serverAddress, store);
                LoggerFactory.getLogger(StoreConfiguration.class).warn("Conformance testing: anybody may read and write the OGC test data {}",
                        OgcTestData.load(store, properties.dataDirectory()));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    @Bean
    public SummaryQuery summaryQuery(SpatialStore store) {
        return new SummaryQuery(store);
    }
}
