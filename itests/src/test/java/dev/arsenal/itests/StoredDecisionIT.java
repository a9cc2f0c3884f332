package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored decisions across real processes: the first {@code arsenal hash} stores its decision, the
 * second (same JVM, class path and configuration) takes it and says so in its DEBUG line, with the
 * same output; another configuration decides afresh; {@code arsenal.decisions=off} neither reads
 * nor writes the file.
 */
class StoredDecisionIT {
    private static final String TAKEN = "stored by an earlier start with this signature";

    @TempDir
    Path dir;

    private Launcher.Result hash(Path store, Path config, Path input, String... jvm) {
        List<String> options = new ArrayList<>(List.of(
                "-Darsenal.config=" + config, // the same file each time: a setting of the signature
                "-Darsenal.decisions.file=" + store));
        options.addAll(List.of(jvm));
        return Launcher.classPath(options, null, "-v", "hash", "-a", "xxh3", input.toString());
    }

    @Test
    void theNextStartTakesTheStoredDecisionAndAnotherConfigurationDoesNot() throws IOException {
        Path store = dir.resolve("decisions.properties");
        Path config = Files.writeString(dir.resolve("arsenal.properties"), "# empty\n");
        Path input = Files.writeString(dir.resolve("input.txt"), "stored decisions\n".repeat(100));

        Launcher.Result first = hash(store, config, input);
        assertEquals(0, first.status(), first.err());
        assertFalse(first.err().contains(TAKEN), first.err());
        assertTrue(Files.readString(store).contains(".decision.xxh3.tiers="), Files.readString(store));

        Launcher.Result second = hash(store, config, input);
        assertEquals(0, second.status(), second.err());
        assertTrue(second.err().contains(TAKEN), second.err());
        assertEquals(first.out(), second.out(), "the same hash");

        Launcher.Result latency = hash(store, config, input, "-Darsenal.strategy=LATENCY");
        assertEquals(0, latency.status(), latency.err());
        assertFalse(latency.err().contains(TAKEN), "another configuration decides afresh: " + latency.err());
        assertEquals(first.out(), latency.out());
    }

    @Test
    void storedDecisionsOffNeitherReadsNorWritesTheFile() throws IOException {
        Path store = dir.resolve("decisions.properties");
        Path config = Files.writeString(dir.resolve("arsenal.properties"), "# empty\n");
        Path input = Files.writeString(dir.resolve("input.txt"), "no store\n");
        for (int i = 0; i < 2; i++) {
            Launcher.Result r = hash(store, config, input, "-Darsenal.decisions=off");
            assertEquals(0, r.status(), r.err());
            assertFalse(r.err().contains(TAKEN), r.err());
        }
        assertFalse(Files.exists(store));
    }
}
