package org.terrawatch.processing;

import java.util.Objects;

/**
 * An input given by reference: a URL of this server (a WFS or OGC API request for one of its layers) or
 * {@code urn:terrawatch:imagery:NAME} for a registered imagery epoch. Resolved when the process runs, so a job
 * resumed after a restart reads the data as it then is.
 */
public record Reference(String href, String mediaType) {

    public static final String IMAGERY_PREFIX = "urn:terrawatch:imagery:";

    public Reference {
        Objects.requireNonNull(href, "href");
    }

    /** The imagery epoch's name, if this refers to one. */
    public String imageryEpoch() {
        return href.startsWith(IMAGERY_PREFIX) ? href.substring(IMAGERY_PREFIX.length()) : null;
    }
}
