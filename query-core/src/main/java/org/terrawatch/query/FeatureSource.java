package org.terrawatch.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.access.ReadDenied;
import org.terrawatch.query.access.ReadLedger;
import org.terrawatch.query.access.ReadOperation;
import org.terrawatch.query.access.ReadRules;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.query.filter.SqlFilterCompiler;
import org.terrawatch.query.filter.SqlWhere;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/**
 * Reads features of the published types from the store: counts, bounds, and a streamed read that hands
 * each feature to a consumer as its row arrives — the whole result is never in memory. The read runs in a
 * read-only transaction with a bounded fetch size, so PostgreSQL streams through a cursor. Every read is made for a
 * {@link Reader} and selects only what the {@link ReadRules} grant it: the one place where reading is decided, for WFS,
 * WMS, OGC API, processes and exports alike.
 */
public final class FeatureSource {

    private static final int FETCH_SIZE = 1000;
    /** How long a layer's bounds are reused: capabilities and collection documents ask for them on every request. */
    private static final Duration BOUNDS_LIFETIME = Duration.ofSeconds(60);

    private final SpatialStore store;
    private final ReadRules rules;
    private final ReadLedger ledger;
    private final JdbcTemplate jdbc;
    private final Map<String, TimedBounds> bounds = new ConcurrentHashMap<>();

    private record TimedBounds(Envelope envelope, Instant computed, Object[] range) {
    }

    /** A source whose every layer everybody reads ({@link ReadRules#OPEN}). */
    public FeatureSource(SpatialStore store) {
        this(store, ReadRules.OPEN);
    }

    public FeatureSource(SpatialStore store, ReadRules rules) {
        this(store, rules, ReadLedger.NONE);
    }

    /** @param ledger told of every read that returned features */
    public FeatureSource(SpatialStore store, ReadRules rules, ReadLedger ledger) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.jdbc = new JdbcTemplate(store.dataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** The read rules every read obeys. */
    public ReadRules rules() {
        return rules;
    }

    /** Whether the reader may read the type at all: capabilities and collection lists name only these. */
    public boolean visible(FeatureType type, Reader reader) {
        return rules.visible(type, reader);
    }

    /**
     * Whether the reader may have the layer, all of it or part, for the operation; also for layers that are not feature
     * types (the imagery).
     */
    public boolean permits(String layer, ReadOperation operation, Reader reader) {
        return rules.permits(layer, operation, reader);
    }

    /** How many of the features the query's filter selects the reader may read, ignoring the page. */
    public long count(FeatureQuery query, Reader reader) {
        SqlWhere where = SqlFilterCompiler.compile(granted(query, reader, ReadOperation.FEATURES), query.type(), "FILTER");
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + query.type().definition().relation() + " WHERE " + where.sql(),
                Long.class, where.parameters().toArray());
        return count == null ? 0 : count;
    }

    /** Streams the query's features the reader may read, in order, to the consumer; returns how many were handed over. */
    public long stream(FeatureQuery query, Reader reader, Consumer<Feature> consumer) {
        long handed = stream(query, granted(query, reader, ReadOperation.FEATURES), consumer, true);
        ledger.featuresRead(reader, query.type(), handed);
        return handed;
    }

    /**
     * Streams the features the reader may see drawn in a map, unordered (which spares the store a sort): nothing of
     * them leaves the server but pixels.
     */
    public long streamForMap(FeatureQuery query, Reader reader, Consumer<Feature> consumer) {
        return stream(query, granted(query, reader, ReadOperation.MAP), consumer, false);
    }

    /** The query's filter and what the rules grant the reader, or {@link ReadDenied}. */
    private Filter granted(FeatureQuery query, Reader reader, ReadOperation operation) {
        Filter restriction = rules.restriction(query.type(), operation, reader)
                .orElseThrow(() -> new ReadDenied(query.type().qualifiedName(), reader));
        return Filter.and(query.filter(), restriction);
    }

