package org.terrawatch.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.FeatureType;
import org.terrawatch.rendering.style.Rule;
import org.terrawatch.rendering.style.SldReader;
import org.terrawatch.rendering.style.Style;
import org.terrawatch.rendering.style.Symbolizer;

/**
 * The styles a WMS offers: the SLD files shipped in the repository's {@code styles/} (packaged in the jar),
 * overridden or extended by {@code <data-dir>/styles/}. A layer's default style has the layer's name
 * ({@code patches.sld} for {@code terrawatch:patches}); {@code patches-by-status.sld} is another style of it.
 * External graphics are found next to the SLD files. A layer without a style of its own gets a plain one.
 */
public final class StyleLibrary {

    private final Map<String, Style> styles = new LinkedHashMap<>();
    private final Path overrides;

    /** @param overrides the data directory's styles folder (may not exist), or null */
    public StyleLibrary(Path overrides) {
        this.overrides = overrides;
        SldReader reader = new SldReader(this::image);
        for (Map.Entry<String, String> document : documents().entrySet()) {
            for (Style style : reader.read(XmlElement.parse(document.getValue(), "SLD"))) {
                styles.put(document.getKey(), new Style(document.getKey(), style.title(), style.rules()));
            }
        }
    }

    public Optional<Style> style(String name) {
        return Optional.ofNullable(styles.get(name));
    }

    /** The styles of a layer, its default first. */
    public List<Style> stylesOf(FeatureType type) {
        List<Style> of = new ArrayList<>();
        of.add(defaultStyle(type));
        styles.values().stream().filter(s -> s.name().startsWith(type.name() + "-")).forEach(of::add);
        return of;
    }

    public Style defaultStyle(FeatureType type) {
        return style(type.name()).orElseGet(() -> plain(type));
    }

    /** Reads an external graphic next to the styles: the data directory's first, then the shipped ones. */
    public BufferedImage image(String href) {
        if (href.contains("..") || href.startsWith("/") || href.contains(":")) {
            return null;
        }
        try {
            if (overrides != null && Files.isRegularFile(overrides.resolve(href))) {
                return ImageIO.read(overrides.resolve(href).toFile());
            }
            try (InputStream shipped = StyleLibrary.class.getClassLoader().getResourceAsStream("styles/" + href)) {
                return shipped == null ? null : ImageIO.read(shipped);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** SLD documents by style name: shipped ones, then the data directory's (which win). */
    private Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        URL shipped = StyleLibrary.class.getClassLoader().getResource("styles/");
        if (shipped != null) {
            try {
                URI uri = shipped.toURI();
                if (uri.getScheme().equals("jar")) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Collections.emptyMap())) {
                        readFolder(jar.getPath("/styles"), documents);
                    }
                } else {
                    readFolder(Path.of(uri), documents);
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot read the shipped styles", e);
            }
        }
        if (overrides != null && Files.isDirectory(overrides)) {
            readFolder(overrides, documents);
        }
        return documents;
    }

    private static void readFolder(Path folder, Map<String, String> documents) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sld")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.sld$", "");
                documents.put(name, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read styles in " + folder, e);
        }
    }

    /** Grey fill with a dark outline, a dark line, or a grey circle, by the layer's geometry. */
    static Style plain(FeatureType type) {
        String geometry = type.definition().geometryType() == null ? "Polygon" : type.definition().geometryType();
        Symbolizer.Stroke outline = new Symbolizer.Stroke(new Color(0x33, 0x33, 0x33), 1, 1, null, "round", "round");
        Symbolizer symbolizer = geometry.contains("Point")
                ? new Symbolizer.PointSymbolizer(new Symbolizer.Graphic(new Symbolizer.Mark("circle", Symbolizer.Fill.GREY, outline), null, 8, 0, 1))
                : geometry.contains("Line") ? new Symbolizer.LineSymbolizer(outline, 0)
                : new Symbolizer.PolygonSymbolizer(new Symbolizer.Fill(new Color(0xaa, 0xaa, 0xaa), 0.5), outline);
        return new Style(type.name(), type.definition().title(), List.of(new Rule(null, type.definition().title(), null, false, 0,
                Double.POSITIVE_INFINITY, List.of(symbolizer), 0)));
    }
}
