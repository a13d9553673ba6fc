package org.terrawatch.submission.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text encoding of dBase attributes and CSV files, which do not always say: the {@code .cpg} beside a shapefile
 * when there is one ({@code UTF-8}, {@code GBK}, {@code 936}, {@code 65001}), else the dBase language driver byte
 * (0x4D: code page 936), else the bytes themselves — text that decodes as UTF-8 without an error is UTF-8 (Chinese
 * GBK text almost never does), anything else is read as GB18030, the superset of GBK and GB2312 that Chinese desktop
 * GIS writes by default.
 *
 * @param charset how to decode
 * @param how     how it was told, for the report
 */
public record TextEncoding(Charset charset, String how) {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /** A {@code .cpg} file's content, or null when it names nothing known. */
    public static TextEncoding ofCodePage(String cpg) {
        String name = cpg.strip().toUpperCase(Locale.ROOT);
        Charset charset = switch (name) {
            case "UTF-8", "UTF8", "65001" -> StandardCharsets.UTF_8;
            case "GBK", "CP936", "936", "GB2312", "GB18030", "ANSI 936" -> GB18030;
            case "ISO-8859-1", "LATIN1", "28591" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        return charset == null ? null : new TextEncoding(charset, "from the .cpg file (" + cpg.strip() + ")");
    }

    /** The dBase header's language driver id, or null when it says nothing useful. */
    public static TextEncoding ofLanguageDriver(int ldid) {
        return switch (ldid) {
            case 0x4D -> new TextEncoding(GB18030, "from the dBase language driver (code page 936)");
            case 0x57 -> null; // "ANSI": the system's, unknown here
            default -> null;
        };
    }

    /** Told from the bytes: UTF-8 if they decode as such (a UTF-8 byte-order mark says so too), else GB18030. */
    public static TextEncoding detect(byte[] text) {
        if (text.length >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB && (text[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, "UTF-8 (byte-order mark)");
        }
        boolean ascii = true;
        for (byte b : text) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new TextEncoding(StandardCharsets.UTF_8, "UTF-8 (ASCII only)");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text));
            return new TextEncoding(StandardCharsets.UTF_8, "UTF-8 (detected)");
        } catch (CharacterCodingException e) {
            return new TextEncoding(GB18030, "GB18030/GBK (detected: not UTF-8)");
        }
    }

    public String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, charset);
    }

    @Override
    public String toString() {
        return charset.name() + ", " + how;
    }
}
