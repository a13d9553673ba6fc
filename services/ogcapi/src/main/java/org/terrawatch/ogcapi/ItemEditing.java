package org.terrawatch.ogcapi;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.Property;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;
import org.terrawatch.query.edit.FeatureEditor;
import org.terrawatch.query.edit.LayerEditing;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features Part 4 (Create, Replace, Update, Delete): a GeoJSON feature (or, for PATCH, a JSON merge
 * patch of it) in, the layer's editor called in one transaction. Geometries are read in the request's
 * {@code Content-Crs} (CRS84 by default). Optimistic concurrency: an item's ETag is its version, and
 * {@code If-Match} makes a write conditional on it (412 when stale). Refusals become problem details with the
 * status that says why.
 */
public final class ItemEditing {

    private final FeatureTypeCatalog catalog;
    private final LayerEditing editing;

    public ItemEditing(FeatureTypeCatalog catalog, LayerEditing editing) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.editing = Objects.requireNonNull(editing, "editing");
    }

    public boolean editable(String collectionId) {
        return editing.editable(type(collectionId));
    }

    /** Creates a feature; returns its id (the item's path segment). */
    public String create(String collectionId, JsonNode feature, Crs contentCrs, EditContext who) {
        FeatureType type = type(collectionId);
        return run(null, () -> String.valueOf(editing.inTransaction(() -> editor(type, who).insert(who, values(type, feature, contentCrs, false)))));
    }

    public void replace(String collectionId, String featureId, JsonNode feature, Crs contentCrs, Long ifMatch, EditContext who) {
        FeatureType type = type(collectionId);
        run(ifMatch, () -> editing.inTransaction(() -> {
            editing.claimForWrite(type, key(type, featureId), null);
            editor(type, who).replace(who, key(type, featureId), ifMatch, values(type, feature, contentCrs, false));
            return null;
        }));
    }

    /** A JSON merge patch (RFC 7396) of the feature: named properties change, null removes a value. */
    public void update(String collectionId, String featureId, JsonNode patch, Crs contentCrs, Long ifMatch, EditContext who) {
        FeatureType type = type(collectionId);
        run(ifMatch, () -> editing.inTransaction(() -> {
            editing.claimForWrite(type, key(type, featureId), null);
            editor(type, who).update(who, key(type, featureId), ifMatch, values(type, patch, contentCrs, true));
            return null;
        }));
    }

    public void delete(String collectionId, String featureId, Long ifMatch, EditContext who) {
        FeatureType type = type(collectionId);
        run(ifMatch, () -> editing.inTransaction(() -> {
            editing.claimForWrite(type, key(type, featureId), null);
            editor(type, who).delete(who, key(type, featureId), ifMatch);
            return null;
        }));
    }

    /** The item's version for its ETag, or null when the layer is not versioned or the item does not exist. */
    public Long version(String collectionId, String featureId) {
        FeatureType type = type(collectionId);
        if (!editing.editable(type)) {
            return null;
        }
        return editing.editorOf(type).version(key(type, featureId));
    }

    private FeatureEditor editor(FeatureType type, EditContext who) {
        return editing.editor(type, who);
    }

    private static Object key(FeatureType type, String featureId) {
        String prefix = type.name() + ".";
        return featureId.startsWith(prefix) ? featureId.substring(prefix.length()) : featureId;
    }

    /** The members a merge patch of a GeoJSON feature may name (RFC 7946's, without foreign members). */
    private static final java.util.Set<String> FEATURE_MEMBERS = java.util.Set.of("type", "id", "properties", "geometry", "bbox", "links");

    private static Map<String, Object> values(FeatureType type, JsonNode feature, Crs contentCrs, boolean partial) {
        if (feature == null || !feature.isObject()) {
            throw OwsException.invalid("body", "The body is a GeoJSON feature (a JSON object)");
        }
        if (!partial && !"Feature".equals(feature.path("type").asString(""))) {
            throw OwsException.invalid("body", "The body is a GeoJSON Feature (\"type\": \"Feature\")");
        }
        for (String member : feature.propertyNames()) {
            if (partial && !FEATURE_MEMBERS.contains(member)) {
                throw OwsException.invalid("body", "\"" + member + "\" is not a member of a GeoJSON feature; a feature's values go under "
                        + "\"properties\" (e.g. {\"properties\": {\"status\": \"VERIFIED\"}})");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode properties = feature.path("properties");
        if (feature.has("properties") && !properties.isObject() && !properties.isNull()) {
            throw OwsException.invalid("properties", "\"properties\" is a JSON object of property names and values");
        }
        if (properties.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = properties.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Property property = type.requireProperty(field.getKey(), "properties");
                values.put(property.name(), scalar(field.getValue()));
            }
        }
        Property geometry = type.geometry().orElse(null);
        if (feature.has("geometry") && geometry != null) {
            JsonNode json = feature.get("geometry");
            values.put(geometry.name(), json.isNull() ? null : geometry(json, contentCrs));
        }
        if (partial && values.isEmpty()) {
            throw OwsException.invalid("body", "The patch changes nothing: name the properties to change under \"properties\", or a \"geometry\"");
        }
        return values;
    }

    private static Object scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            if (value.isFloatingPointNumber()) {
                Numbers.finite(value.asString(), "properties");
            }
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            return value.asString();
        }
        throw OwsException.invalid("properties", "Property values are strings, numbers, booleans or null, not " + value.getNodeType());
    }

    private static Geometry geometry(JsonNode json, Crs contentCrs) {
        try {
            Geometry read = Numbers.finite(new GeoJsonReader().read(json.toString()), "geometry");
            Crs crs = contentCrs == null ? Crs.CRS84_LON_LAT : contentCrs;
            Geometry stored = Reprojection.between(crs, Crs.STORAGE).apply(read);
            stored.setSRID(4490);
            if (!stored.isValid()) {
                throw OwsException.invalid("geometry", "The geometry is not valid (rings crossing themselves?)");
            }
            return stored;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof OwsException ows) {
                throw ows;
            }
            throw OwsException.invalid("geometry", "Not a GeoJSON geometry: " + e.getMessage());
        }
    }

    private FeatureType type(String id) {
        return catalog.all().stream().filter(t -> t.name().equals(id)).findFirst()
                .orElseThrow(() -> new OwsException(ExceptionCode.NOT_FOUND, "collectionId", "No collection " + id));
    }

    /** @param ifMatch the version the write was conditional on: a conflict is then 412, otherwise 409 */
    private static <T> T run(Long ifMatch, java.util.function.Supplier<T> edit) {
        try {
            return edit.get();
        } catch (EditRefused refused) {
            throw switch (refused.reason()) {
                case UNAUTHENTICATED -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, refused.field(), refused.getMessage()).withStatus(401);
                case FORBIDDEN -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, refused.field(), refused.getMessage()).withStatus(403);
                case INVALID -> new OwsException(ExceptionCode.INVALID_VALUE, refused.field(), refused.getMessage()).withStatus(422);
                case CONFLICT -> new OwsException(ExceptionCode.OPERATION_PROCESSING_FAILED, "If-Match", refused.getMessage())
                        .withStatus(ifMatch == null ? 409 : 412);
                case NOT_FOUND -> new OwsException(ExceptionCode.NOT_FOUND, "featureId", refused.getMessage());
                case LOCKED -> new OwsException(ExceptionCode.INVALID_LOCK_ID, null, refused.getMessage()).withStatus(423);
            };
        }
    }
}
