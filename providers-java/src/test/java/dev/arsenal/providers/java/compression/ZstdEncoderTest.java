package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This package's zstd encoder at every level it has ({@link ZstdJava#MIN_LEVEL} to {@link
 * ZstdJava#MAX_LEVEL}): what it writes, one-shot and streamed (with flushes), decodes with the
 * {@code zstd} tool to the same bytes (skipped when the tool is not on the PATH, failed instead
 * under {@code -Darsenal.test.requireNative=true}) and with this provider's decoder. Inputs: the
 * Canterbury and Calgary corpora, random bytes, runs, the empty input, sizes around the 128 KiB
 * block, and random mixtures of them. A stream cut after a flush decodes to what was written
 * before it. Also: the ratio at level 3 against the {@code zstd} tool's level 3; output ranges too
 * small; one compressor used by several threads at once;
 * no allocation once warm.
 */
class ZstdEncoderTest {
    private static final int BLOCK = 128 * 1024;

    private static final Hasher64 XXH64 = new JavaHashingProvider().hasher64(HashAlgorithm.XXH64, 0);

    private final JavaCompressionProvider provider = new JavaCompressionProvider();
    private final Decompressor decompressor = provider.decompressor(Codec.ZSTD);

    static IntStream levels() {
        return IntStream.rangeClosed(ZstdJava.MIN_LEVEL, ZstdJava.MAX_LEVEL);
    }

    // ---- inputs ----

