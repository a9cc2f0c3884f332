package dev.arsenal.spi.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.Family;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link CompressionProvider} meets; a provider's test extends this class and
 * supplies the provider.
 *
 * <p>For every codec the provider lists, at its lowest, default and highest supported levels:
 * round trips of the Canterbury and Calgary corpora (each file once at the default level, a few at
 * the others), of empty, one-byte, text and random inputs through every form (arrays at offsets,
 * heap and direct buffers, heap and native segments, streams written in odd chunks and read a byte
 * at a time), with the bytes around every output range untouched; {@code maxCompressedLength}
 * suffices and is needed; the frames the reference tools wrote ({@link KnownFrames}) decode.
 *
 * <p>Hostile input: every truncation and every single-byte change of a small frame is a {@link
 * MalformedInputException} or the right output (raw LZ4 blocks, which carry no checksum: any
 * output), never another exception and never a hang; a wrong magic number, another codec's frame
 * and garbage are malformed; a decompression bomb stops at the caller's limit, and a too-small
 * output range is malformed without a byte written past it.
 *
 * <p>The corpora come from the project's {@code testdata/corpus} ({@link TestData}); without them
 * the corpus test fails, naming what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractCompressionProviderContractTest {
    private static final boolean REQUIRE_NATIVE = Boolean.getBoolean("arsenal.test.requireNative");
    private static final int RANDOM_LENGTH = 65_536 + 5;
    /** Where inputs start in their arrays, and outputs in theirs: odd, so nothing is aligned. */
    private static final int OFFSET = 5;

    private static final int GUARD = 11;
    private static final byte GUARD_BYTE = (byte) 0xA5;
    private static final int[] CHUNKS = {1, 7, 13, 1000, 3, 65_537, 2, 4096};

    private CompressionProvider provider;
    private Availability availability;
    private Map<String, byte[]> inputs;

    /** The provider under test; called once per test class. */
    protected abstract CompressionProvider provider();

    /**
     * Whether frames of {@code codec} written one after the other decode as one input; true for the
     * formats of the tools, false for the shuffle codecs (one header per input).
     */
    protected boolean decodesConcatenatedFrames(Codec codec) {
        return !codec.isShuffle();
    }

    /** The platform passed to {@link CompressionProvider#probe}; override to describe a real one. */
    protected PlatformInfo platform() {
        CpuInfo cpu = new CpuInfo(
                System.getProperty("os.name").toLowerCase(Locale.ROOT),
                System.getProperty("os.arch"),
                "",
                Runtime.getRuntime().availableProcessors(),
                List.of(),
                List.of(),
                List.of("not detected by the contract test"));
        JvmInfo jvm = new JvmInfo(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                true,
                true,
                false,
                0);
        return new PlatformInfo(cpu, jvm);
    }

    @BeforeAll
    void setUp() {
        provider = provider();
        availability = provider.probe(platform());
        byte[] random = new byte[RANDOM_LENGTH];
        new Random(0x5EED).nextBytes(random);
        inputs = new LinkedHashMap<>();
        inputs.put("empty", new byte[0]);
        inputs.put("one byte", new byte[] {42});
        inputs.put("text", text(20_000));
        inputs.put("64 KiB + 5 random", random);
    }

    // ---- what to test ----

    Stream<Codec> codecs() {
        return new TreeSet<>(provider.algorithms()).stream();
    }

    Stream<Codec> frameCodecs() {
        return codecs().filter(c -> c != Codec.LZ4_BLOCK);
    }

    /** Each codec at its lowest, default (or nearest supported) and highest supported levels. */
    Stream<Arguments> codecLevels() {
        return codecs().flatMap(c -> levels(c).stream().map(l -> Arguments.of(c, l)));
    }

    private List<Integer> levels(Codec codec) {
        List<Integer> supported = new ArrayList<>();
        for (int l = codec.minLevel(); l <= codec.maxLevel(); l++) {
            if (provider.supports(codec, l)) {
                supported.add(l);
            }
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        if (!supported.isEmpty()) {
            chosen.add(supported.getFirst());
            chosen.add(defaultLevel(codec));
            chosen.add(supported.getLast());
        }
        return List.copyOf(chosen);
    }

    /** The codec's default level if supported, else the nearest supported one. */
    private int defaultLevel(Codec codec) {
        int best = Integer.MIN_VALUE;
        for (int l = codec.minLevel(); l <= codec.maxLevel(); l++) {
            if (provider.supports(codec, l)
                    && Math.abs(l - codec.defaultLevel()) < Math.abs((long) best - codec.defaultLevel())) {
                best = l;
            }
        }
        return best;
    }

    // ---- the provider ----

    @Test
    void describesItself() {
        assertFalse(provider.id().isBlank(), "id");
        assertEquals(Family.COMPRESSION, provider.family());
        assertFalse(provider.algorithms().isEmpty(), "algorithms");
        assertFalse(provider.description().isBlank(), "description");
        for (Codec codec : provider.algorithms()) {
            assertFalse(levels(codec).isEmpty(), codec.id() + ": supports no level at all");
            assertFalse(provider.supportedLevels(codec).isBlank(), codec.id() + ": supportedLevels");
            assertFalse(provider.supports(codec, codec.minLevel() - 1), codec.id() + " below its range");
            assertFalse(provider.supports(codec, codec.maxLevel() + 1), codec.id() + " above its range");
            for (Strategy strategy : Strategy.values()) {
                provider.rank(codec, strategy);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void selfTestPasses(Codec codec) {
        assumeProviderAvailable();
        SelfTest result = provider.selfTest(codec);
        assertTrue(result.passed(), () -> codec.id() + ": " + result);
    }

    @ParameterizedTest
    @MethodSource("codecLevels")
    void compressorsAndDecompressorsReportTheirCodecAndLevel(Codec codec, int level) {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, level);
        assertEquals(codec, c.codec());
        assertEquals(level, c.level());
        assertEquals(codec, provider.decompressor(codec).codec());
    }

    // ---- round trips ----

    @ParameterizedTest
    @MethodSource("codecs")
    void corporaRoundTrip(Codec codec) throws IOException {
        assumeProviderAvailable();
        List<Path> files = corpus();
        Decompressor d = provider.decompressor(codec);
        List<Integer> levels = levels(codec);
        int standard = defaultLevel(codec);
        for (int i = 0; i < files.size(); i++) {
            byte[] original = Files.readAllBytes(files.get(i));
            String name =
                    files.get(i).getParent().getFileName() + "/" + files.get(i).getFileName();
            // Each file at the default level; every fifth also at the other levels.
            for (int level : levels) {
                if (level == standard || i % 5 == 0) {
                    Compressor c = provider.compressor(codec, level);
                    byte[] packed = c.compress(original);
                    assertTrue(
                            packed.length <= c.maxCompressedLength(original.length),
                            () -> what(codec, level, name) + ": longer than maxCompressedLength");
                    assertArrayEquals(original, decompress(d, packed, original.length), what(codec, level, name));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecLevels")
    void everyInputFormRoundTrips(Codec codec, int level) throws IOException {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, level);
        Decompressor d = provider.decompressor(codec);
        try (Arena arena = Arena.ofConfined()) {
            for (var e : inputs.entrySet()) {
                String what = what(codec, level, e.getKey());
                byte[] original = e.getValue();
                byte[] packed = c.compress(original);
                assertArrayEquals(original, decompress(d, packed, original.length), what + ": byte[]");

                // Arrays at offsets, the bytes around the output range untouched.
                byte[] in = padded(original);
                byte[] out = guarded((int) c.maxCompressedLength(original.length));
                int n = c.compress(in, OFFSET, original.length, out, OFFSET, out.length - OFFSET - GUARD);
                checkGuards(out, OFFSET, n, out.length - GUARD, what + ": compress into a range");
                byte[] viaRange = Arrays.copyOfRange(out, OFFSET, OFFSET + n);
                assertArrayEquals(
                        original, decompress(d, viaRange, original.length), what + ": compressed from a range");
                byte[] packedIn = padded(viaRange);
                byte[] back = guarded(original.length);
                int m = d.decompress(packedIn, OFFSET, n, back, OFFSET, original.length);
                assertEquals(original.length, m, what + ": decompressed length");
                checkGuards(back, OFFSET, m, OFFSET + original.length, what + ": decompress into a range");
                assertArrayEquals(original, Arrays.copyOfRange(back, OFFSET, OFFSET + m), what + ": range");

                // Buffers, heap and direct.
                for (boolean direct : new boolean[] {false, true}) {
                    String form = what + (direct ? ": direct ByteBuffer" : ": heap ByteBuffer");
                    ByteBuffer src = buffer(direct, original.length + 2 * OFFSET);
                    src.position(OFFSET).put(original).flip().position(OFFSET);
                    ByteBuffer dst = buffer(direct, (int) c.maxCompressedLength(original.length) + 2 * OFFSET);
                    dst.position(OFFSET);
                    c.compress(src, dst);
                    assertEquals(src.limit(), src.position(), form + ": input position after compress");
                    byte[] fromBuffer = new byte[dst.position() - OFFSET];
                    dst.get(OFFSET, fromBuffer);
                    assertArrayEquals(original, decompress(d, fromBuffer, original.length), form + ": compressed");
                    ByteBuffer packedBuf = buffer(direct, packed.length + OFFSET);
                    packedBuf.position(OFFSET).put(packed).flip().position(OFFSET);
                    ByteBuffer backBuf = buffer(direct, original.length + OFFSET);
                    backBuf.position(OFFSET);
                    d.decompress(packedBuf, backBuf);
                    assertEquals(packedBuf.limit(), packedBuf.position(), form + ": input position after decompress");
                    assertEquals(OFFSET + original.length, backBuf.position(), form + ": output position");
                    byte[] fromBack = new byte[original.length];
                    backBuf.get(OFFSET, fromBack);
                    assertArrayEquals(original, fromBack, form + ": decompressed");
                }

                // Segments, heap and native.
                for (boolean nativeMemory : new boolean[] {false, true}) {
                    String form = what + (nativeMemory ? ": native segment" : ": heap segment");
                    MemorySegment src = segment(arena, nativeMemory, original);
                    MemorySegment dst = nativeMemory
                            ? arena.allocate(c.maxCompressedLength(original.length))
                            : MemorySegment.ofArray(new byte[(int) c.maxCompressedLength(original.length)]);
                    long k = c.compress(src, dst);
                    byte[] fromSegment = dst.asSlice(0, k).toArray(ValueLayout.JAVA_BYTE);
                    assertArrayEquals(original, decompress(d, fromSegment, original.length), form + ": compressed");
                    MemorySegment backSeg = nativeMemory
                            ? arena.allocate(Math.max(1, original.length))
                            : MemorySegment.ofArray(new byte[original.length]);
                    long j = d.decompress(segment(arena, nativeMemory, packed), backSeg);
                    assertEquals(original.length, j, form + ": decompressed length");
                    assertArrayEquals(
                            original, backSeg.asSlice(0, j).toArray(ValueLayout.JAVA_BYTE), form + ": decompressed");
                }

                // Streams: written in odd chunks, read a byte at a time; each decodes the other's output.
                if (codec != Codec.LZ4_BLOCK) {
                    byte[] streamed = compressInChunks(c, original);
                    assertArrayEquals(
                            original, d.decompress(streamed, original.length), what + ": stream output, one-shot");
                    assertArrayEquals(original, readByteByByte(d, packed), what + ": one-shot output, stream");
                    assertArrayEquals(original, readByteByByte(d, streamed), what + ": stream output, stream");
                    try (InputStream unlimited = d.decompressing(new ByteArrayInputStream(streamed), Long.MAX_VALUE)) {
                        assertArrayEquals(original, readInOddChunks(unlimited), what + ": stream without a limit");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecLevels")
    void limitsAreExact(Codec codec, int level) {
        assumeProviderAvailable();
        byte[] original = inputs.get("text");
        byte[] packed = provider.compressor(codec, level).compress(original);
        Decompressor d = provider.decompressor(codec);
        assertArrayEquals(original, d.decompress(packed, original.length), "a limit of exactly the length");
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(packed, original.length - 1),
                "a limit one byte short");
        assertTrue(
                e.getMessage().contains(String.valueOf(original.length - 1)),
                () -> "the message names the limit: " + e.getMessage());
    }

    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no frames
    @MethodSource("frameCodecs")
    void concatenatedFramesDecodeToTheConcatenation(Codec codec) {
        assumeProviderAvailable();
        assumeTrue(decodesConcatenatedFrames(codec), () -> codec.id() + " frames do not concatenate");
        Compressor c = provider.compressor(codec, defaultLevel(codec));
        byte[] a = inputs.get("text");
        byte[] b = inputs.get("64 KiB + 5 random");
        byte[] both = concat(c.compress(a), c.compress(new byte[0]), c.compress(b));
        assertArrayEquals(concat(a, b), provider.decompressor(codec).decompress(both, a.length + b.length));
    }

    /**
     * A decompressing stream at its end stays there: every later read answers -1, without an
     * exception, as {@code InputStream} promises (a shuffle codec's stream reads its inner stream's
     * end twice; a check at the end must not run again and find nothing left to count).
     */
    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no streams
    @MethodSource("frameCodecs")
    void aDecompressingStreamAtItsEndStaysThere(Codec codec) throws IOException {
        assumeProviderAvailable();
        byte[] input = inputs.get("text");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = provider.compressor(codec, defaultLevel(codec)).compressing(sink, input.length)) {
            out.write(input);
        }
        try (InputStream in = provider.decompressor(codec)
                .decompressing(new ByteArrayInputStream(sink.toByteArray()), input.length)) {
            assertArrayEquals(input, in.readAllBytes(), codec.id());
            for (int i = 0; i < 3; i++) {
                assertEquals(-1, in.read(), codec.id() + ": read() after the end, " + i);
                assertEquals(-1, in.read(new byte[16], 0, 16), codec.id() + ": read(b) after the end, " + i);
            }
        }
    }
    /**
     * A compressing stream's {@code flush()} makes all it was given decodable before the frame
     * ends (64 KiB here: whole blocks for the shuffle codecs, whose partial block waits), and the
     * frame closed later still decodes whole.
     */
    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no streams
    @MethodSource("frameCodecs")
    void flushMakesWhatWasWrittenDecodable(Codec codec) throws IOException {
        assumeProviderAvailable();
        byte[] input = text(65_536);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Decompressor d = provider.decompressor(codec);
        try (OutputStream out = provider.compressor(codec, defaultLevel(codec)).compressing(sink)) {
            out.write(input, 0, 1000);
            out.write(input, 1000, input.length - 1000);
            out.flush();
            try (InputStream in = d.decompressing(new ByteArrayInputStream(sink.toByteArray()), input.length)) {
                assertArrayEquals(input, in.readNBytes(input.length), codec.id() + ": what flush() wrote");
            }
        }
        assertArrayEquals(input, decompress(d, sink.toByteArray(), input.length), codec.id() + ": the closed frame");
    }

    /**
     * A closed compressing stream refuses writes and flushes with an {@link IOException}, closes
     * again without complaint, and leaves its frame as it was: whole and decodable. Single bytes
     * written through {@code write(int)} count as any others.
     */
    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no streams
    @MethodSource("frameCodecs")
    void aClosedStreamRefusesWritesAndClosesOnce(Codec codec) throws IOException {
        assumeProviderAvailable();
        byte[] input = text(10_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = provider.compressor(codec, defaultLevel(codec)).compressing(sink);
        out.write(input[0]);
        out.write(input, 1, input.length - 1);
        out.close();
        byte[] frame = sink.toByteArray();
        assertThrows(IOException.class, () -> out.write(input), codec.id() + ": write after close");
        assertThrows(IOException.class, () -> out.write(1), codec.id() + ": write(int) after close");
        assertThrows(IOException.class, out::flush, codec.id() + ": flush after close");
        out.close();
        assertArrayEquals(frame, sink.toByteArray(), codec.id() + ": the closed frame changed");
        assertArrayEquals(input, decompress(provider.decompressor(codec), frame, input.length), codec.id());
    }

    /**
     * A stream given its content size records it where the frame has a field for it (zstd and LZ4
     * frames, as their tools do for files; liblz4 writes an empty frame without one) and decodes to
     * what was written, in one write or several.
     */
    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no streams
    @MethodSource("frameCodecs")
    void aStreamGivenItsSizeRecordsIt(Codec codec) throws IOException {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, defaultLevel(codec));
        Decompressor d = provider.decompressor(codec);
        for (byte[] input : List.of(new byte[0], new byte[] {42}, text(300), text(70_000), text(300_000))) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = c.compressing(sink, input.length)) {
                out.write(input, 0, input.length / 3);
                out.write(input, input.length / 3, input.length - input.length / 3);
            }
            byte[] frame = sink.toByteArray();
            String what = codec.id() + ", " + input.length + " bytes";
            assertArrayEquals(input, decompress(d, frame, input.length), what);
            long recorded = recordedContentSize(codec, frame);
            if (codec == Codec.ZSTD || (codec == Codec.LZ4 && input.length > 0)) {
                assertEquals(input.length, recorded, what + ": the size in the frame header");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> c.compressing(new ByteArrayOutputStream(), -1));
    }

    /**
     * A stream given more or fewer bytes than its size throws (on the write that passes it, or on
     * close), and leaves an incomplete frame, which never decodes to other bytes than were written
     * (a frame of nothing, when nothing was, may).
     */
    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no streams
    @MethodSource("frameCodecs")
    void aStreamGivenAWrongSizeThrowsAndItsFrameDoesNotLie(Codec codec) {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, defaultLevel(codec));
        Decompressor d = provider.decompressor(codec);
        byte[] input = text(100_000);
        for (long size : new long[] {0, 1, input.length - 1, input.length + 1, 3L * input.length}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            String what = codec.id() + ", " + input.length + " bytes to a stream made for " + size;
            IOException e = assertThrows(
                    IOException.class,
                    () -> {
                        try (OutputStream out = c.compressing(sink, size)) {
                            out.write(input, 0, 1000);
                            out.write(input, 1000, input.length - 1000);
                        }
                    },
                    what);
            assertTrue(e.getMessage().contains(Long.toString(size)), what + ": " + e.getMessage());
            byte[] back = decodeOrMalformed(d, sink.toByteArray(), input.length, what);
            if (back != null) {
                assertEquals(0, back.length, what + ": decodes, to nothing");
            }
        }
    }

    /**
     * The content size recorded in the header of a zstd or LZ4 frame, or -1 if none (or another
     * codec). zstd: Frame_Header_Descriptor's FCS flag and single-segment bit (RFC 8878 3.1.1.1);
     * LZ4: FLG bit 3, then 8 bytes after FLG and BD.
     */
    private static long recordedContentSize(Codec codec, byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (codec == Codec.LZ4) {
            return (frame[4] & 0x08) == 0 ? -1 : b.getLong(6);
        }
        if (codec != Codec.ZSTD) {
            return -1;
        }
        int fhd = frame[4] & 0xFF;
        boolean single = (fhd & 0x20) != 0;
        int fcsBytes = switch (fhd >>> 6) {
            case 0 -> single ? 1 : 0;
            case 1 -> 2;
            case 2 -> 4;
            default -> 8;
        };
        int at = 5 + (single ? 0 : 1) + new int[] {0, 1, 2, 4}[fhd & 3];
        return switch (fcsBytes) {
            case 0 -> -1;
            case 1 -> frame[at] & 0xFF;
            case 2 -> (b.getShort(at) & 0xFFFF) + 256;
            case 4 -> b.getInt(at) & 0xFFFFFFFFL;
            default -> b.getLong(at);
        };
    }

    // ---- maxCompressedLength ----

    @ParameterizedTest
    @MethodSource("codecLevels")
    void maxCompressedLengthSufficesAndIsNeeded(Codec codec, int level) {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, level);
        Random random = new Random(level * 31L + codec.ordinal());
        for (int length : new int[] {0, 1, 100, 4096, RANDOM_LENGTH, 200_000}) {
            byte[] incompressible = new byte[length];
            random.nextBytes(incompressible);
            String what = what(codec, level, length + " random bytes");
            byte[] exact = new byte[(int) c.maxCompressedLength(length)];
            int n = c.compress(incompressible, 0, length, exact, 0, exact.length);
            assertTrue(n <= exact.length, what);
            byte[] packed = Arrays.copyOf(exact, n);
            assertArrayEquals(incompressible, decompress(provider.decompressor(codec), packed, length), what);
            byte[] short1 = new byte[n - 1];
            assertThrows(
                    IllegalArgumentException.class,
                    () -> c.compress(incompressible, 0, length, short1, 0, short1.length),
                    what + ": one byte fewer than the compressed size");
            ByteBuffer shortBuffer = ByteBuffer.allocate(n - 1);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> c.compress(ByteBuffer.wrap(incompressible), shortBuffer),
                    what + ": a buffer one byte short");
        }
        assertThrows(IllegalArgumentException.class, () -> c.maxCompressedLength(-1), "negative length");
    }

    // ---- the tools' frames ----

    @ParameterizedTest
    @MethodSource("codecs")
    void theToolsFramesDecode(Codec codec) throws IOException {
        assumeProviderAvailable();
        Decompressor d = provider.decompressor(codec);
        for (KnownFrames.Frame f : KnownFrames.frames(codec)) {
            byte[] expected = KnownFrames.input(f.input());
            String what = codec.id() + " '" + f.command() + "' of " + f.input();
            assertArrayEquals(expected, decompress(d, f.frame(), expected.length), what);
            if (codec != Codec.LZ4_BLOCK) {
                assertArrayEquals(expected, readByteByByte(d, f.frame()), what + ", read a byte at a time");
            }
        }
    }

    // ---- hostile input ----

    @ParameterizedTest
    @MethodSource("codecs")
    void everyTruncationIsMalformed(Codec codec) {
        assumeProviderAvailable();
        byte[] original = smallInput();
        byte[] packed = provider.compressor(codec, defaultLevel(codec)).compress(original);
        Decompressor d = provider.decompressor(codec);
        HangGuard.finishes(() -> {
            for (int length = 0; length < packed.length; length++) {
                byte[] cut = Arrays.copyOf(packed, length);
                String what = codec.id() + ": " + length + " of " + packed.length + " bytes";
                if (codec == Codec.LZ4_BLOCK) {
                    // No checksum, no length: a cut block may still decode to something.
                    decodeOrMalformed(d, cut, original.length, what);
                    continue;
                }
                if (length == 0) {
                    // Empty input: malformed, or nothing.
                    byte[] out = decodeOrMalformed(d, cut, original.length, what);
                    assertTrue(out == null || out.length == 0, what);
                    continue;
                }
                assertMalformed(() -> d.decompress(cut, original.length + 100), what);
                assertMalformed(() -> decompressArray(d, cut, original.length), what + " into an array");
                assertStreamMalformed(d, cut, what + " through a stream");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void everySingleByteChangeIsMalformedOrHarmless(Codec codec) {
        assumeProviderAvailable();
        byte[] original = smallInput();
        byte[] packed = provider.compressor(codec, defaultLevel(codec)).compress(original);
        Decompressor d = provider.decompressor(codec);
        HangGuard.finishes(() -> {
            for (int i = 0; i < packed.length; i++) {
                for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] bad = packed.clone();
                    bad[i] ^= (byte) mask;
                    String what =
                            codec.id() + ": byte " + i + " of " + packed.length + " XOR 0x" + Integer.toHexString(mask);
                    byte[] out = decodeOrMalformed(d, bad, original.length, what);
                    if (out != null && codec != Codec.LZ4_BLOCK) {
                        // Frame formats carry checksums: what decodes is the original.
                        assertArrayEquals(original, out, what + " decoded to other bytes");
                    }
                    if (codec != Codec.LZ4_BLOCK) {
                        try {
                            byte[] streamed = readByteByByte(d, bad);
                            assertArrayEquals(original, streamed, what + " streamed to other bytes");
                        } catch (IOException e) {
                            assertInstanceOf(
                                    MalformedInputException.class, e.getCause(), what + ": stream failed with " + e);
                        }
                    }
                }
            }
        });
    }

    @ParameterizedTest(allowZeroInvocations = true) // a provider of raw blocks only has no frames
    @MethodSource("frameCodecs")
    void wrongMagicOtherCodecsAndGarbageAreMalformed(Codec codec) {
        assumeProviderAvailable();
        Decompressor d = provider.decompressor(codec);
        byte[] packed = provider.compressor(codec, defaultLevel(codec)).compress(smallInput());
        byte[] wrongMagic = packed.clone();
        wrongMagic[0] ^= 0x40;
        HangGuard.finishes(() -> {
            MalformedInputException e =
                    assertMalformed(() -> d.decompress(wrongMagic, 1 << 20), codec.id() + ": wrong magic");
            assertTrue(e.offset() <= 0, () -> "a wrong magic number is at offset 0 (or unknown): " + e);
            assertStreamMalformed(d, wrongMagic, codec.id() + ": wrong magic, streamed");
            for (KnownFrames.Frame f : allFrames()) {
                if (f.codec() != codec && f.codec() != Codec.LZ4_BLOCK) {
                    assertMalformed(
                            () -> d.decompress(f.frame(), 1 << 20), codec.id() + " given a frame of " + f.command());
                }
            }
            Random random = new Random(codec.ordinal());
            for (int length : new int[] {1, 3, 4, 5, 17, 100, 5000}) {
                byte[] garbage = new byte[length];
                random.nextBytes(garbage);
                assertMalformed(() -> d.decompress(garbage, 1 << 20), codec.id() + ": " + length + " random bytes");
            }
            // A good frame followed by garbage.
            byte[] trailing = concat(packed, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            assertMalformed(() -> d.decompress(trailing, 1 << 20), codec.id() + ": trailing garbage");
        });
    }

    /**
     * gzip: bytes after the last complete member that do not start another (garbage, zero padding,
     * one stray byte) are a {@link MalformedInputException} at the offset of the first of them, with
     * a reason naming trailing data, in every form and from every provider alike: {@code gzip -d}
     * warns of trailing garbage and ignores zero padding, and a caller builds that on this offset.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("frameCodecs")
    void gzipTrailingDataIsReportedAfterTheLastMember(Codec codec) throws IOException {
        assumeProviderAvailable();
        assumeTrue(codec == Codec.GZIP, "gzip only");
        Decompressor d = provider.decompressor(codec);
        byte[] member = provider.compressor(codec, defaultLevel(codec)).compress(smallInput());
        byte[] two = concat(member, member);
        for (byte[] tail : new byte[][] {{0}, {0x1F}, new byte[100], {1, 2, 3, 4, 5, 6, 7, 8}, {0x1F, 0x2B, 0, 0}}) {
            byte[] input = concat(two, tail);
            String what = "gzip: two members and " + tail.length + " bytes of trailing data";
            MalformedInputException e = assertMalformed(() -> d.decompress(input, 1 << 20), what);
            assertTrailing(e, two.length, what);
            byte[] out = new byte[2 * smallInput().length + 16];
            assertTrailing(
                    assertMalformed(() -> d.decompress(input, 0, input.length, out, 0, out.length), what + ", range"),
                    two.length,
                    what + ", range");
            try (InputStream in = d.decompressing(new ByteArrayInputStream(input), 1 << 20)) {
                in.readAllBytes();
                fail(what + ", streamed: no IOException");
            } catch (IOException ioe) {
                assertTrailing(
                        assertInstanceOf(MalformedInputException.class, ioe.getCause(), what + ": " + ioe),
                        two.length,
                        what + ", streamed");
            }
        }
        // A damaged second member is an error in the data, not trailing data after it.
        byte[] damaged = concat(member, member);
        damaged[member.length + member.length / 2] ^= 0x55;
        MalformedInputException inside = assertMalformed(() -> d.decompress(damaged, 1 << 20), "a damaged member");
        assertFalse(inside.isTrailingData(), () -> "a damaged member is not trailing data: " + inside);
        try (InputStream in = d.decompressing(new ByteArrayInputStream(damaged), 1 << 20)) {
            in.readAllBytes();
            fail("a damaged member, streamed: no IOException");
        } catch (IOException ioe) {
            MalformedInputException m =
                    assertInstanceOf(MalformedInputException.class, ioe.getCause(), "a damaged member: " + ioe);
            assertFalse(m.isTrailingData(), () -> "a damaged member, streamed, is not trailing data: " + m);
        }
    }

    /**
     * LZ4's legacy frames ({@code lz4 -l}, files under {@code lz4-legacy/} with their commands in its
     * README): one block, two blocks of 8 MiB and more, and a legacy frame before and after a frame of
     * the current format decode to what the tool decodes them to, one-shot, into a range and
     * streamed.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("frameCodecs")
    void lz4LegacyFramesDecode(Codec codec) throws IOException {
        assumeProviderAvailable();
        assumeTrue(codec == Codec.LZ4, "lz4 frames only");
        Decompressor d = provider.decompressor(codec);
        byte[] text = KnownFrames.input("text4000");
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("text-legacy.lz4", text);
        expected.put("zeros-legacy.lz4", new byte[9 * 1024 * 1024 + 5]);
        expected.put("legacy-then-frame.lz4", concat(text, text));
        expected.put("frame-then-legacy.lz4", concat(text, text));
        for (var e : expected.entrySet()) {
            byte[] frame;
            try (InputStream in =
                    getClass().getResourceAsStream("/dev/arsenal/spi/compression/lz4-legacy/" + e.getKey())) {
                assertTrue(in != null, e.getKey() + " is in the spi test jar");
                frame = in.readAllBytes();
            }
            byte[] want = e.getValue();
            String what = "lz4 -l: " + e.getKey();
            assertArrayEquals(want, d.decompress(frame, want.length), what);
            byte[] out = new byte[want.length + 5];
            int n = d.decompress(frame, 0, frame.length, out, 5, want.length);
            assertEquals(want.length, n, what + ", range");
            assertArrayEquals(want, Arrays.copyOfRange(out, 5, 5 + n), what + ", range");
            try (InputStream in = d.decompressing(new ByteArrayInputStream(frame), want.length)) {
                assertArrayEquals(want, in.readAllBytes(), what + ", streamed");
            }
            byte[] cut = Arrays.copyOf(frame, frame.length - 1);
            assertMalformed(() -> d.decompress(cut, want.length), what + " less its last byte");
        }
    }

    /**
     * zstd's own golden files ({@link ZstdGoldenFiles}): the valid ones decode to their content and
     * the corrupt ones are malformed, one-shot, into a range and streamed. A provider whose library
     * has known decoder bugs names the files it gets wrong in {@link #knownGoldenFailures}; those
     * are left out here and its own test says what it gets wrong.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("frameCodecs")
    void zstdsGoldenFiles(Codec codec) throws IOException {
        assumeProviderAvailable();
        assumeTrue(codec == Codec.ZSTD, "zstd only");
        Decompressor d = provider.decompressor(codec);
        Set<String> known = knownGoldenFailures();
        for (ZstdGoldenFiles.Golden g : ZstdGoldenFiles.ALL) {
            if (known.contains(g.name())) {
                continue;
            }
            byte[] frame = g.bytes();
            String what = "zstd golden " + g.name();
            if (g.valid()) {
                assertArrayEquals(g.content(), d.decompress(frame, g.content().length), what);
                byte[] out = new byte[g.content().length + 7];
                int n = d.decompress(frame, 0, frame.length, out, 3, g.content().length);
                assertArrayEquals(g.content(), Arrays.copyOfRange(out, 3, 3 + n), what + ", range");
                try (InputStream in = d.decompressing(new ByteArrayInputStream(frame), g.content().length)) {
                    assertArrayEquals(g.content(), in.readAllBytes(), what + ", streamed");
                }
            } else {
                assertMalformed(() -> d.decompress(frame, 1 << 20), what);
                byte[] out = new byte[4096];
                assertMalformed(() -> d.decompress(frame, 0, frame.length, out, 0, out.length), what + ", range");
                assertStreamMalformed(d, frame, what + ", streamed");
            }
        }
    }

    /**
     * The names of zstd's golden files ({@link ZstdGoldenFiles}) that this provider is known to get
     * wrong, because its library has decoder bugs it recognises and ranks itself down for; none by
     * default.
     */
    protected Set<String> knownGoldenFailures() {
        return Set.of();
    }

    private static void assertTrailing(MalformedInputException e, long offset, String what) {
        assertEquals(offset, e.offset(), () -> what + ": the offset of the first byte after the last member: " + e);
        assertTrue(e.getMessage().contains("trailing data"), () -> what + ": the reason names trailing data: " + e);
        assertTrue(e.isTrailingData(), () -> what + ": isTrailingData(): " + e);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aBombStopsAtTheLimit(Codec codec) throws IOException {
        assumeProviderAvailable();
        int limit = 1 << 20;
        Compressor c = provider.compressor(codec, levels(codec).getFirst());
        Decompressor d = provider.decompressor(codec);
        byte[] bomb;
        if (codec == Codec.LZ4_BLOCK) {
            bomb = c.compress(new byte[16 << 20]);
        } else {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            byte[] zeros = new byte[1 << 20];
            try (OutputStream out = c.compressing(sink)) {
                for (int i = 0; i < 100; i++) {
                    out.write(zeros);
                }
            }
            bomb = sink.toByteArray();
        }
        byte[] finalBomb = bomb;
        HangGuard.finishes(() -> {
            MalformedInputException e = assertMalformed(() -> d.decompress(finalBomb, limit), codec.id() + ": bomb");
            assertTrue(e.getMessage().contains(String.valueOf(limit)), () -> "names the limit: " + e.getMessage());
            if (codec != Codec.LZ4_BLOCK) {
                try (InputStream in = d.decompressing(new ByteArrayInputStream(finalBomb), limit)) {
                    in.readAllBytes();
                    fail(codec.id() + ": the stream read past its limit");
                } catch (IOException x) {
                    assertInstanceOf(MalformedInputException.class, x.getCause(), x.toString());
                    assertTrue(x.getCause().getMessage().contains(String.valueOf(limit)), x.toString());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aTooSmallOutputRangeIsMalformedAndNothingIsWrittenPastIt(Codec codec) {
        assumeProviderAvailable();
        Decompressor d = provider.decompressor(codec);
        for (String name : List.of("text", "64 KiB + 5 random", "one byte")) {
            byte[] original = inputs.get(name);
            byte[] packed = provider.compressor(codec, defaultLevel(codec)).compress(original);
            for (int room : new int[] {0, original.length / 2, original.length - 1}) {
                String what = codec.id() + ": " + name + " into " + room + " bytes";
                byte[] out = guarded(room);
                assertMalformed(() -> d.decompress(packed, 0, packed.length, out, OFFSET, room), what);
                for (int i = OFFSET + room; i < out.length; i++) {
                    assertEquals(GUARD_BYTE, out[i], what + ": byte " + (i - OFFSET) + " past the range was written");
                }
                for (int i = 0; i < OFFSET; i++) {
                    assertEquals(GUARD_BYTE, out[i], what + ": a byte before the range was written");
                }
                ByteBuffer small = ByteBuffer.allocate(room);
                assertMalformed(() -> d.decompress(ByteBuffer.wrap(packed), small), what + " (ByteBuffer)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void badRangesThrowIndexOutOfBounds(Codec codec) {
        assumeProviderAvailable();
        Compressor c = provider.compressor(codec, defaultLevel(codec));
        Decompressor d = provider.decompressor(codec);
        byte[] b = new byte[16];
        byte[] out = new byte[100];
        int[][] bad = {{-1, 1}, {0, 17}, {17, 0}, {8, 9}, {1, -1}};
        for (int[] r : bad) {
            String what = codec.id() + " offset " + r[0] + " length " + r[1] + " of 16";
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(b, r[0], r[1], out, 0, 100), what);
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(out, 0, 10, b, r[0], r[1]), what);
            assertThrows(IndexOutOfBoundsException.class, () -> d.decompress(b, r[0], r[1], out, 0, 100), what);
            assertThrows(IndexOutOfBoundsException.class, () -> d.decompress(out, 0, 10, b, r[0], r[1]), what);
        }
        if (codec == Codec.LZ4_BLOCK) {
            assertThrows(UnsupportedOperationException.class, () -> c.compressing(new ByteArrayOutputStream()));
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> d.decompressing(new ByteArrayInputStream(b), Long.MAX_VALUE));
        }
    }

    // ---- helpers ----

    /** 300 bytes of text with repeats: a frame small enough to cut and change at every byte. */
    private static byte[] smallInput() {
        return text(300);
    }

    private static byte[] text(int length) {
        StringBuilder s = new StringBuilder();
        Random random = new Random(length);
        String[] words = {"arsenal ", "frame ", "block ", "match ", "literal ", "window ", "zstd ", "lz4 ", "gzip\n"};
        while (s.length() < length) {
            s.append(words[random.nextInt(words.length)]);
            if (random.nextInt(10) == 0) {
                s.append(random.nextInt(1000));
            }
        }
        return s.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** One-shot decompression; raw blocks into an array of exactly the known size. */
    private static byte[] decompress(Decompressor d, byte[] packed, int length) {
        if (d.codec() == Codec.LZ4_BLOCK) {
            return decompressArray(d, packed, length);
        }
        return d.decompress(packed, length);
    }

    private static byte[] decompressArray(Decompressor d, byte[] packed, int length) {
        byte[] out = new byte[length];
        int n = d.decompress(packed, 0, packed.length, out, 0, length);
        return Arrays.copyOf(out, n);
    }

    /** The output, or null if the input was malformed; fails on any other exception. */
    private static byte[] decodeOrMalformed(Decompressor d, byte[] input, int length, String what) {
        try {
            return d.codec() == Codec.LZ4_BLOCK ? decompressArray(d, input, length) : d.decompress(input, length + 100);
        } catch (MalformedInputException e) {
            assertFalse(e.reason() == null || e.reason().isBlank(), what + ": a reason");
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e + " instead of MalformedInputException", e);
        }
    }

    private static MalformedInputException assertMalformed(Runnable r, String what) {
        try {
            r.run();
        } catch (MalformedInputException e) {
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e + " instead of MalformedInputException", e);
        }
        throw new AssertionError(what + ": no MalformedInputException");
    }

    private static void assertStreamMalformed(Decompressor d, byte[] input, String what) {
        try (InputStream in = d.decompressing(new ByteArrayInputStream(input), 1 << 20)) {
            in.readAllBytes();
            fail(what + ": no IOException");
        } catch (IOException e) {
            assertInstanceOf(MalformedInputException.class, e.getCause(), what + ": " + e);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e + " instead of an IOException", e);
        }
    }

    private static byte[] compressInChunks(Compressor c, byte[] input) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(sink)) {
            int p = 0;
            for (int i = 0; p < input.length; i++) {
                int n = Math.min(CHUNKS[i % CHUNKS.length], input.length - p);
                if (n == 1) {
                    out.write(input[p]);
                } else {
                    out.write(input, p, n);
                }
                p += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    private static byte[] readByteByByte(Decompressor d, byte[] packed) throws IOException {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (InputStream in = d.decompressing(new ByteArrayInputStream(packed), 1 << 20)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                back.write(b);
            }
        }
        return back.toByteArray();
    }

    /** Reads to the end in reads of varying sizes; fails instead of spinning on reads of 0 bytes. */
    private static byte[] readInOddChunks(InputStream in) throws IOException {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        byte[] buffer = new byte[70_000];
        int zeros = 0;
        for (int i = 0; ; i++) {
            int n = in.read(buffer, 0, CHUNKS[i % CHUNKS.length]);
            if (n < 0) {
                return back.toByteArray();
            }
            zeros = n == 0 ? zeros + 1 : 0;
            assertTrue(zeros < 100, "read(byte[], int, int) keeps returning 0");
            back.write(buffer, 0, n);
        }
    }

    private static byte[] padded(byte[] b) {
        byte[] p = new byte[b.length + 2 * OFFSET];
        Arrays.fill(p, GUARD_BYTE);
        System.arraycopy(b, 0, p, OFFSET, b.length);
        return p;
    }

    private static byte[] guarded(int room) {
        byte[] b = new byte[OFFSET + room + GUARD];
        Arrays.fill(b, GUARD_BYTE);
        return b;
    }

    private static void checkGuards(byte[] b, int start, int written, int end, String what) {
        for (int i = 0; i < start; i++) {
            assertEquals(GUARD_BYTE, b[i], what + ": byte " + i + " before the range was written");
        }
        for (int i = end; i < b.length; i++) {
            assertEquals(GUARD_BYTE, b[i], what + ": byte " + i + " past the range was written");
        }
        assertTrue(start + written <= end, what + ": wrote " + written + " bytes into a shorter range");
    }

    private static ByteBuffer buffer(boolean direct, int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static MemorySegment segment(Arena arena, boolean nativeMemory, byte[] content) {
        if (!nativeMemory) {
            return MemorySegment.ofArray(content.clone());
        }
        MemorySegment s = arena.allocate(Math.max(1, content.length));
        MemorySegment.copy(content, 0, s, ValueLayout.JAVA_BYTE, 0, content.length);
        return s.asSlice(0, content.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<KnownFrames.Frame> allFrames() {
        List<KnownFrames.Frame> all = new ArrayList<>();
        for (Codec c : Codec.values()) {
            all.addAll(KnownFrames.frames(c));
        }
        return all;
    }

    private static String what(Codec codec, int level, String input) {
        return codec.id() + " level " + level + ", " + input;
    }

    /** The corpus files (Canterbury and Calgary), sorted; {@link TestData} fails if they are missing. */
    private static List<Path> corpus() {
        return TestData.corpus("canterbury", "calgary");
    }

    private void assumeProviderAvailable() {
        if (!availability.isAvailable()) {
            String message = provider.id() + " is unavailable: " + availability.cause();
            if (REQUIRE_NATIVE) {
                fail(
                        message + " (arsenal.test.requireNative=true)",
                        availability.error().orElse(null));
            }
            assumeTrue(false, message);
        }
    }
}
