package org.terrawatch.wfs;

import java.io.OutputStream;

/** GML feature collections for other services (WMS GetFeatureInfo answers in GML 3.1.1 as WFS 1.1.0 writes it). */
public final class GmlFeatures {

    private GmlFeatures() {
    }

    /** @param schemaUrl where the feature type's schema is described (a DescribeFeatureType URL) */
    public static void writeGml311(FeatureCollectionResult result, String schemaUrl, OutputStream out) {
        GmlEncoder.write(result, schemaUrl, GmlVersion.GML_3_1_1, out);
    }
}
