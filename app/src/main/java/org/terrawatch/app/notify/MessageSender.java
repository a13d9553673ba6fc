package org.terrawatch.app.notify;

import org.terrawatch.monitoring.notify.OutboxMessage;

/** Delivers a message over one kind of channel; throws when it was not accepted, so it is tried again later. */
interface MessageSender {

    void send(OutboxMessage message, NotificationProperties.Channel channel) throws Exception;
}
