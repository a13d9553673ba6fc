package org.terrawatch.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.monitoring.MonitoringSchema;
import org.terrawatch.monitoring.summary.SummaryQuery;
import org.terrawatch.store.SpatialStore;

/** The one store of the server, migrated at start-up, and the domain services built on it. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    public SpatialStore spatialStore(TerraWatchProperties properties) {
        return MonitoringSchema.open(properties.storeSettings());
    }

    @Bean
    public SummaryQuery summaryQuery(SpatialStore store) {
        return new SummaryQuery(store);
    }
}
