package org.terrawatch.wms;

import java.util.List;
import java.util.Map;

/**
 * Limits and groups of the WMS.
 *
 * @param maxWidth      the widest map drawn, in pixels
 * @param maxHeight     the tallest
 * @param maxRenderSeconds a map taking longer is abandoned with an exception
 * @param groups        layer groups by name, each its layers bottom to top (e.g. monitoring: admin units, patches,
 *                      alerts, cameras)
 */
public record WmsSettings(int maxWidth, int maxHeight, int maxRenderSeconds, Map<String, Group> groups) {

    /** A named group of layers, drawn bottom to top. */
    public record Group(String title, List<String> layers) {
    }

    public static final WmsSettings DEFAULTS = new WmsSettings(4096, 4096, 60, Map.of("monitoring",
            new Group("自然资源监测一张图 / monitoring", List.of("admin_units", "patches", "alerts", "cameras"))));
}
