package org.terrawatch.wms;

import java.awt.Color;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.rendering.ImageFormat;
import org.terrawatch.rendering.MapView;
import org.terrawatch.rendering.style.Style;

/**
 * A GetMap request (and the map part of GetFeatureInfo) after parsing: the layers to draw bottom to top, each
 * with its style and its own filter (CQL_FILTER and TIME), the view, the image format and background.
 *
 * @param background null when TRANSPARENT=TRUE
 */
record MapRequest(String version, List<Drawn> layers, MapView view, ImageFormat format, Color background, String exceptions) {

    /**
     * One layer as requested: features of a type with a style and filter, or an imagery epoch in a mode.
     *
     * @param type  null for imagery
     * @param epoch null for features
     */
    record Drawn(FeatureType type, Style style, Filter filter, ImageryEpochs.Epoch epoch,
                 org.terrawatch.rendering.raster.ImageryRenderer.Mode mode) {

        Drawn(FeatureType type, Style style, Filter filter) {
            this(type, style, filter, null, null);
        }
    }

    Crs crs() {
        return view.crs();
    }

    Envelope extent() {
        return view.extent();
    }
}
