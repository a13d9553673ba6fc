package org.terrawatch.ows;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * XML request bodies read as a stream, with document type declarations refused outright: no DTD, no
 * entity expansion, no external resource is ever fetched (XXE and entity-expansion attacks). The refusal is
 * an {@link OwsException} with {@link ExceptionCode#OPERATION_PARSING_FAILED}.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {
    }

    private static XMLInputFactory create() {
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External resources are not read: " + systemId);
        });
        return factory;
    }

    /** A reader that fails on any DOCTYPE or entity reference. */
    public static XMLStreamReader reader(InputStream body) {
        try {
            return new StreamReaderDelegate(FACTORY.createXMLStreamReader(body)) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new OwsException(ExceptionCode.OPERATION_PARSING_FAILED, null,
                                "Document type declarations and entities are not accepted in requests");
                    }
                    return event;
                }
            };
        } catch (XMLStreamException e) {
            throw new OwsException(ExceptionCode.OPERATION_PARSING_FAILED, null, "The request is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
