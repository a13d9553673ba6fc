package org.terrawatch.app.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.terrawatch.demo.DemoData;
import org.terrawatch.demo.DemoReport;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.organisation.ApiKeyRepository;
import org.terrawatch.monitoring.organisation.OrganisationRepository;
import org.terrawatch.store.SpatialStore;

/**
 * Brings the store in line with the data directory before the server accepts requests: the organisation and
 * the holiday calendar are applied, and an empty store gets the demo when the configuration asks for it.
 */
@Component
public class StartupData implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupData.class);

    private final SpatialStore store;
    private final TerraWatchProperties properties;
    private final OrganisationProperties organisation;
    private final CalendarProperties calendar;
    private final AccessProperties access;

    public StartupData(SpatialStore store, TerraWatchProperties properties, OrganisationProperties organisation,
                       CalendarProperties calendar, AccessProperties access) {
        this.store = store;
        this.properties = properties;
        this.organisation = organisation;
        this.calendar = calendar;
        this.access = access;
    }

    @Override
    public void afterPropertiesSet() {
        new OrganisationRepository(store).apply(organisation.organisation());
        ApiKeyRepository keys = new ApiKeyRepository(store);
        java.time.Instant now = java.time.Instant.now();
        long added = access.apiKeys().stream().filter(k -> keys.add(k.key(now))).count();
        if (added > 0) {
            LOG.info("Added {} API keys declared in access.yml", added);
        }
        CalendarRepository calendars = new CalendarRepository(store);
        calendars.replace(calendar.days());
        LOG.info("Applied {} departments, {} working groups, {} users and {} calendar days from {}",
                organisation.departments().size(), organisation.workingGroups().size(), organisation.users().size(),
                calendar.days().size(), properties.dataDirectory());
        if (properties.demo().loadOnFirstStart() && DemoData.isEmpty(store)) {
            long start = System.nanoTime();
            DemoReport report = DemoData.load(store, properties.dataDirectory(), new Deadlines(calendars.load()));
            LOG.info("Loaded the Yangquan demo in {} ms: {}", Duration.ofNanos(System.nanoTime() - start).toMillis(), report);
        }
    }
}
