package org.terrawatch.app.config;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.terrawatch.monitoring.organisation.ApiKey;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.query.access.ReadRule;
import org.terrawatch.query.access.ReadRules;

/**
 * Who reads what ({@code access.yml} of the data directory): the read rules, and API keys declared for machines the
 * deployment knows from the start (the camera platform). Without rules nobody reads anything.
 */
@ConfigurationProperties("terrawatch.access")
public record AccessProperties(@DefaultValue List<ReadRule> rules, @DefaultValue List<DeclaredKey> apiKeys) {

    /** An API key declared in the data directory: added to the store at start-up if it is not there (then managed by the admin API). */
    public record DeclaredKey(String id, String name, String secretDigest, Set<Role> roles, String departmentCode, Set<String> jurisdictions,
                              Set<String> paths, Set<String> layers, boolean mayWrite) {

        public ApiKey key(Instant now) {
            return new ApiKey(id, name, secretDigest, roles, departmentCode, jurisdictions, paths, layers, mayWrite, "data-dir", now, null, null,
                    null);
        }
    }

    public ReadRules readRules() {
        return new ReadRules(rules);
    }
}
