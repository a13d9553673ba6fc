package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A PDF read by Debian's poppler-utils, as any reader would: its text ({@code pdftotext}) and its images ({@code pdfimages}). */
final class Poppler {

    private Poppler() {
    }

    static String text(byte[] pdf, Path work) throws IOException, InterruptedException {
        return run(work, pdf, "pdftotext", "-enc", "UTF-8", "-layout", "IN", "-");
    }

    /** The images on the pages, one line each (pdfimages -list, without its two heading lines). */
    static List<String> images(byte[] pdf, Path work) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(run(work, pdf, "pdfimages", "-list", "IN").lines().toList());
        return lines.size() <= 2 ? List.of() : lines.subList(2, lines.size());
    }

    /** The pages rendered to PNG at 50 dpi (pdftoppm), in order. */
    static List<java.awt.image.BufferedImage> pages(byte[] pdf, Path work) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(Files.createDirectories(work), "pages-");
        run(work, pdf, "pdftoppm", "-png", "-r", "50", "IN", folder.resolve("page").toString());
        List<java.awt.image.BufferedImage> pages = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path page : files.sorted().toList()) {
                pages.add(javax.imageio.ImageIO.read(page.toFile()));
            }
        }
        return pages;
    }

    private static String run(Path work, byte[] pdf, String... command) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/" + command[0])).as(command[0] + " from Debian's poppler-utils; ./scripts/test installs it").exists();
        Files.createDirectories(work);
        Path input = Files.createTempFile(work, "form-", ".pdf");
        Path output = Files.createTempFile(work, "poppler-", ".txt");
        Files.write(input, pdf);
        List<String> arguments = new ArrayList<>();
        for (String argument : command) {
            arguments.add(argument.equals("IN") ? input.toString() : argument);
        }
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " timed out");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command[0] + ": " + text).isZero();
        return text;
    }
}
