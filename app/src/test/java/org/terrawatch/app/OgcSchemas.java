package org.terrawatch.app;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates documents against the official OGC schemas packaged in {@code org.jvnet.ogc:ogc-schemas} and the W3C
 * ones in {@code org.hisrc.w3c:w3c-schemas}. Every http://schemas.opengis.net and W3C schema location is
 * read from the classpath; any other remote location fails the validation instead of touching the network.
 */
final class OgcSchemas {

    private OgcSchemas() {
    }

    /** The schema made of the given OGC schema (path under schemas.opengis.net) plus extra schema documents. */
    static Schema schema(String ogcPath, String... extraSchemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new ClasspathResolver());
        List<Source> sources = new ArrayList<>();
        URL main = resource("http://schemas.opengis.net/" + ogcPath);
        sources.add(new StreamSource(main.openStream(), main.toString()));
        for (int i = 0; i < extraSchemas.length; i++) {
            sources.add(new StreamSource(new StringReader(extraSchemas[i]), "urn:terrawatch:extra:" + i));
        }
        return factory.newSchema(sources.toArray(Source[]::new));
    }

    /** Errors of the document against the schema; empty when valid. */
    static List<String> errors(Schema schema, String document) throws Exception {
        List<String> errors = new ArrayList<>();
        var validator = schema.newValidator();
        validator.setResourceResolver(new ClasspathResolver());
        validator.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        validator.validate(new StreamSource(new StringReader(document)));
        return errors;
    }

    /** Errors of a document against the DTD it declares (WMS 1.1.1), resolved from the schema jar; empty when valid. */
    static List<String> dtdErrors(String document) throws Exception {
        List<String> errors = new ArrayList<>();
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        factory.setNamespaceAware(false);
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(resource(systemId).openStream()));
        builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        builder.parse(new org.xml.sax.InputSource(new StringReader(document)));
        return errors;
    }

    private static URL resource(String location) {
        String path;
        if (location.startsWith("http://schemas.opengis.net/")) {
            path = "ogc/" + location.substring("http://schemas.opengis.net/".length());
        } else if (location.equals("http://www.w3.org/1999/xlink.xsd")) {
            path = "w3c/1999/xlink.xsd";
        } else if (location.equals("http://www.w3.org/2001/xml.xsd")) {
            path = "w3c/2001/xml.xsd";
        } else {
            throw new IllegalStateException("Schema location not available offline: " + location);
        }
        URL url = OgcSchemas.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("Schema " + path + " is not on the test classpath");
        }
        return url;
    }

    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null || !systemId.startsWith("http")) {
                return null; // relative locations resolve against their jar: base
            }
            URL url = resource(systemId);
            return new Input(url, publicId);
        }
    }

    private record Input(URL url, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return url.toString(); }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return url.toString(); }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
