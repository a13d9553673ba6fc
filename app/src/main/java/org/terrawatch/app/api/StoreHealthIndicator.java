package org.terrawatch.app.api;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.terrawatch.store.SpatialStore;

/** Health of the store: reachable, which kind, which versions ({@code /actuator/health}, component "store"). */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final SpatialStore store;

    public StoreHealthIndicator(SpatialStore store) {
        super("The store cannot be reached");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("type", store.type().displayName()).withDetail("version", store.describe());
    }
}
