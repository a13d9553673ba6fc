package org.terrawatch.app.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.terrawatch.app.security.ApiKeys;
import org.terrawatch.app.security.Caller;
import org.terrawatch.app.security.UserDirectory;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.processing.StoredRows;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.access.ReadOperation;
import org.terrawatch.query.access.ReadRule;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.SqlFilterCompiler;
import org.terrawatch.query.filter.SqlWhere;

/**
 * What a process run may read of the store: the read rules of the layers published over the relation (any of them
 * granting a row grants it), for the run's owner as they are now — a job that runs after its owner was disabled, or
 * its key revoked, reads nothing. A relation no layer publishes is read by the server itself only.
 */
@Component
public class ProcessReadScopes implements StoredRows {

    private final FeatureTypeCatalog catalog;
    private final FeatureSource source;
    private final UserDirectory users;
    private final ApiKeys keys;

    public ProcessReadScopes(FeatureTypeCatalog catalog, FeatureSource source, UserDirectory users, ApiKeys keys) {
        this.catalog = catalog;
        this.source = source;
        this.users = users;
        this.keys = keys;
    }

    @Override
    public Scope readable(String relation, Actor actor) {
        Optional<Reader> reader = reader(actor);
        if (reader.isEmpty()) {
            return Scope.NONE;
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (FeatureType type : catalog.over(relation)) {
            Optional<Filter> granted = source.rules().restriction(type, ReadOperation.FEATURES, reader.get());
            if (granted.isEmpty()) {
                continue;
            }
            if (granted.get() instanceof Filter.Include) {
                return Scope.ALL;
            }
            SqlWhere where = SqlFilterCompiler.compile(granted.get(), type, "read rules");
            conditions.add("(" + where.sql() + ")");
            parameters.addAll(where.parameters());
        }
        if (reader.get().roles().contains(ReadRule.SYSTEM)) {
            return Scope.ALL;
        }
        return conditions.isEmpty() ? Scope.NONE : new Scope(String.join(" OR ", conditions), parameters);
    }

    private Optional<Reader> reader(Actor actor) {
        if (actor == null || actor.anonymous()) {
            return Optional.of(Reader.ANONYMOUS);
        }
        if (actor.equals(Actor.SYSTEM)) {
            return Optional.of(Reader.SYSTEM);
        }
        return users.enabled(actor.username()).or(() -> keys.active(actor.username())).map(Caller::reader);
    }
}
