package org.terrawatch.app.intake;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.alert.AlertTriage;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.store.SpatialStore;

/** The alert intake: evidence files under {@code <data-dir>/attachments}, the intake itself, and its rate limits. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    public AttachmentStore attachmentStore(SpatialStore store, TerraWatchProperties properties) {
        return new AttachmentStore(store, properties.dataDirectory().resolve("attachments"));
    }

    @Bean
    public AlertIntake alertIntake(SpatialStore store, AttachmentStore attachments, ChangeEvents events, IntakeProperties properties,
                                   Clock clock) {
        return new AlertIntake(store, attachments, events, new AlertTriage.Grouping(properties.incidentDistance(), properties.incidentWindow()),
                clock);
    }

    @Bean
    public CredentialRateLimits intakeRateLimits(IntakeProperties properties) {
        return new CredentialRateLimits(properties.perSecond(), properties.burst());
    }
}
