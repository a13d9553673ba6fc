package org.terrawatch.submission.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test files made as departments make them: by GDAL's ogr2ogr from Debian ({@code gdal-bin}, which the test command
 * installs), under a timeout; and zipped as they hand them in.
 */
public final class Gdal {

    private Gdal() {
    }

    public static Path ogr2ogr(Path out, Path in, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-q"));
        command.addAll(List.of(options));
        command.add(out.toString());
        command.add(in.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ogr2ogr took over 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ogr2ogr (gdal-bin) failed: " + output);
        }
        return out;
    }

    /** The files of a shapefile (base name's .shp, .shx, .dbf and the listed others) in a zip. */
    public static byte[] zip(Path folder, String base, String... endings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String ending : endings) {
                Path file = folder.resolve(base + ending);
                if (Files.exists(file)) {
                    zip.putNextEntry(new ZipEntry(base + ending));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
