package org.terrawatch.processing;

import org.terrawatch.monitoring.workflow.Actor;

/** What a running process may ask of whoever runs it. */
public interface ProcessContext {

    /** Who asked for the run (patches it creates are theirs). */
    Actor actor();

    /** @param percent 0 to 100 */
    void progress(int percent, String message);

    /** Whether the run was dismissed; a process polls this and stops. */
    boolean cancelled();

    /** The document a reference points to. */
    ComplexValue resolve(Reference reference);

    /** The rows of a stored relation the actor may read (see {@link StoredRows}). */
    StoredRows.Scope readable(String relation);
}
