package dev.arsenal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("arsenal.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsAreBalancedWithNothingForced() {
        Configuration c = Configuration.load(Map.of("user.home", dir.toString()), Map.of());
        assertEquals(Strategy.BALANCED, c.strategy());
        assertTrue(c.forcedAlgorithms().isEmpty());
        assertTrue(c.disabledKinds().isEmpty());
        assertEquals("default", c.sourceOf(Configuration.STRATEGY).toString());
    }

    @Test
    void systemPropertiesBeatEnvironmentWhichBeatsTheFile() throws IOException {
        Path f =
                file("arsenal.strategy=MINIMAL_MEMORY\narsenal.provider.xxh3=from-file\narsenal.disabled.kinds=simd\n");
        Configuration c = Configuration.load(
                Map.of("arsenal.strategy", "latency"),
                Map.of(
                        "ARSENAL_CONFIG",
                        f.toString(),
                        "ARSENAL_STRATEGY",
                        "THROUGHPUT",
                        "ARSENAL_PROVIDER_XXH3",
                        "env"));
        assertEquals(Strategy.LATENCY, c.strategy());
        assertTrue(c.sourceOf(Configuration.STRATEGY).toString().contains("system property"));
        assertEquals("env", c.forcedProvider("xxh3").orElseThrow());
        assertTrue(c.sourceOf("arsenal.provider.xxh3").toString().contains("ARSENAL_PROVIDER_XXH3"));
        assertEquals(Set.of(ProviderKind.SIMD), c.disabledKinds());
        assertTrue(c.sourceOf(Configuration.DISABLED_KINDS).toString().startsWith("file "));
        assertEquals(3, c.sources().size(), c.sources().toString());
    }

    @Test
    void theFileInTheWorkingDirectoryOrUserConfigIsFoundWithoutBeingNamed() throws IOException {
        Path xdg = dir.resolve("xdg");
        Files.createDirectories(xdg.resolve("arsenal"));
        Files.writeString(xdg.resolve("arsenal/arsenal.properties"), "arsenal.strategy=THROUGHPUT\n");
        Configuration c = Configuration.load(Map.of(), Map.of("XDG_CONFIG_HOME", xdg.toString()));
        assertEquals(Strategy.THROUGHPUT, c.strategy());
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        var e = assertThrows(
                ConfigurationException.class,
                () -> Configuration.load(
                        Map.of(
                                "arsenal.config",
                                dir.resolve("missing.properties").toString()),
                        Map.of()));
        assertTrue(e.getMessage().contains("missing.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("system property arsenal.config"), e.getMessage());
    }

    @Test
    void aBadValueNamesKeyValueAndSource() throws IOException {
        Path f = file("arsenal.strategy=FASTEST\n");
        var e = assertThrows(
                ConfigurationException.class,
                () -> Configuration.load(Map.of("arsenal.config", f.toString()), Map.of()));
        assertTrue(e.getMessage().contains("FASTEST"), e.getMessage());
        assertTrue(e.getMessage().contains("arsenal.strategy"), e.getMessage());
        assertTrue(e.getMessage().contains("file "), e.getMessage());
        assertTrue(e.getMessage().contains("BALANCED"), "lists the known strategies: " + e.getMessage());
    }

    @Test
    void aBadKindIsAnError() {
        var e = assertThrows(
                ConfigurationException.class, () -> Configuration.of(Map.of(Configuration.DISABLED_KINDS, "java,gpu")));
        assertTrue(e.getMessage().contains("gpu") && e.getMessage().contains("native"), e.getMessage());
    }

    @Test
    void unknownKeysAreWarningsNotErrors() {
        Configuration c = Configuration.load(Map.of("arsenal.stratgey", "LATENCY"), Map.of());
        assertEquals(Strategy.BALANCED, c.strategy());
        assertTrue(
                c.warnings().stream().anyMatch(w -> w.contains("arsenal.stratgey")),
                c.warnings().toString());
    }

    @Test
    void apiOverridesTakePrecedence() {
        Configuration c = Configuration.load(Map.of("arsenal.strategy", "LATENCY"), Map.of())
                .withStrategy(Strategy.THROUGHPUT);
        assertEquals(Strategy.THROUGHPUT, c.strategy());
        assertEquals("API", c.sourceOf(Configuration.STRATEGY).toString());
    }

    private Configuration loadFile(byte[] content) throws IOException {
        Path f = dir.resolve("arsenal.properties");
        Files.write(f, content);
        return Configuration.load(Map.of("arsenal.config", f.toString()), Map.of());
    }

    private static byte[] concat(String ascii, byte[] middle, String rest) {
        byte[] a = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] r = rest.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[a.length + middle.length + r.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(r, 0, all, a.length + middle.length, r.length);
        return all;
    }

    private static List<String> encodingWarnings(Configuration c) {
        return c.warnings().stream().filter(w -> w.contains("not UTF-8")).toList();
    }

    @Test
    void aUtf8FileIsReadAsUtf8() throws IOException {
        // "caf\u00e9" in UTF-8: C3 A9.
        Configuration c = loadFile(
                concat("# comment\narsenal.calibration.file=/data/caf", new byte[] {(byte) 0xC3, (byte) 0xA9}, "/t\n"));
        assertEquals(Path.of("/data/caf\u00e9/t"), c.calibrationFile());
        assertEquals(List.of(), encodingWarnings(c));
    }

    @Test
    void anIso8859FileIsReadAsIso8859WithAWarningNamingTheFileLineAndByte() throws IOException {
        // A lone E9 (e acute in ISO-8859-1) is not UTF-8: the file is read again as ISO-8859-1.
        Configuration c = loadFile(concat(
                "arsenal.strategy=LATENCY\narsenal.calibration.file=/data/caf", new byte[] {(byte) 0xE9}, "/t\n"));
        assertEquals(Path.of("/data/caf\u00e9/t"), c.calibrationFile());
        assertEquals(Strategy.LATENCY, c.strategy());
        List<String> warnings = encodingWarnings(c);
        assertEquals(1, warnings.size(), c.warnings().toString());
        String w = warnings.getFirst();
        assertTrue(w.contains(dir.resolve("arsenal.properties").toString()), "names the file: " + w);
        assertTrue(w.contains("line 2, column 35"), "names the line and column: " + w);
        assertTrue(w.contains("0xE9") && w.contains("ISO-8859-1"), "says what is wrong: " + w);
        // The warning stays when the configuration is derived, as the file's other warnings do.
        assertEquals(1, encodingWarnings(c.withStrategy(Strategy.THROUGHPUT)).size());
    }

    @Test
    void escapesReadTheSameInBothEncodings() throws IOException {
        Configuration c = loadFile("arsenal.calibration.file=/data/caf\\u00e9/t\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Path.of("/data/caf\u00e9/t"), c.calibrationFile());
        assertEquals(List.of(), encodingWarnings(c));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey() throws IOException {
        Configuration c =
                loadFile(concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "arsenal.strategy=LATENCY\n"));
        assertEquals(Strategy.LATENCY, c.strategy());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void aMalformedEscapeNamesTheFileAndLine() {
        var e = assertThrows(
                ConfigurationException.class,
                () -> loadFile(("# \\uZZZZ in a comment is no escape\narsenal.strategy=LATENCY\n"
                                + "arsenal.calibration.file=/data/caf\\u00G9\n")
                        .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains(dir.resolve("arsenal.properties").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: '\\u00G9'"), e.getMessage());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        var e = assertThrows(
                ConfigurationException.class,
                () -> Configuration.of(Map.of(
                        Configuration.STRATEGY, "FASTEST",
                        Configuration.DISABLED_KINDS, "gpu",
                        Configuration.CALIBRATION_BUDGET, "soon",
                        Configuration.LIFETIME, "forever")));
        for (String value : List.of("FASTEST", "gpu", "soon", "forever")) {
            assertTrue(e.getMessage().contains("bad value '" + value + "'"), e.getMessage());
        }
        assertTrue(e.getMessage().contains("expected long or short"), e.getMessage());
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertEquals(e.getMessage(), String.join("; ", e.problems()));
    }

    @Test
    void theLifetimeIsLongUnlessSetShortInAnyCase() {
        assertEquals(Configuration.Lifetime.LONG, Configuration.defaults().lifetime());
        assertEquals(
                Configuration.Lifetime.SHORT,
                Configuration.of(Map.of(Configuration.LIFETIME, "Short")).lifetime());
    }

    @Test
    void durationsReadTheSameForTheKeyAndTheCommandLineExceptBareNumbers() {
        for (ChronoUnit bare : List.of(ChronoUnit.MILLIS, ChronoUnit.SECONDS)) {
            assertEquals(Duration.ofSeconds(2), Configuration.parseDuration("PT2S", bare));
            assertEquals(Duration.ofMillis(2500), Configuration.parseDuration("2.5s", bare));
            assertEquals(Duration.ofMillis(1500), Configuration.parseDuration("1500ms", bare));
            assertEquals(Duration.ZERO, Configuration.parseDuration("0", bare));
            assertEquals(Duration.ZERO, Configuration.parseDuration("PT0S", bare));
            for (String bad : List.of("-1", "PT-1S", "soon", "", "2 minutes")) {
                var e = assertThrows(IllegalArgumentException.class, () -> Configuration.parseDuration(bad, bare));
                assertTrue(e.getMessage().contains("PT2S") && e.getMessage().contains("zero or more"), e.getMessage());
            }
        }
        assertEquals(Duration.ofMillis(300), Configuration.parseDuration("300", ChronoUnit.MILLIS));
        assertEquals(Duration.ofSeconds(300), Configuration.parseDuration("300", ChronoUnit.SECONDS));
        assertEquals(Duration.ofMillis(300), Configuration.parseDuration("0.3", ChronoUnit.SECONDS));
        assertEquals(
                Duration.ofMillis(2500),
                Configuration.of(Map.of(Configuration.CALIBRATION_BUDGET, "2500"))
                        .calibrationBudget());
    }

    @Test
    void decisionsAreStoredWhereTheUserHasACacheDirectoryOrAFileIsNamed() {
        assertFalse(Configuration.of(Map.of(Configuration.DECISIONS, "off")).storesDecisions());
        assertTrue(Configuration.of(Map.of(Configuration.DECISIONS_FILE, "/data/decisions"))
                .storesDecisions());
        assertEquals(
                Path.of("/data/decisions"),
                Configuration.of(Map.of(Configuration.DECISIONS_FILE, "/data/decisions"))
                        .decisionsFile());
        ConfigurationException bad = assertThrows(
                ConfigurationException.class, () -> Configuration.of(Map.of(Configuration.DECISIONS, "maybe")));
        assertTrue(bad.getMessage().contains("expected auto or off"), bad.getMessage());
        // Without a home of its own (the JDK says "?"), a default file would land in the working
        // directory: nothing is stored unless a file is named. XDG_CACHE_HOME would give one.
        Assumptions.assumeTrue(System.getenv("XDG_CACHE_HOME") == null, "XDG_CACHE_HOME is set here");
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "?");
            assertFalse(Configuration.defaults().storesDecisions());
            assertTrue(Configuration.of(Map.of(Configuration.DECISIONS_FILE, "/data/d"))
                    .storesDecisions());
            System.setProperty("user.home", "/home/someone");
            assertTrue(Configuration.defaults().storesDecisions());
            assertEquals(
                    Path.of("/home/someone/.cache/arsenal/decisions.properties"),
                    Configuration.defaults().decisionsFile());
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
