package org.terrawatch.processing;

import org.terrawatch.monitoring.workflow.Actor;

/**
 * Reads a process input given by reference, with the rights of the user who runs the process ({@link Actor#ANONYMOUS}
 * or null: nobody signed in), so a reference reads no more than that user could read himself.
 */
@FunctionalInterface
public interface ReferenceReader {

    ComplexValue read(Reference reference, Actor requester);
}
