package org.terrawatch.submission.format;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.terrawatch.submission.SubmissionRefused;

/**
 * KML 2.2 (and a KMZ's {@code doc.kml}): each Placemark's polygons (in a MultiGeometry too) with their outer and
 * inner boundaries, its {@code name} and {@code description}, and its ExtendedData ({@code Data} and
 * {@code SimpleData}) as attributes. KML coordinates are WGS 84 longitude, latitude[, altitude] by definition.
 * Read with StAX without DTDs or external entities.
 */
final class KmlReader {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private KmlReader() {
    }

    static SourceLayer readKmz(byte[] zip) {
        Map<String, byte[]> files = ZipEntries.read(zip);
        byte[] kml = files.get("doc.kml");
        if (kml == null) {
            kml = files.entrySet().stream().filter(e -> e.getKey().endsWith(".kml")).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new SubmissionRefused("CORRUPT_FILE", "The KMZ holds no .kml"));
        }
        SourceLayer layer = read(kml);
        return new SourceLayer(FileFormat.KMZ, layer.encoding(), layer.crs(), layer.crsSource(), layer.fields(), layer.features());
    }

    static SourceLayer read(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<SourceFeature> features = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            boolean kml = false;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    kml |= xml.getLocalName().equals("kml");
                    if (xml.getLocalName().equals("Placemark")) {
                        features.add(placemark(xml, features.size() + 1, fields));
                    }
                }
            }
            if (!kml) {
                throw new SubmissionRefused("CORRUPT_FILE", "The XML file is not KML (no kml element)");
            }
        } catch (XMLStreamException e) {
            throw new SubmissionRefused("CORRUPT_FILE", "The KML cannot be read: " + e.getMessage());
        }
        return new SourceLayer(FileFormat.KML, null, CommonCRS.WGS84.normalizedGeographic(), "KML (WGS 84 longitude/latitude)",
                List.copyOf(fields), features);
    }

    private static SourceFeature placemark(XMLStreamReader xml, int number, Set<String> fields) throws XMLStreamException {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Polygon> polygons = new ArrayList<>();
        String problem = null;
        String notArea = null;
        String dataName = null;
        LinearRing outer = null;
        List<LinearRing> inner = new ArrayList<>();
        boolean inOuter = false;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("Polygon") && outer != null) {
                    polygons.add(FACTORY.createPolygon(outer, inner.toArray(LinearRing[]::new)));
                    outer = null;
                    inner.clear();
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (xml.getLocalName()) {
                case "name", "description" -> {
                    if (depth == 2) {
                        String key = xml.getLocalName();
                        attributes.put(key, xml.getElementText().strip());
                        fields.add(key);
                        depth--;
                    }
                }
                case "Data" -> dataName = xml.getAttributeValue(null, "name");
                case "value" -> {
                    if (dataName != null) {
                        attributes.put(dataName, xml.getElementText().strip());
                        fields.add(dataName);
                        depth--;
                    }
                }
                case "SimpleData" -> {
                    String key = xml.getAttributeValue(null, "name");
                    attributes.put(key, xml.getElementText().strip());
                    fields.add(key);
                    depth--;
                }
                case "outerBoundaryIs" -> inOuter = true;
                case "innerBoundaryIs" -> inOuter = false;
                case "coordinates" -> {
                    String text = xml.getElementText();
                    depth--;
                    try {
                        LinearRing ring = ring(text);
                        if (inOuter) {
                            outer = ring;
                        } else {
                            inner.add(ring);
                        }
                    } catch (IllegalArgumentException e) {
                        problem = "a ring cannot be read: " + e.getMessage();
                    }
                }
                case "Point", "LineString" -> notArea = xml.getLocalName();
                default -> {
                }
            }
        }
        if (problem != null && polygons.isEmpty()) {
            return new SourceFeature(number, null, attributes, null, problem);
        }
        if (polygons.isEmpty()) {
            return SourceFeature.of(number, notArea == null ? null : notArea.equals("Point") ? FACTORY.createPoint() : FACTORY.createLineString(),
                    attributes);
        }
        return SourceFeature.of(number, polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new)),
                attributes);
    }

    private static LinearRing ring(String text) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (String tuple : text.strip().split("\\s+")) {
            if (tuple.isEmpty()) {
                continue;
            }
            String[] parts = tuple.split(",");
            if (parts.length < 2) {
                throw new IllegalArgumentException("\"" + tuple + "\" is no longitude,latitude");
            }
            coordinates.add(new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
        if (!coordinates.isEmpty() && !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
