package org.terrawatch.ogcapi;

import tools.jackson.databind.node.ArrayNode;

/** Link objects of OGC API documents. */
final class Links {

    private Links() {
    }

    static void add(ArrayNode links, String href, String rel, String type, String title) {
        var link = links.addObject();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        if (title != null) {
            link.put("title", title);
        }
    }
}
