package org.terrawatch.ows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A document the server fetches because a request names its address (a WMS {@code SLD=} style, an alert's snapshot
 * URL): over HTTP(S), only from a host the {@link OutboundPolicy} allows, every redirect checked the same way (at most
 * three), within a time and a size. A failure says that the document could not be fetched, never what the address
 * answered; every refusal is an {@link OwsException} naming the parameter.
 */
public final class OutboundFetch {

    private static final int MAX_REDIRECTS = 3;

    private final OutboundPolicy policy;
    private final Duration timeout;
    private final HttpClient http;

    public OutboundFetch(OutboundPolicy policy, Duration timeout) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The document's bytes.
     *
     * @param locator  the parameter that named the address, for the refusal
     * @param maxBytes the largest document accepted
     */
    public byte[] fetch(String url, String locator, int maxBytes) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw OwsException.invalid(locator, locator + " is a URL");
        }
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                policy.check(uri, locator);
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                        uri = uri.resolve(response.headers().firstValue("Location").get());
                        continue;
                    }
                    if (status != 200) {
                        throw unavailable(locator);
                    }
                    byte[] bytes = body.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        throw OwsException.invalid(locator, "The document at " + locator + " exceeds " + maxBytes + " bytes");
                    }
                    return bytes;
                }
            }
            throw unavailable(locator);
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable(locator);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(locator);
        }
    }

    private static OwsException unavailable(String locator) {
        return OwsException.invalid(locator, "The document at " + locator + " could not be fetched");
    }
}
