package org.terrawatch.monitoring.organisation;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A machine's credential (the camera AI platform, another agency's system): sent as {@code Authorization: Bearer
 * tw_<id>_<secret>}. Only a SHA-256 digest of the secret is kept. A key acts with its own roles, department and
 * jurisdictions, only on the paths it names, reads at most the layers it names, and writes only when it says so.
 *
 * @param paths  path prefixes the key may call, e.g. {@code /api/alerts}, {@code /wfs}
 * @param layers the layers it may read at all, or null for what its roles read
 */
public record ApiKey(String id, String name, String secretDigest, Set<Role> roles, String departmentCode, Set<String> jurisdictions,
                     Set<String> paths, Set<String> layers, boolean mayWrite, String createdBy, Instant createdAt, Instant revokedAt,
                     Instant lastUsedAt, String lastUsedFrom) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretDigest, "secretDigest");
        if (!id.matches("[a-z0-9]{4,24}")) {
            throw new IllegalArgumentException("An API key id is 4 to 24 lower-case letters and digits, not " + id);
        }
        if (!secretDigest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("API key " + id + ": the secret is given as its SHA-256 digest (64 hex digits), never in clear");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        jurisdictions = jurisdictions == null ? Set.of() : Set.copyOf(jurisdictions);
        paths = paths == null ? Set.of() : Set.copyOf(paths);
        if (paths.isEmpty() || paths.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("API key " + id + " names the paths it may call, each starting with /");
        }
        layers = layers == null ? null : Set.copyOf(layers);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the key may call the path: one of its prefixes, whole segments only. */
    public boolean allows(String path) {
        return paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"));
    }
}