    /** The synthetic inputs: edge sizes, runs, random and text around the block size. */
    static Map<String, byte[]> synthetic() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("empty", new byte[0]);
        inputs.put("one byte", new byte[] {42});
        inputs.put("two bytes", new byte[] {1, 2});
        inputs.put("text 100", text(100));
        inputs.put("random 1000", random(1000));
        inputs.put("random 300000", random(300_000));
        inputs.put("zeros 1 MiB", new byte[1 << 20]);
        inputs.put("ab run 200000", run("ab", 200_000));
        inputs.put("abc run 70001", run("abc", 70_001));
        for (int size : new int[] {BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 2 * BLOCK, 2 * BLOCK + 1}) {
            inputs.put("text " + size, text(size));
        }
        inputs.put("mixed", concat(text(50_000), random(40_000), new byte[70_000], text(200_000), random(9)));
        inputs.put("skewed", skewed(300_000));
        inputs.put("two byte values", twoValues(100_000));
        return inputs;
    }

    /** The Canterbury and Calgary files, by set and name ({@link TestData}: missing data fails). */
    static Map<String, byte[]> corpus() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path f : TestData.corpus("canterbury", "calgary")) {
            files.put(f.getParent().getFileName() + "/" + f.getFileName(), Files.readAllBytes(f));
        }
        return files;
    }

    // ---- one-shot ----

    @ParameterizedTest
    @MethodSource("levels")
    void theZstdToolDecodesTheCorporaAndSyntheticInputs(int level, @TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Compressor c = provider.compressor(Codec.ZSTD, level);
        Map<String, byte[]> inputs = new LinkedHashMap<>(synthetic());
        inputs.putAll(corpus());
        List<String> names = new ArrayList<>(inputs.keySet());
        for (int i = 0; i < names.size(); i++) {
            byte[] original = inputs.get(names.get(i));
            byte[] packed = c.compress(original);
            assertTrue(packed.length <= c.maxCompressedLength(original.length), names.get(i) + ": over the bound");
            assertArrayEquals(
                    original,
                    decompressor.decompress(packed, original.length),
                    "level " + level + ", " + names.get(i) + ": this provider's decoder");
            Files.write(dir.resolve(i + ".zst"), packed);
        }
        // One zstd process for all: it decodes each file.zst to file, and checks every checksum.
        ReferenceTools.run(dir, "sh", "-c", "zstd -d -q -f *.zst");
        for (int i = 0; i < names.size(); i++) {
            assertArrayEquals(
                    inputs.get(names.get(i)),
                    Files.readAllBytes(dir.resolve(String.valueOf(i))),
                    "level " + level + ", " + names.get(i) + ": zstd -d");
        }
    }

    /**
     * Random mixtures (text, noise, runs, short periods, copies from up to 2 MiB back) of random
     * sizes at random levels, one-shot or streamed with random writes and flushes: what the
     * corpora may not reach (matches at the window's edge, blocks of every kind in one frame).
     */
    @Test
    void randomMixturesDecodeWithTheZstdTool(@TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Random r = new Random(0x2D5EED);
        byte[] text = text(1 << 20);
        int cases = 60;
        for (int i = 0; i < cases; i++) {
            int level = ZstdJava.MIN_LEVEL + r.nextInt(ZstdJava.MAX_LEVEL - ZstdJava.MIN_LEVEL + 1);
            int size = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(300);
                case 1 -> r.nextInt(20_000);
                case 2 -> BLOCK * (1 + r.nextInt(3)) + r.nextInt(17) - 8;
                default -> r.nextInt(3 << 20);
            };
            byte[] input = mixture(r, text, size);
            Compressor c = provider.compressor(Codec.ZSTD, level);
            byte[] packed;
            if (r.nextBoolean()) {
                packed = c.compress(input);
            } else {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                try (OutputStream out = c.compressing(sink)) {
                    for (int p = 0; p < size; ) {
                        int n = Math.min(size - p, r.nextInt(200_000));
                        out.write(input, p, n);
                        p += n;
                        if (r.nextInt(4) == 0) {
                            out.flush();
                        }
                    }
                }
                packed = sink.toByteArray();
            }
            Files.write(dir.resolve(i + ".zst"), packed);
            Files.write(dir.resolve(i + ".expected"), input);
        }
        ReferenceTools.run(dir, "sh", "-c", "zstd -d -q -f *.zst");
        for (int i = 0; i < cases; i++) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve(i + ".expected")),
                    Files.readAllBytes(dir.resolve(String.valueOf(i))),
                    "case " + i);
        }
    }

    private static byte[] mixture(Random r, byte[] text, int size) {
        byte[] out = new byte[size];
        for (int p = 0; p < size; ) {
            int n = Math.min(size - p, 1 + r.nextInt(r.nextBoolean() ? 50_000 : 3000));
            switch (r.nextInt(6)) {
                case 0 -> System.arraycopy(text, r.nextInt(text.length - n), out, p, n);
                case 1 -> {
                    for (int k = 0; k < n; k++) {
                        out[p + k] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> Arrays.fill(out, p, p + n, (byte) r.nextInt(256));
                case 3 -> {
                    int period = 1 + r.nextInt(7);
                    for (int k = 0; k < n; k++) {
                        out[p + k] = (byte) ('a' + k % period);
                    }
                }
                case 4 -> {
                    if (p > 0) {
                        int back = 1 + r.nextInt(Math.min(p, 1 << 21));
                        for (int k = 0; k < n; k++) {
                            out[p + k] = out[p + k - back];
                        }
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[p + k] = (byte) ('a' + r.nextInt(4));
                    }
                }
            }
            p += n;
        }
        return out;
    }

    @Test
    void framesCarryTheContentSizeAndAWindowDescriptor(@TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Compressor c = provider.compressor(Codec.ZSTD, 3);
        for (int size : new int[] {0, 255, 256, 65_791, 65_792, 1 << 20}) {
            byte[] packed = c.compress(text(size));
            int descriptor = packed[4] & 0xFF;
            assertEquals(0, descriptor & 0x20, "not single-segment: a window descriptor");
            assertEquals(4, descriptor & 0x04, "content checksum flag");
            Files.write(dir.resolve("f.zst"), packed);
            String listed = ReferenceTools.run(dir, "zstd", "-lv", "f.zst");
            assertTrue(
                    listed.contains("Decompressed Size: ") && listed.contains("(" + size + " B)")
                            || size < 1000 && listed.contains(size + " B"),
                    size + ": " + listed);
            assertTrue(listed.contains("Check: XXH64"), listed);
        }
        // The window shrinks to the input (1 KiB at least) and is zstd's for large ones: 2 MiB at 3.
        assertEquals(0, provider.compressor(Codec.ZSTD, 3).compress(new byte[10])[5] & 0xFF);
        assertEquals((21 - 10) << 3, provider.compressor(Codec.ZSTD, 3).compress(random(3 << 20))[5] & 0xFF);
    }

    @ParameterizedTest
    @MethodSource("levels")
    void outputRangesTooSmallThrowAndAreNotWrittenPast(int level) {
        Compressor c = provider.compressor(Codec.ZSTD, level);
        for (byte[] input : List.of(text(10_000), random(5000), new byte[300_000], text(3 * BLOCK + 7))) {
            int n = c.compress(input).length;
            for (int room : new int[] {0, 5, n / 2, n - 1}) {
                byte[] out = new byte[room + 64];
                Arrays.fill(out, (byte) 0x5A);
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class, () -> c.compress(input, 0, input.length, out, 16, room));
                assertTrue(e.getMessage().contains("too few"), e.getMessage());
                for (int i = 0; i < out.length; i++) {
                    if (i < 16 || i >= 16 + room) {
                        assertEquals((byte) 0x5A, out[i], "byte " + i + " outside the range was written");
                    }
                }
            }
            byte[] exact = new byte[n];
            assertEquals(n, c.compress(input, 0, input.length, exact, 0, n), "exactly the frame's room");
        }
    }

    @Test
    void oneCompressorServesSeveralThreadsAtOnce() throws Exception {
        Compressor c = provider.compressor(Codec.ZSTD, 3);
        List<byte[]> inputs = List.of(text(100_000), random(70_000), text(300_000), run("xyz", 90_000));
        List<byte[]> expected = inputs.stream().map(c::compress).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int k = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        int which = (k + i) % inputs.size();
                        assertArrayEquals(expected.get(which), c.compress(inputs.get(which)), "thread " + k);
                        if (i % 5 == 0) {
                            assertArrayEquals(
                                    inputs.get(which),
                                    decompressor.decompress(streamed(c, inputs.get(which), 7777), 1 << 20));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** After warm-up a compression allocates nothing: tables and scratch are the pooled context's. */
    @ParameterizedTest
    @MethodSource("levels")
    void aWarmCompressionAllocatesNothing(int level) {
        assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no allocation counter in this JVM");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Compressor c = provider.compressor(Codec.ZSTD, level);
        byte[] large = text(300_000);
        byte[] small = text(4096);
        byte[] out = new byte[(int) c.maxCompressedLength(large.length)];
        for (int i = 0; i < 20; i++) {
            c.compress(large, 0, large.length, out, 0, out.length);
            c.compress(small, 0, small.length, out, 0, out.length);
        }
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20; i++) {
            c.compress(large, 0, large.length, out, 0, out.length);
            c.compress(small, 0, small.length, out, 0, out.length);
        }
        long perCall = (threads.getThreadAllocatedBytes(id) - before) / 40;
        assertTrue(perCall < 64, "level " + level + ": " + perCall + " bytes allocated per compression");
    }

    /**
     * At level 3 this encoder comes within 2% of the {@code zstd} tool's size at its level 3,
     * corpus by corpus (aircompressor's compressor, which this one replaced, was within 1%).
     */
    @Test
    void level3ComesWithinTwoPercentOfTheZstdTool(@TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Compressor c = provider.compressor(Codec.ZSTD, 3);
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (var e : corpus().entrySet()) {
            byte[] input = e.getValue();
            long[] t = totals.computeIfAbsent(e.getKey().substring(0, e.getKey().indexOf('/')), k -> new long[3]);
            t[0] += input.length;
            t[1] += c.compress(input).length;
            t[2] += ReferenceTools.pipe(dir, input, "zstd -3 -q -c").length;
        }
        for (var e : totals.entrySet()) {
            long[] t = e.getValue();
            String what = String.format(
                    Locale.ROOT,
                    "%s: %d bytes, this encoder %d (%.4f), zstd -3 %d (%.4f)",
                    e.getKey(),
                    t[0],
                    t[1],
                    (double) t[1] / t[0],
                    t[2],
                    (double) t[2] / t[0]);
            System.out.println(what);
            assertTrue(t[1] <= t[2] * 1.02, what);
        }
    }

    // ---- streams ----

    @ParameterizedTest
    @MethodSource("levels")
    void flushedStreamsDecodeWithTheZstdTool(int level, @TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Compressor c = provider.compressor(Codec.ZSTD, level);
        byte[] a = text(300_001);
        byte[] b = concat(random(1000), text(40_000));
        byte[] all = concat(a, b, a);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int afterFirstFlush;
        try (OutputStream out = c.compressing(sink)) {
            out.write(a);
            out.flush();
            afterFirstFlush = sink.size();
            out.write(b);
            out.flush();
            out.flush(); // nothing new: nothing written
            out.write(a, 0, 5);
            out.write(a, 5, a.length - 5);
        }
        byte[] frame = sink.toByteArray();
        assertArrayEquals(
                all, ReferenceTools.pipe(dir, frame, "zstd -d -c"), "level " + level + ": zstd -d of a flushed stream");
        assertArrayEquals(all, decompressor.decompress(frame, all.length), "level " + level + ": this decoder");
        assertEquals(0, frame[4] & 0xC0, "a stream's frame has no content size");
        // The frame cut after the first flush holds complete blocks of `a`: ended there with an
        // empty last block and the checksum of `a`, it is a frame of `a`. (The zstd tool itself
        // cannot show what it decoded of an unfinished frame: it holds back its output buffer.)
        byte[] cut = Arrays.copyOf(frame, afterFirstFlush);
        byte[] ended = concat(cut, new byte[] {1, 0, 0}, littleEndian((int) XXH64.hash(a)));
        assertArrayEquals(
                a, ReferenceTools.pipe(dir, ended, "zstd -d -c"), "level " + level + ": the stream cut after a flush");
    }

    @ParameterizedTest
    @MethodSource("levels")
    void streamsWrittenInOddChunksDecodeWithTheZstdTool(int level, @TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand("zstd");
        Compressor c = provider.compressor(Codec.ZSTD, level);
        // Past twice the largest window (4 MiB at 9), so the stream's buffer slides.
        byte[] input = concat(corpusOrText(), text(5 << 20), corpusOrText());
        byte[] frame = streamed(c, input, 70_001);
        assertArrayEquals(input, ReferenceTools.pipe(dir, frame, "zstd -d -c"), "level " + level);
        // Matches reach back across blocks, within the window (512 KiB at least in a stream):
        // random bytes twice cost little more than once. (The negative levels step over up to 7
        // bytes at a time through a small table: they may need a few blocks to find the copy.)
        byte[] noise = random(200_000);
        byte[] once = streamed(c, noise, 4096);
        byte[] twice = streamed(c, concat(noise, noise), 4096);
        assertTrue(
                twice.length < once.length + once.length / (level > 0 ? 50 : 2),
                "level " + level + ": " + once.length + " then " + twice.length);
    }

    @Test
    void anEmptyStreamIsAnEmptyFrame(@TempDir Path dir) throws Exception {
        Compressor c = provider.compressor(Codec.ZSTD, 3);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        c.compressing(sink).close();
        byte[] frame = sink.toByteArray();
        assertEquals(0, decompressor.decompress(frame, 10).length);
        ByteArrayOutputStream flushed = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(flushed)) {
            out.flush();
        }
        assertEquals(0, decompressor.decompress(flushed.toByteArray(), 10).length);
        if (ReferenceTools.onPath("zstd")
                || ReferenceTools.REQUIRE_NATIVE) { // under requireNative, a missing tool fails
            assertEquals(0, ReferenceTools.pipe(dir, frame, "zstd -d -c").length);
            assertEquals(0, ReferenceTools.pipe(dir, flushed.toByteArray(), "zstd -d -c").length);
        }
    }

    @Test
    void aStreamEqualsManyFlushesOfOneByte(@TempDir Path dir) throws Exception {
        Compressor c = provider.compressor(Codec.ZSTD, 3);
        byte[] input = text(3000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(sink)) {
            for (byte b : input) {
                out.write(b);
                out.flush();
            }
        }
        assertArrayEquals(input, decompressor.decompress(sink.toByteArray(), input.length));
        if (ReferenceTools.onPath("zstd")
                || ReferenceTools.REQUIRE_NATIVE) { // under requireNative, a missing tool fails
            assertArrayEquals(input, ReferenceTools.pipe(dir, sink.toByteArray(), "zstd -d -c"));
        }
    }

    // ---- helpers ----

    private static byte[] streamed(Compressor c, byte[] input, int chunk) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(sink)) {
            for (int p = 0; p < input.length; p += chunk) {
                out.write(input, p, Math.min(chunk, input.length - p));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sink.toByteArray();
    }

    private static byte[] littleEndian(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] corpusOrText() throws IOException {
        try {
            return corpus().values().stream().reduce(new byte[0], ZstdEncoderTest::concat);
        } catch (org.opentest4j.TestAbortedException e) {
            return text(3 << 20);
        }
    }

    static byte[] text(int size) {
        byte[] words = ("the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs\n"
                        + "zstd frames blocks literals sequences offsets huffman fse window match\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; ) {
            int from = random.nextInt(words.length);
            int n = Math.min(size - i, 1 + random.nextInt(40));
            for (int k = 0; k < n; k++) {
                out[i + k] = words[(from + k) % words.length];
            }
            i += n;
            if (i < size && random.nextInt(8) == 0) {
                out[i++] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    static byte[] random(int size) {
        byte[] out = new byte[size];
        new Random(~size).nextBytes(out);
        return out;
    }

    private static byte[] run(String pattern, int size) {
        byte[] p = pattern.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = p[i % p.length];
        }
        return out;
    }

    /** Bytes of a very skewed distribution, so Huffman codes hit the 11-bit limit. */
    private static byte[] skewed(int size) {
        byte[] out = new byte[size];
        Random random = new Random(7);
        for (int i = 0; i < size; i++) {
            // Byte k with probability about 2^-(k+1): code lengths up to ~20 before the limit.
            int k = Long.numberOfTrailingZeros(random.nextLong() | Long.MIN_VALUE);
            out[i] = (byte) (k * 7 + (random.nextInt(64) == 0 ? random.nextInt(256) : 0));
        }
        return out;
    }

    /** Random bits as the bytes 'x' and 'y': literals whose Huffman code has 1 bit. */
    private static byte[] twoValues(int size) {
        byte[] out = new byte[size];
        Random random = new Random(3);
        for (int i = 0; i < size; i++) {
            out[i] = random.nextBoolean() ? (byte) 'x' : (byte) 'y';
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
