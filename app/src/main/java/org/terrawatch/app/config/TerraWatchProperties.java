package org.terrawatch.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.store.StoreSettings;

/**
 * The deployment's settings ({@code <data-dir>/terrawatch.yml}, the command line or the environment).
 *
 * @param dataDir the data directory: configuration, the embedded store, imagery, attachments
 */
@ConfigurationProperties("terrawatch")
public record TerraWatchProperties(@DefaultValue("data-dir") Path dataDir, @DefaultValue Store store, @DefaultValue Demo demo,
                                   @DefaultValue Security security, @DefaultValue Editing editing, @DefaultValue Processing processing) {

    /**
     * @param url empty for the embedded H2GIS store in {@code <data-dir>/store}; otherwise a JDBC URL
     */
    public record Store(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
                        @DefaultValue("10") int maximumPoolSize) {
    }

    public record Demo(@DefaultValue("true") boolean loadOnFirstStart) {
    }

    /**
     * @param anonymousRead  false: every request but health, the landing page and signing in needs a signed-in caller;
     *                       true: what anonymous callers may read is what the read rules ({@code access.yml}) grant them
     * @param allowedOrigins the other sites (e.g. {@code https://map.example.gov.cn}) whose pages may call this server from
     *                       a browser (CORS) and write to it; none by default
     */
    public record Security(@DefaultValue("true") boolean anonymousRead, @DefaultValue java.util.List<String> allowedOrigins) {
    }

    /** @param maxLockExpiry the longest a WFS lock may be held; longer requests are capped to it */
    public record Editing(@DefaultValue("PT30M") java.time.Duration maxLockExpiry) {
    }

    /**
     * @param workers             jobs run at once (each detection itself uses every core)
     * @param minimumMappingUnits smallest patch kept per category, in m² (categories left out keep the defaults:
     *                            200 m² construction land and fire, 400 m² farmland, restoration and mines)
     */
    public record Processing(@DefaultValue("2") int workers, java.util.Map<org.terrawatch.monitoring.patch.PatchCategory, Double> minimumMappingUnits) {
    }

    /** The data directory as an absolute path. */
    public Path dataDirectory() {
        return dataDir.toAbsolutePath().normalize();
    }

    public StoreSettings storeSettings() {
        if (store.url().isBlank()) {
            StoreSettings embedded = StoreSettings.embedded(dataDirectory().resolve("store"), "terrawatch");
            return new StoreSettings(embedded.jdbcUrl(), embedded.username(), embedded.password(), store.maximumPoolSize());
        }
        return new StoreSettings(store.url(), store.username(), store.password(), store.maximumPoolSize());
    }
}
