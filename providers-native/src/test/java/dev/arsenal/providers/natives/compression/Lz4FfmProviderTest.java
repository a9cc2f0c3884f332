package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * liblz4 through FFM: round trips on both sides of the in-place limit, the {@code lz4} tool both
 * ways (linked blocks, content size, no checksum, stdin, concatenated and skippable frames), and
 * hostile input.
 */
class Lz4FfmProviderTest {
    private static final Lz4FfmProvider PROVIDER = new Lz4FfmProvider();

    @TempDir
    Path dir;

    @BeforeAll
    static void liblz4IsHere() {
        Tools.assumeAvailable("liblz4", PROVIDER.probe(null));
    }

    @Test
    void selfTestPassesOnTheToolFrames() {
        for (Codec codec : new Codec[] {Codec.LZ4, Codec.LZ4_BLOCK}) {
            SelfTest t = PROVIDER.selfTest(codec);
            assertTrue(t.passed(), t.detail());
        }
    }

    @Test
    void probeOfAMissingFileSaysWhy() {
        var binding = Lz4FfmBindings.bind(dir.resolve("no-liblz4.so").toString());
        Lz4FfmProvider p = new Lz4FfmProvider(() -> binding);
        assertTrue(!p.probe(null).isAvailable());
        assertTrue(
                p.probe(null).cause().contains("does not exist"), p.probe(null).cause());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 9, 12})
    void roundTripsFramesAndBlocksAtEveryKindOfLevel(int level) {
        for (Codec codec : new Codec[] {Codec.LZ4, Codec.LZ4_BLOCK}) {
            Compressor c = PROVIDER.compressor(codec, level);
            Decompressor d = PROVIDER.decompressor(codec);
            for (int size : new int[] {0, 1, 100, 64 * 1024 + 5, 300 * 1024 + 7, 5 << 20}) {
                if (level >= 9 && size > 1 << 20) {
                    continue; // slow levels on the small inputs only
                }
                String what = codec.id() + " level " + level + ", " + size + " bytes";
                byte[] data = Tools.text(size);
                byte[] packed = c.compress(data);
                assertTrue(packed.length <= c.maxCompressedLength(size), what);
                assertArrayEquals(data, d.decompress(packed, size), what);
                byte[] out = new byte[size + 10];
                assertEquals(size, d.decompress(packed, 0, packed.length, out, 5, size), what);
                assertArrayEquals(data, Arrays.copyOfRange(out, 5, 5 + size), what);
            }
        }
    }

    @Test
    void streamsWriteAndReadInOddChunks() throws IOException {
        Tools.assertStreamsRoundTripInOddChunks(PROVIDER.compressor(Codec.LZ4, 3), PROVIDER.decompressor(Codec.LZ4));
    }

    @Test
    void theLz4ToolReadsWhatThisWrites() throws Exception {
        ReferenceTools.assumeCommand("lz4");
        byte[] data = Tools.text(700_000);
        for (int level : new int[] {1, 9, 12}) {
            byte[] packed = PROVIDER.compressor(Codec.LZ4, level).compress(data);
            assertArrayEquals(data, ReferenceTools.pipe(dir, packed, "lz4 -d -c"), "lz4 -d of level " + level);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = PROVIDER.compressor(Codec.LZ4, 1).compressing(sink)) {
            out.write(data);
        }
        assertArrayEquals(data, ReferenceTools.pipe(dir, sink.toByteArray(), "lz4 -d -c"), "lz4 -d of a stream");
        assertEquals(
                0,
                ReferenceTools.pipe(dir, PROVIDER.compressor(Codec.LZ4, 1).compress(new byte[0]), "lz4 -d -c").length);
    }

    @Test
    void thisReadsWhatTheLz4ToolWrites() throws Exception {
        ReferenceTools.assumeCommand("lz4");
        byte[] data = Tools.text(1_500_000);
        Decompressor d = PROVIDER.decompressor(Codec.LZ4);
        for (String options : new String[] {
            "-1", "-9", "-12", "-BD", "-BD -B4", "-BD -12", "--content-size", "--no-frame-crc", "-BX", "-B7 -BD"
        }) {
            // From stdin: no content size unless asked for.
            byte[] packed = ReferenceTools.pipe(dir, data, "lz4 -c -q " + options);
            assertArrayEquals(data, d.decompress(packed, data.length), "lz4 " + options);
            byte[] out = new byte[data.length];
            assertEquals(data.length, d.decompress(packed, 0, packed.length, out, 0, out.length), "lz4 " + options);
            assertArrayEquals(data, out, "lz4 " + options + ", into a range");
            try (InputStream in = d.decompressing(new ByteArrayInputStream(packed), data.length)) {
                assertArrayEquals(data, in.readAllBytes(), "lz4 " + options + ", streamed");
            }
        }
        // A file argument: the tool records the content size.
        Files.write(dir.resolve("file"), data);
        ReferenceTools.run(dir, "lz4", "-q", "-f", "--content-size", "file", "file.lz4");
        assertArrayEquals(data, d.decompress(Files.readAllBytes(dir.resolve("file.lz4")), data.length));
    }

    @Test
    void concatenatedAndSkippableFramesDecodeAsOne() throws Exception {
        ReferenceTools.assumeCommand("lz4");
        byte[] a = Tools.text(100_000);
        byte[] b = Tools.random(70_000);
        byte[] skippable = {0x5A, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3};
        byte[] packed = Tools.concat(
                ReferenceTools.pipe(dir, a, "lz4 -c -q -BD"),
                skippable,
                PROVIDER.compressor(Codec.LZ4, 1).compress(b),
                PROVIDER.compressor(Codec.LZ4, 9).compress(new byte[0]),
                ReferenceTools.pipe(dir, a, "lz4 -c -q -9"));
        byte[] expected = Tools.concat(a, b, a);
        Decompressor d = PROVIDER.decompressor(Codec.LZ4);
        assertArrayEquals(expected, d.decompress(packed, expected.length));
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, d.decompress(packed, 0, packed.length, out, 0, out.length));
        assertArrayEquals(expected, out);
        // The in-place path (small input, small output) too.
        byte[] small = Tools.concat(
                skippable, ReferenceTools.pipe(dir, a, "lz4 -c -q -BD"), ReferenceTools.pipe(dir, b, "lz4 -c -q"));
        byte[] smallOut = new byte[a.length + b.length];
        assertEquals(smallOut.length, d.decompress(small, 0, small.length, smallOut, 0, smallOut.length));
        assertArrayEquals(Tools.concat(a, b), smallOut);
        // The tool reads what we concatenate.
        byte[] ours = Tools.concat(
                PROVIDER.compressor(Codec.LZ4, 1).compress(a),
                PROVIDER.compressor(Codec.LZ4, 3).compress(b));
        assertArrayEquals(Tools.concat(a, b), ReferenceTools.pipe(dir, ours, "lz4 -d -c"));
    }

    @Test
    void everyTruncationAndEveryByteFlipIsAMalformedInputOrTheRightBytes() {
        byte[] data = Tools.text(3000);
        HangGuard.finishes(() -> {
            for (Codec codec : new Codec[] {Codec.LZ4, Codec.LZ4_BLOCK}) {
                byte[] packed = PROVIDER.compressor(codec, 1).compress(data);
                Decompressor d = PROVIDER.decompressor(codec);
                for (int n = 0; n < packed.length; n++) {
                    byte[] cut = Arrays.copyOf(packed, n);
                    if (codec == Codec.LZ4_BLOCK && n > 0) {
                        // A block cut right after a sequence's literals is a valid shorter block.
                        try {
                            byte[] out = new byte[data.length];
                            int k = d.decompress(cut, 0, cut.length, out, 0, out.length);
                            assertTrue(k < data.length, "cut at " + n);
                            assertArrayEquals(Arrays.copyOf(data, k), Arrays.copyOf(out, k), "cut at " + n);
                        } catch (MalformedInputException expected) {
                            assertTrue(expected.getMessage().startsWith("lz4-block: "), expected.getMessage());
                        }
                        continue;
                    }
                    MalformedInputException e = assertThrows(
                            MalformedInputException.class,
                            () -> d.decompress(cut, 0, cut.length, new byte[data.length], 0, data.length),
                            codec.id() + " cut at " + n);
                    assertTrue(e.getMessage().startsWith(codec.id() + ": "), e.getMessage());
                    if (codec == Codec.LZ4) {
                        assertThrows(MalformedInputException.class, () -> d.decompress(cut, 1 << 20));
                    }
                }
                for (int i = 0; i < packed.length; i++) {
                    for (int bit = 0; bit < 8; bit++) {
                        byte[] flipped = packed.clone();
                        flipped[i] ^= (byte) (1 << bit);
                        byte[] out = new byte[data.length + 64];
                        try {
                            int n = d.decompress(flipped, 0, flipped.length, out, 0, data.length);
                            if (codec == Codec.LZ4) {
                                assertArrayEquals(
                                        data, Arrays.copyOf(out, n), "a flip at " + i + " passed the checksum");
                            }
                        } catch (MalformedInputException expected) {
                            // the normal outcome
                        }
                        for (int k = data.length; k < out.length; k++) {
                            assertEquals(0, out[k], "written beyond the range");
                        }
                    }
                }
            }
        });
    }

    @Test
    void badInputNamesTheReasonAndTheOffset() {
        Decompressor d = PROVIDER.decompressor(Codec.LZ4);
        MalformedInputException magic = assertThrows(
                MalformedInputException.class,
                () -> d.decompress("not lz4 at all".getBytes(StandardCharsets.US_ASCII), 100));
        assertTrue(magic.getMessage().contains("not an lz4 frame"), magic.getMessage());
        assertEquals(0, magic.offset());
        MalformedInputException empty =
                assertThrows(MalformedInputException.class, () -> d.decompress(new byte[0], 100));
        assertTrue(empty.getMessage().contains("empty input"), empty.getMessage());
        byte[] packed = PROVIDER.compressor(Codec.LZ4, 1).compress(Tools.text(5000));
        MalformedInputException truncated = assertThrows(
                MalformedInputException.class, () -> d.decompress(Arrays.copyOf(packed, packed.length - 4), 10_000));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] corrupt = packed.clone();
        corrupt[packed.length - 1] ^= 1;
        MalformedInputException checksum =
                assertThrows(MalformedInputException.class, () -> d.decompress(corrupt, 10_000));
        assertTrue(checksum.getMessage().contains("checksum"), checksum.getMessage());
        MalformedInputException block = assertThrows(
                MalformedInputException.class,
                () -> PROVIDER.decompressor(Codec.LZ4_BLOCK).decompress(new byte[] {(byte) 0xF0, 1, 2}, 100));
        assertTrue(block.offset() >= 0, block.getMessage());
    }

    /**
     * The one-byte blocks without literals, as {@code LZ4_decompress_safe} (and so every lz4-block
     * provider) judges them: empty with room to spare, whatever the ignored match half of the token;
     * with no room at all, only {@code 00}.
     */
    @Test
    void aOneByteBlockWithoutLiteralsIsEmptyWithRoomAnd00AloneWithout() {
        Decompressor d = PROVIDER.decompressor(Codec.LZ4_BLOCK);
        for (byte token : new byte[] {0x00, 0x05, 0x0F}) {
            byte[] block = {token};
            assertEquals(0, d.decompress(block, 0, 1, new byte[10], 0, 10), "token " + token);
            assertEquals(0, d.decompress(block, 100).length, "token " + token);
            if (token == 0) {
                assertEquals(0, d.decompress(block, 0, 1, new byte[10], 3, 0), "token 00, no room");
            } else {
                assertThrows(
                        MalformedInputException.class,
                        () -> d.decompress(block, 0, 1, new byte[10], 3, 0),
                        "token " + token + ", no room");
            }
        }
        byte[] oneLiteral = {0x10, 42};
        assertThrows(MalformedInputException.class, () -> d.decompress(oneLiteral, 0, 2, new byte[4], 0, 0));
    }

    @Test
    void aBombStopsAtTheLimitAndATooSmallOutputIsNotOverrun() {
        for (Codec codec : new Codec[] {Codec.LZ4, Codec.LZ4_BLOCK}) {
            byte[] bomb = PROVIDER.compressor(codec, 1).compress(new byte[100 << 20]);
            Decompressor d = PROVIDER.decompressor(codec);
            MalformedInputException e =
                    assertThrows(MalformedInputException.class, () -> d.decompress(bomb, 1 << 20), codec.id());
            assertTrue(
                    e.getMessage().contains("limit of 1048576 bytes")
                            || e.getMessage().contains("1048576 bytes of room"),
                    e.getMessage());
            for (int size : new int[] {10_000, 6 << 20}) {
                byte[] data = Tools.text(size);
                byte[] packed = PROVIDER.compressor(codec, 1).compress(data);
                byte[] out = new byte[size + 100];
                Arrays.fill(out, (byte) 0x5A);
                assertThrows(
                        MalformedInputException.class, () -> d.decompress(packed, 0, packed.length, out, 50, size - 1));
                for (int i = 50 + size - 1; i < out.length; i++) {
                    assertEquals((byte) 0x5A, out[i], "byte " + i + " beyond the given range was written");
                }
            }
        }
    }

    @Test
    void anOutputTooSmallForCompressionSaysSo() {
        for (Codec codec : new Codec[] {Codec.LZ4, Codec.LZ4_BLOCK}) {
            for (int size : new int[] {5000, 400_000}) {
                byte[] random = Tools.random(size);
                Compressor c = PROVIDER.compressor(codec, 1);
                byte[] out = new byte[size];
                Arrays.fill(out, (byte) 0x5A);
                Supplier<String> what = () -> codec.id() + ", " + size + " bytes";
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class, () -> c.compress(random, 0, random.length, out, 0, 100), what);
                assertTrue(e.getMessage().contains("too few"), e.getMessage());
                for (int i = 100; i < out.length; i++) {
                    assertEquals((byte) 0x5A, out[i], what);
                }
            }
        }
    }
}
