package org.terrawatch.wms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.terrawatch.ows.OutboundFetch;
import org.terrawatch.ows.OutboundPolicy;
import org.terrawatch.ows.OwsException;

/**
 * The document of an SLD= request parameter, fetched through {@link OutboundFetch} (the allow-list, redirects checked)
 * within 5 seconds and 1 MB, its refusals in the WMS's own form.
 */
final class SldFetcher {

    private static final int MAX_BYTES = 1024 * 1024;

    private final OutboundFetch fetch;

    SldFetcher(OutboundPolicy policy) {
        this.fetch = new OutboundFetch(policy, Duration.ofSeconds(5));
    }

    String fetch(String url) {
        try {
            return new String(fetch.fetch(url, "SLD", MAX_BYTES), StandardCharsets.UTF_8);
        } catch (OwsException e) {
            throw new WmsException(e.code().wireName(), "SLD", e.getMessage());
        }
    }
}
