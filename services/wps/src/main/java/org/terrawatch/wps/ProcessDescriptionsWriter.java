package org.terrawatch.wps;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.Process;

/** WPS 1.0.0 DescribeProcess: each process's inputs and outputs as literal, complex or bounding-box data. */
final class ProcessDescriptionsWriter {

    /** The CRSs a bounding box may be given in (the first is the default). */
    static final List<String> BOX_CRS = List.of("urn:ogc:def:crs:EPSG::4490", "urn:ogc:def:crs:EPSG::4326",
            "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4490", "EPSG:4326");
    static final int MAXIMUM_MEGABYTES = 64;

    private ProcessDescriptionsWriter() {
    }

    static void write(List<Process> processes, OutputStream out) throws XMLStreamException {
        try (WpsXml w = new WpsXml(out)) {
            w.root("ProcessDescriptions", "wpsDescribeProcess_response.xsd");
            for (Process process : processes) {
                w.xml.writeStartElement("ProcessDescription"); // local elements of the description are unqualified
                w.xml.writeAttribute("wps", WpsXml.WPS, "processVersion", process.description().version());
                w.attribute("storeSupported", "true");
                w.attribute("statusSupported", "true");
                w.described(process.id(), process.description().title(), process.description().description());
                w.xml.writeStartElement("DataInputs");
                for (Parameter input : process.description().inputs()) {
                    w.xml.writeStartElement("Input");
                    w.attribute("minOccurs", String.valueOf(input.minOccurs()));
                    w.attribute("maxOccurs", String.valueOf(input.maxOccurs()));
                    w.described(input.id(), input.title(), input.description());
                    data(w, input, true);
                    w.end();
                }
                w.end();
                w.xml.writeStartElement("ProcessOutputs");
                for (Parameter output : process.description().outputs()) {
                    w.xml.writeStartElement("Output");
                    w.described(output.id(), output.title(), output.description());
                    data(w, output, false);
                    w.end();
                }
                w.end();
                w.end();
            }
        }
    }

    private static void data(WpsXml w, Parameter parameter, boolean input) throws XMLStreamException {
        switch (parameter.kind()) {
            case LITERAL -> {
                w.xml.writeStartElement(input ? "LiteralData" : "LiteralOutput");
                w.start(WpsXml.OWS, "DataType");
                w.xml.writeAttribute(WpsXml.OWS, "reference", "http://www.w3.org/TR/xmlschema-2/#" + xsType(parameter.dataType()));
                w.xml.writeCharacters(xsType(parameter.dataType()));
                w.end();
                if (input) {
                    if (parameter.allowedValues().isEmpty()) {
                        w.start(WpsXml.OWS, "AnyValue");
                        w.end();
                    } else {
                        w.start(WpsXml.OWS, "AllowedValues");
                        for (String value : parameter.allowedValues()) {
                            w.text(WpsXml.OWS, "Value", value);
                        }
                        w.end();
                    }
                    if (parameter.defaultValue() != null) {
                        w.xml.writeStartElement("DefaultValue");
                        w.xml.writeCharacters(parameter.defaultValue());
                        w.end();
                    }
                }
                w.end();
            }
            case BOUNDING_BOX -> {
                w.xml.writeStartElement(input ? "BoundingBoxData" : "BoundingBoxOutput");
                w.xml.writeStartElement("Default");
                w.xml.writeStartElement("CRS");
                w.xml.writeCharacters(BOX_CRS.get(0));
                w.end();
                w.end();
                w.xml.writeStartElement("Supported");
                for (String crs : BOX_CRS) {
                    w.xml.writeStartElement("CRS");
                    w.xml.writeCharacters(crs);
                    w.end();
                }
                w.end();
                w.end();
            }
            case COMPLEX -> {
                w.xml.writeStartElement(input ? "ComplexData" : "ComplexOutput");
                if (input) {
                    w.attribute("maximumMegabytes", String.valueOf(MAXIMUM_MEGABYTES));
                }
                w.xml.writeStartElement("Default");
                format(w, parameter.mediaTypes().get(0));
                w.end();
                w.xml.writeStartElement("Supported");
                for (String type : parameter.mediaTypes()) {
                    format(w, type);
                }
                w.end();
                w.end();
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void format(WpsXml w, String mediaType) throws XMLStreamException {
        w.xml.writeStartElement("Format");
        w.xml.writeStartElement("MimeType");
        w.xml.writeCharacters(mediaType);
        w.end();
        if (mediaType.startsWith("image/")) {
            w.xml.writeStartElement("Encoding");
            w.xml.writeCharacters("base64");
            w.end();
        }
        w.end();
    }

    static String xsType(String dataType) {
        return switch (dataType == null ? "string" : dataType) {
            case "integer" -> "integer";
            case "double" -> "double";
            case "boolean" -> "boolean";
            case "date" -> "date";
            default -> "string";
        };
    }
}
