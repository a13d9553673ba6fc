package org.terrawatch.app.reports;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.cycle.report.ReportMaps;
import org.terrawatch.ows.Kvp;
import org.terrawatch.query.access.Reader;
import org.terrawatch.wms.WmsResponse;
import org.terrawatch.wms.WmsService;

/**
 * A report's maps drawn by the server's own WMS, as GetMap requests are: the overview is the {@code monitoring} group
 * (boundaries, patches, alerts and cameras) of the period; a patch's imagery is the epoch of the day in true colour
 * with every patch's outline drawn over it in yellow (an SLD of our own). Drawn as the server: only those who read every layer ask for reports.
 */
final class WmsReportMaps implements ReportMaps {

    /** Patches as yellow outlines only, so the imagery shows through. */
    static final String OUTLINES = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
            + "<NamedLayer><Name>patches</Name><UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer><Stroke>"
            + "<CssParameter name=\"stroke\">#FFE600</CssParameter><CssParameter name=\"stroke-width\">2</CssParameter>"
            + "</Stroke></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";

    private final WmsService wms;

    WmsReportMaps(WmsService wms) {
        this.wms = wms;
    }

    @Override
    public byte[] overview(Envelope lonLat, int width, int height, LocalDate from, LocalDate to) {
        return getMap("monitoring", lonLat, width, height, from + "/" + to, "FALSE");
    }

    @Override
    public byte[] imagery(Envelope lonLat, int width, int height, LocalDate acquired) {
        byte[] imagery = getMap(WmsService.IMAGERY, lonLat, width, height, acquired.toString(), "FALSE");
        byte[] outlines = getMap("patches", lonLat, width, height, null, "TRUE", OUTLINES);
        try {
            BufferedImage below = ImageIO.read(new ByteArrayInputStream(imagery));
            BufferedImage above = ImageIO.read(new ByteArrayInputStream(outlines));
            Graphics2D g = below.createGraphics();
            g.drawImage(above, 0, 0, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(below, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] getMap(String layers, Envelope lonLat, int width, int height, String time, String transparent) {
        return getMap(layers, lonLat, width, height, time, transparent, null);
    }

    private byte[] getMap(String layers, Envelope lonLat, int width, int height, String time, String transparent, String sld) {
        Map<String, String> map = new HashMap<>();
        map.put("SERVICE", "WMS");
        map.put("VERSION", WmsService.VERSION);
        map.put("REQUEST", "GetMap");
        map.put("LAYERS", layers);
        map.put("STYLES", "");
        map.put("CRS", "CRS:84");
        map.put("BBOX", lonLat.getMinX() + "," + lonLat.getMinY() + "," + lonLat.getMaxX() + "," + lonLat.getMaxY());
        map.put("WIDTH", Integer.toString(width));
        map.put("HEIGHT", Integer.toString(height));
        map.put("FORMAT", "image/png");
        map.put("TRANSPARENT", transparent);
        if (time != null) {
            map.put("TIME", time);
        }
        if (sld != null) {
            map.put("SLD_BODY", sld);
        }
        WmsResponse answer = wms.handle(Kvp.ofSingle(map), "http://localhost/wms", Reader.SYSTEM);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            answer.body().writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
