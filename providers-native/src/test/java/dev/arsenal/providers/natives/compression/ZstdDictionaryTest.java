package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dictionaries in both native zstd providers: trained on small JSON-like records, round trips in
 * every form at every kind of level, each provider's frames decoded by the other, the size gain on
 * small records, and the errors of a missing or wrong dictionary and of hopeless training.
 */
class ZstdDictionaryTest {
    static final ZstdJniProvider JNI = new ZstdJniProvider();
    static final ZstdFfmProvider FFM = new ZstdFfmProvider();

    /** The dictionary size the tests train: 16 KiB. */
    static final int DICTIONARY_SIZE = 16 * 1024;

    private static byte[] dictionary;

    @BeforeAll
    static void bothProvidersAreHere() {
        Tools.assumeAvailable("zstd-jni", JNI.probe(null));
        Tools.assumeAvailable("libzstd through FFM", FFM.probe(null));
        dictionary = JNI.trainDictionary(Codec.ZSTD, records(2000, 1), DICTIONARY_SIZE);
    }

    /** Both providers, for the parameterized tests. */
    static Stream<CompressionProvider> providers() {
        return Stream.of(JNI, FFM);
    }

    /**
     * {@code n} JSON-like records of about 200 bytes, alike in their keys and layout and different
     * in their values: what a dictionary is for.
     */
    static List<byte[]> records(int n, long seed) {
        String[] countries = {"DE", "FR", "US", "JP", "BR", "IN", "NG", "SE"};
        String[] tags = {"alpha", "beta", "gamma", "premium", "trial", "mobile", "desktop", "api"};
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = r.nextInt(1_000_000);
            String s = String.format(
                    Locale.ROOT,
                    "{\"id\":%d,\"user\":\"user%06d\",\"email\":\"user%06d@example.com\",\"country\":\"%s\","
                            + "\"active\":%b,\"score\":%.2f,\"tags\":[\"%s\",\"%s\"],"
                            + "\"created\":\"2024-%02d-%02dT%02d:%02d:%02dZ\"}",
                    id,
                    id,
                    id,
                    countries[r.nextInt(countries.length)],
                    r.nextBoolean(),
                    r.nextDouble() * 100,
                    tags[r.nextInt(tags.length)],
                    tags[r.nextInt(tags.length)],
                    1 + r.nextInt(12),
                    1 + r.nextInt(28),
                    r.nextInt(24),
                    r.nextInt(60),
                    r.nextInt(60));
            out.add(s.getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    static byte[] dictionary() {
        return dictionary;
    }

    static CompressionOptions withDictionary() {
        return CompressionOptions.defaults().withDictionary(dictionary);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void theTrainedDictionaryIsAZstdDictionary(CompressionProvider p) {
        assertTrue(p.trainsDictionaries(Codec.ZSTD));
        byte[] d = p.trainDictionary(Codec.ZSTD, records(2000, 2), DICTIONARY_SIZE);
        assertTrue(d.length > 1000 && d.length <= DICTIONARY_SIZE, d.length + " bytes");
        assertEquals(0xEC30A437, littleEndianInt(d, 0), "ZDICT's magic number");
        assertTrue(p.supports(Codec.ZSTD, 3, CompressionOptions.defaults().withDictionary(d)));
        assertTrue(p.supportsDecompression(
                Codec.ZSTD, CompressionOptions.defaults().withDictionary(d)));
        assertEquals("checksum on/off, content size on/off, dictionaries", p.supportedOptions(Codec.ZSTD));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void smallRecordsRoundTripAtEveryKindOfLevel(CompressionProvider p) {
        Decompressor d = p.decompressor(Codec.ZSTD, withDictionary());
        for (int level : new int[] {-7, -1, 1, 3, 9, 19, 20, 22}) {
            Compressor c = p.compressor(Codec.ZSTD, level, withDictionary());
            for (byte[] record : records(50, level + 100)) {
                byte[] packed = c.compress(record);
                assertEquals(dictionaryId(), frameDictionaryId(packed), "the frame names the dictionary");
                assertArrayEquals(record, d.decompress(packed, record.length), p + " level " + level);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void everyFormRoundTrips(CompressionProvider p) throws IOException {
        Compressor c = p.compressor(Codec.ZSTD, 3, withDictionary());
        Decompressor d = p.decompressor(Codec.ZSTD, withDictionary());
        for (byte[] input : List.of(
                records(1, 7).getFirst(),
                join(records(400, 8)),
                join(records(3000, 9)), // over 256 KiB: the chunked paths
                new byte[0])) {
            byte[] packed = c.compress(input);
            assertArrayEquals(input, d.decompress(packed, input.length));

            byte[] out = new byte[input.length + 7];
            assertEquals(input.length, d.decompress(packed, 0, packed.length, out, 3, input.length + 4));
            assertArrayEquals(input, java.util.Arrays.copyOfRange(out, 3, 3 + input.length));

            try (Arena arena = Arena.ofConfined()) {
                MemorySegment src = arena.allocate(Math.max(1, input.length));
                MemorySegment.copy(input, 0, src, ValueLayout.JAVA_BYTE, 0, input.length);
                MemorySegment packedSeg = arena.allocate(c.maxCompressedLength(input.length));
                long n = c.compress(src.asSlice(0, input.length), packedSeg);
                MemorySegment back = arena.allocate(Math.max(1, input.length));
                long m = d.decompress(packedSeg.asSlice(0, n), back.asSlice(0, input.length));
                assertEquals(input.length, m);
                assertArrayEquals(input, back.asSlice(0, m).toArray(ValueLayout.JAVA_BYTE));

                ByteBuffer direct = ByteBuffer.allocateDirect((int) n);
                direct.put(packedSeg.asSlice(0, n).asByteBuffer()).flip();
                ByteBuffer result = ByteBuffer.allocateDirect(input.length);
                d.decompress(direct, result);
                assertEquals(input.length, result.position());
            }

            assertArrayEquals(input, d.decompress(streamed(c, input), input.length), "stream to one-shot");
            assertArrayEquals(input, unstreamed(d, packed, input.length), "one-shot to stream");
        }
    }

    @Test
    void eachProvidersFramesDecodeWithTheOther() throws IOException {
        for (CompressionProvider from : List.of(JNI, FFM)) {
            CompressionProvider to = from == JNI ? FFM : JNI;
            Compressor c = from.compressor(Codec.ZSTD, 5, withDictionary());
            Decompressor d = to.decompressor(Codec.ZSTD, withDictionary());
            for (byte[] input : List.of(records(1, 11).getFirst(), join(records(1000, 12)))) {
                assertArrayEquals(input, d.decompress(c.compress(input), input.length), from + " to " + to);
                assertArrayEquals(input, unstreamed(d, streamed(c, input), input.length), from + " to " + to);
            }
        }
    }

    /** The point of a dictionary: small records, each its own frame, come out much smaller. */
    @ParameterizedTest
    @MethodSource("providers")
    void theDictionaryMakesSmallRecordsAtLeastOneAndAHalfTimesSmaller(CompressionProvider p) {
        List<byte[]> test = records(500, 42); // not the training records
        long raw = 0;
        long plain = 0;
        long withDict = 0;
        Compressor without = p.compressor(Codec.ZSTD, 3, CompressionOptions.defaults());
        Compressor with = p.compressor(Codec.ZSTD, 3, withDictionary());
        for (byte[] r : test) {
            raw += r.length;
            plain += without.compress(r).length;
            withDict += with.compress(r).length;
        }
        double gain = (double) plain / withDict;
        System.out.printf(
                Locale.ROOT,
                "%s: %d records, %d bytes: %d compressed without a dictionary, %d with (%.2fx smaller)%n",
                p,
                test.size(),
                raw,
                plain,
                withDict,
                gain);
        String sizes = p + ": " + plain + " bytes without, " + withDict + " with the dictionary";
        assertTrue(gain >= 1.5, sizes);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void rawContentWorksAsADictionary(CompressionProvider p) {
        byte[] prefix = join(records(20, 77));
        CompressionOptions raw = CompressionOptions.defaults().withDictionary(prefix);
        byte[] record = records(1, 78).getFirst();
        for (CompressionProvider other : List.of(JNI, FFM)) {
            byte[] packed = p.compressor(Codec.ZSTD, 3, raw).compress(record);
            assertEquals(0, frameDictionaryId(packed), "raw content has no ID");
            assertArrayEquals(record, other.decompressor(Codec.ZSTD, raw).decompress(packed, record.length));
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aDictionaryFrameWithoutTheDictionaryIsMalformed(CompressionProvider p) {
        byte[] record = records(1, 5).getFirst();
        byte[] packed = p.compressor(Codec.ZSTD, 3, withDictionary()).compress(record);
        String id = Long.toString(dictionaryId());
        for (CompressionProvider decoder : List.of(JNI, FFM)) {
            Decompressor d = decoder.decompressor(Codec.ZSTD);
            MalformedInputException e =
                    assertThrows(MalformedInputException.class, () -> d.decompress(packed, 1000), decoder.id());
            assertTrue(e.getMessage().contains("Dictionary mismatch"), e.getMessage());
            assertTrue(e.getMessage().contains("dictionary ID " + id), e.getMessage());
            assertTrue(e.getMessage().contains("has none"), e.getMessage());
            System.out.println(decoder + ": " + e.getMessage());

            IOException io = assertThrows(IOException.class, () -> unstreamed(d, packed, 1000));
            MalformedInputException cause =
                    assertInstanceOf(MalformedInputException.class, io.getCause(), io.toString());
            assertTrue(cause.getMessage().contains("Dictionary mismatch"), cause.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void aDictionaryFrameWithAnotherDictionaryIsMalformed(CompressionProvider p) {
        byte[] other = p.trainDictionary(Codec.ZSTD, records(1500, 99), 8 * 1024);
        long otherId = Integer.toUnsignedLong(littleEndianInt(other, 4));
        byte[] record = records(1, 6).getFirst();
        byte[] packed = p.compressor(Codec.ZSTD, 3, withDictionary()).compress(record);
        for (CompressionProvider decoder : List.of(JNI, FFM)) {
            Decompressor d = decoder.decompressor(
                    Codec.ZSTD, CompressionOptions.defaults().withDictionary(other));
            MalformedInputException e =
                    assertThrows(MalformedInputException.class, () -> d.decompress(packed, 1000), decoder.id());
            assertTrue(e.getMessage().contains("Dictionary mismatch"), e.getMessage());
            assertTrue(e.getMessage().contains("dictionary ID " + dictionaryId()), e.getMessage());
            assertTrue(e.getMessage().contains("has ID " + otherId), e.getMessage());
            assertThrows(IOException.class, () -> unstreamed(d, packed, 1000));
        }
    }

    /** ZDICT's magic number and garbage: libzstd cannot digest it. */
    @ParameterizedTest
    @MethodSource("providers")
    void aCorruptedZstdDictionaryIsRefused(CompressionProvider p) {
        byte[] corrupted = new byte[300];
        corrupted[0] = 0x37;
        corrupted[1] = (byte) 0xA4;
        corrupted[2] = 0x30;
        corrupted[3] = (byte) 0xEC;
        corrupted[4] = 5;
        CompressionOptions options = CompressionOptions.defaults().withDictionary(corrupted);
        IllegalArgumentException c =
                assertThrows(IllegalArgumentException.class, () -> p.compressor(Codec.ZSTD, 3, options));
        assertTrue(c.getMessage().contains("refused the dictionary"), c.getMessage());
        IllegalArgumentException d =
                assertThrows(IllegalArgumentException.class, () -> p.decompressor(Codec.ZSTD, options));
        assertTrue(d.getMessage().contains("refused the dictionary"), d.getMessage());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void trainingOnNothingOrTooLittleSaysWhy(CompressionProvider p) {
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> p.trainDictionary(Codec.ZSTD, List.of(), 4096));
        assertTrue(none.getMessage().contains("libzstd: "), none.getMessage());
        // Samples with no bytes at all. (ZDICT "succeeds" on 20 samples of 1 byte each, with a
        // 135-byte dictionary of entropy tables only: size is no reason it gives.)
        List<byte[]> empty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            empty.add(new byte[0]);
        }
        IllegalArgumentException small =
                assertThrows(IllegalArgumentException.class, () -> p.trainDictionary(Codec.ZSTD, empty, 4096));
        assertTrue(small.getMessage().contains("libzstd: "), small.getMessage());
        assertTrue(small.getMessage().contains("20 samples of 0 bytes"), small.getMessage());
        System.out.println(p + ": " + none.getMessage() + "\n" + p + ": " + small.getMessage());
        IllegalArgumentException tooSmallDictionary =
                assertThrows(IllegalArgumentException.class, () -> p.trainDictionary(Codec.ZSTD, records(100, 1), 100));
        assertTrue(tooSmallDictionary.getMessage().contains("256"), tooSmallDictionary.getMessage());
    }

    /** The dictionary's ID, from its header (bytes 4 to 7, little-endian). */
    static long dictionaryId() {
        return Integer.toUnsignedLong(littleEndianInt(dictionary, 4));
    }

    /** The dictionary ID a frame header declares, 0 if none (RFC 8878, 3.1.1.1). */
    static long frameDictionaryId(byte[] frame) {
        int descriptor = frame[4] & 0xFF;
        int idFlag = descriptor & 3;
        boolean singleSegment = (descriptor & 0x20) != 0;
        int at = 5 + (singleSegment ? 0 : 1);
        return switch (idFlag) {
            case 0 -> 0;
            case 1 -> frame[at] & 0xFFL;
            case 2 -> (frame[at] & 0xFFL) | (frame[at + 1] & 0xFFL) << 8;
            default -> Integer.toUnsignedLong(littleEndianInt(frame, at));
        };
    }

    static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static byte[] join(List<byte[]> parts) {
        return Tools.concat(parts.toArray(byte[][]::new));
    }

    static byte[] streamed(Compressor c, byte[] input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(bytes)) {
            for (int i = 0; i < input.length; i += 1000) {
                out.write(input, i, Math.min(1000, input.length - i));
            }
        }
        return bytes.toByteArray();
    }

    static byte[] unstreamed(Decompressor d, byte[] packed, int maxLength) throws IOException {
        try (InputStream in = d.decompressing(new ByteArrayInputStream(packed), maxLength)) {
            return in.readAllBytes();
        }
    }
}
