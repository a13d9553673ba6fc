package org.terrawatch.ogcapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.terrawatch.query.Binding;
import org.terrawatch.query.Property;
import tools.jackson.databind.JsonNode;

/** The HTML encodings (Part 1, /conf/html): readable pages with the same links as the JSON documents. */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** A JSON document (landing page, conformance, collections, collection) as a page of links and values. */
    public static void document(String title, JsonNode document, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        head(html, title);
        html.write("<dl>");
        document.properties().forEach(entry -> {
            if (!entry.getKey().equals("links")) {
                write(html, "<dt>" + escape(entry.getKey()) + "</dt><dd>" + render(entry.getValue()) + "</dd>");
            }
        });
        html.write("</dl><h2>链接 / Links</h2><ul>");
        document.path("links").forEach(link -> write(html, "<li><a href=\"" + escape(link.path("href").asString()) + "\">"
                + escape(link.path("title").asString(link.path("rel").asString())) + "</a> (" + escape(link.path("type").asString()) + ")</li>"));
        html.write("</ul></body></html>");
        html.flush();
    }

    static void items(OgcApi.ItemsPage page, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        head(html, page.type().definition().title() + " — " + page.numberMatched() + " 个要素 / features");
        html.write("<table><thead><tr><th>id</th>");
        for (Property property : page.type().properties()) {
            if (property.binding() != Binding.GEOMETRY) {
                html.write("<th>" + escape(property.name()) + "</th>");
            }
        }
        html.write("</tr></thead><tbody>");
        page.forEach(feature -> {
            write(html, "<tr><td><a href=\"" + escape(page.self().replaceAll("/items.*$", "/items/") + feature.id()) + "?f=html\">"
                    + escape(feature.id()) + "</a></td>");
            for (Property property : page.type().properties()) {
                if (property.binding() != Binding.GEOMETRY) {
                    Object value = feature.values().get(property.name());
                    write(html, "<td>" + (value == null ? "" : escape(value.toString())) + "</td>");
                }
            }
            write(html, "</tr>");
        });
        html.write("</tbody></table>");
        if (page.previous() != null) {
            html.write("<a rel=\"prev\" href=\"" + escape(page.previous().replace("?", "?f=html&")) + "\">上一页 / previous</a> ");
        }
        if (page.next() != null) {
            html.write("<a rel=\"next\" href=\"" + escape(page.next().replace("?", "?f=html&")) + "\">下一页 / next</a>");
        }
        html.write("</body></html>");
        html.flush();
    }

    private static void head(Writer html, String title) throws IOException {
        html.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:2px 6px;font-size:90%}</style></head><body><h1>" + escape(title) + "</h1>");
    }

    private static String render(JsonNode value) {
        if (value.isArray()) {
            StringBuilder list = new StringBuilder("<ul>");
            value.forEach(v -> list.append("<li>").append(render(v)).append("</li>"));
            return list.append("</ul>").toString();
        }
        if (value.isObject()) {
            StringBuilder table = new StringBuilder("<dl>");
            value.properties().forEach(e -> table.append("<dt>").append(escape(e.getKey())).append("</dt><dd>")
                    .append(render(e.getValue())).append("</dd>"));
            return table.append("</dl>").toString();
        }
        String text = value.asString();
        return text.startsWith("http") ? "<a href=\"" + escape(text) + "\">" + escape(text) + "</a>" : escape(text);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(Writer html, String text) {
        try {
            html.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
