package org.terrawatch.wps;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.Numbers;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.processing.BoundingBox;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.ValueKind;

/**
 * Reads Execute requests. KVP: {@code DataInputs=id=value@attribute=value;...} (each piece URL-decoded; a bounding box
 * as {@code minx,miny,maxx,maxy[,crs]}; a reference as {@code id=@xlink:href=...}), {@code ResponseDocument=id@asReference=true;...}
 * or {@code RawDataOutput=id@mimeType=...}, {@code storeExecuteResponse}, {@code status}, {@code lineage}. XML: {@code wps:Execute}
 * with {@code wps:DataInputs} and {@code wps:ResponseForm}.
 */
final class ExecuteRequestReader {

    private ExecuteRequestReader() {
    }

    static ExecuteRequest fromKvp(Kvp kvp, ProcessDescription process) {
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        for (String item : pieces(kvp.get("DataInputs").orElse(""), ';')) {
            List<String> parts = pieces(item, '@');
            String first = parts.get(0);
            int equals = first.indexOf('=');
            if (equals < 1) {
                throw OwsException.invalid("DataInputs", "Each input is written id=value: " + item);
            }
            String id = decode(first.substring(0, equals));
            String value = decode(first.substring(equals + 1));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String attribute : parts.subList(1, parts.size())) {
                int eq = attribute.indexOf('=');
                if (eq > 0) {
                    attributes.put(decode(attribute.substring(0, eq)).replaceFirst("^xlink:", "").toLowerCase(), decode(attribute.substring(eq + 1)));
                }
            }
            Parameter parameter = input(process, id);
            Object typed;
            if (attributes.containsKey("href")) {
                typed = new Reference(attributes.get("href"), attributes.get("mimetype"));
            } else if (parameter.kind() == ValueKind.BOUNDING_BOX) {
                typed = boundingBox(id, value);
            } else if (parameter.kind() == ValueKind.COMPLEX) {
                String mimeType = attributes.getOrDefault("mimetype", parameter.mediaTypes().isEmpty() ? "text/plain" : parameter.mediaTypes().get(0));
                typed = new ComplexValue(mimeType, value, "base64".equalsIgnoreCase(attributes.get("encoding")));
            } else {
                typed = value;
            }
            inputs.computeIfAbsent(id, k -> new ArrayList<>()).add(typed);
        }
        boolean store = flag(kvp, "storeExecuteResponse");
        boolean status = flag(kvp, "status");
        boolean lineage = flag(kvp, "lineage");
        ExecuteRequest.ResponseForm form;
        if (kvp.get("RawDataOutput").isPresent()) {
            List<String> parts = pieces(kvp.get("RawDataOutput").get(), '@');
            String mimeType = parts.stream().skip(1).filter(p -> p.toLowerCase().startsWith("mimetype=")).map(p -> decode(p.substring(9))).findFirst().orElse(null);
            form = new ExecuteRequest.ResponseForm(decode(parts.get(0)), mimeType, false, false, false, List.of());
        } else {
            List<ExecuteRequest.OutputRequest> outputs = new ArrayList<>();
            for (String item : pieces(kvp.get("ResponseDocument").orElse(""), ';')) {
                List<String> parts = pieces(item, '@');
                boolean reference = parts.stream().skip(1).anyMatch(p -> p.equalsIgnoreCase("asReference=true"));
                outputs.add(new ExecuteRequest.OutputRequest(decode(parts.get(0)), reference, null));
            }
            form = new ExecuteRequest.ResponseForm(null, null, store, status, lineage, outputs);
        }
        return new ExecuteRequest(process.id(), inputs, form);
    }

    static ExecuteRequest fromXml(XmlElement execute, ProcessDescription process) {
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        execute.child("DataInputs").ifPresent(dataInputs -> {
            for (XmlElement input : dataInputs.children("Input")) {
                String id = input.require("Identifier", "Input").text();
                Parameter parameter = input(process, id);
                Object value;
                if (input.child("Reference").isPresent()) {
                    XmlElement reference = input.child("Reference").get();
                    value = new Reference(reference.attribute("href").orElseThrow(() -> OwsException.invalid(id, "A Reference needs xlink:href")),
                            reference.attribute("mimeType").orElse(null));
                } else {
                    XmlElement data = input.require("Data", id);
                    value = dataValue(id, parameter, data);
                }
                inputs.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
            }
        });
        ExecuteRequest.ResponseForm form = ExecuteRequest.ResponseForm.DEFAULT;
        if (execute.child("ResponseForm").isPresent()) {
            XmlElement responseForm = execute.child("ResponseForm").get();
            if (responseForm.child("RawDataOutput").isPresent()) {
                XmlElement raw = responseForm.child("RawDataOutput").get();
                form = new ExecuteRequest.ResponseForm(raw.require("Identifier", "RawDataOutput").text(), raw.attribute("mimeType").orElse(null),
                        false, false, false, List.of());
            } else if (responseForm.child("ResponseDocument").isPresent()) {
                XmlElement document = responseForm.child("ResponseDocument").get();
                List<ExecuteRequest.OutputRequest> outputs = new ArrayList<>();
                for (XmlElement output : document.children("Output")) {
                    outputs.add(new ExecuteRequest.OutputRequest(output.require("Identifier", "Output").text(),
                            output.attribute("asReference").map(Boolean::parseBoolean).orElse(false), output.attribute("mimeType").orElse(null)));
                }
                form = new ExecuteRequest.ResponseForm(null, null, bool(document, "storeExecuteResponse"), bool(document, "status"),
                        bool(document, "lineage"), outputs);
            }
        }
        return new ExecuteRequest(process.id(), inputs, form);
    }

    private static Object dataValue(String id, Parameter parameter, XmlElement data) {
        if (data.child("LiteralData").isPresent()) {
            return data.child("LiteralData").get().text();
        }
        if (data.child("BoundingBoxData").isPresent()) {
            XmlElement box = data.child("BoundingBoxData").get();
            try {
                return new BoundingBox(corner(id, box.require("LowerCorner", id).text()), corner(id, box.require("UpperCorner", id).text()),
                        box.attribute("crs").orElse(null));
            } catch (IllegalArgumentException e) {
                throw OwsException.invalid(id, "Not a bounding box: " + e.getMessage());
            }
        }
        if (data.child("ComplexData").isPresent()) {
            XmlElement complex = data.child("ComplexData").get();
            String mimeType = complex.attribute("mimeType").orElse(parameter.mediaTypes().isEmpty() ? "text/plain" : parameter.mediaTypes().get(0));
            boolean base64 = complex.attribute("encoding").map("base64"::equalsIgnoreCase).orElse(false);
            String content = complex.children().isEmpty() ? complex.text() : complex.children().get(0).toXml();
            return new ComplexValue(mimeType, content, base64);
        }
        throw OwsException.invalid(id, "The input " + id + " needs LiteralData, ComplexData or BoundingBoxData");
    }

    private static Parameter input(ProcessDescription process, String id) {
        return process.input(id).orElseThrow(() -> OwsException.invalid(id, "The process " + process.id() + " has no input " + id));
    }

    private static BoundingBox boundingBox(String id, String value) {
        String[] parts = value.split(",");
        if (parts.length != 4 && parts.length != 5) {
            throw OwsException.invalid(id, "A bounding box is written minx,miny,maxx,maxy[,crs]: " + value);
        }
        try {
            return new BoundingBox(new double[] {Numbers.finite(parts[0], id), Numbers.finite(parts[1], id)},
                    new double[] {Numbers.finite(parts[2], id), Numbers.finite(parts[3], id)}, parts.length == 5 ? parts[4].trim() : null);
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(id, "Not a bounding box: " + value + " (" + e.getMessage() + ")");
        }
    }

    private static double[] corner(String id, String text) {
        String[] parts = text.trim().split("\\s+");
        double[] corner = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            corner[i] = Numbers.finite(parts[i], id);
        }
        return corner;
    }

    private static boolean flag(Kvp kvp, String name) {
        return kvp.get(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static boolean bool(XmlElement element, String attribute) {
        return element.attribute(attribute).map(Boolean::parseBoolean).orElse(false);
    }

    private static List<String> pieces(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
            if (!piece.isBlank()) {
                pieces.add(piece.trim());
            }
        }
        return pieces;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
