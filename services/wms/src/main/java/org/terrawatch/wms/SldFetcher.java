package org.terrawatch.wms;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.terrawatch.ows.OutboundPolicy;
import org.terrawatch.ows.OwsException;

/**
 * The document of an SLD= request parameter: fetched over HTTP(S) from a host the {@link OutboundPolicy} allows, every
 * redirect checked the same way (at most three), within 5 seconds and 1 MB. Failures say that the style could not be
 * fetched, never what the address answered.
 */
final class SldFetcher {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final OutboundPolicy policy;

    SldFetcher(OutboundPolicy policy) {
        this.policy = policy;
    }

    String fetch(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new WmsException("InvalidParameterValue", "SLD", "SLD is the URL of a style document");
        }
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                policy.check(uri, "SLD");
                HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                        uri = uri.resolve(response.headers().firstValue("Location").get());
                        continue;
                    }
                    if (status != 200) {
                        throw unavailable();
                    }
                    byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        throw new WmsException("InvalidParameterValue", "SLD", "The SLD document exceeds 1 MB");
                    }
                    return new String(bytes, StandardCharsets.UTF_8);
                }
            }
            throw unavailable();
        } catch (OwsException e) {
            throw new WmsException(e.code().wireName(), "SLD", e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static WmsException unavailable() {
        return new WmsException("InvalidParameterValue", "SLD", "The SLD document could not be fetched");
    }
}
