package org.terrawatch.app.processing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.app.security.LoopbackCredentials;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.imagery.ImageryEpochRepository;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.ProcessFailure;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.ReferenceReader;
import org.terrawatch.store.SpatialStore;

/**
 * Resolves process inputs given by reference, to this server's own data only: {@code urn:terrawatch:imagery:NAME}
 * reads a registered imagery epoch's file; a URL whose path is one of this server's services ({@code /wfs},
 * {@code /ows}, {@code /wms}, {@code /ogc/...}) is requested from this server itself, whatever host the client
 * wrote, as the user who runs the process ({@link LoopbackCredentials}; without credentials for an anonymous run), so it reads
 * what that user may read, also where reading needs a sign-in. Anything else is refused: the server fetches nothing
 * from elsewhere.
 */
@Component
public class ReferenceResolver implements ReferenceReader {

    static final long MAXIMUM_BYTES = 64L * 1024 * 1024;

    private final SpatialStore store;
    private final TerraWatchProperties properties;
    private final Environment environment;
    private final LoopbackCredentials loopback;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReferenceResolver(SpatialStore store, TerraWatchProperties properties, Environment environment, LoopbackCredentials loopback) {
        this.store = store;
        this.properties = properties;
        this.environment = environment;
        this.loopback = loopback;
    }

    @Override
    public ComplexValue read(Reference reference, Actor requester) {
        String epochName = reference.imageryEpoch();
        if (epochName != null) {
            return epoch(reference, epochName);
        }
        URI uri;
        try {
            uri = URI.create(reference.href());
        } catch (IllegalArgumentException e) {
            throw ProcessFailure.invalid(null, "Not a URL: " + reference.href());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.equals("/wfs") || path.equals("/ows") || path.equals("/wms") || path.startsWith("/ogc/"))) {
            throw ProcessFailure.invalid(null, "References must point to this server's services (/wfs, /ows, /wms, /ogc/...) "
                    + "or to urn:terrawatch:imagery:NAME, not " + reference.href());
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        URI local = URI.create("http://127.0.0.1:" + port + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(local).timeout(Duration.ofMinutes(2)).GET();
            if (requester != null && !requester.anonymous()) {
                request.header("Authorization", loopback.authorization(requester.username()));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw ProcessFailure.invalid(null, "The reference " + reference.href() + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAXIMUM_BYTES) {
                throw ProcessFailure.invalid(null, "The reference " + reference.href() + " is larger than 64 MB");
            }
            String mediaType = reference.mediaType() != null ? reference.mediaType()
                    : response.headers().firstValue("Content-Type").orElse("application/octet-stream").split(";")[0].trim();
            boolean text = mediaType.contains("json") || mediaType.contains("xml") || mediaType.startsWith("text/");
            return text ? ComplexValue.text(mediaType, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                    : ComplexValue.binary(mediaType, response.body());
        } catch (IOException e) {
            throw ProcessFailure.invalid(null, "Cannot read " + reference.href() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessFailure(ProcessFailure.FAILED, null, "Interrupted while reading " + reference.href());
        }
    }

    private ComplexValue epoch(Reference reference, String name) {
        ImageryEpoch epoch = new ImageryEpochRepository(store).findByName(name)
                .orElseThrow(() -> ProcessFailure.invalid(null, "No imagery epoch named " + name));
        Path file = epoch.file(properties.dataDirectory());
        try {
            if (Files.size(file) > MAXIMUM_BYTES) {
                throw ProcessFailure.invalid(null, "The imagery " + name + " is larger than 64 MB; pass its name to the process instead");
            }
            return ComplexValue.binary("image/tiff", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProcessFailure(ProcessFailure.FAILED, null, "Cannot read the imagery " + name + ": " + e.getMessage());
        }
    }
}
