package org.terrawatch.wfs;

import java.io.OutputStream;

/** GML feature collections for other services (WMS GetFeatureInfo answers in GML 3.1.1 as WFS 1.1.0 writes it). */
public final class GmlFeatures {

    private GmlFeatures() {
    }

    /** @param schemaUrl where the feature type's schema is described (a DescribeFeatureType URL) */
    public static void writeGml311(java.util.List<FeatureCollectionResult> results, String schemaUrl, OutputStream out) {
        GmlEncoder.write(results, schemaUrl, GmlVersion.GML_3_1_1, out);
    }
}
