package org.terrawatch.submission.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrawatch.submission.SubmissionRefused;

/**
 * A shapefile's attribute table (dBase III/IV {@code .dbf}): field descriptors, then fixed-width records. Text is
 * decoded with the encoding the {@code .cpg}, the language driver byte or the bytes themselves tell
 * ({@link TextEncoding}) — field names included, which Chinese tables often write in GBK too. Numbers and dates
 * come as their text (dates {@code yyyyMMdd}); deleted records are skipped, as every GIS skips them.
 */
final class DbaseTable {

    private record Field(String name, char type, int offset, int length) {
    }

    private final List<String> fields;
    private final List<Map<String, String>> records;
    private final TextEncoding encoding;

    private DbaseTable(List<String> fields, List<Map<String, String>> records, TextEncoding encoding) {
        this.fields = fields;
        this.records = records;
        this.encoding = encoding;
    }

    static DbaseTable read(byte[] dbf, TextEncoding declared) {
        if (dbf.length < 33) {
            throw new SubmissionRefused("CORRUPT_FILE", "The .dbf is too short to be a dBase table");
        }
        ByteBuffer header = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int count = header.getInt(4);
        int headerLength = Short.toUnsignedInt(header.getShort(8));
        int recordLength = Short.toUnsignedInt(header.getShort(10));
        if (count < 0 || headerLength < 33 || headerLength > dbf.length || recordLength < 1
                || (long) headerLength + (long) count * recordLength > dbf.length + 1L) {
            throw new SubmissionRefused("CORRUPT_FILE", "The .dbf header does not fit the file (" + count + " records of "
                    + recordLength + " bytes after " + headerLength + ")");
        }
        List<byte[]> rawNames = new ArrayList<>();
        List<Field> raw = new ArrayList<>();
        int offset = 1;
        for (int p = 32; p + 32 <= headerLength && dbf[p] != 0x0D; p += 32) {
            int end = p;
            while (end < p + 11 && dbf[end] != 0) {
                end++;
            }
            byte[] name = java.util.Arrays.copyOfRange(dbf, p, end);
            int length = Byte.toUnsignedInt(dbf[p + 16]);
            raw.add(new Field(null, (char) dbf[p + 11], offset, length));
            rawNames.add(name);
            offset += length;
        }
        if (offset > recordLength) {
            throw new SubmissionRefused("CORRUPT_FILE", "The .dbf fields are longer than its records");
        }
        TextEncoding encoding = declared != null ? declared : TextEncoding.ofLanguageDriver(Byte.toUnsignedInt(dbf[29]));
        if (encoding == null) {
            encoding = TextEncoding.detect(textBytes(dbf, rawNames, raw, headerLength, recordLength, count));
        }
        List<Field> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = encoding.decode(rawNames.get(i), 0, rawNames.get(i).length).strip();
            names.add(name);
            fields.add(new Field(name, raw.get(i).type(), raw.get(i).offset(), raw.get(i).length()));
        }
        List<Map<String, String>> records = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int start = headerLength + r * recordLength;
            if (start + recordLength > dbf.length) {
                throw new SubmissionRefused("CORRUPT_FILE", "The .dbf ends in its record " + (r + 1) + " of " + count);
            }
            if (dbf[start] == '*') {
                records.add(null);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Field field : fields) {
                String value = encoding.decode(dbf, start + field.offset(), field.length()).strip();
                if (field.type() == 'L') {
                    value = value.isEmpty() || value.equals("?") ? "" : "TtYy".indexOf(value.charAt(0)) >= 0 ? "true" : "false";
                }
                values.put(field.name(), value.replace("\u0000", ""));
            }
            records.add(values);
        }
        return new DbaseTable(List.copyOf(names), records, encoding);
    }

    /** The bytes of the field names and text fields, to tell their encoding. */
    private static byte[] textBytes(byte[] dbf, List<byte[]> names, List<Field> fields, int headerLength, int recordLength, int count) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (byte[] name : names) {
            text.write(name, 0, name.length);
            text.write(' ');
        }
        for (int r = 0; r < count && text.size() < 1 << 20; r++) {
            int start = headerLength + r * recordLength;
            for (Field field : fields) {
                if ((field.type() == 'C' || field.type() == 'M') && start + field.offset() + field.length() <= dbf.length) {
                    text.write(dbf, start + field.offset(), field.length());
                    text.write(' ');
                }
            }
        }
        return text.toByteArray();
    }

    List<String> fields() {
        return fields;
    }

    /** The record's values by field name, or null for a deleted record. */
    Map<String, String> record(int index) {
        return index < records.size() ? records.get(index) : Map.of();
    }

    int size() {
        return records.size();
    }

    TextEncoding encoding() {
        return encoding;
    }
}
