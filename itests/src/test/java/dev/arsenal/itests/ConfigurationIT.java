package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code arsenal} command on a configuration file of the test's, in a fresh JVM as {@code
 * ./arsenal} runs it: {@code info} shows what is wrong, every other command stops with it, and a
 * file that is not UTF-8 is read anyway, with a warning.
 */
class ConfigurationIT {
    @TempDir
    Path dir;

    private Launcher.Result arsenal(Path config, String... args) {
        // Later JVM options win: this file, not the empty one Launcher names.
        return Launcher.classPath(List.of("-Darsenal.config=" + config), null, args);
    }

    @Test
    void aBadValueIsShownByInfoAndStopsEveryOtherCommandWithTheSameMessage() throws IOException {
        Path config = Files.writeString(dir.resolve("arsenal.properties"), "arsenal.strategy=FASTEST\n");
        Path input = Files.writeString(dir.resolve("hello.txt"), "hello");
        String message = "bad value 'FASTEST' for arsenal.strategy from file " + config;

        Launcher.Result info = arsenal(config, "info");
        assertEquals(2, info.status(), info.err());
        assertTrue(info.out().contains("CONFIGURATION ERROR  " + message.substring(0, 30)), info.out());
        assertTrue(info.out().contains("Selection"), "the rest of the report: " + info.out());

        Launcher.Result json = arsenal(config, "info", "--json");
        assertEquals(2, json.status(), json.err());
        assertTrue(json.out().contains("\"error\": \"" + message), json.out());

        Launcher.Result hash = arsenal(config, "hash", "-a", "xxh3", input.toString());
        assertEquals(2, hash.status(), hash.err());
        assertEquals("", hash.out());
        assertTrue(hash.err().lines().anyMatch(l -> l.startsWith("arsenal hash: " + message)), hash.err());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsIso8859AndInfoSaysWhereItWasNotUtf8() throws IOException {
        // A comment with an ISO-8859-1 e acute on line 2, a setting on line 3.
        Path config = Files.write(
                dir.resolve("arsenal.properties"),
                "# Arsenal\n# caf\u00e9 machine\narsenal.strategy=LATENCY\n".getBytes(StandardCharsets.ISO_8859_1));
        Launcher.Result info = arsenal(config, "info");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("Strategy  LATENCY (file " + config + ")"), info.out());
        assertTrue(
                info.out()
                        .contains("warning: configuration file '" + config
                                + "', line 2, column 6: byte 0xE9 is not UTF-8; the file was read as ISO-8859-1"),
                info.out());
        Path input = Files.writeString(dir.resolve("hello.txt"), "hello");
        Launcher.Result hash = arsenal(config, "hash", "-a", "xxh3", input.toString());
        assertEquals(0, hash.status(), "no longer 'Input length = 1': " + hash.err());
    }
}
