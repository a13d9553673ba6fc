package org.terrawatch.ows.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.SafeXml;

/**
 * A small, immutable element tree for request fragments that are read as a whole (filters, geometries):
 * local name, namespace, attributes by local name, child elements and text. Built from {@link SafeXml},
 * so DTDs and entities are refused; bounded in depth and size. Each element keeps the namespace prefixes in scope
 * where it stands, so that qualified names in text and attributes ({@code typeNames="ns12:patches"}) resolve by
 * namespace, whatever prefix the client chose.
 */
public record XmlElement(String namespace, String name, Map<String, String> attributes, List<XmlElement> children, String text,
                         Map<String, String> prefixes) {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 100_000;

    /** Parses a whole document; the locator names the request parameter it came from. */
    public static XmlElement parse(String xml, String locator) {
        XMLStreamReader reader = SafeXml.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return read(reader, 0, new int[1], Map.of(), locator);
                }
            }
            throw new OwsException(ExceptionCode.OPERATION_PARSING_FAILED, locator, "No XML element in " + locator);
        } catch (XMLStreamException e) {
            throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, locator, locator + " is not well-formed XML: " + e.getMessage(), e);
        } catch (OwsException e) {
            throw e.locator() != null ? e : new OwsException(e.code(), locator, e.getMessage(), e);
        }
    }

    /** Reads the element the reader is positioned on, up to its end tag, with the prefixes its parent has in scope. */
    private static XmlElement read(XMLStreamReader reader, int depth, int[] count, Map<String, String> inherited, String locator)
            throws XMLStreamException {
        if (depth > MAX_DEPTH || ++count[0] > MAX_ELEMENTS) {
            throw new OwsException(ExceptionCode.INVALID_PARAMETER_VALUE, locator, locator + " is nested too deeply or too large");
        }
        Map<String, String> prefixes = inherited;
        if (reader.getNamespaceCount() > 0) {
            Map<String, String> declared = new LinkedHashMap<>(inherited);
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                String prefix = reader.getNamespacePrefix(i);
                declared.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i));
            }
            prefixes = Map.copyOf(declared);
        }
        String namespace = reader.getNamespaceURI();
        String name = reader.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read(reader, depth + 1, count, prefixes, locator));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new XmlElement(namespace, name, Map.copyOf(attributes), List.copyOf(children), text.toString().strip(), prefixes);
    }

    public Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    /** An attribute whatever the case of its name, for clients that write {@code typenames} for {@code typeNames}. */
    public Optional<String> attributeIgnoringCase(String localName) {
        return attributes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(localName)).map(Map.Entry::getValue).findFirst();
    }

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The child of that name, or a parsing error naming what is missing. */
    public XmlElement require(String localName, String locator) {
        return child(localName).orElseThrow(() -> OwsException.invalid(locator, "<" + name + "> needs a <" + localName + ">"));
    }

    /**
     * The element written back as XML text (each namespace declared where it is first used; attributes without
     * namespace; text before children): for documents passed through, such as a complex process input.
     */
    public String toXml() {
        StringBuilder out = new StringBuilder();
        write(out, null);
        return out.toString();
    }

    private void write(StringBuilder out, String parentNamespace) {
        out.append('<').append(name);
        if (namespace != null && !namespace.isEmpty() && !namespace.equals(parentNamespace)) {
            out.append(" xmlns=\"").append(escape(namespace)).append('"');
        }
        attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
        if (children.isEmpty() && text.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>').append(escape(text));
        for (XmlElement child : children) {
            child.write(out, namespace);
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
