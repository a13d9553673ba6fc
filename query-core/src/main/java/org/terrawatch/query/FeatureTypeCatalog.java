package org.terrawatch.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.QualifiedName;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreException;

/**
 * The published feature types, built once at start-up from the layer definitions and the relations'
 * column metadata, all in one namespace. Names resolve by namespace (any prefix the request binds to ours), bare, or
 * with the unbound prefix we advertise ({@code terrawatch:} by default).
 */
public final class FeatureTypeCatalog {

    private final Map<String, FeatureType> types;
    private final Namespace namespace;

    private FeatureTypeCatalog(Map<String, FeatureType> types, Namespace namespace) {
        this.types = types;
        this.namespace = namespace;
    }

    public static FeatureTypeCatalog introspect(SpatialStore store, List<LayerDefinition> layers) {
        return introspect(store, layers, Namespace.TERRAWATCH);
    }

    public static FeatureTypeCatalog introspect(SpatialStore store, List<LayerDefinition> layers, Namespace namespace) {
        Map<String, FeatureType> types = new LinkedHashMap<>();
        try (Connection connection = store.dataSource().getConnection()) {
            for (LayerDefinition layer : layers) {
                if (types.containsKey(layer.name())) {
                    throw new IllegalArgumentException("Layer " + layer.name() + " is declared twice");
                }
                types.put(layer.name(), new FeatureType(layer, columns(connection, layer), namespace));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the columns of the published layers: " + e.getMessage(), e);
        }
        return new FeatureTypeCatalog(types, namespace);
    }

    private static List<Property> columns(Connection connection, LayerDefinition layer) throws SQLException {
        List<Property> properties = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + layer.relation() + " WHERE 1 = 0")) {
            ResultSetMetaData metadata = empty.getMetaData();
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                String column = metadata.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (layer.excluded().contains(column)) {
                    continue;
                }
                Binding binding = Binding.ofColumn(metadata.getColumnType(i), metadata.getColumnTypeName(i));
                boolean isGeometry = column.equals(layer.geometryColumn());
                if (binding == Binding.GEOMETRY && !isGeometry) {
                    continue; // one geometry per feature type: other geometry columns stay internal
                }
                properties.add(new Property(column, binding));
            }
        }
        if (properties.stream().noneMatch(p -> p.name().equals(layer.idColumn()))) {
            throw new IllegalArgumentException("Layer " + layer.name() + ": relation " + layer.relation() + " has no column " + layer.idColumn());
        }
        return properties;
    }

    /** The namespace of every type. */
    public Namespace namespace() {
        return namespace;
    }

    public Collection<FeatureType> all() {
        return types.values();
    }

    /** The layers published over a table or view, e.g. {@code change_patch}: usually one, possibly none or several. */
    public List<FeatureType> over(String relation) {
        return types.values().stream().filter(t -> t.definition().relation().equals(relation)).toList();
    }

    /** The type a feature id names: ids are {@code <type>.<key>}, e.g. {@code patches.42}; empty when none does. */
    public java.util.Optional<FeatureType> ofFeatureId(String featureId) {
        int dot = featureId.indexOf('.');
        return dot < 0 ? java.util.Optional.empty() : java.util.Optional.ofNullable(types.get(featureId.substring(0, dot)));
    }

    /** The type of that name: bare, or with the advertised prefix no request has bound otherwise. */
    public FeatureType require(String name, String locator) {
        return require(name, Map.of(), locator);
    }

    /** The type a request names, its prefix resolved through the bindings the request made (XML xmlns, KVP NAMESPACES). */
    public FeatureType require(String name, Map<String, String> prefixes, String locator) {
        return require(QualifiedName.resolve(name, prefixes), locator);
    }

    /**
     * The type of that qualified name, or an OWS error on the given parameter. A bound prefix must stand for our
     * namespace, whatever it is; an unbound one is accepted only as the prefix we advertise.
     */
    public FeatureType require(QualifiedName name, String locator) {
        if (name.namespace() != null && !name.namespace().equals(namespace.uri())) {
            throw OwsException.invalid(locator, "Unknown feature type " + name + ": the feature types are in namespace " + namespace.uri()
                    + ", not " + name.namespace());
        }
        if (name.namespace() == null && !name.prefix().isEmpty() && !name.prefix().equals(namespace.prefix())) {
            throw OwsException.invalid(locator, "Unknown feature type " + name + ": the prefix " + name.prefix()
                    + " is not bound to a namespace (bind it to " + namespace.uri() + ", or use " + namespace.prefix() + ":)");
        }
        FeatureType type = types.get(name.local());
        if (type == null) {
            throw OwsException.invalid(locator, "Unknown feature type " + name);
        }
        return type;
    }
}
