package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.HangGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** libzstd through FFM: round trips, the zstd tool both ways, and hostile input. */
class ZstdFfmProviderTest {
    private static final ZstdFfmProvider PROVIDER = new ZstdFfmProvider();

    @TempDir
    Path dir;

    @BeforeAll
    static void libzstdIsHere() {
        boolean required = Boolean.getBoolean("arsenal.test.requireNative");
        var availability = PROVIDER.probe(null);
        if (required) {
            assertTrue(availability.isAvailable(), "libzstd must load here: " + availability.cause());
        }
        assumeTrue(availability.isAvailable(), () -> "libzstd unavailable: " + availability.cause());
    }

    private static byte[] text(int size) {
        byte[] words = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            out[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : words[i % words.length];
        }
        return out;
    }

    @Test
    void selfTestPassesOnTheToolFrames() {
        SelfTest t = PROVIDER.selfTest(Codec.ZSTD);
        assertTrue(t.passed(), t.detail());
    }

    @ParameterizedTest
    @ValueSource(ints = {-7, -1, 1, 3, 9, 19, 22})
    void roundTripsAtEveryKindOfLevel(int level) {
        Compressor c = PROVIDER.compressor(Codec.ZSTD, level);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        for (int size : new int[] {0, 1, 100, 64 * 1024 + 5, 300 * 1024 + 7}) {
            if (level >= 19 && size > 100_000) {
                continue; // slow levels on the small inputs only
            }
            byte[] data = text(size);
            byte[] packed = c.compress(data);
            assertTrue(packed.length <= c.maxCompressedLength(size));
            assertArrayEquals(data, d.decompress(packed, size), "level " + level + ", " + size + " bytes");
            byte[] out = new byte[size + 10];
            assertEquals(size, d.decompress(packed, 0, packed.length, out, 5, size + 5));
            assertArrayEquals(data, Arrays.copyOfRange(out, 5, 5 + size));
        }
    }

    @Test
    void streamsWriteAndReadInOddChunks() throws IOException {
        Tools.assertStreamsRoundTripInOddChunks(PROVIDER.compressor(Codec.ZSTD, 3), PROVIDER.decompressor(Codec.ZSTD));
    }

