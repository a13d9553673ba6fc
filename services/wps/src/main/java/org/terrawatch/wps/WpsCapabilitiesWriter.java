package org.terrawatch.wps;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import org.terrawatch.processing.Process;
import org.terrawatch.processing.ProcessCatalogue;

/** The WPS 1.0.0 capabilities: service, operations with their GET and POST addresses, the process offerings, languages. */
final class WpsCapabilitiesWriter {

    private WpsCapabilitiesWriter() {
    }

    static void write(ProcessCatalogue catalogue, String endpoint, OutputStream out) throws XMLStreamException {
        try (WpsXml w = new WpsXml(out)) {
            w.root("Capabilities", "wpsGetCapabilities_response.xsd");
            w.attribute("updateSequence", "1");
            w.start(WpsXml.OWS, "ServiceIdentification");
            w.text(WpsXml.OWS, "Title", "TerraWatch processes");
            w.text(WpsXml.OWS, "Abstract", "Change detection between imagery epochs into monitoring patches, overlay and area statistics, "
                    + "polygonising masks: the natural-resource monitoring processes of TerraWatch.");
            w.start(WpsXml.OWS, "Keywords");
            for (String keyword : new String[] {"change detection", "remote sensing", "natural resources", "WPS"}) {
                w.text(WpsXml.OWS, "Keyword", keyword);
            }
            w.end();
            w.text(WpsXml.OWS, "ServiceType", "WPS");
            w.text(WpsXml.OWS, "ServiceTypeVersion", WpsXml.VERSION);
            w.text(WpsXml.OWS, "Fees", "NONE");
            w.text(WpsXml.OWS, "AccessConstraints", "NONE");
            w.end();
            w.start(WpsXml.OWS, "ServiceProvider");
            w.text(WpsXml.OWS, "ProviderName", "TerraWatch");
            w.start(WpsXml.OWS, "ServiceContact");
            w.text(WpsXml.OWS, "IndividualName", "GIS administrator");
            w.end();
            w.end();
            w.start(WpsXml.OWS, "OperationsMetadata");
            for (String operation : new String[] {"GetCapabilities", "DescribeProcess", "Execute"}) {
                w.start(WpsXml.OWS, "Operation");
                w.attribute("name", operation);
                w.start(WpsXml.OWS, "DCP");
                w.start(WpsXml.OWS, "HTTP");
                for (String method : new String[] {"Get", "Post"}) {
                    w.start(WpsXml.OWS, method);
                    w.xml.writeAttribute(WpsXml.XLINK, "href", endpoint + (method.equals("Get") ? "?" : ""));
                    w.end();
                }
                w.end();
                w.end();
                w.end();
            }
            w.end();
            w.start(WpsXml.WPS, "ProcessOfferings");
            for (Process process : catalogue.all()) {
                w.start(WpsXml.WPS, "Process");
                w.xml.writeAttribute("wps", WpsXml.WPS, "processVersion", process.description().version());
                w.described(process.id(), process.description().title(), process.description().description());
                w.end();
            }
            w.end();
            w.start(WpsXml.WPS, "Languages");
            w.start(WpsXml.WPS, "Default");
            w.text(WpsXml.OWS, "Language", "en-US");
            w.end();
            w.start(WpsXml.WPS, "Supported");
            w.text(WpsXml.OWS, "Language", "en-US");
            w.end();
            w.end();
            w.end();
        }
    }
}
