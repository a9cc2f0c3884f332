package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compression;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code arsenal compress} and {@code decompress} in-process: round trips, failures, options. */
class CompressCommandTest {
    @TempDir
    Path dir;

    record Run(int status, byte[] out, String err) {}

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    /** Skips (never passes) a test that needs a provider of {@code codec} when none is installed. */
    static void assumeProvider(Codec codec) {
        try {
            Compression.compressor(codec);
            Compression.decompressor(codec);
        } catch (ProviderUnavailableException e) {
            assumeTrue(false, "no " + codec.id() + " provider yet: " + e.getMessage());
        }
    }

    static boolean levelServed(Codec codec, int level) {
        try {
            Compression.compressor(codec, level);
            return true;
        } catch (ProviderUnavailableException e) {
            return false;
        }
    }

    /** Text-like bytes that compress (repeated words) followed by random ones that do not. */
    static byte[] sample(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = {"arsenal ", "frame ", "block ", "literal ", "match ", "offset ", "\n"};
        byte[] data = new byte[size];
        int i = 0;
        while (i < size * 3 / 4) {
            byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(w.length, size - i);
            System.arraycopy(w, 0, data, i, n);
            i += n;
        }
        byte[] tail = new byte[size - i];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, data, i, tail.length);
        return data;
    }

    static byte[] magic(Codec codec) {
        return switch (codec) {
            case LZ4 -> new byte[] {0x04, 0x22, 0x4D, 0x18};
            case ZSTD -> new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
            case GZIP -> new byte[] {0x1F, (byte) 0x8B};
            case LZ4_SHUFFLE, ZSTD_SHUFFLE -> new byte[] {0x41, 0x53, 0x48, 0x46};
            case LZ4_BLOCK -> throw new IllegalArgumentException("no magic");
        };
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void filesRoundTripThroughEachCodec(String id) throws IOException {
        Codec codec = Codec.byId(id);
        assumeProvider(codec);
        for (int size : new int[] {0, 1, 100, 65_536, 300_007}) {
            byte[] data = sample(size, size);
            Path in = Files.write(dir.resolve("in-" + size), data);
            Path packed = dir.resolve("in-" + size + "." + id);
            Path back = dir.resolve("back-" + size);
            Run c = run("compress", "-c", id, in.toString(), packed.toString());
            assertEquals(Main.OK, c.status(), c.err());
            assertEquals("", c.err());
            byte[] frame = Files.readAllBytes(packed);
            byte[] magic = magic(codec);
            assertArrayEquals(magic, Arrays.copyOf(frame, magic.length), "starts with the " + id + " magic");
            Run d = run("decompress", "-c", id, packed.toString(), back.toString());
            assertEquals(Main.OK, d.status(), d.err());
            assertArrayEquals(data, Files.readAllBytes(back), id + " " + size + " bytes");
        }
        assertTrue(filesInDir().stream().noneMatch(f -> f.startsWith(".")), "no temporary file left: " + filesInDir());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void stdinToStdoutAtTheLowestAndHighestLevels(String id) {
        Codec codec = Codec.byId(id);
        assumeProvider(codec);
        byte[] data = sample(100_000, 7);
        for (int level : new int[] {codec.minLevel(), codec.defaultLevel(), codec.maxLevel()}) {
            if (level != codec.defaultLevel() && !levelServed(codec, level)) {
                continue; // a provider may support some levels only; the default must be served
            }
            Run c = run(data, "compress", "-c", id, "-l", Integer.toString(level));
            assertEquals(Main.OK, c.status(), c.err());
            Run d = run(c.out(), "decompress", "-c", id, "-", "-");
            assertEquals(Main.OK, d.status(), d.err());
            assertArrayEquals(data, d.out(), id + " level " + level);
        }
    }

    @Test
    void everyCompressionProviderRoundTripsWithTheDefaultDecoder() throws IOException {
        List<ProviderReport> providers = Arsenal.runtime().report().providers().stream()
                .filter(p -> p.family() == Family.COMPRESSION && p.available())
                .toList();
        assumeTrue(!providers.isEmpty(), "no compression provider yet");
        byte[] data = sample(200_000, 11);
        Path in = Files.write(dir.resolve("in"), data);
        List<String> notServed = new ArrayList<>();
        for (ProviderReport p : providers) {
            for (String id : p.algorithms()) {
                Codec codec = Codec.byId(id);
                if (codec == Codec.LZ4_BLOCK) {
                    continue;
                }
                try {
                    Arsenal.create(Configuration.defaults().withForcedProvider(codec, p.id()))
                            .compressor(codec, codec.defaultLevel());
                } catch (ProviderUnavailableException e) {
                    notServed.add(p.id() + " for " + id + " (" + e.getMessage() + ")");
                    continue;
                }
                Path packed = dir.resolve(p.id() + "." + id);
                Run c = run("compress", "-c", id, "--provider", p.id(), in.toString(), packed.toString());
                assertEquals(Main.OK, c.status(), p.id() + ": " + c.err());
                Run d = run(Files.readAllBytes(packed), "decompress", "-c", id);
                assertEquals(Main.OK, d.status(), p.id() + ": " + d.err());
                assertArrayEquals(data, d.out(), p.id() + " " + id);
                Run own = run(Files.readAllBytes(packed), "decompress", "-c", id, "--provider", p.id());
                assertArrayEquals(data, own.out(), p.id() + " " + id + " decoding its own frame: " + own.err());
            }
        }
        // What was served passed; what is listed but not served yet skips the test, by name.
        assumeTrue(notServed.isEmpty(), "not served yet: " + String.join("; ", notServed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void badInputIsOneLineAndLeavesNoOutput(String id) throws IOException {
        Codec codec = Codec.byId(id);
        assumeProvider(codec);
        Path garbage = Files.write(dir.resolve("garbage." + id), "this is not compressed at all".getBytes());
        Path out = dir.resolve("out");
        Run r = run("decompress", "-c", id, garbage.toString(), out.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("arsenal decompress: " + garbage + ": " + id + ": "), r.err());
        assertTrue(r.err().contains("nothing written to " + out), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));

        // A frame cut short, over an existing OUT: OUT keeps its old content.
        byte[] data = sample(200_000, 3);
        Run c = run(data, "compress", "-c", id);
        byte[] truncated = Arrays.copyOf(c.out(), c.out().length / 2);
        Path cut = Files.write(dir.resolve("cut." + id), truncated);
        Files.writeString(out, "old");
        Run t = run("decompress", "-c", id, "-f", cut.toString(), out.toString());
        assertEquals(Main.BAD_INPUT, t.status(), t.err());
        assertEquals(1, t.err().lines().count(), t.err());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("cut." + id, "garbage." + id, "out"), filesInDir(), "no temporary file left");

        // On stdout the bytes cannot be taken back; the message says so.
        Run s = run(truncated, "decompress", "-c", id);
        assertEquals(Main.BAD_INPUT, s.status(), s.err());
        assertTrue(s.err().startsWith("arsenal decompress: " + id + ": "), s.err());
        assertTrue(s.err().contains("incomplete"), s.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void maxSizeStopsDecompression(String id) throws IOException {
        assumeProvider(Codec.byId(id));
        byte[] data = sample(100_000, 5);
        Path packed = dir.resolve("data." + id);
        Files.write(packed, run(data, "compress", "-c", id).out());
        Path out = dir.resolve("data");
        Run over = run("decompress", "-c", id, "--max-size", "64K", packed.toString(), out.toString());
        assertEquals(Main.BAD_INPUT, over.status(), over.err());
        assertTrue(over.err().contains("65536"), over.err());
        assertEquals(1, over.err().lines().count(), over.err());
        assertFalse(Files.exists(out));
        Run exact = run("decompress", "-c", id, "--max-size", "100000", packed.toString(), out.toString());
        assertEquals(Main.OK, exact.status(), exact.err());
        assertArrayEquals(data, Files.readAllBytes(out));
    }

    @Test
    void aMissingInputOrOutputDirectoryIsOneLine() throws IOException {
        assumeProvider(Codec.GZIP);
        Path missing = dir.resolve("missing");
        Path out = dir.resolve("out");
        Run r = run("compress", "-c", "gzip", missing.toString(), out.toString());
        assertEquals(Main.PARTIAL, r.status(), r.err());
        assertEquals("arsenal compress: " + missing + ": no such file or directory\n", r.err());
        assertFalse(Files.exists(out));
        Path in = Files.writeString(dir.resolve("in"), "hello");
        Path nowhere = dir.resolve("no/such/dir/out");
        Run d = run("compress", "-c", "gzip", in.toString(), nowhere.toString());
        assertEquals(Main.PARTIAL, d.status(), d.err());
        assertEquals("arsenal compress: cannot write " + nowhere + ": no such file or directory\n", d.err());
        Run onDir = run("compress", "-c", "gzip", in.toString(), dir.toString());
        assertEquals(Main.PARTIAL, onDir.status(), onDir.err());
        assertEquals("arsenal compress: " + dir + ": is a directory\n", onDir.err());
        assertEquals(List.of("in"), filesInDir());
    }

    @Test
    void unknownCodecsLevelsAndOptionsAreUsageErrors() throws IOException {
        Path in = Files.writeString(dir.resolve("in"), "hello");
        assertUsage("unknown codec 'brotli'; codecs: lz4, zstd, gzip", "compress", "-c", "brotli");
        assertUsage("zstd has levels -7 to 22, not 23", "compress", "-c", "zstd", "-l", "23");
        assertUsage("gzip has levels 1 to 9, not 0", "compress", "-c", "gzip", "-l", "0");
        assertUsage("bad level 'fast'", "compress", "-c", "lz4", "-l", "fast");
        assertUsage("lz4-block is a raw block format", "compress", "-c", "lz4-block", in.toString());
        assertUsage("lz4-block is a raw block format", "decompress", "-c", "LZ4_BLOCK");
        assertUsage("missing -c CODEC", "compress", in.toString());
        assertUsage("decompress takes no level", "decompress", "-c", "zstd", "-l", "3");
        assertUsage("--max-size is for decompress", "compress", "-c", "zstd", "--max-size", "1M");
        assertUsage("bad size '12 parsecs'", "decompress", "-c", "zstd", "--max-size", "12 parsecs");
        assertUsage("unknown option '--fast'", "compress", "-c", "zstd", "--fast");
        assertUsage("one input and one output at most", "compress", "-c", "zstd", "a", "b", "c");
        assertUsage("-c needs a value", "compress", "-c");
        assertUsage("'nope'", "compress", "-c", "zstd", "--provider", "nope", in.toString());
        assertEquals(List.of("in"), filesInDir());
    }

    @Test
    void shuffleCodecsTakeAnElementSize() throws IOException {
        assumeProvider(Codec.ZSTD_SHUFFLE);
        byte[] longs = new byte[8 * 50_000];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(longs).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 50_000; i++) {
            b.putLong(1_700_000_000_000L + 7L * i);
        }
        Path in = Files.write(dir.resolve("longs"), longs);
        for (String id : List.of("zstd+shuffle", "lz4+shuffle")) {
            Path packed = dir.resolve("longs." + id);
            Run c = run("compress", "-c", id, "-e", "8", in.toString(), packed.toString());
            assertEquals(Main.OK, c.status(), c.err());
            byte[] frame = Files.readAllBytes(packed);
            assertArrayEquals(magic(Codec.byId(id)), Arrays.copyOf(frame, 4));
            assertEquals(8, frame[5], "the element size is in the header");
            Run plain = run(longs, "compress", "-c", id.replace("+shuffle", ""));
            assertTrue(frame.length < plain.out().length, id + " " + frame.length + " vs " + plain.out().length);
            Run d = run(frame, "decompress", "-c", id);
            assertEquals(Main.OK, d.status(), d.err());
            assertArrayEquals(longs, d.out());
            Run four = run(longs, "compress", "-c", id, "--element-size", "4");
            assertEquals(4, four.out()[5]);
            assertArrayEquals(longs, run(four.out(), "decompress", "-c", id).out());
        }
        Run wrong = run(Files.readAllBytes(dir.resolve("longs.zstd+shuffle")), "decompress", "-c", "lz4+shuffle");
        assertEquals(Main.BAD_INPUT, wrong.status(), wrong.err());
        assertTrue(wrong.err().contains("the frame's inner codec is zstd, not lz4"), wrong.err());
        assertUsage("--element-size is for the shuffle codecs (zstd+shuffle)", "compress", "-c", "zstd", "-e", "8");
        assertUsage("bad element size '0'", "compress", "-c", "zstd+shuffle", "-e", "0");
        assertUsage("bad element size 'x'", "compress", "-c", "zstd+shuffle", "-e", "x");
        assertUsage("-e is for compress", "decompress", "-c", "zstd+shuffle", "-e", "8");
    }

    @Test
    void dictionariesAreTrainedAndUsedBothWays() throws IOException {
        List<Path> samples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 400; i++) {
            String record = "{\"id\":" + i + ",\"user\":\"user" + random.nextInt(50) + "\",\"action\":\""
                    + (random.nextBoolean() ? "login" : "purchase") + "\",\"amount\":" + random.nextInt(1000)
                    + ",\"currency\":\"EUR\",\"client\":\"arsenal-test/1.0\"}";
            samples.add(Files.writeString(dir.resolve("s" + i + ".json"), record));
        }
        Path dict = dir.resolve("dict");
        List<String> train = new ArrayList<>(List.of("train", "-c", "zstd", "--max-size", "4K", "-o", dict.toString()));
        samples.forEach(p -> train.add(p.toString()));
        Run t = run(train.toArray(String[]::new));
        assumeTrue(
                t.status() != Main.USAGE || !t.err().contains("trains"), "no provider trains dictionaries: " + t.err());
        assertEquals(Main.OK, t.status(), t.err());
        assertTrue(Files.size(dict) > 0 && Files.size(dict) <= 4096, "dictionary of " + Files.size(dict) + " bytes");

        byte[] record = Files.readAllBytes(samples.get(7));
        Run with = run(record, "compress", "-c", "zstd", "-D", dict.toString());
        assertEquals(Main.OK, with.status(), with.err());
        Run without = run(record, "compress", "-c", "zstd");
        assertTrue(
                with.out().length < without.out().length,
                "with the dictionary " + with.out().length + " bytes, without " + without.out().length);
        Run back = run(with.out(), "decompress", "-c", "zstd", "-D", dict.toString());
        assertEquals(Main.OK, back.status(), back.err());
        assertArrayEquals(record, back.out());
        Run noDict = run(with.out(), "decompress", "-c", "zstd");
        assertEquals(Main.BAD_INPUT, noDict.status(), noDict.err());
        assertEquals(1, noDict.err().lines().count(), noDict.err());

        Run lean = run(record, "compress", "-c", "zstd", "--no-check", "--no-content-size");
        assertEquals(Main.OK, lean.status(), lean.err());
        assertEquals(0, lean.out()[4] & 0x04, "no checksum flag in the frame header descriptor");
        assertEquals(0, lean.out()[4] & 0xE0, "no content size field (nor a single segment, which implies one)");
        assertArrayEquals(record, run(lean.out(), "decompress", "-c", "zstd").out());

        assertUsage(
                "cannot read the dictionary",
                "compress",
                "-c",
                "zstd",
                "-D",
                dir.resolve("nope").toString());
        assertUsage("missing -o DICT", "train", "-c", "zstd", samples.get(0).toString());
        assertUsage("--no-check is for compress", "decompress", "-c", "zstd", "--no-check");
    }

    private static void assertUsage(String expected, String... args) {
        Run r = run(args);
        assertEquals(Main.USAGE, r.status(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("arsenal " + args[0] + ": "), r.err());
        assertTrue(r.err().contains(expected), "'" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void sizesTakeBinarySuffixes() {
        assertEquals(0, CompressCommand.parseSize("0"));
        assertEquals(1000, CompressCommand.parseSize("1000"));
        assertEquals(1000, CompressCommand.parseSize("1000B"));
        assertEquals(64 << 10, CompressCommand.parseSize("64K"));
        assertEquals(64 << 10, CompressCommand.parseSize("64KiB"));
        assertEquals(3L << 20, CompressCommand.parseSize("3m"));
        assertEquals(3L << 20, CompressCommand.parseSize("3 MB"));
        assertEquals(5L << 30, CompressCommand.parseSize("5G"));
        assertEquals(2L << 40, CompressCommand.parseSize("2T"));
        for (String bad : new String[] {"", "-1", "1.5M", "M", "9223372036854775807K", "99999999999999999999"}) {
            try {
                CompressCommand.parseSize(bad);
                throw new AssertionError("accepted '" + bad + "'");
            } catch (UsageException expected) {
                assertTrue(expected.getMessage().contains("bad size"), expected.getMessage());
            }
        }
    }

    @Test
    void progressShowsForLargeInputsAFewTimesASecondAndIsErased() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong(1_000_000_000L);
        long total = 32L << 20;
        CompressCommand.Progress progress = new CompressCommand.Progress(err, total, now::get);
        now.addAndGet(100_000_000L);
        progress.update(1 << 20);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing before a quarter of a second");
        now.addAndGet(400_000_000L); // 0.5 s, 8 MiB: 16.8 MB/s
        progress.update(8L << 20);
        assertEquals("\r\033[K8.4 / 33.6 MB (25%), 16.8 MB/s", bytes.toString(StandardCharsets.UTF_8));
        now.addAndGet(100_000_000L);
        progress.update(9L << 20);
        assertEquals(
                "\r\033[K8.4 / 33.6 MB (25%), 16.8 MB/s",
                bytes.toString(StandardCharsets.UTF_8), "at most four updates a second");
        progress.clear();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r\033[K"));

        ByteArrayOutputStream small = new ByteArrayOutputStream();
        CompressCommand.Progress none =
                new CompressCommand.Progress(new PrintStream(small, true, StandardCharsets.UTF_8), 1 << 20, now::get);
        now.addAndGet(2_000_000_000L);
        none.update(1 << 19);
        none.clear();
        assertEquals(0, small.size(), "nothing for a small input");

        ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        CompressCommand.Progress stream =
                new CompressCommand.Progress(new PrintStream(unknown, true, StandardCharsets.UTF_8), -1, now::get);
        now.addAndGet(1_000_000_000L);
        stream.update(1 << 20);
        assertEquals(0, unknown.size(), "a stream of unknown size: nothing until 16 MiB");
        now.addAndGet(1_000_000_000L);
        stream.update(20_000_000);
        assertEquals("\r\033[K20.0 MB, 10.0 MB/s", unknown.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageListsTheCommandsAndTheExitStatuses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("compress -c CODEC [-l LEVEL] [-e ELEMENT_SIZE] [-D DICT] [--no-check]"), usage);
        assertTrue(
                usage.contains("decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [-f] [IN [OUT]]"),
                usage);
        assertTrue(usage.contains("train -c zstd [--max-size BYTES] -o DICT FILE..."), usage);
        assertTrue(usage.contains("4 malformed input (compressed data, keys, signatures)"), usage);
        assertTrue(usage.contains("sign -k KEY.pem [FILE]"), usage);
    }

    // ---- the output: existing files, links, devices, FIFOs, terminals, leftovers ----

    static Run runWith(Terminals terminals, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminals);
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Set<PosixFilePermission> mode(String text) {
        return PosixFilePermissions.fromString(text);
    }

    /** The file type bits of {@code unix:mode}: 0010000 a FIFO, 0020000 a character device, 0100000 a file. */
    static int fileType(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithForceAndKeepsItsPermissions() throws IOException {
        assumeProvider(Codec.ZSTD);
        byte[] data = sample(100_000, 21);
        Path in = Files.write(dir.resolve("in"), data);
        Path out = Files.writeString(dir.resolve("out.zst"), "old");
        Files.setPosixFilePermissions(out, mode("rw-r-----"));
        Run refused = run("compress", "-c", "zstd", in.toString(), out.toString());
        assertEquals(Main.PARTIAL, refused.status(), refused.err());
        assertEquals(
                "arsenal compress: " + out + ": already exists; not overwritten (-f replaces it)\n", refused.err());
        assertEquals("old", Files.readString(out));

        Run forced = run("compress", "-c", "zstd", "-f", in.toString(), out.toString());
        assertEquals(Main.OK, forced.status(), forced.err());
        assertArrayEquals(
                data, run(Files.readAllBytes(out), "decompress", "-c", "zstd").out());
        assertEquals(mode("rw-r-----"), Files.getPosixFilePermissions(out), "the replaced file's permissions");
        Run longForm = run("decompress", "-c", "zstd", "--force", out.toString(), in.toString());
        assertEquals(Main.OK, longForm.status(), longForm.err());
        assertEquals(List.of("in", "out.zst"), filesInDir(), "no temporary file left");
    }

    @Test
    void aNewOutputGetsTheInputsPermissionsOrTheDefaultOnes() throws IOException {
        assumeProvider(Codec.GZIP);
        Path in = Files.write(dir.resolve("in"), sample(10_000, 22));
        Files.setPosixFilePermissions(in, mode("rw-r-----"));
        Path out = dir.resolve("in.gz");
        assertEquals(
                Main.OK,
                run("compress", "-c", "gzip", in.toString(), out.toString()).status());
        assertEquals(mode("rw-r-----"), Files.getPosixFilePermissions(out), "as gzip and zstd: IN's");

        Path fromStdin = dir.resolve("stdin.gz");
        Path reference = Files.createFile(dir.resolve("reference"));
        assertEquals(
                Main.OK,
                run(sample(1000, 23), "compress", "-c", "gzip", "-", fromStdin.toString())
                        .status());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fromStdin), "the default");
    }

    /**
     * A link to this process's standard output ({@code /dev/stdout}, {@code /dev/fd/1}, {@code
     * /proc/self/fd/1}, or one of the user's own) is written as {@code -} is: never opened anew
     * (from the start of a file the shell opened with {@code >>}) nor renamed over.
     */
    @Test
    void aLinkToStandardOutputIsStdoutAndStaysALink() throws IOException {
        assumeProvider(Codec.ZSTD);
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux's /proc/self/fd");
        assertTrue(OutputFile.namesStandardOutput("/proc/self/fd/1"));
        assertTrue(OutputFile.namesStandardOutput("/dev/fd/1"));
        assertTrue(OutputFile.namesStandardOutput(
                "/proc/" + ProcessHandle.current().pid() + "/fd/1"));
        if (Files.isSymbolicLink(Path.of("/dev/stdout"))) {
            assertTrue(OutputFile.namesStandardOutput("/dev/stdout"));
        }
        assertFalse(OutputFile.namesStandardOutput("/dev/fd/2"));
        assertFalse(OutputFile.namesStandardOutput("/dev/null"));
        assertFalse(OutputFile.namesStandardOutput("-"));

        byte[] data = sample(50_000, 31);
        Path in = Files.write(dir.resolve("in"), data);
        Path link = Files.createSymbolicLink(dir.resolve("my-stdout"), Path.of("/proc/self/fd/1"));
        Run c = run("compress", "-c", "zstd", in.toString(), link.toString());
        assertEquals(Main.OK, c.status(), c.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("/proc/self/fd/1"), Files.readSymbolicLink(link));
        assertArrayEquals(data, run(c.out(), "decompress", "-c", "zstd").out(), "the frame went to stdout");
    }

    /**
     * Another open descriptor's link ({@code /proc/self/fd/N}) to a regular file: its file, never the
     * link, and only with {@code -f}, in place (nothing can be renamed over it).
     */
    @Test
    void aDescriptorOfARegularFileIsWrittenInPlaceOnlyWithForce() throws IOException {
        assumeProvider(Codec.ZSTD);
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux's /proc/self/fd");
        byte[] data = sample(50_000, 32);
        Path in = Files.write(dir.resolve("in"), data);
        Path held = Files.writeString(dir.resolve("held"), "precious");
        try (FileChannel open = FileChannel.open(held, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Path fd = descriptorOf(held);
            Run refused = run("compress", "-c", "zstd", in.toString(), fd.toString());
            assertEquals(Main.PARTIAL, refused.status(), refused.err());
            assertTrue(refused.err().contains("names an open file descriptor"), refused.err());
            assertEquals("precious", Files.readString(held));

            Run forced = run("compress", "-c", "zstd", "-f", in.toString(), fd.toString());
            assertEquals(Main.OK, forced.status(), forced.err());
            assertTrue(Files.isSymbolicLink(fd), "the descriptor's link is untouched");
            assertArrayEquals(
                    data,
                    run(Files.readAllBytes(held), "decompress", "-c", "zstd").out());
        }
    }

    /** The {@code /proc/self/fd/N} link of a descriptor this process has open on {@code file}. */
    private static Path descriptorOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return fd;
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor, closed meanwhile
                }
            }
        }
        throw new AssertionError("no descriptor open on " + file);
    }

    /** A terminal is told by its device number, whatever the path's text. */
    @Test
    void aTerminalIsKnownByItsDeviceNotItsName() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/tty")), "/dev/tty");
        assertTrue(Terminals.isTerminalDevice(Path.of("/dev/./tty")));
        assertTrue(Terminals.isTerminalDevice(Path.of("/dev/../dev/tty")));
        Path link = Files.createSymbolicLink(dir.resolve("console-link"), Path.of("/dev/tty"));
        assertTrue(Terminals.isTerminalDevice(link));
        assertFalse(Terminals.isTerminalDevice(Path.of("/dev/null")));
        assertFalse(Terminals.isTerminalDevice(dir));
        Path named = Files.createFile(dir.resolve("tty1"));
        assertFalse(Terminals.isTerminalDevice(named), "a file named like one is not one");
    }

    /** An output name near the 255-byte limit: its temporary file's name is cut and tagged. */
    @Test
    void aLongOutputNameIsWritten() throws IOException {
        assumeProvider(Codec.ZSTD);
        byte[] data = sample(10_000, 33);
        Path in = Files.write(dir.resolve("in"), data);
        String name = "a".repeat(240) + ".zst";
        Run c = run("compress", "-c", "zstd", in.toString(), dir.resolve(name).toString());
        assertEquals(Main.OK, c.status(), c.err());
        assertArrayEquals(
                data,
                run(Files.readAllBytes(dir.resolve(name)), "decompress", "-c", "zstd")
                        .out());
        String base = OutputFile.tempBase(name);
        assertTrue(base.getBytes(StandardCharsets.UTF_8).length + 16 <= 255, base);
        assertEquals(base, OutputFile.tempBase(name), "the same base each time: leftovers are found by it");
        assertEquals(".short.zst.", OutputFile.tempBase("short.zst"));
        String wide = "\u00e9".repeat(127);
        assertTrue(OutputFile.tempBase(wide).getBytes(StandardCharsets.UTF_8).length + 16 <= 255);
    }

    /** A sample larger than an array is refused in one line, not with an OutOfMemoryError. */
    @Test
    void aSampleTooLargeToReadIsRefusedInOneLine() throws IOException {
        Path sparse = dir.resolve("sparse");
        try (FileChannel c = FileChannel.open(sparse, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 3L << 30); // 3 GiB, sparse
        }
        Run t = run("train", "-c", "zstd", "-o", dir.resolve("dict").toString(), sparse.toString());
        assertEquals(Main.PARTIAL, t.status(), t.err());
        assertTrue(t.err().contains("too large for a sample"), t.err());
        assertEquals(1, t.err().lines().count(), t.err());
        assertFalse(Files.exists(dir.resolve("dict")));
    }

    @Test
    void aSymbolicLinkIsFollowedToTheFileItNamesWhichKeepsItsPermissions() throws IOException {
        assumeProvider(Codec.ZSTD);
        byte[] data = sample(50_000, 24);
        Path frame = Files.write(
                dir.resolve("data.zst"), run(data, "compress", "-c", "zstd").out());
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path target = Files.writeString(sub.resolve("target"), "old");
        Files.setPosixFilePermissions(target, mode("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("sub", "target"));

        Run refused = run("decompress", "-c", "zstd", frame.toString(), link.toString());
        assertEquals(Main.PARTIAL, refused.status(), refused.err());
        assertTrue(refused.err().contains("already exists"), refused.err());

        Run r = run("decompress", "-c", "zstd", "-f", frame.toString(), link.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("sub", "target"), Files.readSymbolicLink(link));
        assertArrayEquals(data, Files.readAllBytes(target), "written through the link");
        assertEquals(mode("rw-------"), Files.getPosixFilePermissions(target), "the target's permissions");

        // A link to nothing yet: the file it names is made, and the link stays.
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), sub.resolve("made"));
        Run made = run("decompress", "-c", "zstd", frame.toString(), dangling.toString());
        assertEquals(Main.OK, made.status(), made.err());
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(data, Files.readAllBytes(sub.resolve("made")));
        assertEquals(List.of("dangling", "data.zst", "link", "sub"), filesInDir(), "no temporary file left");
        try (Stream<Path> inSub = Files.list(sub)) {
            assertEquals(2, inSub.count(), "no temporary file left beside the target");
        }
    }

    @Test
    void aCharacterDeviceIsWrittenInPlaceWithoutForce() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null here");
        assumeProvider(Codec.ZSTD);
        byte[] data = sample(200_000, 25);
        Path frame = Files.write(
                dir.resolve("data.zst"), run(data, "compress", "-c", "zstd").out());
        Path in = Files.write(dir.resolve("data"), data);
        // The usual way to test an archive, and to time a compressor.
        Run test = run("decompress", "-c", "zstd", frame.toString(), devNull.toString());
        assertEquals(Main.OK, test.status(), test.err());
        Run time = run("compress", "-c", "zstd", in.toString(), devNull.toString());
        assertEquals(Main.OK, time.status(), time.err());
        assertEquals(0020000, fileType(devNull), "/dev/null is still a character device");
        assertEquals(List.of("data", "data.zst"), filesInDir());
        // A bad frame into a device: nothing could be held back, and nothing reached it.
        Run bad = run("decompress", "-c", "zstd", in.toString(), devNull.toString());
        assertEquals(Main.BAD_INPUT, bad.status(), bad.err());
        assertTrue(bad.err().endsWith("; nothing written to /dev/null\n"), bad.err());
    }

    @Test
    void aFifoIsWrittenInPlace() throws Exception {
        ReferenceTools.assumeCommand("mkfifo");
        assumeProvider(Codec.LZ4);
        Path fifo = dir.resolve("fifo");
        ReferenceTools.run(dir, "mkfifo", fifo.toString());
        byte[] data = sample(300_000, 26);
        Path in = Files.write(dir.resolve("in"), data);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> read = reader.submit(() -> Files.readAllBytes(fifo)); // blocks until a writer opens it
            Run r = run("compress", "-c", "lz4", in.toString(), fifo.toString());
            assertEquals(Main.OK, r.status(), r.err());
            byte[] frame = read.get(HangGuard.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertArrayEquals(data, run(frame, "decompress", "-c", "lz4").out());
        } finally {
            reader.shutdownNow();
        }
        assertEquals(0010000, fileType(fifo), "still a FIFO");
        assertEquals(List.of("fifo", "in"), filesInDir(), "no temporary file beside it");
    }

    @Test
    void compressedDataIsNeitherWrittenToATerminalNorReadFromOne() {
        assumeProvider(Codec.ZSTD);
        byte[] data = sample(20_000, 27);
        byte[] frame = run(data, "compress", "-c", "zstd").out();
        Terminals all = new Terminals(true, true, true);
        Terminals stdinOnly = new Terminals(true, false, false);
        Terminals stdoutOnly = new Terminals(false, true, false);

        Run toTerminal = runWith(all, data, "compress", "-c", "zstd");
        assertEquals(Main.USAGE, toTerminal.status(), toTerminal.err());
        assertTrue(toTerminal.err().contains("compressed data not written to a terminal"), toTerminal.err());
        assertEquals(0, toTerminal.out().length);
        assertEquals(Main.OK, runWith(all, data, "compress", "-c", "zstd", "-f").status());
        assertEquals(Main.OK, runWith(stdinOnly, data, "compress", "-c", "zstd").status(), "typed input is fine");

        Run fromTerminal = runWith(stdinOnly, frame, "decompress", "-c", "zstd");
        assertEquals(Main.USAGE, fromTerminal.status(), fromTerminal.err());
        assertTrue(fromTerminal.err().contains("compressed data not read from a terminal"), fromTerminal.err());
        assertArrayEquals(
                data,
                runWith(stdinOnly, frame, "decompress", "-c", "zstd", "-f").out());
        Run shown = runWith(stdoutOnly, frame, "decompress", "-c", "zstd");
        assertArrayEquals(
                data, shown.out(), "decompressed data may go to a terminal, as with gzip -dc: " + shown.err());
    }

    @Test
    void leftoversOfKilledRunsAreRemovedAndNothingElse() throws IOException {
        assumeProvider(Codec.GZIP);
        Path in = Files.write(dir.resolve("in"), sample(10_000, 28));
        Path out = dir.resolve("out.gz");
        Path stale = Files.writeString(dir.resolve(".out.gz.0123456789ab.tmp"), "partial");
        List<Path> kept = List.of(
                Files.writeString(dir.resolve(".out.gz.0123456789ab.tmp.keep"), "not the pattern"),
                Files.writeString(dir.resolve(".out.gz.0123.tmp"), "too few digits"),
                Files.writeString(dir.resolve(".out.gz.0123456789AB.tmp"), "upper case: not ours"),
                Files.writeString(dir.resolve(".other.gz.0123456789ab.tmp"), "another output's"),
                Files.createDirectory(dir.resolve(".out.gz.aaaaaaaaaaaa.tmp")),
                Files.createSymbolicLink(dir.resolve(".out.gz.bbbbbbbbbbbb.tmp"), in));
        Path held = Files.writeString(dir.resolve(".out.gz.cccccccccccc.tmp"), "a run still writing");
        Run r;
        try (FileChannel writer = FileChannel.open(held, StandardOpenOption.WRITE);
                FileLock lock = writer.lock()) {
            r = run("compress", "-c", "gzip", in.toString(), out.toString());
        }
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("arsenal compress: removed " + stale + ", left by a run that was killed\n", r.err());
        assertFalse(Files.exists(stale, LinkOption.NOFOLLOW_LINKS));
        for (Path p : kept) {
            assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS), "kept: " + p);
        }
        assertTrue(Files.exists(held), "held by a running writer: kept");
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void aFailureBeforeAnyOutputSaysNothingWasWrittenToStdout() {
        assumeProvider(Codec.ZSTD);
        Run r = run("not a frame".getBytes(StandardCharsets.US_ASCII), "decompress", "-c", "zstd");
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().endsWith("; nothing written to stdout\n"), r.err());
    }

    @Test
    void aFailingStdoutIsReportedAndStopsTheWork() {
        assumeProvider(Codec.ZSTD);
        AtomicLong writes = new AtomicLong();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.incrementAndGet();
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {"compress", "-c", "zstd", "--no-check"},
                new ByteArrayInputStream(sample(5_000_000, 29)),
                new PrintStream(full, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.PARTIAL, status, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("arsenal compress: stdout: write error"), message);
        assertEquals(1, writes.get(), "the first failed write ends the work");
    }

    // ---- gzip's trailing data ----

    /** The providers of gzip on this class path, each forced in turn. */
    static Stream<String> gzipProviders() {
        return Arsenal.runtime().report().providers().stream()
                .filter(p -> p.available() && p.algorithms().contains("gzip"))
                .map(ProviderReport::id);
    }

    /** What the real {@code gzip -dc} exits with on {@code file}: 0 done, 2 a warning, 1 an error. */
    static int gzipStatus(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gzip", "-dc", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(HangGuard.GENEROUS.toSeconds(), TimeUnit.SECONDS));
        return p.exitValue();
    }

    @ParameterizedTest
    @MethodSource("gzipProviders")
    void gzipDataFollowedByOtherBytesDecodesAsGzipDoes(String provider) throws Exception {
        ReferenceTools.assumeCommand("gzip");
        byte[] data = sample(300_000, 30);
        byte[] member = run(data, "compress", "-c", "gzip").out();
        byte[] damaged = member.clone();
        for (int i = member.length / 2; i < member.length / 2 + 16; i++) {
            damaged[i] ^= 0x5A;
        }
        byte[] wrongTrailer = member.clone();
        wrongTrailer[member.length - 5] ^= 1;
        record Case(String name, byte[] input, byte[] expected, int gzipStatus) {}
        List<Case> cases = List.of(
                new Case("512 zeros (a tape block)", concat(member, new byte[512]), data, 0),
                new Case("text", concat(member, "garbage!".getBytes(StandardCharsets.US_ASCII)), data, 2),
                new Case("zeros, then a byte", concat(member, new byte[100], new byte[] {'x'}), data, 2),
                new Case("a lone zero", concat(member, new byte[1]), data, 0),
                new Case("a lone 1F (half a magic number)", concat(member, new byte[] {0x1F}), null, 1),
                new Case("a lone letter", concat(member, new byte[] {'A'}), null, 1),
                new Case("a zero, then 1F", concat(member, new byte[] {0, 0x1F}), data, 2),
                new Case("1F and a letter", concat(member, new byte[] {0x1F, 'A'}), data, 2),
                new Case("compress's magic number (LZW)", concat(member, new byte[] {0x1F, (byte) 0x9D}), null, 1),
                new Case("pack's magic number", concat(member, new byte[] {0x1F, 0x1E}), null, 1),
                new Case("a zip header", concat(member, new byte[] {'P', 'K', 3, 4}), data, 2),
                new Case(
                        "zeros, then a magic number",
                        concat(member, new byte[5], new byte[] {0x1F, (byte) 0x8B}),
                        data,
                        2),
                new Case("a magic number and nothing", concat(member, new byte[] {0x1F, (byte) 0x8B}), null, 1),
                new Case(
                        "a member header and junk",
                        concat(member, new byte[] {0x1F, (byte) 0x8B, 8, 0}, "junkjunkjunk".getBytes()),
                        null,
                        1),
                new Case("two members and zeros", concat(member, member, new byte[100]), concat(data, data), 0),
                new Case("a damaged member and zeros", concat(damaged, new byte[512]), null, 1),
                new Case("a wrong CRC and zeros", concat(wrongTrailer, new byte[512]), null, 1),
                new Case("no member, only garbage", "garbage!".getBytes(StandardCharsets.US_ASCII), null, 1));
        for (Case c : cases) {
            Path file = Files.write(dir.resolve("case.gz"), c.input());
            Path out = dir.resolve("case");
            Files.deleteIfExists(out);
            assertEquals(c.gzipStatus(), gzipStatus(file), "gzip -dc, " + c.name() + ": the test's premise");
            Run r = run("decompress", "-c", "gzip", "--provider", provider, file.toString(), out.toString());
            String what = provider + ", " + c.name() + ": " + r.err();
            switch (c.gzipStatus()) {
                case 0 -> {
                    assertEquals(Main.OK, r.status(), what);
                    assertEquals("", r.err(), what);
                    assertArrayEquals(c.expected(), Files.readAllBytes(out), what);
                }
                case 2 -> {
                    assertEquals(Main.WARNING, r.status(), what);
                    assertEquals(
                            "arsenal decompress: " + file + ": decompression OK, trailing garbage ignored (from offset "
                                    + member.length + ")\n",
                            r.err(),
                            what);
                    assertArrayEquals(c.expected(), Files.readAllBytes(out), what);
                }
                default -> {
                    assertEquals(Main.BAD_INPUT, r.status(), what);
                    assertFalse(Files.exists(out), what);
                }
            }
            // From a pipe alike, several members too: the decoder says where the trailing bytes begin.
            Run piped = run(c.input(), "decompress", "-c", "gzip", "--provider", provider);
            String pipedWhat = provider + ", " + c.name() + ", from a pipe: " + piped.err();
            switch (c.gzipStatus()) {
                case 0 -> {
                    assertEquals(Main.OK, piped.status(), pipedWhat);
                    assertArrayEquals(c.expected(), piped.out(), pipedWhat);
                }
                case 2 -> {
                    assertEquals(Main.WARNING, piped.status(), pipedWhat);
                    assertArrayEquals(c.expected(), piped.out(), pipedWhat);
                }
                default -> assertEquals(Main.BAD_INPUT, piped.status(), pipedWhat);
            }
        }
        Run severalThenGarbage = run(
                concat(member, member, "garbage!".getBytes(StandardCharsets.US_ASCII)),
                "decompress",
                "-c",
                "gzip",
                "--provider",
                provider);
        assertEquals(Main.WARNING, severalThenGarbage.status(), severalThenGarbage.err());
        assertTrue(
                severalThenGarbage.err().contains("(from offset " + 2 * member.length + ")"), severalThenGarbage.err());
        assertArrayEquals(concat(data, data), severalThenGarbage.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd"})
    void onlyGzipForgivesTrailingBytesAsOnlyGzipDoes(String id) throws IOException {
        assumeProvider(Codec.byId(id));
        byte[] frame = run(sample(1000, 31), "compress", "-c", id).out();
        Path padded = Files.write(dir.resolve("padded"), concat(frame, new byte[512]));
        Run r = run(
                "decompress", "-c", id, padded.toString(), dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, r.status(), "as zstd -d and lz4 -d: " + r.err());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    // ---- the content size ----

    /** The content size in a zstd or LZ4 frame's header, or -1 if none (RFC 8878 3.1.1.1; LZ4 FLG bit 3). */
    static long recordedSize(byte[] frame) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (frame[0] == 0x04) { // LZ4: 04 22 4D 18
            return (frame[4] & 0x08) == 0 ? -1 : b.getLong(6);
        }
        int fhd = frame[4] & 0xFF;
        boolean single = (fhd & 0x20) != 0;
        int at = 5 + (single ? 0 : 1) + new int[] {0, 1, 2, 4}[fhd & 3];
        return switch (fhd >>> 6) {
            case 0 -> single ? frame[at] & 0xFF : -1;
            case 1 -> (b.getShort(at) & 0xFFFF) + 256;
            case 2 -> b.getInt(at) & 0xFFFFFFFFL;
            default -> b.getLong(at);
        };
    }

    /** The providers of zstd and LZ4 frames on this class path, with the codec. */
    static Stream<Arguments> frameProviders() {
        return Arsenal.runtime().report().providers().stream()
                .filter(ProviderReport::available)
                .flatMap(p -> p.algorithms().stream()
                        .filter(a -> a.equals("zstd") || a.equals("lz4"))
                        .map(a -> Arguments.of(a, p.id())));
    }

    @ParameterizedTest
    @MethodSource("frameProviders")
    void theContentSizeIsRecordedForFilesAndShortInputs(String id, String provider) throws Exception {
        byte[] data = sample(300_000, 32);
        Path in = Files.write(dir.resolve("in"), data);
        Path packed = dir.resolve("in." + id);
        Run c = run("compress", "-c", id, "--provider", provider, in.toString(), packed.toString());
        assertEquals(Main.OK, c.status(), c.err());
        byte[] frame = Files.readAllBytes(packed);
        assertEquals(data.length, recordedSize(frame), provider + ": a file's size, as the tools record it");
        assertArrayEquals(data, run(frame, "decompress", "-c", id).out());

        Run piped = run(data, "compress", "-c", id, "--provider", provider);
        assertEquals(-1, recordedSize(piped.out()), provider + ": more than 64 KiB from a pipe: unknown");
        Run shortPipe = run(Arrays.copyOf(data, 1000), "compress", "-c", id, "--provider", provider);
        assertEquals(1000, recordedSize(shortPipe.out()), provider + ": a pipe that ended within 64 KiB");
        Run lean = run("compress", "-c", id, "--provider", provider, "--no-content-size", in.toString());
        if (lean.status() == Main.OK) {
            assertEquals(-1, recordedSize(lean.out()), provider + ": --no-content-size");
        } else { // java-compression's zstd has the defaults only
            assertTrue(lean.err().contains("no content size"), lean.err());
        }

        if (id.equals("zstd")) {
            ReferenceTools.assumeCommand("zstd");
            String listing =
                    ReferenceTools.run(dir, "zstd", "-lv", packed.getFileName().toString());
            assertTrue(listing.matches("(?s).*Decompressed Size: [^\\n]*\\(300000 B\\).*"), listing);
        } else {
            ReferenceTools.assumeCommand("lz4");
            String listing = ReferenceTools.run(
                    dir, "lz4", "--list", "-v", packed.getFileName().toString());
            assertTrue(listing.matches("(?s).*\\s300000\\s.*"), listing);
        }
    }

    @Test
    void aFileThatLiesAboutItsSizeIsCompressedWithItsRealOne() throws IOException {
        Path version = Path.of("/proc/version");
        assumeTrue(Files.isReadable(version) && Files.size(version) == 0, "no /proc/version of size 0 here");
        assumeProvider(Codec.ZSTD);
        byte[] content = Files.readAllBytes(version);
        assertTrue(content.length > 0);
        Run c = run("compress", "-c", "zstd", version.toString());
        assertEquals(Main.OK, c.status(), c.err());
        assertEquals(content.length, recordedSize(c.out()), "what was read, not the 0 that stat says");
        assertArrayEquals(content, run(c.out(), "decompress", "-c", "zstd").out());
    }

    @Test
    void aLongFileThatSaysItIsEmptyIsCompressedWithoutASize() throws IOException {
        Path kallsyms = Path.of("/proc/kallsyms");
        assumeTrue(Files.isReadable(kallsyms) && Files.size(kallsyms) == 0, "no /proc/kallsyms of size 0 here");
        assumeProvider(Codec.ZSTD);
        byte[] content = Files.readAllBytes(kallsyms);
        assumeTrue(content.length > CompressCommand.BUFFER, "shorter than the first read");
        Run c = run("compress", "-c", "zstd", kallsyms.toString());
        assertEquals(Main.OK, c.status(), "zstd 1.5.4 fails here: Src size is incorrect; " + c.err());
        assertEquals(-1, recordedSize(c.out()), "more than the first read, and a size of 0: none recorded");
        assertArrayEquals(content, run(c.out(), "decompress", "-c", "zstd").out());
    }

    /**
     * A file that grows or shrinks while it is compressed fails: its frame was begun with its size.
     * Deterministic: the output is a FIFO that the test reads only after changing the input, so the
     * run, which opened (and measured) its input before the FIFO, cannot have read more than the
     * FIFO and a few buffers hold (a few hundred KiB of random bytes) of the 4 MiB by then.
     */
    @ParameterizedTest
    @ValueSource(longs = {1000, -(2L << 20)})
    void aFileThatChangesSizeWhileCompressedFails(long change) throws Exception {
        ReferenceTools.assumeCommand("mkfifo");
        assumeProvider(Codec.ZSTD);
        byte[] data = new byte[4 << 20];
        new SplittableRandom(33).nextBytes(data);
        Path in = Files.write(dir.resolve("in"), data);
        Path fifo = dir.resolve("fifo");
        ReferenceTools.run(dir, "mkfifo", fifo.toString());
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Run> compress = runner.submit(() -> run("compress", "-c", "zstd", in.toString(), fifo.toString()));
            byte[] frame;
            try (InputStream reader = Files.newInputStream(fifo)) { // returns once the run opened its output
                try (FileChannel file = FileChannel.open(in, StandardOpenOption.WRITE)) {
                    if (change > 0) {
                        file.write(java.nio.ByteBuffer.wrap(new byte[(int) change]), data.length);
                    } else {
                        file.truncate(data.length + change);
                    }
                }
                frame = reader.readAllBytes();
            }
            Run r = compress.get(HangGuard.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Main.PARTIAL, r.status(), r.err());
            assertTrue(
                    r.err()
                            .startsWith("arsenal compress: " + in + " changed size while it was read (" + data.length
                                    + " bytes when compression began, " + (data.length + change) + " read)"),
                    r.err());
            assertTrue(r.err().endsWith("; the output on " + fifo + " is incomplete\n"), r.err());
            Run decoded = run(frame, "decompress", "-c", "zstd");
            assertEquals(Main.BAD_INPUT, decoded.status(), "the frame left incomplete: " + decoded.err());
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void theSizeRecordedIsWhatWasReadOrTheFilesOwnIfNoLess() {
        int first = CompressCommand.BUFFER;
        assertEquals(0, CompressCommand.contentSize(0, -1), "an empty pipe");
        assertEquals(1000, CompressCommand.contentSize(1000, -1), "a short pipe");
        assertEquals(1000, CompressCommand.contentSize(1000, 0), "a /proc file: it says 0");
        assertEquals(4, CompressCommand.contentSize(4, 4096), "a sysfs file: it says 4096");
        assertEquals(-1, CompressCommand.contentSize(first, -1), "a long pipe");
        assertEquals(-1, CompressCommand.contentSize(first, 0), "a long /proc file");
        assertEquals(-1, CompressCommand.contentSize(first, first - 1), "a file that grew before its first read");
        assertEquals(first, CompressCommand.contentSize(first, first), "a file of exactly one read");
        assertEquals(3L << 30, CompressCommand.contentSize(first, 3L << 30), "a large file: its size, held to it");
    }

    @Test
    void aTrainedDictionaryGetsTheDefaultPermissionsOrKeepsThoseOfTheFileItReplaces() throws IOException {
        List<String> train = new ArrayList<>(List.of("train", "-c", "zstd", "--max-size", "2K", "-o"));
        Path dict = dir.resolve("dict");
        train.add(dict.toString());
        for (int i = 0; i < 300; i++) {
            train.add(Files.writeString(dir.resolve("s" + i), "{\"id\":" + i + ",\"name\":\"sample " + (i % 17) + "\"}")
                    .toString());
        }
        Run t = run(train.toArray(String[]::new));
        assumeTrue(
                t.status() != Main.USAGE || !t.err().contains("trains"), "no provider trains dictionaries: " + t.err());
        assertEquals(Main.OK, t.status(), t.err());
        Path reference = Files.createFile(dir.resolve("reference"));
        assertEquals(
                Files.getPosixFilePermissions(reference),
                Files.getPosixFilePermissions(dict),
                "the default permissions, not the owner's only of a temporary file");

        Files.setPosixFilePermissions(dict, mode("rw-r-----"));
        byte[] before = Files.readAllBytes(dict);
        Files.write(dict, new byte[] {1, 2, 3});
        Run again = run(train.toArray(String[]::new));
        assertEquals(Main.OK, again.status(), again.err());
        assertArrayEquals(before, Files.readAllBytes(dict), "replaced, as zstd --train replaces it");
        assertEquals(mode("rw-r-----"), Files.getPosixFilePermissions(dict));
    }
}
