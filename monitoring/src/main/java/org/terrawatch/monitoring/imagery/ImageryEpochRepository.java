package org.terrawatch.monitoring.imagery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.Wkb;

/** The register of imagery epochs. */
public final class ImageryEpochRepository {

    private static final String COLUMNS = "id, name, sensor, acquired_on, resolution_m, crs, band_layout, cloud_percent, "
            + "file_location, ST_AsBinary(footprint) AS footprint, registered_at, mask_location";

    private final SpatialStore store;

    public ImageryEpochRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public ImageryEpoch register(ImageryEpoch epoch) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO imagery_epoch(name, sensor, acquired_on, resolution_m, crs, band_layout, cloud_percent, "
                        + "file_location, footprint, registered_at, mask_location) VALUES (:name, :sensor, :acquired, :resolution, :crs, "
                        + ":bands, :cloud, :file, ST_GeomFromWKB(:footprint, 4490), :registered, :mask)")
                .param("name", epoch.name()).param("sensor", epoch.sensor()).param("acquired", epoch.acquiredOn())
                .param("resolution", epoch.resolutionM()).param("crs", epoch.crs())
                .param("bands", String.join(",", epoch.bandLayout())).param("cloud", epoch.cloudPercent())
                .param("file", epoch.fileLocation()).param("footprint", Wkb.write(epoch.footprint()))
                .param("registered", Rows.timestamp(epoch.registeredAt())).param("mask", epoch.maskLocation())
                .update(key, "id");
        return new ImageryEpoch(key.getKey().longValue(), epoch.name(), epoch.sensor(), epoch.acquiredOn(), epoch.resolutionM(),
                epoch.crs(), epoch.bandLayout(), epoch.cloudPercent(), epoch.fileLocation(), epoch.footprint(), epoch.registeredAt(),
                epoch.maskLocation());
    }

    public Optional<ImageryEpoch> find(long id) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM imagery_epoch WHERE id = :id").param("id", id)
                .query(ImageryEpochRepository::map).optional();
    }

    /** The epoch of that (unique) name. */
    public Optional<ImageryEpoch> findByName(String name) {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM imagery_epoch WHERE name = :name").param("name", name)
                .query(ImageryEpochRepository::map).optional();
    }

    public List<ImageryEpoch> all() {
        return store.jdbc().sql("SELECT " + COLUMNS + " FROM imagery_epoch ORDER BY acquired_on, id")
                .query(ImageryEpochRepository::map).list();
    }

    private static ImageryEpoch map(ResultSet row, int n) throws SQLException {
        return new ImageryEpoch(row.getLong("id"), row.getString("name"), row.getString("sensor"), Rows.date(row, "acquired_on"),
                row.getDouble("resolution_m"), row.getString("crs"), Arrays.asList(row.getString("band_layout").split(",")),
                Rows.nullableDouble(row, "cloud_percent"), row.getString("file_location"), Rows.geometry(row, "footprint"),
                Rows.instant(row, "registered_at"), row.getString("mask_location"));
    }
}
