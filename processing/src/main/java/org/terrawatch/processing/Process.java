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

    default String id() {
        return description().id();
    }
}
