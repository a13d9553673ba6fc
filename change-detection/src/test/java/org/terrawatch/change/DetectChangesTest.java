package org.terrawatch.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: bad arguments get a message, a failed run leaves the output file alone, coordinates keep the pixels' precision. */
class DetectChangesTest {

    @TempDir
    static Path dir;
    static Path before;
    static Path after;
    static Path rgb;

    @BeforeAll
    static void images() throws Exception {
        int size = StreamedDetectionTest.SIZE;
        TestImages.Planted[] planted = StreamedDetectionTest.PLANTED;
        before = TestImages.writeGeographic(dir.resolve("before.tif"), TestImages.epoch(size, size, false, planted, 1), 113.55, 37.75,
                DetectionInAnyCrsTest.DEGREES);
        after = TestImages.writeGeographic(dir.resolve("after.tif"), TestImages.epoch(size, size, true, planted, 2), 113.55, 37.75,
                DetectionInAnyCrsTest.DEGREES);
        rgb = TestImages.writeGeographic(dir.resolve("rgb.tif"), TestImages.epoch(size, size, true, planted, 2, 3), 113.55, 37.75,
                DetectionInAnyCrsTest.DEGREES);
    }

    /** The exit status, standard output and standard error of a run. */
    record Outcome(int status, String out, String err) {
    }

    @Test
    void badArgumentsGetAMessageNotAStackTrace() {
        String out = dir.resolve("out.geojsons").toString();
        for (List<String> arguments : List.<List<String>>of(List.of(), List.of(before.toString(), "missing.tif", out),
                List.of(before.toString(), after.toString(), out, "--min-area", "lots"),
                List.of(before.toString(), after.toString(), out, "--threads", "0"),
                List.of(before.toString(), after.toString(), out, "--min-area"),
                List.of(before.toString(), after.toString(), out, "--colour", "red"),
                List.of(before.toString(), after.toString(), dir.resolve("no/such/folder/out.geojsons").toString()))) {
            Outcome outcome = run(arguments.toArray(String[]::new));
            assertThat(outcome.status()).as("%s", arguments).isEqualTo(2);
            assertThat(outcome.err()).as("%s", arguments).contains("Usage: DetectChanges").doesNotContain("Exception", "\tat ");
        }
        assertThat(run(before.toString(), "missing.tif", out).err()).contains("after-epoch missing.tif is not a readable file");
        assertThat(run(before.toString(), after.toString(), out, "--min-area", "lots").err()).contains("--min-area takes a number, not lots");
    }

    @Test
    void aRunThatFailsLeavesAnExistingOutputAsItWas() throws Exception {
        Path output = Files.writeString(dir.resolve("kept.geojsons"), "last month's result\n");
        Outcome outcome = run(before.toString(), rgb.toString(), output.toString());
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("different bands").doesNotContain("\tat ");
        assertThat(Files.readString(output)).isEqualTo("last month's result\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
        Outcome rgbPair = run(rgb.toString(), rgb.toString(), output.toString());
        assertThat(rgbPair.err()).contains("names 4 bands but the epochs have 3", "RED,GREEN,BLUE");
        assertThat(Files.readString(output)).isEqualTo("last month's result\n");
    }

    @Test
    void writesEveryKeptChangeWithThePixelsPrecisionAndItsGroundArea() throws Exception {
        Path output = Files.writeString(dir.resolve("changes.geojsons"), "old\n");
        Outcome outcome = run(before.toString(), after.toString(), output.toString(), "--threads", "2");
        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("\"kept\":3", "\"notes\":[]");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        // Pixels of 0.00002°: every vertex stays on a pixel corner (3 decimals, as before, would be about 100 m).
        Matcher coordinate = Pattern.compile("\\[(113\\.\\d+),(37\\.\\d+)]").matcher(String.join("", lines));
        int vertices = 0;
        while (coordinate.find()) {
            for (double[] axis : new double[][] {{Double.parseDouble(coordinate.group(1)), 113.55}, {Double.parseDouble(coordinate.group(2)), 37.75}}) {
                double pixels = (axis[0] - axis[1]) / DetectionInAnyCrsTest.DEGREES;
                assertThat(pixels).as(coordinate.group()).isCloseTo(Math.rint(pixels), within(0.01));
            }
            vertices++;
        }
        assertThat(vertices).isGreaterThan(12);
        assertThat(lines).allMatch(line -> line.matches(".*\"area\":[1-9]\\d{2,}\\.\\d.*"));
    }

    static Outcome run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DetectChanges.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
