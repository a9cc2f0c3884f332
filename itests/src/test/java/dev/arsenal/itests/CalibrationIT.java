package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal calibrate} stores a table that the next start reuses; a corrupt table is ignored
 * with one warning and rebuilt.
 */
class CalibrationIT {
    @TempDir
    Path dir;

    @Test
    void calibrateStoresATableThatTheNextStartChoosesBy() throws IOException {
        Path file = dir.resolve("calibration.properties");
        List<String> jvm = List.of("-Darsenal.calibration.file=" + file);
        Launcher.Result calibrate = Launcher.classPath(jvm, null, "calibrate", "--budget", "PT2S");
        assertEquals(0, calibrate.status(), calibrate.err());
        assertTrue(calibrate.out().contains("stored in " + file), calibrate.out());
        assertTrue(calibrate.err().contains("[1/"), "progress on stderr: " + calibrate.err());
        assertTrue(Files.readString(file).contains("xxh3/java-hashing/65536="));

        Launcher.Result info = Launcher.classPath(jvm, null, "info", "--json");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("\"calibration\": {"), "the table was loaded: " + info.out());
    }

    @Test
    void aCorruptTableIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        Path file = dir.resolve("calibration.properties");
        Files.writeString(file, "this is not a calibration\u0000\n");
        List<String> jvm = List.of("-Darsenal.calibration.file=" + file, "-Darsenal.calibration.budget=500");
        Launcher.Result info = Launcher.classPath(jvm, null, "info");
        assertEquals(0, info.status(), info.err());
        long warnings = info.out()
                .lines()
                .filter(l -> l.contains("warning: calibration file"))
                .count();
        assertEquals(1, warnings, info.out());
        assertTrue(Files.readString(file).startsWith("# Arsenal calibration"), "rebuilt");
    }
}