    private long stream(FeatureQuery query, Filter filter, Consumer<Feature> consumer, boolean ordered) {
        FeatureType type = query.type();
        List<Property> selected = selected(query);
        SqlWhere where = SqlFilterCompiler.compile(filter, type, "FILTER");
        List<Object> parameters = new ArrayList<>(where.parameters());
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < selected.size(); i++) {
            Property property = selected.get(i);
            sql.append(i == 0 ? "" : ", ").append(property.binding() == Binding.GEOMETRY
                    ? "ST_AsBinary(" + property.name() + ") AS " + property.name() : property.name());
        }
        sql.append(" FROM ").append(type.definition().relation()).append(" WHERE ").append(where.sql());
        if (ordered || query.startIndex() > 0 || query.count() != null) {
            sql.append(orderBy(query));
        }
        if (query.startIndex() > 0) {
            sql.append(" OFFSET ? ROWS");
            parameters.add(query.startIndex());
        }
        if (query.count() != null) {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            parameters.add(query.count());
        }
        Reprojection reprojection = Reprojection.between(Crs.STORAGE, query.outputCrs());
        long[] handed = {0};
        store.inTransaction(() -> jdbc.query(sql.toString(), row -> {
            consumer.accept(feature(row, type, selected, reprojection));
            handed[0]++;
        }, parameters.toArray()));
        return handed[0];
    }

    /**
     * The identity values of the features a filter selects, in identity order, read in the caller's
     * transaction (a WFS-T Update or Delete acts on these). Bounded by {@code limit}; more matches are refused.
     */
    public List<Object> ids(FeatureType type, org.terrawatch.query.filter.Filter filter, int limit) {
        SqlWhere where = SqlFilterCompiler.compile(filter, type, "Filter");
        String id = type.definition().idColumn();
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit + 1);
        List<Object> ids = jdbc.queryForList("SELECT " + id + " FROM " + type.definition().relation() + " WHERE " + where.sql()
                + " ORDER BY " + id + " FETCH FIRST ? ROWS ONLY", Object.class, parameters.toArray());
        if (ids.size() > limit) {
            throw new IllegalArgumentException("The filter selects more than " + limit + " features; narrow it");
        }
        return ids;
    }

    /**
     * The least and greatest value of a property (a layer's dates, for a WMS time dimension), or null when the
     * layer is empty; reused for a minute like the bounds.
     */
    public Object[] range(FeatureType type, String property) {
        String name = type.requireProperty(property, "property").name();
        String key = type.name() + "#" + name;
        TimedBounds known = bounds.get(key);
        if (known != null && known.computed().plus(BOUNDS_LIFETIME).isAfter(Instant.now())) {
            return known.range();
        }
        Object[] range = jdbc.query("SELECT MIN(" + name + ") AS low, MAX(" + name + ") AS high FROM " + type.definition().relation(), row -> {
            row.next();
            Object low = row.getObject("low");
            return low == null ? null : new Object[] {low, row.getObject("high")};
        });
        bounds.put(key, new TimedBounds(null, Instant.now(), range));
        return range;
    }

    /** Forgets the layer's cached bounds, after an edit (the next request scans afresh). */
    public void forgetBounds(String layer) {
        bounds.keySet().removeIf(key -> key.equals(layer) || key.startsWith(layer + "#"));
    }

    /**
     * The bounding box of every feature of the type in the storage CRS, or null when there is none. A full
     * scan, so the answer is reused for a minute: advertised extents may lag the latest edits by that much.
     */
    public Envelope bounds(FeatureType type) {
        TimedBounds known = bounds.get(type.name());
        if (known != null && known.computed().plus(BOUNDS_LIFETIME).isAfter(Instant.now())) {
            return known.envelope();
        }
        Envelope envelope = scanBounds(type);
        bounds.put(type.name(), new TimedBounds(envelope, Instant.now(), null));
        return envelope;
    }

    private Envelope scanBounds(FeatureType type) {
        String geometry = type.geometry().map(Property::name).orElse(null);
        if (geometry == null) {
            return null;
        }
        return jdbc.query("SELECT MIN(ST_XMin(" + geometry + ")) AS w, MIN(ST_YMin(" + geometry + ")) AS s, MAX(ST_XMax("
                + geometry + ")) AS e, MAX(ST_YMax(" + geometry + ")) AS n FROM " + type.definition().relation(), row -> {
            row.next();
            double west = row.getDouble("w");
            return row.wasNull() ? null : new Envelope(west, row.getDouble("e"), row.getDouble("s"), row.getDouble("n"));
        });
    }

    /** The id column, the requested properties and the geometry, in the type's order. */
    private static List<Property> selected(FeatureQuery query) {
        FeatureType type = query.type();
        if (query.properties() == null) {
            return type.properties();
        }
        String id = type.definition().idColumn();
        return type.properties().stream().filter(p -> p.name().equals(id) || p.binding() == Binding.GEOMETRY
                || query.properties().stream().anyMatch(n -> n.equalsIgnoreCase(p.name()))).toList();
    }

    private static String orderBy(FeatureQuery query) {
        FeatureType type = query.type();
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (SortKey key : query.sort()) {
            order.append(type.requireProperty(key.property(), "SORTBY").name()).append(key.ascending() ? " ASC, " : " DESC, ");
        }
        // A total order makes paging stable: the default sort, then the identity.
        String defaultSort = type.definition().defaultSort();
        String id = type.definition().idColumn();
        order.append(defaultSort);
        if (!defaultSort.equals(id)) {
            order.append(", ").append(id);
        }
        return order.toString();
    }

    private static Feature feature(ResultSet row, FeatureType type, List<Property> selected, Reprojection reprojection)
            throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        Geometry geometry = null;
        for (Property property : selected) {
            if (property.binding() == Binding.GEOMETRY) {
                geometry = reprojection.apply(Wkb.read(row.getBytes(property.name())));
            } else {
                values.put(property.name(), value(row, property));
            }
        }
        return new Feature(type.featureId(row.getObject(type.definition().idColumn())), geometry, values);
    }

    private static Object value(ResultSet row, Property property) throws SQLException {
        Object value = switch (property.binding()) {
            case DATE -> row.getObject(property.name(), LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime time = row.getObject(property.name(), OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
            case INTEGER -> row.getInt(property.name());
            case LONG -> row.getLong(property.name());
            case DOUBLE -> row.getDouble(property.name());
            case BOOLEAN -> row.getBoolean(property.name());
            default -> row.getString(property.name());
        };
        return row.wasNull() ? null : value;
    }
}
