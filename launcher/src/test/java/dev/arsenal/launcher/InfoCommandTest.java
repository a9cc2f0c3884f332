package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal info} on a configuration file of its own: a bad value is shown, not thrown, and a
 * file that is not UTF-8 is read with a warning. The configuration is loaded from the test's file
 * only (no system properties, no environment), and the runtime is built from it, so the process's
 * default runtime is never touched.
 */
class InfoCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out) {}

    private Run info(Path file, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new InfoCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        () -> Configuration.load(Map.of("arsenal.config", file.toString()), Map.of()))
                .run(List.of(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("arsenal.properties"), content);
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aBadValueIsShownFirstAndTheRestIsWhatTheDefaultsChoose() throws IOException {
        Path f = file("arsenal.strategy=FASTEST\n");
        Run r = info(f);
        assertEquals(Main.USAGE, r.status(), "a configuration error's status, after the whole report: " + r.out());
        List<String> lines = r.out().lines().toList();
        int error = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("CONFIGURATION ERROR"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out())));
        assertEquals(2, error, "right after the first line: " + r.out());
        int end = lines.subList(error, lines.size()).indexOf("") + error;
        String shown = String.join(" ", lines.subList(error, end)).replaceAll("\\s+", " ");
        assertTrue(
                shown.contains("bad value 'FASTEST' for arsenal.strategy from file " + f),
                "key, value, file: " + shown);
        assertTrue(shown.contains("Every other command stops with this error"), shown);
        assertTrue(r.out().contains("Strategy  BALANCED (default)"), r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.startsWith("  xxh3 ") && !l.contains("NONE")),
                "the selection is still shown: " + r.out());
    }

    @Test
    void aBadValueIsTheErrorFieldOfTheJson() throws IOException {
        Path f = file("arsenal.disabled.kinds=gpu\n");
        Run r = info(f, "--json");
        assertEquals(Main.USAGE, r.status(), r.out());
        assertTrue(
                r.out().contains("\"error\": \"bad value 'gpu' for arsenal.disabled.kinds from file "),
                "JSON: " + r.out());
        assertTrue(r.out().contains("\"selection\"") && r.out().contains("\"algorithm\": \"xxh3\""), r.out());
        assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"), r.out());
    }

    @Test
    void everyBadValueHasALineOfItsOwn() throws IOException {
        Run r = info(file("arsenal.strategy=FASTEST\narsenal.calibration.budget=soon\n"));
        assertEquals(Main.USAGE, r.status(), r.out());
        List<String> starts = r.out()
                .lines()
                .filter(l -> l.matches("(CONFIGURATION ERROR|\\s+) +bad value .*"))
                .toList();
        assertEquals(2, starts.size(), r.out());
    }

    @Test
    void aProviderForcedForAnUnknownAlgorithmIsShownToo() throws IOException {
        // Not a value Configuration refuses, but one the engine does, when the runtime is built.
        Run r = info(file("arsenal.provider.md5=java-hashing\n"));
        assertEquals(Main.USAGE, r.status(), r.out());
        assertTrue(r.out().contains("CONFIGURATION ERROR") && r.out().contains("md5"), r.out());
    }

    @Test
    void aGoodConfigurationHasANullErrorAndStatusZero() throws IOException {
        Run r = info(file("arsenal.strategy=LATENCY\n"), "--json");
        assertEquals(Main.OK, r.status(), r.out());
        assertTrue(r.out().contains("\"error\": null"), r.out());
        assertTrue(r.out().contains("\"strategy\": \"LATENCY\""), r.out());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAndTheWarningNamesTheLine() throws IOException {
        byte[] iso = "# caf\u00e9\narsenal.strategy=LATENCY\n".getBytes(StandardCharsets.ISO_8859_1);
        Run r = info(file(iso));
        assertEquals(Main.OK, r.status(), r.out());
        assertTrue(r.out().contains("Strategy  LATENCY (file "), r.out());
        String warning = r.out()
                .lines()
                .filter(l -> l.contains("not UTF-8"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("a warning: " + r.out()));
        assertTrue(
                warning.contains("warning: configuration file '" + dir.resolve("arsenal.properties") + "', line 1"),
                warning);
        assertTrue(warning.contains("byte 0xE9"), warning);
    }
}
