package org.terrawatch.submission.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.terrawatch.submission.SubmissionRefused;

/**
 * The files of a zip (a zipped shapefile, a KMZ) by their lower-case names without folders, read into memory within a
 * limit on what they unpack to, so a zip bomb is refused rather than filling the heap.
 */
final class ZipEntries {

    /** What a zip may unpack to, at most. */
    static final long MAX_UNPACKED = 512L << 20;

    private ZipEntries() {
    }

    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_UNPACKED) {
                        throw new SubmissionRefused("TOO_LARGE", "The zip unpacks to more than " + (MAX_UNPACKED >> 20) + " MB");
                    }
                    content.write(buffer, 0, n);
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                entries.put(name, content.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SubmissionRefused("CORRUPT_FILE", "The zip cannot be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new SubmissionRefused("CORRUPT_FILE", "The zip cannot be read: it holds no file");
        }
        return entries;
    }

    /** Whether the zip holds a file with that ending (quick look, for telling KMZ from a zipped shapefile). */
    static boolean holds(byte[] zip, String ending) {
        try (InputStream raw = new ByteArrayInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().toLowerCase(Locale.ROOT).endsWith(ending)) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
