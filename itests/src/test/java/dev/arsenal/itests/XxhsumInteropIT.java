package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.launcher.Main;
import dev.arsenal.spi.ReferenceTools;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code arsenal hash} against the real {@code xxhsum} (Debian package xxhash) on generated files of
 * many sizes, every xxHash variant, files and stdin.
 */
class XxhsumInteropIT {
    @TempDir
    static Path dir;

    static List<Path> files = new ArrayList<>();

    private static final int[] SIZES = {
        0,
        1,
        2,
        3,
        4,
        5,
        7,
        8,
        9,
        15,
        16,
        17,
        31,
        32,
        33,
        63,
        64,
        65,
        100,
        127,
        128,
        129,
        200,
        239,
        240,
        241,
        255,
        256,
        257,
        511,
        512,
        1023,
        1024,
        1025,
        2047,
        2048,
        4095,
        4096,
        4097,
        10_000,
        65_535,
        65_536,
        65_537,
        100_003,
        1 << 20,
        (1 << 20) + 13,
        3 * (1 << 20) + 7
    };

    @BeforeAll
    static void generate() throws IOException {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int size : SIZES) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            Path f = dir.resolve("input-" + size + ".bin");
            Files.write(f, data);
            files.add(f);
        }
    }

    static boolean xxhsumPresent() {
        try {
            Process p = new ProcessBuilder("xxhsum", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void requireXxhsum() {
        if (!xxhsumPresent()) {
            if (Boolean.getBoolean("arsenal.test.requireNative")) {
                fail("xxhsum not found on PATH (Debian package xxhash); ./run-tests installs it");
            }
            assumeTrue(false, "xxhsum not found on PATH (Debian package xxhash)");
        }
    }

    /** Parses xxhsum's GNU ("hex  name") and BSD ("XXH3 (name) = hex") lines into name to hex. */
    static Map<String, String> parse(String output) {
        Pattern bsd = Pattern.compile("^\\S+ \\((.*)\\) = ([0-9a-f]+)$");
        Pattern gnu = Pattern.compile("^([0-9a-f]+)  (.*)$");
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            Matcher m = bsd.matcher(line);
            if (m.matches()) {
                hashes.put(m.group(1), m.group(2));
                continue;
            }
            m = gnu.matcher(line);
            if (m.matches()) {
                hashes.put(m.group(2), m.group(1));
            }
        }
        return hashes;
    }

    static String xxhsum(List<String> args, Path stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("xxhsum"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "xxhsum " + args);
        return out;
    }

    @ParameterizedTest(name = "{0} = xxhsum -H{1}")
    @CsvSource({"xxh32, 0", "xxh64, 1", "xxh128, 2", "xxh3, 3"})
    void everyFileHashesAsXxhsumDoes(String algorithm, int h) throws Exception {
        requireXxhsum();
        List<String> args = new ArrayList<>(List.of("hash", "-a", algorithm));
        List<String> xargs = new ArrayList<>(List.of("-H" + h));
        for (Path f : files) {
            args.add(f.toString());
            xargs.add(f.toString());
        }
        Launcher.Result ours = Launcher.classPath(null, args.toArray(String[]::new));
        assertEquals(0, ours.status(), ours.err());
        Map<String, String> expected = parse(xxhsum(xargs, null));
        Map<String, String> actual = parse(ours.out());
        assertEquals(files.size(), expected.size(), "xxhsum hashed every file");
        assertEquals(expected, actual);
    }

    @Test
    void stdinHashesAsXxhsumDoes() throws Exception {
        requireXxhsum();
        Path input = files.get(files.size() - 2);
        for (String[] pair : new String[][] {{"xxh64", "1"}, {"xxh3", "3"}, {"xxh128", "2"}}) {
            Launcher.Result ours = Launcher.classPath(input, "hash", "-a", pair[0]);
            assertEquals(0, ours.status(), ours.err());
            String expected = parse(xxhsum(List.of("-H" + pair[1], "-"), input))
                    .values()
                    .iterator()
                    .next();
            assertEquals(expected + "  -\n", ours.out(), pair[0]);
        }
    }

    @Test
    void aMissingFileFailsAloneAsInXxhsum() {
        Path missing = dir.resolve("missing.bin");
        Launcher.Result ours = Launcher.classPath(
                null, "hash", "-a", "xxh64", missing.toString(), files.get(5).toString());
        assertEquals(1, ours.status());
        assertEquals(1, ours.out().lines().count(), ours.out());
        assertEquals(
                1,
                ours.err().lines().filter(l -> l.startsWith("arsenal")).count(),
                "one line naming the file: " + ours.err());
    }

    /**
     * Files whose size the file system misstates ({@code /proc} says 0 bytes, sysfs 4096) and a
     * FIFO, in the process's own reads of its file descriptor, against xxhsum's digits.
     */
    @Test
    void pseudoFilesAndFifosHashAsXxhsumHashesThem() throws Exception {
        requireXxhsum();
        ReferenceTools.assumeCommand("mkfifo");
        List<String> inputs = new ArrayList<>();
        for (String f : new String[] {"/proc/version", "/sys/devices/system/cpu/online"}) {
            if (Files.isReadable(Path.of(f))) {
                inputs.add(f);
            }
        }
        Path source = files.getLast(); // 3 MiB + 7: several reads
        Path fifo = dir.resolve("fifo");
        ReferenceTools.run(dir, "mkfifo", fifo.toString());
        List<String> args = new ArrayList<>(List.of("hash", "-a", "xxh64"));
        args.addAll(inputs);
        args.add(fifo.toString());
        Thread writer = Thread.ofPlatform().start(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) { // blocks until the launcher opens it
                Files.copy(source, o);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Launcher.Result ours = Launcher.classPath(null, args.toArray(String[]::new));
        writer.join();
        assertEquals(0, ours.status(), ours.err());
        List<String> xargs = new ArrayList<>(List.of("-H1"));
        xargs.addAll(inputs);
        Map<String, String> expected = parse(xxhsum(xargs, null));
        expected.put(
                fifo.toString(),
                parse(xxhsum(List.of("-H1", source.toString()), null)).get(source.toString()));
        assertEquals(expected, parse(ours.out()));
    }

    /** Runs the launcher with stdout going to {@code stdout}; returns the status and what it said (arsenal's lines). */
    static Launcher.Result withStdout(File stdout, Path stdin, String... args) throws Exception {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(Launcher.classPathCommand(Main.class.getName(), args))
                .redirectOutput(stdout)
                .redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS), "hung: " + List.of(args));
        String said = Files.readAllLines(err).stream()
                .filter(l -> l.startsWith("arsenal"))
                .collect(Collectors.joining("\n"));
        return new Launcher.Result(p.exitValue(), "", said);
    }

    /** A full disk ({@code /dev/full}) is a non-zero exit and one line saying so, for every command. */
    @Test
    void aFullStdoutIsAnErrorForEveryCommand() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        Path input = files.get(20);
        String[][] commands = {
            {"hash", "-a", "xxh3", input.toString()},
            {"info"},
            {"info", "--json"},
            {"version"},
            {"hash", "--help"},
            {"compress", "-c", "gzip", input.toString()}
        };
        for (String[] args : commands) {
            Launcher.Result r = withStdout(full, null, args);
            String what = String.join(" ", args) + ": " + r.err();
            assertEquals(1, r.status(), what);
            assertEquals(1, r.err().lines().count(), what);
            assertTrue(r.err().startsWith("arsenal " + args[0] + ": stdout: No space left on device"), what);
        }
    }

    /**
     * A reader that goes away ({@code | head -c 1}) ends the run without a word, with the status a
     * shell shows for the C tools that SIGPIPE ends: 141. The output is larger than a pipe holds
     * (64 KiB), so the run cannot finish before its reader leaves.
     */
    @Test
    void aClosedPipeEndsTheRunSilentlyWith141() throws Exception {
        ReferenceTools.assumeCommand("head");
        List<String> args = new ArrayList<>(List.of("hash", "-a", "xxh3"));
        for (int i = 0; i < 2000; i++) { // about 2000 lines of 100 bytes
            args.add(files.get(3).toString());
        }
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(Launcher.classPathCommand(Main.class.getName(), args.toArray(String[]::new)))
                        .redirectError(err.toFile()),
                new ProcessBuilder("head", "-c", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)));
        for (Process p : pipeline) {
            assertTrue(p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(141, pipeline.getFirst().exitValue());
        assertEquals(
                List.of(),
                Files.readAllLines(err).stream()
                        .filter(l -> l.startsWith("arsenal"))
                        .toList(),
                "nothing said");
    }
}
