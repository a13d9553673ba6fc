package org.terrawatch.monitoring;

/** The named patch, alert, work order or other entity does not exist. */
public class EntityNotFoundException extends RuntimeException {

    public EntityNotFoundException(String entity) {
        super(entity + " does not exist");
    }
}
