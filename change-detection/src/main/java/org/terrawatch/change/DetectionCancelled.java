package org.terrawatch.change;

/** A detection stopped on request before it finished; what it had sent on stays sent. */
public class DetectionCancelled extends RuntimeException {

    public DetectionCancelled() {
        super("The change detection was cancelled");
    }
}
