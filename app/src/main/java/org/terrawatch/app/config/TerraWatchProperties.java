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
                                   @DefaultValue Security security, @DefaultValue Editing editing, @DefaultValue Processing processing,
                                   @DefaultValue Limits limits, @DefaultValue Outbound outbound,
                                   @DefaultValue Confidentiality confidentiality, @DefaultValue Web web) {

    /**
     * The web UI. Its maps need no internet; a bureau with a base-map service (e.g. a Tianditu key) names it here.
     *
     * @param baseMapUrl         an XYZ tile template in Web Mercator ({@code {x}}, {@code {y}}, {@code {z}}, and
     *                           {@code {0-7}} for sub-domains), e.g. Tianditu's {@code vec_w} WMTS as KVP; empty for none
     * @param baseMapAttribution who the base map is from, shown on the map
     */
    public record Web(@DefaultValue("") String baseMapUrl, @DefaultValue("") String baseMapAttribution) {

        /** The base map's origin (scheme, host, port) the browser may fetch images from, or empty. */
        public String baseMapOrigin() {
            if (baseMapUrl.isBlank()) {
                return "";
            }
            java.net.URI uri = java.net.URI.create(baseMapUrl.replaceAll("\\{[^}]*}", "0"));
            String host = baseMapUrl.contains("{0-7}") ? uri.getHost().replaceFirst("^[^.]*0", "*") : uri.getHost();
            return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }
    }

    /**
     * What is recorded of bulk reads and how maps are marked (city rules art. 9: results are confidential).
     *
     * @param recordFeaturesFrom  a read returning at least this many features is recorded (any download format always is)
     * @param recordMapPixelsFrom a map of at least this many pixels (width × height) is recorded
     * @param watermarkRoles      the roles whose maps carry a visible watermark of their user name and the time; none by default
     */
    public record Confidentiality(@DefaultValue("1000") long recordFeaturesFrom, @DefaultValue("4000000") long recordMapPixelsFrom,
                                  @DefaultValue java.util.List<org.terrawatch.monitoring.organisation.Role> watermarkRoles) {
    }

    /**
     * @param url      empty for the embedded H2GIS store in {@code <data-dir>/store}; otherwise a JDBC URL
     * @param lockWait the longest a write waits for a lock another edit holds (or a request for a connection); then
     *                 it is answered 503 with Retry-After
     */
    public record Store(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
                        @DefaultValue("10") int maximumPoolSize, @DefaultValue("10s") java.time.Duration lockWait) {
    }

    public record Demo(@DefaultValue("true") boolean loadOnFirstStart) {
    }

    /**
     * @param anonymousRead  false: every request but health, the landing page and signing in needs a signed-in caller;
     *                       true: what anonymous callers may read is what the read rules ({@code access.yml}) grant them
     * @param allowedOrigins the other sites (e.g. {@code https://map.example.gov.cn}) whose pages may call this server from
     *                       a browser (CORS) and write to it; none by default
     * @param conformanceTesting the OGC test suites' set-up ({@code conformance/cite}): anonymous callers write the layers
     *                       whose write-roles name ANONYMOUS and share one job list; only on loopback and the embedded store
     *                       ({@link org.terrawatch.app.conformance.ConformanceTesting})
     */
    public record Security(@DefaultValue("true") boolean anonymousRead, @DefaultValue java.util.List<String> allowedOrigins,
                           @DefaultValue Oidc oidc, @DefaultValue("false") boolean conformanceTesting) {
    }

    /**
     * Single sign-on through the bureau's identity provider (OpenID Connect), off by default: a bearer JWT it signed
     * is accepted next to the server's own credentials. The token says who the caller is; a user of that name in the
     * server's directory is that user (its roles, department and jurisdictions; a disabled one is refused), anybody else
     * gets the roles, department and jurisdictions the token's claims name.
     *
     * @param jwkSetUri          where the provider publishes its signing keys (e.g. {@code .../protocol/openid-connect/certs})
     * @param issuer             the {@code iss} every token must carry
     * @param audience           the {@code aud} every token must include, or empty for no check
     * @param usernameClaim      the claim naming the user
     * @param rolesClaim         the claim listing role names (ADMIN, ANALYST, ...); unknown names are ignored
     * @param departmentClaim    the claim naming the department code
     * @param jurisdictionsClaim the claim listing county or township codes
     */
    public record Oidc(@DefaultValue("false") boolean enabled, @DefaultValue("") String jwkSetUri, @DefaultValue("") String issuer,
                       @DefaultValue("") String audience, @DefaultValue("preferred_username") String usernameClaim,
                       @DefaultValue("roles") String rolesClaim, @DefaultValue("department") String departmentClaim,
                       @DefaultValue("jurisdictions") String jurisdictionsClaim) {
    }

    /** @param maxLockExpiry the longest a WFS lock may be held; longer requests are capped to it */
    public record Editing(@DefaultValue("PT30M") java.time.Duration maxLockExpiry) {
    }

    /**
     * @param workers             jobs run at once (each detection itself uses every core)
     * @param minimumMappingUnits smallest patch kept per category, in m² (categories left out keep the defaults:
     *                            200 m² construction land and fire, 400 m² farmland, restoration and mines)
     * @param simplifyM           outline simplification tolerance on the ground, in metres (0 keeps the pixel
     *                            staircase; unset, half a pixel of the imagery's own resolution)
     */
    public record Processing(@DefaultValue("2") int workers, java.util.Map<org.terrawatch.monitoring.patch.PatchCategory, Double> minimumMappingUnits,
                             Double simplifyM) {
    }

    /**
     * How much a request may bring. Zero (the default) sizes a limit from the heap, so a small server is not run out of
     * memory by a few large requests: a body {@code heap / 32} (1 to 32 MB), a process execution {@code heap / 16} (4 to
     * 64 MB; larger inputs go by reference), and all bodies being read at once {@code heap / 4}; beyond that a request
     * waits briefly and is then answered 503 with Retry-After.
     */
    public record Limits(@DefaultValue("0B") org.springframework.util.unit.DataSize requestBody,
                         @DefaultValue("0B") org.springframework.util.unit.DataSize processRequestBody,
                         @DefaultValue("0B") org.springframework.util.unit.DataSize bodiesInFlight) {

        public long requestBodyBytes() {
            return chosen(requestBody, Runtime.getRuntime().maxMemory() / 32, 1, 32);
        }

        public long processRequestBodyBytes() {
            return chosen(processRequestBody, Runtime.getRuntime().maxMemory() / 16, 4, 64);
        }

        public long bodiesInFlightBytes() {
            return Math.max(bodiesInFlight.toBytes() > 0 ? bodiesInFlight.toBytes() : Runtime.getRuntime().maxMemory() / 4,
                    processRequestBodyBytes());
        }

        private static long chosen(org.springframework.util.unit.DataSize configured, long fromHeap, long minimumMb, long maximumMb) {
            return configured.toBytes() > 0 ? configured.toBytes() : Math.max(minimumMb << 20, Math.min(maximumMb << 20, fromHeap));
        }
    }

    /**
     * Where the server itself may fetch from (a WMS {@code SLD=} URL): host names or addresses, {@code *.example.org}
     * for a domain, or CIDR ranges such as {@code 10.20.0.0/16}. Nothing by default; loopback, link-local and private
     * addresses only when listed explicitly.
     */
    public record Outbound(@DefaultValue java.util.List<String> allowedHosts) {
    }

    /** The data directory as an absolute path. */
    public Path dataDirectory() {
        return dataDir.toAbsolutePath().normalize();
    }

    public StoreSettings storeSettings() {
        if (store.url().isBlank()) {
            StoreSettings embedded = StoreSettings.embedded(dataDirectory().resolve("store"), "terrawatch");
            return new StoreSettings(embedded.jdbcUrl(), embedded.username(), embedded.password(), store.maximumPoolSize(), store.lockWait());
        }
        return new StoreSettings(store.url(), store.username(), store.password(), store.maximumPoolSize(), store.lockWait());
    }
}
