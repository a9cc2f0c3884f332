package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.spi.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal hash} with the cryptographic digests prints what {@code sha256sum}, {@code
 * sha512sum}, {@code b2sum} and {@code b3sum} print, line for line, for files of many sizes (in
 * one read and through the stream path past the 1 MiB buffer), output lengths and stdin; and
 * refuses options that do not fit the algorithm.
 */
class DigestCommandTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        List<String> names = new ArrayList<>();
        for (int size : new int[] {0, 1, 63, 64, 65, 1023, 1024, 1025, 4097, 70_001, (3 << 20) + 5}) {
            String name = "f" + size;
            Files.write(dir.resolve(name), HashCommandTest.random(size, size));
            names.add(dir.resolve(name).toString());
        }
        return names;
    }

    private void sameAs(List<String> tool, String... arsenal) throws Exception {
        ReferenceTools.assumeCommand(tool.getFirst());
        List<String> files = files();
        List<String> command = new ArrayList<>(tool);
        command.addAll(files);
        String expected = ReferenceTools.run(dir, command.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of(arsenal));
        args.addAll(files);
        HashCommandTest.Run r = HashCommandTest.run(args.toArray(String[]::new));
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals(expected.strip(), r.out().strip(), String.join(" ", tool));
        assertEquals("", r.err());
    }

    @Test
    void sha256AsSha256sum() throws Exception {
        sameAs(List.of("sha256sum"), "hash", "-a", "sha256");
    }

    @Test
    void sha512AsSha512sum() throws Exception {
        sameAs(List.of("sha512sum"), "hash", "-a", "sha-512");
    }

    @Test
    void blake2bAsB2sum() throws Exception {
        sameAs(List.of("b2sum"), "hash", "-a", "blake2b");
        sameAs(List.of("b2sum", "-l", "256"), "hash", "-a", "blake2b", "-l", "256");
        sameAs(List.of("b2sum", "-l", "8"), "hash", "-a", "blake2b", "--length", "8");
    }

    @Test
    void blake3AsB3sum() throws Exception {
        sameAs(List.of("b3sum"), "hash", "-a", "blake3");
        sameAs(List.of("b3sum", "--length", "131"), "hash", "-a", "b3", "--length", "131");
        sameAs(List.of("b3sum", "--length", "1"), "hash", "-a", "blake3", "-l", "1");
    }

    @Test
    void stdinAsTheTools() throws Exception {
        ReferenceTools.assumeCommand("b3sum");
        byte[] data = HashCommandTest.random(200_000, 9);
        Files.write(dir.resolve("in"), data);
        for (String[] pair : new String[][] {{"sha256sum", "sha256"}, {"b2sum", "blake2b"}, {"b3sum", "blake3"}}) {
            String expected = ReferenceTools.shell(dir, pair[0] + " < in").strip();
            HashCommandTest.Run r = HashCommandTest.run(data, "hash", "-a", pair[1]);
            assertEquals(expected, r.out().strip(), pair[0]);
        }
    }

    @Test
    void optionsThatDoNotFitAreRefused() {
        for (String[] args : new String[][] {
            {"hash", "-a", "blake2b", "-l", "12"},
            {"hash", "-a", "blake2b", "-l", "520"},
            {"hash", "-a", "blake3", "-l", "0"},
            {"hash", "-a", "sha256", "-l", "256"},
            {"hash", "-a", "xxh64", "-l", "8"},
            {"hash", "-a", "sha256", "--seed", "1"},
            {"hash", "-a", "blake3", "-l", "many"},
            {"hash", "-a", "blake3", "-l", "2000000000"}
        }) {
            HashCommandTest.Run r = HashCommandTest.run(args);
            assertEquals(Main.USAGE, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("length") || r.err().contains("seed"), r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        HashCommandTest.Run r = HashCommandTest.run("hash", "-a", "sha3");
        assertTrue(r.err().contains("blake3") && r.err().contains("xxh64"), "lists every algorithm: " + r.err());
    }
}
