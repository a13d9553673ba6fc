package org.terrawatch.app.notify;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.notify.Outbox;
import org.terrawatch.store.SpatialStore;

/** Notifications: the rules write to the outbox inside each change's transaction; the dispatcher delivers once the server is up. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    public NotificationRules notificationRules(NotificationProperties properties, SpatialStore store, ChangeEvents events) {
        NotificationRules rules = new NotificationRules(properties, store);
        events.subscribeInTransaction(rules::changed);
        return rules;
    }

    @Bean(destroyMethod = "close")
    public OutboxDispatcher outboxDispatcher(SpatialStore store, NotificationProperties properties, Clock clock) {
        return new OutboxDispatcher(new Outbox(store), properties, clock);
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> outboxStart(OutboxDispatcher dispatcher) {
        return event -> dispatcher.start();
    }
}
