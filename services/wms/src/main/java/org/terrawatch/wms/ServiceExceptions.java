package org.terrawatch.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terrawatch.ows.xml.XmlText;
import org.terrawatch.rendering.Fonts;
import org.terrawatch.rendering.ImageEncoder;
import org.terrawatch.rendering.ImageFormat;

/**
 * WMS exceptions in the form the request asked for (EXCEPTIONS): a ServiceExceptionReport in XML (1.3.0 in
 * the OGC namespace, 1.1.1 without, as application/vnd.ogc.se_xml), the message drawn into an image of the
 * requested size and format (INIMAGE), or an empty image (BLANK).
 */
public final class ServiceExceptions {

    private static final XMLOutputFactory OUTPUT = new com.ctc.wstx.stax.WstxOutputFactory();

    private ServiceExceptions() {
    }

    /** How to answer: XML, or an image when the request wanted one. */
    public record Form(String version, String exceptions, int width, int height, ImageFormat format, Color background, boolean transparent) {

        public static Form xml(String version) {
            return new Form(version, "XML", 0, 0, null, null, false);
        }

        boolean image() {
            String kind = exceptions == null ? "" : exceptions.toUpperCase(Locale.ROOT);
            return format != null && width > 0 && height > 0 && (kind.endsWith("INIMAGE") || kind.endsWith("BLANK"));
        }

        boolean blank() {
            return exceptions != null && exceptions.toUpperCase(Locale.ROOT).endsWith("BLANK");
        }
    }

    public static String mediaType(Form form) {
        if (form.image()) {
            return form.format().contentType();
        }
        return form.version().startsWith("1.1") ? "application/vnd.ogc.se_xml" : "text/xml";
    }

    /** The HTTP status: XML reports carry the error's status; images are answered 200, as clients expect them. */
    public static int status(WmsException exception, Form form) {
        return form.image() ? 200 : exception.httpStatus();
    }

    public static void write(WmsException exception, Form form, OutputStream out) throws IOException {
        if (form.image()) {
            image(exception, form, out);
            return;
        }
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            boolean legacy = form.version().startsWith("1.1");
            if (legacy) {
                xml.writeStartElement("ServiceExceptionReport");
                xml.writeAttribute("version", "1.1.1");
            } else {
                xml.setDefaultNamespace("http://www.opengis.net/ogc");
                xml.writeStartElement("http://www.opengis.net/ogc", "ServiceExceptionReport");
                xml.writeDefaultNamespace("http://www.opengis.net/ogc");
                xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
                xml.writeAttribute("version", "1.3.0");
                xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                        "http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            }
            xml.writeStartElement(legacy ? "" : "http://www.opengis.net/ogc", "ServiceException");
            xml.writeAttribute("code", exception.code());
            if (exception.locator() != null) {
                xml.writeAttribute("locator", XmlText.legal(exception.locator()));
            }
            xml.writeCharacters(XmlText.legal(exception.getMessage()));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void image(WmsException exception, Form form, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(form.width(), form.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        if (!form.transparent()) {
            g.setColor(form.background() == null ? Color.WHITE : form.background());
            g.fillRect(0, 0, form.width(), form.height());
        }
        if (!form.blank()) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.RED.darker());
            g.setFont(Fonts.font(null, 12, false, false).deriveFont(Font.PLAIN));
            int y = 16;
            for (String line : wrap(exception.code() + ": " + exception.getMessage(), Math.max(10, form.width() / 7))) {
                g.drawString(line, 4, y);
                y += 16;
            }
        }
        g.dispose();
        ImageEncoder.write(image, form.format(), form.background(), out);
    }

    private static java.util.List<String> wrap(String text, int columns) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int start = 0; start < text.length(); start += columns) {
            lines.add(text.substring(start, Math.min(text.length(), start + columns)));
        }
        return lines;
    }
}
