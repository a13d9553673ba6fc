package org.terrawatch.wms;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The document of an SLD= request parameter: fetched over HTTP(S) only, within 5 seconds and 1 MB. */
final class SldFetcher {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private SldFetcher() {
    }

    static String fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new WmsException("InvalidParameterValue", "SLD", "SLD is the URL of a style document, not " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new WmsException("InvalidParameterValue", "SLD", "SLD is fetched over http or https only");
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new WmsException("InvalidParameterValue", "SLD", "The SLD at " + url + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new WmsException("InvalidParameterValue", "SLD", "The SLD at " + url + " exceeds 1 MB");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new WmsException("InvalidParameterValue", "SLD", "Cannot fetch the SLD at " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WmsException("InvalidParameterValue", "SLD", "Interrupted fetching the SLD at " + url);
        }
    }
}
