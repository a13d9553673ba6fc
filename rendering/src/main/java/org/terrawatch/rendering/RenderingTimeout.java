package org.terrawatch.rendering;

/** A map took longer than the service allows; what was drawn is discarded. */
public class RenderingTimeout extends RuntimeException {

    public RenderingTimeout() {
        super("The map took too long to draw");
    }
}
