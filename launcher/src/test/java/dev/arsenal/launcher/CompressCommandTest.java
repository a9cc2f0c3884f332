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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
        Run t = run("decompress", "-c", id, cut.toString(), out.toString());
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
                usage.contains("decompress -c CODEC [-D DICT] [--provider ID] [--max-size BYTES] [IN [OUT]]"), usage);
        assertTrue(usage.contains("train -c zstd [--max-size BYTES] -o DICT FILE..."), usage);
        assertTrue(usage.contains("4 malformed compressed input"), usage);
    }
}
