package org.terrawatch.query.edit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.query.Binding;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.Property;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/**
 * A layer over a plain table, written as it is: no workflow, no audit of its own — the OGC test data of the conformance
 * set-up, or a base layer a deployment lets a role maintain. The identity column is the table's to number; a feature's
 * version (for ETags and versioned resource ids) is a checksum of its stored values, so a change by anybody else is
 * seen as a conflict.
 */
public final class TableEditor implements FeatureEditor {

    private final SpatialStore store;
    private final FeatureType type;

    public TableEditor(SpatialStore store, FeatureType type) {
        this.store = Objects.requireNonNull(store, "store");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The table numbers the new feature; an identity the client sends is not taken (it would clash with the table's own). */
    @Override
    public Object insert(EditContext who, Map<String, Object> values) {
        Map<String, Object> row = typed(values);
        row.remove(type.definition().idColumn());
        List<String> columns = new ArrayList<>(row.keySet());
        var insert = store.jdbc().sql("INSERT INTO " + relation() + (columns.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", columns.stream().map(this::placeholder).toList()) + ")"));
        for (String column : columns) {
            insert = insert.param(column, row.get(column));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, type.definition().idColumn());
        return keys.getKeys().values().iterator().next();
    }

    @Override
    public void update(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        Object key = existing(id, expectedVersion);
        Map<String, Object> row = typed(values);
        Object identity = row.remove(type.definition().idColumn());
        if (identity != null && !identity.equals(key)) {
            throw new EditRefused(EditRefused.Reason.INVALID, type.definition().idColumn(), "The identity of feature " + type.featureId(id)
                    + " is not changed; insert a new feature instead");
        }
        if (row.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(row.keySet());
        var update = store.jdbc().sql("UPDATE " + relation() + " SET " + String.join(", ", columns.stream().map(c -> c + " = " + placeholder(c)).toList())
                + " WHERE " + type.definition().idColumn() + " = :id").param("id", key);
        for (String column : columns) {
            update = update.param(column, row.get(column));
        }
        update.update();
    }

    @Override
    public void replace(EditContext who, Object id, Long expectedVersion, Map<String, Object> values) {
        Map<String, Object> complete = new LinkedHashMap<>();
        for (Property property : type.properties()) {
            if (!property.name().equals(type.definition().idColumn())) {
                complete.put(property.name(), values.get(property.name()));
            }
        }
        update(who, id, expectedVersion, complete);
    }

    @Override
    public void delete(EditContext who, Object id, Long expectedVersion) {
        Object key = existing(id, expectedVersion);
        store.jdbc().sql("DELETE FROM " + relation() + " WHERE " + type.definition().idColumn() + " = :id").param("id", key).update();
    }

    @Override
    public void claim(Object id) {
        Object key = key(id);
        if (key != null) {
            store.jdbc().sql("SELECT " + type.definition().idColumn() + " FROM " + relation() + " WHERE " + type.definition().idColumn()
                    + " = :id FOR UPDATE").param("id", key).query().listOfRows();
        }
    }

    @Override
    public Long version(Object id) {
        Object key = key(id);
        if (key == null) {
            return null;
        }
        List<String> columns = type.properties().stream().map(p -> p.binding() == Binding.GEOMETRY ? "ST_AsBinary(" + p.name() + ")" : p.name()).toList();
        List<Map<String, Object>> rows = store.jdbc().sql("SELECT " + String.join(", ", columns) + " FROM " + relation() + " WHERE "
                + type.definition().idColumn() + " = :id").param("id", key).query().listOfRows();
        if (rows.isEmpty()) {
            return null;
        }
        CRC32 checksum = new CRC32();
        for (Object value : rows.get(0).values()) {
            checksum.update((value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(value)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            checksum.update(0);
        }
        return checksum.getValue();
    }

    /** The key of a feature that exists and is at the version the client saw; else NOT_FOUND or CONFLICT. */
    private Object existing(Object id, Long expectedVersion) {
        Long version = version(id);
        if (version == null) {
            throw new EditRefused(EditRefused.Reason.NOT_FOUND, null, "No feature " + type.featureId(id));
        }
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new EditRefused(EditRefused.Reason.CONFLICT, null, "Feature " + type.featureId(id) + " changed since version " + expectedVersion
                    + "; it is at version " + version);
        }
        return key(id);
    }

    /** The identity value as the column holds it, or null when it cannot be one. */
    private Object key(Object id) {
        Binding binding = type.property(type.definition().idColumn()).map(Property::binding).orElse(Binding.STRING);
        try {
            return value(binding, id);
        } catch (EditRefused e) {
            return null;
        }
    }

    /** The values keyed by column, converted to the columns' types; an unknown property or a bad value is INVALID. */
    private Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Property property = type.property(name).orElseThrow(() -> new EditRefused(EditRefused.Reason.INVALID, name,
                    "Feature type " + type.qualifiedName() + " has no property " + name));
            row.put(property.name(), property.binding() == Binding.GEOMETRY ? geometry(property, value) : value(property.binding(), value));
        });
        return row;
    }

    private byte[] geometry(Property property, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Geometry geometry)) {
            throw new EditRefused(EditRefused.Reason.INVALID, property.name(), property.name() + " is a geometry");
        }
        String declared = type.definition().geometryType();
        if (declared != null && !declared.equals(geometry.getGeometryType())) {
            throw new EditRefused(EditRefused.Reason.INVALID, property.name(), "Feature type " + type.qualifiedName() + " holds "
                    + declared + " geometries, not " + geometry.getGeometryType());
        }
        return Wkb.write(geometry);
    }

    private static Object value(Binding binding, Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        try {
            return switch (binding) {
                case INTEGER -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case BOOLEAN -> switch (text) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(text);
                };
                case DATE -> LocalDate.parse(text);
                case TIMESTAMP -> OffsetDateTime.parse(text);
                default -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EditRefused(EditRefused.Reason.INVALID, null, "Not a " + binding.xsdType() + ": " + text);
        }
    }

    private String placeholder(String column) {
        return type.property(column).map(Property::binding).orElse(Binding.STRING) == Binding.GEOMETRY
                ? "ST_GeomFromWKB(:" + column + ", " + Wkb.STORAGE_SRID + ")" : ":" + column;
    }

    private String relation() {
        return type.definition().relation();
    }
}
