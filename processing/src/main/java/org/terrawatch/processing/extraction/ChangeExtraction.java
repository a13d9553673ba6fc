package org.terrawatch.processing.extraction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.change.BandRoles;
import org.terrawatch.change.ChangeDetection;
import org.terrawatch.change.DetectedChange;
import org.terrawatch.change.DetectionProgress;
import org.terrawatch.change.DetectionSettings;
import org.terrawatch.change.DetectionSummary;
import org.terrawatch.change.raster.CloudMask;
import org.terrawatch.change.raster.EpochPair;
import org.terrawatch.geodesy.GeodesicArea;
import org.terrawatch.monitoring.admin.AdminLocation;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.baselayer.BaseLayerKind;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.LayerCoverage;
import org.terrawatch.monitoring.imagery.ImageryEpoch;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.ChangeType;
import org.terrawatch.monitoring.patch.NewPatch;
import org.terrawatch.monitoring.patch.PatchOverlay;
import org.terrawatch.monitoring.patch.PatchQuery;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.task.MonitoringTask;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.Reprojection;
import org.terrawatch.raster.EpochRaster;
import org.terrawatch.store.SpatialStore;

/**
 * Change patches from two imagery epochs (pixels masked by a {@code QA_PIXEL} or {@code CLOUD_MASK} band of their
 * layout left out): the streamed detection, each changed area taken into CGCS2000, clipped
 * to the requested area, attributed to its county, township and village, typed by {@link PatchClassifier}, kept
 * if it reaches its category's minimum mapping unit, left out if a patch of the same period already covers most of
 * it (so running a detection again adds only what is new) or if the working base map's verified changes of past months
 * cover most of it (article 14: what was verified is not reported again), given its overlay areas — and then, if asked, stored as
 * NEW patches of the task in one transaction (numbered, audited, published to WFS and WMS when it commits).
 */
public final class ChangeExtraction {

    static final double KNOWN_SHARE = 0.5;
    static final String QA_PIXEL = "QA_PIXEL";
    static final String CLOUD_MASK = "CLOUD_MASK";

    private final SpatialStore store;
    private final Path dataDir;
    private final PatchEditor editor;
    private final DetectionSettings settings;
    private final MinimumMappingUnits units;

    public ChangeExtraction(SpatialStore store, Path dataDir, PatchEditor editor, DetectionSettings settings, MinimumMappingUnits units) {
        this.store = store;
        this.dataDir = dataDir;
        this.editor = editor;
        this.settings = settings.withMinimumArea(units.smallest());
        this.units = units;
    }

