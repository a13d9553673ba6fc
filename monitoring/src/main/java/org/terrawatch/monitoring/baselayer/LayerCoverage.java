package org.terrawatch.monitoring.baselayer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.terrawatch.geodesy.GeodesicArea;

/**
 * How much of a geometry lies on a base layer as it stood on a day: the version of the layer in force then, its
 * features valid that day, the geodesic area of the intersection in square metres (never more than the geometry's
 * own area, should features overlap). Versions are looked up once per layer and day, and a geometry's figures are
 * kept until another geometry is asked about. Not for use by several threads at once.
 */
public final class LayerCoverage {

    private final BaseLayerRepository layers;
    private final Map<String, Long> versions = new HashMap<>();
    /** The figures of the last geometry asked about (classification and overlay ask about the same patch in turn). */
    private Geometry lastGeometry;
    private LocalDate lastDay;
    private final Map<BaseLayerKind, Double> lastFigures = new HashMap<>();

    public LayerCoverage(BaseLayerRepository layers) {
        this.layers = layers;
    }

    /** @param lonLat a geometry in EPSG:4490 */
    public double squareMetres(BaseLayerKind layer, Geometry lonLat, LocalDate day) {
        if (lonLat != lastGeometry || !day.equals(lastDay)) {
            lastGeometry = lonLat;
            lastDay = day;
            lastFigures.clear();
        }
        return lastFigures.computeIfAbsent(layer, kind -> measure(kind, lonLat, day));
    }

    private double measure(BaseLayerKind layer, Geometry lonLat, LocalDate day) {
        Long version = versions.computeIfAbsent(layer + "@" + day,
                key -> layers.versionValidOn(layer, day).map(BaseLayerVersion::id).orElse(-1L));
        if (version < 0) {
            return 0;
        }
        List<BaseFeature> features = layers.features(version, lonLat.getEnvelopeInternal());
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(lonLat);
        double sum = 0;
        for (BaseFeature feature : features) {
            if (feature.validOn(day) && prepared.intersects(feature.geometry())) {
                sum += GeodesicArea.of(feature.geometry().intersection(lonLat)).squareMetres();
            }
        }
        return Math.min(sum, GeodesicArea.of(lonLat).squareMetres());
    }
}
