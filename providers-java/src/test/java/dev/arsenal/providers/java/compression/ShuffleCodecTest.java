package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import dev.arsenal.spi.compression.ShuffleFrames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shuffle codecs end to end with the pure-Java providers: the frame as docs/compression.md
 * draws it, the inner frames readable by the tools, element sizes, streams, header damage, the
 * engine's composition and its options, and the point of it all: numeric data compresses smaller.
 */
class ShuffleCodecTest {
    private static final JavaCompressionProvider JAVA = new JavaCompressionProvider();
    private static final int[] SIZES = {0, 1, 7, 8, 9, 65_535, 65_536, 65_537, 200_003};
    private static final int[] ELEMENT_SIZES = {1, 2, 3, 4, 7, 8, 16, 255};

    private static Compressor compressor(Codec codec, int elementSize) {
        int level = codec.inner() == Codec.ZSTD ? 3 : 1;
        return ShuffleFrames.compressor(
                codec, ScalarByteShuffle.INSTANCE, JAVA.compressor(codec.inner(), level), elementSize);
    }

    private static Decompressor decompressor(Codec codec) {
        return ShuffleFrames.decompressor(codec, ScalarByteShuffle.INSTANCE, JAVA.decompressor(codec.inner()));
    }

    /** Longs: millisecond timestamps with small random gaps, the data the shuffle is for. */
    static byte[] timestamps(int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(17);
        long t = 1_764_460_800_000L;
        for (int i = 0; i < count; i++) {
            t += random.nextInt(1, 40);
            b.putLong(t);
        }
        return b.array();
    }

    /** The input shuffled block by block, as the frame's content must be. */
    private static byte[] shuffledBlocks(byte[] input, int elementSize) {
        byte[] out = new byte[input.length];
        int block = 1 << ShuffleFrames.BLOCK_LOG;
        for (int at = 0; at < input.length; at += block) {
            int n = Math.min(block, input.length - at);
            ScalarByteShuffle.INSTANCE.shuffle(input, at, out, at, n, elementSize);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(names = {"LZ4_SHUFFLE", "ZSTD_SHUFFLE"})
    void everyElementSizeAndLengthRoundTripsOneShotAndStreamed(Codec codec) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        Decompressor d = decompressor(codec);
        for (int e : ELEMENT_SIZES) {
            Compressor c = compressor(codec, e);
            for (int size : SIZES) {
                byte[] input = size % 2 == 0 ? timestamps(size / 8 + 1) : new byte[size];
                input = Arrays.copyOf(input, size);
                if (size % 2 != 0) {
                    random.nextBytes(input);
                }
                String what = codec.id() + ", " + e + "-byte elements, " + size + " bytes";
                byte[] packed = c.compress(input);
                assertArrayEquals(input, d.decompress(packed, size), what);
                ByteArrayOutputStream streamed = new ByteArrayOutputStream();
                try (OutputStream o = c.compressing(streamed)) {
                    for (int at = 0; at < size; at += 10_007) {
                        o.write(input, at, Math.min(10_007, size - at));
                    }
                }
                assertArrayEquals(input, d.decompress(streamed.toByteArray(), size), what + ", streamed");
                try (InputStream i = d.decompressing(new ByteArrayInputStream(packed), size)) {
                    assertArrayEquals(input, i.readAllBytes(), what + ", read as a stream");
                }
            }
        }
    }

    @Test
    void theHeaderIsTheDocumentedOneAndTheRestIsAPlainFrameOfTheShuffledBytes() {
        byte[] input = timestamps(20_000);
        byte[] packed = compressor(Codec.ZSTD_SHUFFLE, 8).compress(input);
        // "ASHF", version 1, 8-byte elements, zstd (2) << 5 | block log 16, CRC-8 of the seven bytes.
        assertEquals("41534846010850", HexFormat.of().formatHex(packed, 0, 7));
        byte[] header = Arrays.copyOf(packed, 8);
        assertEquals(crc8(header, 7), packed[7] & 0xFF);
        byte[] inner = Arrays.copyOfRange(packed, ShuffleFrames.HEADER_LENGTH, packed.length);
        assertArrayEquals(
                shuffledBlocks(input, 8), JAVA.decompressor(Codec.ZSTD).decompress(inner, input.length));

        byte[] lz4 = compressor(Codec.LZ4_SHUFFLE, 4).compress(input);
        assertEquals("41534846010430", HexFormat.of().formatHex(lz4, 0, 7));
        assertArrayEquals(
                shuffledBlocks(input, 4),
                JAVA.decompressor(Codec.LZ4).decompress(Arrays.copyOfRange(lz4, 8, lz4.length), input.length));
    }

    /** CRC-8, polynomial 0x07, written out here again so that the test does not trust the code under test. */
    private static int crc8(byte[] b, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = ((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    @ParameterizedTest
    @EnumSource(names = {"LZ4_SHUFFLE", "ZSTD_SHUFFLE"})
    void theToolReadsTheInnerFrames(Codec codec, @TempDir Path dir) throws Exception {
        String tool = codec.inner().id();
        ReferenceTools.assumeCommand(tool);
        byte[] input = timestamps(100_000); // 800 KB: several blocks
        byte[] packed = compressor(codec, 8).compress(input);
        Path inner = dir.resolve("inner." + (codec.inner() == Codec.ZSTD ? "zst" : "lz4"));
        Files.write(inner, Arrays.copyOfRange(packed, ShuffleFrames.HEADER_LENGTH, packed.length));
        Path out = dir.resolve("shuffled");
        List<String> command = codec.inner() == Codec.ZSTD
                ? List.of(tool, "-d", "-q", "-f", inner.toString(), "-o", out.toString())
                : List.of(tool, "-d", "-q", "-f", inner.toString(), out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), said);
        assertArrayEquals(shuffledBlocks(input, 8), Files.readAllBytes(out));
    }

    @Test
    void aDamagedHeaderNamesWhatIsWrong() {
        byte[] packed = compressor(Codec.ZSTD_SHUFFLE, 8).compress(timestamps(1000));
        Decompressor d = decompressor(Codec.ZSTD_SHUFFLE);
        assertReason(d, Arrays.copyOf(packed, 5), "truncated input: the shuffle header needs 8 bytes");
        byte[] magic = packed.clone();
        magic[1] = 'X';
        assertReason(d, magic, "not a shuffle frame (unknown magic number)");
        for (int i = 4; i < 8; i++) {
            byte[] damaged = packed.clone();
            damaged[i] ^= 0x10;
            assertReason(d, damaged, "shuffle header check mismatch");
        }
        assertReason(d, withHeader(packed, 2, 8, 2 << 5 | 16), "unsupported shuffle frame version 2");
        assertReason(d, withHeader(packed, 1, 0, 2 << 5 | 16), "element size 0");
        assertReason(d, withHeader(packed, 1, 8, 2 << 5 | 25), "block size 2^25 outside 2^10 to 2^20");
        byte[] lz4Frame = compressor(Codec.LZ4_SHUFFLE, 8).compress(timestamps(1000));
        assertReason(d, lz4Frame, "the frame's inner codec is lz4, not zstd");
        byte[] inner = packed.clone();
        inner[20] ^= 0x55;
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(inner, 1 << 20));
        assertTrue(e.getMessage().startsWith("zstd+shuffle: zstd frame: "), e.getMessage());
        assertTrue(e.offset() == -1 || e.offset() >= ShuffleFrames.HEADER_LENGTH, e::getMessage);
    }

    private static byte[] withHeader(byte[] packed, int version, int elementSize, int codecAndLog) {
        byte[] b = packed.clone();
        b[4] = (byte) version;
        b[5] = (byte) elementSize;
        b[6] = (byte) codecAndLog;
        b[7] = (byte) crc8(b, 7);
        return b;
    }

    private static void assertReason(Decompressor d, byte[] input, String reason) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(input, 1 << 20));
        assertTrue(e.reason().startsWith(reason), () -> "expected '" + reason + "', got: " + e.getMessage());
        IOException streamed = assertThrows(IOException.class, () -> {
            try (InputStream i = d.decompressing(new ByteArrayInputStream(input), 1 << 20)) {
                i.readAllBytes();
            }
        });
        assertTrue(
                streamed.getCause() instanceof MalformedInputException m
                        && m.reason().startsWith(reason),
                () -> "streamed: expected '" + reason + "', got: " + streamed);
    }

