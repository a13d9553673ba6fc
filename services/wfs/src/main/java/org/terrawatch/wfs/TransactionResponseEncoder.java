package org.terrawatch.wfs;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.query.edit.FeatureLocks;

/**
 * The answers of Transaction and LockFeature in the request's version: {@code wfs:TransactionResponse} with
 * TransactionSummary and InsertResults (2.0 with fes:ResourceId, 1.1.0 with ogc:FeatureId), in 2.0 also UpdateResults and
 * ReplaceResults,
 * {@code wfs:WFS_TransactionResponse} with InsertResult and a SUCCESS status (1.0.0), and
 * {@code wfs:LockFeatureResponse} / {@code WFS_LockFeatureResponse}.
 */
final class TransactionResponseEncoder {

    private TransactionResponseEncoder() {
    }

    static void write(String version, TransactionResult result, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (version.equals(WfsService.VERSION_1_0)) {
                legacy(xml, result);
            } else {
                boolean two = !version.equals(WfsService.VERSION_1_1);
                String wfs = two ? Xml.WFS : Xml.WFS_1_1;
                xml.writeStartElement("wfs", "TransactionResponse", wfs);
                xml.writeNamespace("wfs", wfs);
                xml.writeNamespace(two ? "fes" : "ogc", two ? Xml.FES : Xml.OGC);
                xml.writeAttribute("version", two ? WfsService.VERSION : WfsService.VERSION_1_1);
                xml.writeStartElement("wfs", "TransactionSummary", wfs);
                Xml.element(xml, "wfs", wfs, "totalInserted", Long.toString(result.inserted()));
                Xml.element(xml, "wfs", wfs, "totalUpdated", Long.toString(result.updated() + (two ? 0 : result.replaced())));
                if (two) {
                    Xml.element(xml, "wfs", wfs, "totalReplaced", Long.toString(result.replaced()));
                }
                Xml.element(xml, "wfs", wfs, "totalDeleted", Long.toString(result.deleted()));
                xml.writeEndElement();
                results(xml, wfs, two, "InsertResults", result.insertedFeatures());
                if (two) {
                    results(xml, wfs, true, "UpdateResults", result.updatedFeatures());
                    results(xml, wfs, true, "ReplaceResults", result.replacedFeatures());
                }
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the transaction response", e);
        }
    }

    /** InsertResults, UpdateResults or ReplaceResults: a wfs:Feature with its handle and identifier each; nothing when empty. */
    private static void results(XMLStreamWriter xml, String wfs, boolean two, String name, List<TransactionResult.Changed> features)
            throws XMLStreamException {
        if (features.isEmpty()) {
            return;
        }
        xml.writeStartElement("wfs", name, wfs);
        for (TransactionResult.Changed changed : features) {
            xml.writeStartElement("wfs", "Feature", wfs);
            if (changed.handle() != null) {
                xml.writeAttribute("handle", changed.handle());
            }
            if (two) {
                xml.writeEmptyElement("fes", "ResourceId", Xml.FES);
                xml.writeAttribute("rid", changed.featureId());
            } else {
                xml.writeEmptyElement("ogc", "FeatureId", Xml.OGC);
                xml.writeAttribute("fid", changed.featureId());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void legacy(XMLStreamWriter xml, TransactionResult result) throws XMLStreamException {
        xml.writeStartElement("wfs", "WFS_TransactionResponse", Xml.WFS_1_1);
        xml.writeNamespace("wfs", Xml.WFS_1_1);
        xml.writeNamespace("ogc", Xml.OGC);
        xml.writeAttribute("version", WfsService.VERSION_1_0);
        if (!result.insertedFeatures().isEmpty()) {
            xml.writeStartElement("wfs", "InsertResult", Xml.WFS_1_1);
            for (TransactionResult.Changed inserted : result.insertedFeatures()) {
                xml.writeEmptyElement("ogc", "FeatureId", Xml.OGC);
                xml.writeAttribute("fid", inserted.featureId());
            }
            xml.writeEndElement();
        }
        xml.writeStartElement("wfs", "TransactionResult", Xml.WFS_1_1);
        xml.writeStartElement("wfs", "Status", Xml.WFS_1_1);
        xml.writeEmptyElement("wfs", "SUCCESS", Xml.WFS_1_1);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    static void lock(String version, FeatureLocks.Granted granted, OutputStream out) {
        try {
            XMLStreamWriter xml = Xml.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            boolean two = version.equals(WfsService.VERSION);
            boolean one = version.equals(WfsService.VERSION_1_0);
            String wfs = two ? Xml.WFS : Xml.WFS_1_1;
            xml.writeStartElement("wfs", one ? "WFS_LockFeatureResponse" : "LockFeatureResponse", wfs);
            xml.writeNamespace("wfs", wfs);
            xml.writeNamespace(two ? "fes" : "ogc", two ? Xml.FES : Xml.OGC);
            if (two) {
                xml.writeAttribute("lockId", granted.lockId());
            } else {
                xml.writeAttribute("version", version);
                Xml.element(xml, "wfs", wfs, "LockId", granted.lockId());
            }
            ids(xml, wfs, "FeaturesLocked", granted.locked(), two);
            ids(xml, wfs, "FeaturesNotLocked", granted.notLocked(), two);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the lock response", e);
        }
    }

    private static void ids(XMLStreamWriter xml, String wfs, String element, List<String> ids, boolean two) throws XMLStreamException {
        if (ids.isEmpty()) {
            return;
        }
        xml.writeStartElement("wfs", element, wfs);
        for (String id : ids) {
            if (two) {
                xml.writeEmptyElement("fes", "ResourceId", Xml.FES);
                xml.writeAttribute("rid", id);
            } else {
                xml.writeEmptyElement("ogc", "FeatureId", Xml.OGC);
                xml.writeAttribute("fid", id);
            }
        }
        xml.writeEndElement();
    }
}
