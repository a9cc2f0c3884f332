package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void hashPrintsHexAndNameLikeXxhsum() throws IOException {
        Path hello = file("hello.txt", "hello");
        // Digits from xxhsum 0.8.1 -H0..-H3 on the 5 bytes "hello".
        assertEquals(
                "fb0077f9  " + hello + "\n",
                run("hash", "-a", "xxh32", hello.toString()).out());
        assertEquals(
                "26c7827d889f6da3  " + hello + "\n",
                run("hash", "-a", "xxh64", hello.toString()).out());
        assertEquals(
                "9555e8555c62dcfd  " + hello + "\n",
                run("hash", "-a", "xxh3", hello.toString()).out());
        assertEquals(
                "b5e9c1ad071b3e7fc779cfaa5e523818  " + hello + "\n",
                run("hash", "-a", "xxh128", hello.toString()).out());
        // crc32 of "hello" is 0x3610a686 (zlib); crc32c is 0x9a71bb4c.
        assertEquals(
                "3610a686  " + hello + "\n",
                run("hash", "-a", "crc32", hello.toString()).out());
        assertEquals(
                "9a71bb4c  " + hello + "\n",
                run("hash", "-a", "crc32c", hello.toString()).out());
    }

    @Test
    void anEmptyFileHashesLikeTheReference() throws IOException {
        Path empty = file("empty", "");
        assertEquals(
                "2d06800538d394c2  " + empty + "\n",
                run("hash", "-a", "xxh3", empty.toString()).out());
        assertEquals(
                "02cc5d05  " + empty + "\n",
                run("hash", "-a", "xxh32", empty.toString()).out());
    }

    @Test
    void aMissingFileIsOneLineAndTheOtherInputsAreStillHashed() throws IOException {
        Path a = file("a", "hello");
        Run r = run("hash", "-a", "xxh64", dir.resolve("missing").toString(), a.toString());
        assertEquals(Main.PARTIAL, r.status());
        assertEquals("26c7827d889f6da3  " + a + "\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("missing: no such file"), r.err());
    }

    @Test
    void aDirectoryIsAnErrorForThatInputOnly() {
        Run r = run("hash", "-a", "xxh64", dir.toString());
        assertEquals(Main.PARTIAL, r.status());
        assertTrue(r.err().contains("is a directory"), r.err());
    }

    @Test
    void anUnknownAlgorithmListsTheKnownOnes() {
        Run r = run("hash", "-a", "md5", "x");
        assertEquals(Main.USAGE, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("unknown algorithm 'md5'") && r.err().contains("xxh128"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void seedsAreParsedAndCheckedPerAlgorithm() throws IOException {
        Path hello = file("hello.txt", "hello");
        Run seeded = run("hash", "-a", "xxh64", "--seed", "0x9E3779B97F4A7C15", hello.toString());
        assertEquals(Main.OK, seeded.status(), seeded.err());
        assertFalse(seeded.out().startsWith("26c7827d889f6da3"), "the seed changes the hash");
        Run crc = run("hash", "-a", "crc32", "--seed", "5", hello.toString());
        assertEquals(Main.USAGE, crc.status());
        assertTrue(crc.err().contains("takes no seed"), crc.err());
        Run bad = run("hash", "-a", "xxh3", "--seed", "twelve", hello.toString());
        assertTrue(bad.err().contains("bad seed 'twelve'"), bad.err());
    }

    @Test
    void anUnknownProviderIsAnErrorNamingTheKnownOnes() throws IOException {
        Path hello = file("hello.txt", "hello");
        Run r = run("hash", "-a", "xxh3", "--provider", "nope", hello.toString());
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("'nope'") && r.err().contains("java-hashing"), r.err());
    }

    @Test
    void aForcedProviderIsUsed() throws IOException {
        Path hello = file("hello.txt", "hello");
        Run r = run("hash", "-a", "xxh3", "--provider", "java-hashing", hello.toString());
        assertEquals("9555e8555c62dcfd  " + hello + "\n", r.out(), r.err());
    }

    @Test
    void infoJsonHasTheDocumentedFields() {
        Run r = run("info", "--json");
        assertEquals(Main.OK, r.status(), r.err());
        String json = r.out();
        for (String field : new String[] {
            "\"cpu\"",
            "\"arch\"",
            "\"features\"",
            "\"strategy\"",
            "\"providers\"",
            "\"selection\"",
            "\"reason\"",
            "\"kind\": \"java\"",
            "\"id\": \"java-hashing\"",
            "\"algorithm\": \"xxh3\""
        }) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertTrue(json.strip().startsWith("{") && json.strip().endsWith("}"));
    }

    @Test
    void infoTextNamesTheChoiceAndItsReason() {
        Run r = run("info");
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("Selection"), r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.startsWith("  xxh3 ") && !l.contains("NONE")),
                "xxh3 has a provider: " + r.out());
        assertTrue(r.out().contains("Providers"), r.out());
    }

    @Test
    void selftestPassesForEveryAvailableProvider() {
        Run r = run("selftest");
        assertEquals(Main.OK, r.status(), r.out());
        assertTrue(r.out().contains(" 0 failed"), r.out());
    }

    @Test
    void benchPrintsATableAndWritesAChart() throws IOException {
        Path svg = dir.resolve("chart.svg");
        Run r = run("bench", "hashing", "--budget", "0.3", "--svg", svg.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(
                r.out().contains("xxh3") && r.out().contains("GB/s") && r.out().contains("64 KiB"), r.out());
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg") && chart.contains("polyline") && chart.contains("java-hashing"), chart);
        assertEquals(Main.USAGE, run("bench", "nonsense").status());
        assertEquals(Main.USAGE, run("bench", "hashing", "--budget", "-1").status());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertEquals(Main.USAGE, run("frobnicate").status());
        assertEquals(Main.USAGE, run("info", "--yaml").status());
        assertEquals(Main.USAGE, run().status());
        assertEquals(Main.OK, run("help").status());
    }

    static final List<String> COMMANDS = List.of(
            "info", "hash", "compress", "decompress", "train", "selftest", "calibrate", "bench", "shell", "version");

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : COMMANDS) {
            Run help = run(command, "--help");
            assertEquals(Main.OK, help.status(), command + ": " + help.err());
            assertTrue(help.out().startsWith("usage: arsenal " + command), command + ": " + help.out());
            assertEquals("", help.err(), command);
            assertEquals(help.out(), run(command, "-h").out(), command + " -h");
            assertEquals(help.out(), run("help", command).out(), "help " + command);
        }
        Run late = run("hash", "-a", "xxh3", "--help");
        assertTrue(late.out().startsWith("usage: arsenal hash"), "--help after other options: " + late.out());
        Run named = run("hash", "-a", "xxh3", "--", "--help");
        assertEquals(Main.PARTIAL, named.status(), "after --, a file named --help: " + named.err());
        String all = run("help").out();
        for (String command : COMMANDS) {
            assertTrue(all.contains("\n  " + command), command + " in the usage: " + all);
        }
    }

    /** A stdout that fails every write, as {@code /dev/full} does. */
    static PrintStream fullStdout() {
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }
                },
                false,
                StandardCharsets.UTF_8);
    }

    @Test
    void aFailingStdoutIsAnErrorWhateverTheCommand() {
        for (String[] args :
                new String[][] {{"info"}, {"info", "--json"}, {"selftest"}, {"version"}, {"hash", "--help"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(args, fullStdout(), new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            String what = String.join(" ", args) + ": " + message;
            assertEquals(Main.PARTIAL, status, what);
            assertEquals("arsenal " + args[0] + ": stdout: write error\n", message, what);
        }
    }

    @Test
    void aProviderForcedByTheOptionIsNamedAsItsSourceAndItsFailureSaidOnce() throws IOException {
        Path hello = file("hello.txt", "hello");
        String key = "arsenal.disabled.providers";
        String before = System.getProperty(key);
        System.setProperty(key, "native-xxhash"); // the deployment's setting; java-hashing serves the rest
        try {
            Run r = run("hash", "-a", "xxh64", "--provider", "native-xxhash", hello.toString());
            assertEquals(Main.USAGE, r.status(), r.err());
            assertEquals(1, r.err().lines().count(), "one line, no engine warning besides: " + r.err());
            assertTrue(r.err().contains("forced by arsenal.provider.xxh64=native-xxhash (from --provider)"), r.err());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void theOneJobCommandsMarkTheProcessShortLivedUnlessTheUserSaidOtherwise() {
        String before = System.getProperty(dev.arsenal.Configuration.LIFETIME);
        try {
            System.clearProperty(dev.arsenal.Configuration.LIFETIME);
            Main.markShortLived(new String[] {"info"});
            assertEquals(null, System.getProperty(dev.arsenal.Configuration.LIFETIME), "reports describe a long life");
            Main.markShortLived(new String[] {"-v", "hash", "-a", "xxh3"});
            assertEquals("short", System.getProperty(dev.arsenal.Configuration.LIFETIME));
            System.setProperty(dev.arsenal.Configuration.LIFETIME, "long");
            Main.markShortLived(new String[] {"compress", "-c", "zstd"});
            assertEquals("long", System.getProperty(dev.arsenal.Configuration.LIFETIME), "the user's setting stays");
        } finally {
            if (before == null) {
                System.clearProperty(dev.arsenal.Configuration.LIFETIME);
            } else {
                System.setProperty(dev.arsenal.Configuration.LIFETIME, before);
            }
        }
    }
}
