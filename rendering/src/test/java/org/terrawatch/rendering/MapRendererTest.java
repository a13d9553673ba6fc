package org.terrawatch.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.Feature;
import org.terrawatch.rendering.style.SldReader;
import org.terrawatch.rendering.style.Style;

/** The renderer on hand-made features: rules by filter, else and scale; labels across tile edges; CJK text; encoders. */
class MapRendererTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final Crs MERCATOR = new Crs(3857, true);

    private static Style style(String rules) {
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>test</Name><UserStyle><Name>test</Name><FeatureTypeStyle>" + rules
                + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        return new SldReader(href -> null).read(XmlElement.parse(sld, "SLD")).get(0);
    }

    private static String fillRule(String filter, String colour, String scales) {
        return "<Rule>" + filter + scales + "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">" + colour
                + "</CssParameter></Fill></PolygonSymbolizer></Rule>";
    }

    private static Feature square(String id, double x, double y, double size, Map<String, Object> values) {
        return new Feature(id, FACTORY.toGeometry(new Envelope(x, x + size, y, y + size)), values);
    }

    private static BufferedImage render(Style style, Envelope extent, int width, int height, List<Feature> features) {
        return new MapRenderer().render(new MapView(extent, width, height, MERCATOR),
                List.of(new MapLayer("test", style, consumer -> features.forEach(consumer))), null, Long.MAX_VALUE);
    }

    @Test
    void rulesSelectByFilterElseAndScale() {
        Style style = style(fillRule("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName>"
                        + "<ogc:Literal>NEW</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>", "#FF0000", "")
                + fillRule("<ElseFilter/>", "#0000FF", "")
                + fillRule("", "#00FF00", "<MinScaleDenominator>100000</MinScaleDenominator>"));
        List<Feature> features = List.of(square("a.1", 0, 0, 100, Map.of("status", "NEW")), square("a.2", 200, 0, 100, Map.of("status", "CLOSED")));
        BufferedImage near = render(style, new Envelope(0, 400, 0, 100), 400, 100, features);
        assertThat(near.getRGB(50, 50) & 0xffffff).isEqualTo(0xff0000);
        assertThat(near.getRGB(250, 50) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(near.getRGB(150, 50) >>> 24).isZero();
        // 400 m over 4 pixels is 1:357,143: the green rule (from 1:100,000) now paints over both.
        BufferedImage far = render(style, new Envelope(0, 400, 0, 100), 4, 1, features);
        assertThat(far.getRGB(0, 0) & 0xffffff).isEqualTo(0x00ff00);
    }

    @Test
    void aLabelAcrossATileEdgeIsDrawnTheSameInBothTiles() {
        Style style = style("<Rule><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name=\"fill\">"
                + "#D7263D</CssParameter></Fill></Mark><Size>16</Size></Graphic></PointSymbolizer><TextSymbolizer><Label><ogc:PropertyName>name"
                + "</ogc:PropertyName></Label><Font><CssParameter name=\"font-size\">14</CssParameter></Font><Halo><Radius>2</Radius><Fill>"
                + "<CssParameter name=\"fill\">#FFFFFF</CssParameter></Fill></Halo></TextSymbolizer></Rule>");
        List<Feature> features = List.of(new Feature("c.1", FACTORY.createPoint(new Coordinate(256, 128)), Map.of("name", "冠山镇高点摄像头")));
        BufferedImage whole = render(style, new Envelope(0, 512, 0, 256), 512, 256, features);
        BufferedImage left = render(style, new Envelope(0, 256, 0, 256), 256, 256, features);
        BufferedImage right = render(style, new Envelope(256, 512, 0, 256), 256, 256, features);
        long drawn = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                assertThat(left.getRGB(x, y)).as("left tile at " + x + "," + y).isEqualTo(whole.getRGB(x, y));
                assertThat(right.getRGB(x, y)).as("right tile at " + x + "," + y).isEqualTo(whole.getRGB(256 + x, y));
                drawn += (whole.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        assertThat(drawn).as("the symbol and label reach into the left tile").isGreaterThan(100);
    }

    @Test
    void chineseLabelsAreDrawnWithACjkFont() {
        assertThat(Fonts.cjkInstalled()).as("a CJK font (Debian fonts-noto-cjk; ./scripts/test installs it)").isTrue();
        java.awt.Font font = Fonts.font(null, 14, false, false);
        assertThat(font.canDisplayUpTo("变化图斑核查")).isEqualTo(-1);
        Style style = style("<Rule><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label></TextSymbolizer></Rule>");
        BufferedImage first = render(style, new Envelope(0, 200, 0, 40), 200, 40,
                List.of(new Feature("t.1", FACTORY.createPoint(new Coordinate(100, 20)), Map.of("name", "平定县"))));
        BufferedImage second = render(style, new Envelope(0, 200, 0, 40), 200, 40,
                List.of(new Feature("t.1", FACTORY.createPoint(new Coordinate(100, 20)), Map.of("name", "盂县城"))));
        long differing = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 200; x++) {
                differing += first.getRGB(x, y) != second.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("different characters draw differently (no missing-glyph boxes)").isGreaterThan(20);
    }

    @Test
    void externalGraphicsAreDrawnAtTheirPoints() {
        BufferedImage icon = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                icon.setRGB(x, y, 0xff00ff00);
            }
        }
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<NamedLayer><Name>test</Name><UserStyle><Name>icons</Name><FeatureTypeStyle><Rule><PointSymbolizer><Graphic><ExternalGraphic>"
                + "<OnlineResource xlink:type=\"simple\" xlink:href=\"icons/camera.png\"/><Format>image/png</Format></ExternalGraphic>"
                + "<Size>16</Size></Graphic></PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        Style style = new SldReader(href -> href.equals("icons/camera.png") ? icon : null).read(XmlElement.parse(sld, "SLD")).get(0);
        BufferedImage map = render(style, new Envelope(0, 100, 0, 100), 100, 100,
                List.of(new Feature("c.1", FACTORY.createPoint(new Coordinate(50, 50)), Map.of())));
        assertThat(map.getRGB(50, 50) & 0xffffff).as("the icon, scaled to 16 px").isEqualTo(0x00ff00);
        assertThat(map.getRGB(56, 50) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(map.getRGB(62, 50) >>> 24).isZero();
    }

    @Test
    void aMapThatTakesTooLongIsAbandoned() {
        Style style = style(fillRule("", "#2E86AB", ""));
        List<Feature> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(square("s." + i, i % 100, i / 100, 1, Map.of()));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MapRenderer().render(
                        new MapView(new Envelope(0, 100, 0, 100), 100, 100, MERCATOR),
                        List.of(new MapLayer("test", style, consumer -> many.forEach(consumer))), null, System.nanoTime() - 1))
                .isInstanceOf(RenderingTimeout.class);
    }

    @Test
    void encodersWriteReadableImages() throws Exception {
        Style style = style(fillRule("", "#2E86AB", ""));
        BufferedImage map = render(style, new Envelope(0, 100, 0, 100), 100, 100, List.of(square("s.1", 20, 20, 40, Map.of())));
        for (ImageFormat format : ImageFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageEncoder.write(map, format, Color.WHITE, out);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(read.getWidth()).as(format.name()).isEqualTo(100);
            int inside = read.getRGB(40, 60) & 0xffffff;
            assertThat(Math.abs(((inside >> 16) & 0xff) - 0x2e)).as(format + " red").isLessThan(10);
            assertThat(Math.abs((inside & 0xff) - 0xab)).as(format + " blue").isLessThan(10);
            if (format != ImageFormat.JPEG) {
                assertThat(read.getRGB(5, 5) >>> 24).as(format + " transparent outside").isZero();
            }
        }
    }

    @Test
    void overlappingPolygonsOfEitherOrientationAreFilledWhereTheyOverlap() {
        Style style = style(fillRule("", "#E4572E", ""));
        // one ring counter-clockwise, the other clockwise: gathered into one non-zero path, their overlap must stay filled
        Feature counterClockwise = square("p.1", 0, 0, 60, Map.of());
        Feature clockwise = new Feature("p.2", FACTORY.toGeometry(new Envelope(30, 90, 30, 90)).reverse(), Map.of());
        BufferedImage map = render(style, new Envelope(0, 100, 0, 100), 100, 100, List.of(counterClockwise, clockwise));
        assertThat(map.getRGB(45, 55) & 0xffffff).as("the overlap").isEqualTo(0xe4572e);
        assertThat(map.getRGB(10, 90) >>> 24).as("inside the first only").isEqualTo(255);
        assertThat(map.getRGB(80, 20) >>> 24).as("inside the second only").isEqualTo(255);
        assertThat(map.getRGB(80, 90) >>> 24).as("outside both").isZero();
    }

    @Test
    void aThinOutlineIsDrawnOverTheFillAndTranslucentPixelsSurviveThePng() throws Exception {
        Style style = style("<Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">#29BF12</CssParameter></Fill>"
                + "<Stroke><CssParameter name=\"stroke\">#333333</CssParameter><CssParameter name=\"stroke-width\">0.5</CssParameter>"
                + "</Stroke></PolygonSymbolizer></Rule>");
        BufferedImage map = render(style, new Envelope(0, 100, 0, 100), 100, 100, List.of(square("s.1", 20, 20, 40, Map.of())));
        assertThat(map.getRGB(40, 60) & 0xffffff).as("inside").isEqualTo(0x29bf12);
        // the left edge x = 20 lies on a pixel boundary: the 0.5 px outline darkens the pixels either side of it
        int outside = map.getRGB(19, 60);
        int inside = map.getRGB(20, 60);
        assertThat(outside >>> 24).as("outside the edge: a quarter pixel of dark outline").isBetween(55, 75);
        for (int shift = 0; shift < 24; shift += 8) {
            assertThat((outside >> shift) & 0xff).as("dark grey, to the rounding of a premultiplied quarter").isBetween(0x31, 0x36);
        }
        assertThat((inside >> 8) & 0xff).as("inside the edge: fill darkened by the outline").isBetween(0x70, 0xa0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.write(map, ImageFormat.PNG, null, out);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        for (int[] pixel : new int[][] {{19, 60}, {20, 60}, {40, 60}, {5, 5}}) {
            int expected = map.getRGB(pixel[0], pixel[1]);
            int actual = read.getRGB(pixel[0], pixel[1]);
            assertThat(actual >>> 24).isEqualTo(expected >>> 24);
            if (expected >>> 24 != 0) {
                for (int shift = 0; shift < 24; shift += 8) {
                    assertThat(Math.abs(((actual >> shift) & 0xff) - ((expected >> shift) & 0xff))).as("channel at %d", shift).isLessThanOrEqualTo(2);
                }
            }
        }
    }
}
