package org.terrawatch.query.access;

/** What a read does with features: returns them (features, property values, feature info), or draws them in a map. */
public enum ReadOperation {
    /** Features or their values are returned: WFS, OGC API Features, GetFeatureInfo, processes' inputs, exports. */
    FEATURES,
    /** Features are drawn into a map image (WMS GetMap, map tiles); nothing of them is returned but pixels. */
    MAP
}
