package dev.arsenal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
}
