package org.terrawatch.wps;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.terrawatch.processing.BoundingBox;
import org.terrawatch.processing.ComplexValue;
import org.terrawatch.processing.Parameter;
import org.terrawatch.processing.ProcessDescription;
import org.terrawatch.processing.ProcessOutputs;
import org.terrawatch.processing.Reference;
import org.terrawatch.processing.ValueKind;

/**
 * A WPS 1.0.0 ExecuteResponse: the process, its status (accepted, started with percent, succeeded, failed with an
 * exception report), optionally the inputs and output definitions (lineage), and the outputs inline or as references.
 */
final class ExecuteResponseWriter {

    /** Where a run stands, as the document reports it. */
    record Status(String kind, int percent, String message, String failureCode, String failureLocator, Instant created) {

        static Status succeeded(Instant at) {
            return new Status("ProcessSucceeded", 100, "Done", null, null, at);
        }
    }

    /**
     * @param statusLocation   where the stored document can be fetched, or null
     * @param outputReferences per output id: the address to fetch it from (asReference), or absent for inline
     * @param lineageInputs    the inputs to repeat, or null without lineage
     */
    static void write(ProcessDescription process, Status status, ProcessOutputs outputs, List<String> wanted, Map<String, String> outputReferences,
                      Map<String, List<Object>> lineageInputs, String serviceInstance, String statusLocation, OutputStream out)
            throws XMLStreamException {
        try (WpsXml w = new WpsXml(out)) {
            w.root("ExecuteResponse", "wpsExecute_response.xsd");
            w.attribute("serviceInstance", serviceInstance);
            if (statusLocation != null) {
                w.attribute("statusLocation", statusLocation);
            }
            w.start(WpsXml.WPS, "Process");
            w.xml.writeAttribute("wps", WpsXml.WPS, "processVersion", process.version());
            w.described(process.id(), process.title(), process.description());
            w.end();
            w.start(WpsXml.WPS, "Status");
            w.attribute("creationTime", status.created().truncatedTo(ChronoUnit.SECONDS).toString());
            w.start(WpsXml.WPS, status.kind());
            switch (status.kind()) {
                case "ProcessStarted" -> {
                    w.attribute("percentCompleted", String.valueOf(Math.max(0, Math.min(99, status.percent()))));
                    w.xml.writeCharacters(status.message() == null ? "Running" : status.message());
                }
                case "ProcessFailed" -> {
                    w.start(WpsXml.OWS, "ExceptionReport");
                    w.attribute("version", "1.0.0");
                    w.start(WpsXml.OWS, "Exception");
                    w.attribute("exceptionCode", status.failureCode());
                    if (status.failureLocator() != null) {
                        w.attribute("locator", status.failureLocator());
                    }
                    w.text(WpsXml.OWS, "ExceptionText", status.message());
                    w.end();
                    w.end();
                }
                default -> w.xml.writeCharacters(status.message() == null ? status.kind() : status.message());
            }
            w.end();
            w.end();
            if (lineageInputs != null) {
                lineage(w, process, lineageInputs, wanted);
            }
            if (outputs != null) {
                w.start(WpsXml.WPS, "ProcessOutputs");
                for (Parameter parameter : process.outputs()) {
                    Object value = outputs.get(parameter.id());
                    if (value == null || !wanted.isEmpty() && !wanted.contains(parameter.id())) {
                        continue;
                    }
                    w.start(WpsXml.WPS, "Output");
                    w.described(parameter.id(), parameter.title(), parameter.description());
                    String reference = outputReferences.get(parameter.id());
                    if (reference != null) {
                        w.start(WpsXml.WPS, "Reference");
                        w.attribute("href", reference);
                        w.attribute("mimeType", mediaType(parameter, value));
                        w.end();
                    } else {
                        w.start(WpsXml.WPS, "Data");
                        data(w, parameter, value);
                        w.end();
                    }
                    w.end();
                }
                w.end();
            }
            w.end();
        }
    }

    static String mediaType(Parameter parameter, Object value) {
        if (value instanceof ComplexValue complex) {
            return complex.mediaType();
        }
        return parameter.kind() == ValueKind.BOUNDING_BOX ? "text/xml" : "text/plain";
    }

    private static void lineage(WpsXml w, ProcessDescription process, Map<String, List<Object>> inputs, List<String> wanted) throws XMLStreamException {
        w.start(WpsXml.WPS, "DataInputs");
        for (Map.Entry<String, List<Object>> entry : inputs.entrySet()) {
            Parameter parameter = process.input(entry.getKey()).orElseThrow();
            for (Object value : entry.getValue()) {
                w.start(WpsXml.WPS, "Input");
                w.described(parameter.id(), parameter.title(), null);
                if (value instanceof Reference reference) {
                    w.start(WpsXml.WPS, "Reference");
                    w.xml.writeAttribute("xlink", WpsXml.XLINK, "href", reference.href());
                    w.end();
                } else {
                    w.start(WpsXml.WPS, "Data");
                    data(w, parameter, value);
                    w.end();
                }
                w.end();
            }
        }
        w.end();
        w.start(WpsXml.WPS, "OutputDefinitions");
        for (Parameter parameter : process.outputs()) {
            if (wanted.isEmpty() || wanted.contains(parameter.id())) {
                w.start(WpsXml.WPS, "Output");
                w.described(parameter.id(), parameter.title(), null);
                w.end();
            }
        }
        w.end();
    }

    private static void data(WpsXml w, Parameter parameter, Object value) throws XMLStreamException {
        if (value instanceof BoundingBox box) {
            w.start(WpsXml.WPS, "BoundingBoxData");
            if (box.crs() != null) {
                w.attribute("crs", box.crs());
            }
            w.attribute("dimensions", String.valueOf(box.lower().length));
            w.text(WpsXml.OWS, "LowerCorner", corner(box.lower()));
            w.text(WpsXml.OWS, "UpperCorner", corner(box.upper()));
            w.end();
        } else if (value instanceof ComplexValue complex) {
            w.start(WpsXml.WPS, "ComplexData");
            w.attribute("mimeType", complex.mediaType());
            if (complex.base64()) {
                w.attribute("encoding", "base64");
            }
            if (complex.isXml()) {
                w.xml.writeCData(complex.text().replaceFirst("^<\\?xml[^>]*\\?>", "").replace("]]>", "]]]]><![CDATA[>"));
            } else {
                w.xml.writeCharacters(complex.text());
            }
            w.end();
        } else {
            w.start(WpsXml.WPS, "LiteralData");
            w.attribute("dataType", "xs:" + ProcessDescriptionsWriter.xsType(parameter.dataType()));
            w.xml.writeCharacters(value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && parameter.dataType() != null
                    && parameter.dataType().equals("integer") ? String.valueOf(d.longValue()) : String.valueOf(value));
            w.end();
        }
    }

    private static String corner(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(v);
        }
        return text.toString();
    }
}
