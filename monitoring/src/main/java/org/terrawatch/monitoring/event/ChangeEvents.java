package org.terrawatch.monitoring.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link ChangeEvent}s once their transaction has committed, and never for a transaction that rolls
 * back; in-transaction listeners hear of them just before the commit, inside it. Outside a transaction an event is published at once. A listener that fails is logged; it does not
 * undo the committed change or keep the others from hearing of it.
 */
public final class ChangeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);

    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChangeEvent>> inTransaction = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
    }

    /**
     * A listener that writes in the change's own transaction, just before it commits (the notification outbox): what
     * it writes commits or rolls back with the change. A failure of such a listener rolls the change back.
     */
    public void subscribeInTransaction(Consumer<ChangeEvent> listener) {
        inTransaction.add(listener);
    }

    public void publishAfterCommit(ChangeEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    inTransaction.forEach(listener -> listener.accept(event));
                }

                @Override
                public void afterCommit() {
                    deliver(event);
                }
            });
        } else {
            inTransaction.forEach(listener -> listener.accept(event));
            deliver(event);
        }
    }

    private void deliver(ChangeEvent event) {
        for (Consumer<ChangeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {} {} {}", event.entityKind(), event.entityId(), event.action(), e);
            }
        }
    }
}