    /**
     * @param task       the monitoring task the patches belong to, or null
     * @param areaLonLat the area to look in (EPSG:4490 lon/lat), or null for the whole image
     * @param insert     whether to store the patches
     */
    public ExtractionResult run(MonitoringTask task, ImageryEpoch before, ImageryEpoch after, Envelope areaLonLat, boolean insert,
                                Actor actor, DetectionProgress progress) {
        if (!before.acquiredOn().isBefore(after.acquiredOn())) {
            throw new IllegalArgumentException("The before epoch " + before.name() + " (" + before.acquiredOn() + ") must precede the after epoch "
                    + after.name() + " (" + after.acquiredOn() + ")");
        }
        GeometryFactory factory = new GeometryFactory();
        Polygon area = areaLonLat == null ? null : (Polygon) factory.toGeometry(areaLonLat);
        AdminUnitRepository admin = new AdminUnitRepository(store);
        LayerCoverage coverage = new LayerCoverage(new BaseLayerRepository(store));
        List<ExtractedPatch> found = new ArrayList<>();
        int[] dropped = new int[3];
        PatchRepository patches = new PatchRepository(store);
        DetectionSummary summary;
        try (EpochPair whole = new EpochPair(EpochRaster.open(before.file(dataDir)), EpochRaster.open(after.file(dataDir)), mask(before, dataDir),
                mask(after, dataDir))) {
            Reprojection toStorage = Reprojection.from(whole.grid().crs(), Crs.STORAGE);
            EpochPair pair = whole;
            if (area != null) {
                Envelope inImage = toStorage.inverse().apply(area).getEnvelopeInternal();
                pair = whole.window(inImage.getMinX(), inImage.getMinY(), inImage.getMaxX(), inImage.getMaxY());
                if (pair == null) {
                    throw new IllegalArgumentException("The area lies outside the imagery of " + before.name());
                }
            }
            summary = ChangeDetection.run(pair, BandRoles.of(spectralLayout(before)), settings, change -> {
                ExtractedPatch patch = patch(change, toStorage, area, admin, coverage, patches, task, before, after, dropped);
                if (patch != null) {
                    found.add(patch);
                }
            }, progress);
        }
        if (!insert || found.isEmpty()) {
            return new ExtractionResult(summary, found, dropped[0], dropped[1], dropped[2]);
        }
        List<ChangePatch> stored = editor.createDetected(actor, Channel.WPS, found.stream().map(ExtractedPatch::patch).toList());
        List<ExtractedPatch> inserted = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            inserted.add(new ExtractedPatch(found.get(i).patch(), found.get(i).direction(), stored.get(i)));
        }
        return new ExtractionResult(summary, inserted, dropped[0], dropped[1], dropped[2]);
    }

    private ExtractedPatch patch(DetectedChange change, Reprojection toStorage, Polygon area, AdminUnitRepository admin, LayerCoverage coverage,
                                 PatchRepository patches, MonitoringTask task, ImageryEpoch before, ImageryEpoch after, int[] dropped) {
        Geometry outline = toStorage.apply(change.outline());
        if (area != null) {
            outline = outline.intersection(area);
        }
        MultiPolygon polygons = polygons(outline);
        if (polygons == null) {
            dropped[1]++;
            return null;
        }
        AdminLocation location = admin.locate(polygons.getInteriorPoint());
        if (location.countyCode() == null) {
            dropped[1]++;
            return null;
        }
        ChangeType type = PatchClassifier.classify(change.direction(), polygons, after.acquiredOn(), coverage);
        double squareMetres = GeodesicArea.of(polygons).squareMetres();
        if (squareMetres < units.of(type.category())) {
            dropped[0]++;
            return null;
        }
        if (known(patches, polygons, squareMetres, task, before, after)
                || coverage.squareMetres(BaseLayerKind.VERIFIED_CHANGE, polygons, after.acquiredOn()) >= KNOWN_SHARE * squareMetres) {
            dropped[2]++;
            return null;
        }
        NewPatch patch = new NewPatch(task == null ? null : task.id(), before.acquiredOn(), after.acquiredOn(), type, polygons, location,
                PatchOverlay.of(type, polygons, after.acquiredOn(), coverage));
        return new ExtractedPatch(patch, change.direction(), null);
    }

    /**
     * Whether patches of the task — or without a task, patches changed between the two dates — already cover half the
     * outline or more.
     */
    private static boolean known(PatchRepository patches, MultiPolygon outline, double squareMetres, MonitoringTask task,
                                 ImageryEpoch before, ImageryEpoch after) {
        PatchQuery nearby = PatchQuery.all().within(outline.getEnvelopeInternal());
        nearby = task != null ? nearby.ofTask(task.id()) : nearby.changedBetween(before.acquiredOn().plusDays(1), after.acquiredOn());
        double covered = 0;
        for (ChangePatch existing : patches.query(nearby)) {
            if (existing.geometry().intersects(outline)) {
                covered += GeodesicArea.of(existing.geometry().intersection(outline)).squareMetres();
            }
        }
        return covered >= KNOWN_SHARE * squareMetres;
    }

    /** The polygons of a geometry as a multipolygon, or null when none is left. */
    private static MultiPolygon polygons(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                parts.add(polygon);
            }
        }
        return parts.isEmpty() ? null : geometry.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /** The epoch's separate cloud mask (non-zero masked), else its own mask band ({@link #mask(ImageryEpoch)}). */
    static CloudMask mask(ImageryEpoch epoch, Path dataDir) {
        Path file = epoch.maskFile(dataDir);
        return file == null ? mask(epoch) : CloudMask.external(EpochRaster.open(file), CloudMask.ANY);
    }

    /**
     * The epoch's own mask band, if its layout names one: {@code QA_PIXEL} (Landsat Collection 2 bits: fill, dilated
     * cloud, cirrus, cloud, shadow) or {@code CLOUD_MASK} (non-zero masked).
     */
    static CloudMask mask(ImageryEpoch epoch) {
        int qa = epoch.bandLayout().indexOf(QA_PIXEL);
        if (qa >= 0) {
            return CloudMask.inBand(qa, CloudMask.LANDSAT_QA_PIXEL_CLOUDS);
        }
        int mask = epoch.bandLayout().indexOf(CLOUD_MASK);
        return mask >= 0 ? CloudMask.inBand(mask, CloudMask.ANY) : null;
    }

    /** The epoch's band roles without its mask band. */
    static List<String> spectralLayout(ImageryEpoch epoch) {
        return epoch.bandLayout().stream().filter(role -> !role.equals(QA_PIXEL) && !role.equals(CLOUD_MASK)).toList();
    }
}
