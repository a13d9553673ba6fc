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
 * Test files made as departments and image vendors make them: by GDAL's ogr2ogr and gdal_translate from Debian
 * ({@code gdal-bin}, which the test command installs), under a timeout; and zipped as they hand them in.
 */
public final class Gdal {

    private Gdal() {
    }

    public static Path ogr2ogr(Path out, Path in, String... options) throws Exception {
        return run("ogr2ogr", out, in, options);
    }

    /** gdal_translate: imagery made from imagery (resized, cropped, retiled). */
    public static Path translate(Path in, Path out, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(options));
        command.add(in.toString());
        command.add(out.toString());
        return command("gdal_translate", out, command);
    }

    private static Path run(String tool, Path out, Path in, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(options));
        command.add(out.toString());
        command.add(in.toString());
        return command(tool, out, command);
    }

    private static Path command(String tool, Path out, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool, "-q"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " took over 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(tool + " (gdal-bin) failed: " + output);
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
