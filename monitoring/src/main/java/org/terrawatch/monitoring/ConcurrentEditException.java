package org.terrawatch.monitoring;

/**
 * Someone else changed the entity after the caller read it: the caller's version is stale. The edit is
 * refused rather than silently overwriting the other change; the caller re-reads and decides again.
 */
public class ConcurrentEditException extends RuntimeException {

    private final String entity;
    private final long expectedVersion;

    public ConcurrentEditException(String entity, long expectedVersion) {
        super(entity + " was changed by someone else since version " + expectedVersion + "; reload it and try again");
        this.entity = entity;
        this.expectedVersion = expectedVersion;
    }

    public String entity() {
        return entity;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
