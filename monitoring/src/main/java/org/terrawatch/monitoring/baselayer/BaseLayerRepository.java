package org.terrawatch.monitoring.baselayer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** Versioned base layers: departments hand in snapshots; comparisons read the version valid on a day. */
public final class BaseLayerRepository {

    private static final String FEATURE_COLUMNS = "id, version_id, layer, name, reference, holder, valid_from, valid_to, "
            + "land_class, county_code, ST_AsBinary(geom) AS geom, area_m2";

    private final SpatialStore store;

    public BaseLayerRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Records a department's hand-in of a layer as its next version, all features in one transaction.
     * Every feature must belong to the given layer.
     */
    public BaseLayerVersion handIn(BaseLayerKind layer, String sourceDepartment, LocalDate effectiveDate,
                                   String description, List<BaseFeature> features, Instant receivedAt) {
        for (BaseFeature feature : features) {
            if (feature.layer() != layer) {
                throw new IllegalArgumentException("A " + feature.layer() + " feature cannot be handed in as " + layer);
            }
        }
        return store.inTransaction(() -> {
            int version = store.jdbc().sql("SELECT COALESCE(MAX(version), 0) + 1 FROM base_layer_version WHERE layer = :layer")
                    .param("layer", layer.name()).query(Integer.class).single();
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            store.jdbc().sql("INSERT INTO base_layer_version(layer, version, source_department, effective_date, received_at, description) "
                            + "VALUES (:layer, :version, :department, :effective, :received, :description)")
                    .param("layer", layer.name()).param("version", version).param("department", sourceDepartment)
                    .param("effective", effectiveDate).param("received", Rows.timestamp(receivedAt))
                    .param("description", description)
                    .update(key, "id");
            long versionId = key.getKey().longValue();
            for (BaseFeature feature : features) {
                insert(versionId, feature);
            }
            return new BaseLayerVersion(versionId, layer, version, sourceDepartment, effectiveDate, receivedAt, description);
        });
    }

    private void insert(long versionId, BaseFeature feature) {
        store.jdbc().sql("INSERT INTO base_feature(version_id, layer, name, reference, holder, valid_from, valid_to, land_class, "
                        + "county_code, geom, area_m2) VALUES (:version, :layer, :name, :reference, :holder, :from, :to, :class, "
                        + ":county, ST_GeomFromWKB(:geom, 4490), :area)")
                .param("version", versionId).param("layer", feature.layer().name()).param("name", feature.name())
                .param("reference", feature.reference()).param("holder", feature.holder())
                .param("from", feature.validFrom()).param("to", feature.validTo()).param("class", feature.landClass())
                .param("county", feature.countyCode()).param("geom", Wkb.write(feature.geometry()))
                .param("area", GeodesicArea.of(feature.geometry()).squareMetres())
                .update();
    }

    /** The version of the layer in force on the given day: the latest effective on or before it. */
    public Optional<BaseLayerVersion> versionValidOn(BaseLayerKind layer, LocalDate day) {
        return store.jdbc().sql("SELECT * FROM base_layer_version WHERE layer = :layer AND effective_date <= :day "
                        + "ORDER BY effective_date DESC, version DESC FETCH FIRST 1 ROWS ONLY")
                .param("layer", layer.name()).param("day", day)
                .query(BaseLayerRepository::version).optional();
    }

    public List<BaseLayerVersion> versions(BaseLayerKind layer) {
        return store.jdbc().sql("SELECT * FROM base_layer_version WHERE layer = :layer ORDER BY version")
                .param("layer", layer.name()).query(BaseLayerRepository::version).list();
    }

    /** Features of a version whose bounding boxes meet the envelope (lon/lat, EPSG:4490). */
    public List<BaseFeature> features(long versionId, Envelope lonLat) {
        return store.jdbc().sql("SELECT " + FEATURE_COLUMNS + " FROM base_feature WHERE version_id = :version "
                        + "AND geom && ST_MakeEnvelope(:w, :s, :e, :n, 4490) ORDER BY id")
                .param("version", versionId).param("w", lonLat.getMinX()).param("s", lonLat.getMinY())
                .param("e", lonLat.getMaxX()).param("n", lonLat.getMaxY())
                .query(BaseLayerRepository::feature).list();
    }

    public long featureCount() {
        return store.jdbc().sql("SELECT COUNT(*) FROM base_feature").query(Long.class).single();
    }

    private static BaseLayerVersion version(ResultSet row, int n) throws SQLException {
        return new BaseLayerVersion(row.getLong("id"), Rows.enumValue(row, "layer", BaseLayerKind.class),
                row.getInt("version"), row.getString("source_department"), Rows.date(row, "effective_date"),
                Rows.instant(row, "received_at"), row.getString("description"));
    }

    private static BaseFeature feature(ResultSet row, int n) throws SQLException {
        return new BaseFeature(row.getLong("id"), row.getLong("version_id"), Rows.enumValue(row, "layer", BaseLayerKind.class),
                row.getString("name"), row.getString("reference"), row.getString("holder"), Rows.date(row, "valid_from"),
                Rows.date(row, "valid_to"), row.getString("land_class"), row.getString("county_code"),
                Rows.geometry(row, "geom"), row.getDouble("area_m2"));
    }
}
