package org.terrawatch.processing;

/** A process of the catalogue. Implementations are stateless and safe to run in several jobs at once. */
public interface Process {

    ProcessDescription description();

    /**
     * Runs the process.
     *
     * @param inputs validated against the description
     * @throws ProcessFailure when the inputs make no sense together or the run fails
     */
    ProcessOutputs execute(ProcessInputs inputs, ProcessContext context);

    /** Whether a run with these inputs changes stored data, so that it needs a signed-in user with the right roles. */
    default boolean changesData(ProcessInputs inputs) {
        return false;
    }

    default String id() {
        return description().id();
    }
}