    private static boolean hasTool() {
        try {
            return new ProcessBuilder("zstd", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private byte[] tool(byte[] input, String... args) throws IOException, InterruptedException {
        Path in = dir.resolve("in");
        Files.write(in, input);
        Path out = dir.resolve("out");
        List<String> cmd = new java.util.ArrayList<>(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectErrorStream(false)
                .start();
        assertEquals(0, p.waitFor(), String.join(" ", args));
        return Files.readAllBytes(out);
    }

    @Test
    void theZstdToolReadsWhatThisWritesAndTheOtherWayRound() throws Exception {
        assumeTrue(hasTool(), "the zstd command is not installed");
        byte[] data = text(200_000);
        for (int level : new int[] {-5, 3, 19}) {
            byte[] packed = PROVIDER.compressor(Codec.ZSTD, level).compress(data);
            assertArrayEquals(data, tool(packed, "zstd", "-d", "-q", "-c"), "zstd -d of level " + level);
        }
        // From stdin the tool writes no content size; --no-check drops the checksum; two frames.
        byte[] streamed = tool(data, "zstd", "-q", "-c", "--no-check", "-7");
        assertArrayEquals(data, PROVIDER.decompressor(Codec.ZSTD).decompress(streamed, data.length));
        byte[] twoFrames = new byte[streamed.length * 2];
        System.arraycopy(streamed, 0, twoFrames, 0, streamed.length);
        System.arraycopy(streamed, 0, twoFrames, streamed.length, streamed.length);
        byte[] twice = PROVIDER.decompressor(Codec.ZSTD).decompress(twoFrames, 2 * data.length);
        assertEquals(2 * data.length, twice.length);
        assertArrayEquals(data, Arrays.copyOfRange(twice, data.length, twice.length));
        byte[] ultra = tool(data, "zstd", "-q", "-c", "--ultra", "-22");
        assertArrayEquals(data, PROVIDER.decompressor(Codec.ZSTD).decompress(ultra, data.length));
    }

    @Test
    void aFrameEndingExactlyAtAFullOutputChunkIsNotTakenForTruncated() throws Exception {
        assumeTrue(hasTool(), "the zstd command is not installed");
        // 3 MiB of zeros is 24 chunks of 128 KiB exactly; from stdin the tool records no size.
        byte[] zeros = new byte[3 << 20];
        byte[] packed = tool(zeros, "zstd", "-q", "-c", "--no-content-size", "-7");
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        assertArrayEquals(zeros, d.decompress(packed, zeros.length));
        try (InputStream in = d.decompressing(new ByteArrayInputStream(packed), Long.MAX_VALUE)) {
            assertArrayEquals(zeros, in.readAllBytes());
        }
    }

    @Test
    void everyTruncationAndEveryByteFlipIsAMalformedInputOrTheRightBytes() {
        byte[] data = text(3000);
        byte[] packed = PROVIDER.compressor(Codec.ZSTD, 3).compress(data);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        HangGuard.finishes(() -> {
            for (int n = 0; n < packed.length; n++) {
                byte[] cut = Arrays.copyOf(packed, n);
                MalformedInputException e =
                        assertThrows(MalformedInputException.class, () -> d.decompress(cut, 1 << 20), "cut at " + n);
                assertTrue(e.getMessage().startsWith("zstd: "), e.getMessage());
            }
            for (int i = 0; i < packed.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = packed.clone();
                    flipped[i] ^= (byte) (1 << bit);
                    try {
                        byte[] out = d.decompress(flipped, 1 << 20);
                        assertArrayEquals(data, out, "a flip at " + i + " passed the checksum with other bytes");
                    } catch (MalformedInputException expected) {
                        // the normal outcome
                    }
                }
            }
        });
    }

    @Test
    void badInputNamesTheReasonAndTheOffset() {
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        MalformedInputException magic = assertThrows(
                MalformedInputException.class,
                () -> d.decompress("not zstd at all".getBytes(StandardCharsets.US_ASCII), 100));
        assertTrue(magic.getMessage().contains("not a zstd frame"), magic.getMessage());
        assertEquals(0, magic.offset());
        MalformedInputException empty =
                assertThrows(MalformedInputException.class, () -> d.decompress(new byte[0], 100));
        assertTrue(empty.getMessage().contains("empty input"), empty.getMessage());
    }

    @Test
    void aBombStopsAtTheLimitAndATooSmallOutputIsNotOverrun() {
        byte[] bomb = PROVIDER.compressor(Codec.ZSTD, 3).compress(new byte[100 << 20]);
        Decompressor d = PROVIDER.decompressor(Codec.ZSTD);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(bomb, 1 << 20));
        assertTrue(
                e.getMessage().contains("limit of 1048576 bytes")
                        || e.getMessage().contains("1048576 bytes of room"),
                e.getMessage());
        byte[] data = text(10_000);
        byte[] packed = PROVIDER.compressor(Codec.ZSTD, 3).compress(data);
        byte[] out = new byte[20_000];
        Arrays.fill(out, (byte) 0x5A);
        assertThrows(MalformedInputException.class, () -> d.decompress(packed, 0, packed.length, out, 100, 9_999));
        for (int i = 100 + 9_999; i < out.length; i++) {
            assertEquals((byte) 0x5A, out[i], "byte " + i + " beyond the given range was written");
        }
    }

    @Test
    void anOutputTooSmallForCompressionSaysSo() {
        byte[] random = new byte[5000];
        new Random(1).nextBytes(random);
        Compressor c = PROVIDER.compressor(Codec.ZSTD, 3);
        byte[] out = new byte[100];
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> c.compress(random, 0, random.length, out, 0, 100));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
    }

    @Test
    void rankingLoadsNothingUntilTheProbe() {
        int[] bindings = new int[1];
        ZstdFfmProvider provider = new ZstdFfmProvider(() -> {
            bindings[0]++;
            return ZstdFfmBindings.binding();
        });
        // The engine reads every candidate's rank before probing any: it must not bind libzstd.
        assertEquals(190, provider.rank(Codec.ZSTD, dev.arsenal.Strategy.BALANCED));
        assertEquals(0, bindings[0], "rank bound the library");
        provider.probe(null);
        assertTrue(bindings[0] > 0, "the probe binds it");
    }
}