    @Test
    void numericDataCompressesSmallerShuffled() {
        byte[] timestamps = timestamps(131_072); // 1 MiB
        byte[] readings = readings(131_072);
        for (Codec codec : List.of(Codec.LZ4_SHUFFLE, Codec.ZSTD_SHUFFLE)) {
            Compressor plain = JAVA.compressor(codec.inner(), codec.inner() == Codec.ZSTD ? 3 : 1);
            Compressor shuffled = compressor(codec, 8);
            for (byte[] input : List.of(timestamps, readings)) {
                int p = plain.compress(input).length;
                int s = shuffled.compress(input).length;
                assertTrue(
                        s < p,
                        codec.id() + ": " + s + " bytes, not under plain "
                                + codec.inner().id() + "'s " + p);
            }
        }
    }

    /**
     * Doubles: a sensor's 12-bit readings drifting at random, stored as doubles (whose low mantissa
     * bytes are then zero). Not every double series gains: decimal fractions such as {@code cents /
     * 100.0} fill the mantissa with bits that differ from value to value, and when values repeat
     * exactly, plain LZ4 finds the whole 8-byte repeats that the shuffle tears apart
     * (docs/compression.md has the figures).
     */
    static byte[] readings(int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(23);
        int reading = 2048;
        for (int i = 0; i < count; i++) {
            reading = Math.clamp(reading + random.nextInt(-3, 4), 0, 4095);
            b.putDouble(reading);
        }
        return b.array();
    }

    @Test
    void theEngineComposesTheSelectedShuffleWithTheSelectedInnerCodec() {
        ArsenalRuntime runtime = Arsenal.create(Configuration.defaults());
        byte[] input = timestamps(50_000);
        CompressionOptions fours = CompressionOptions.defaults().withElementSize(4);
        Compressor c = runtime.compressor(Codec.ZSTD_SHUFFLE, 3, fours);
        byte[] packed = c.compress(input);
        assertEquals(4, packed[5]);
        assertArrayEquals(input, runtime.decompressor(Codec.ZSTD_SHUFFLE).decompress(packed, input.length));
        assertTrue(c.toString().contains("4-byte elements"), c::toString);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> runtime.compressor(Codec.ZSTD, 3, fours));
        assertTrue(e.getMessage().contains("shuffle codecs only"), e::getMessage);
        assertEquals(
                "java-shuffle",
                runtime.report()
                        .decision(Codec.LZ4_SHUFFLE.id())
                        .orElseThrow()
                        .provider()
                        .orElseThrow());
    }
}
