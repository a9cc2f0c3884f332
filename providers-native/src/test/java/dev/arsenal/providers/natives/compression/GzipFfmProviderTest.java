package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * libdeflate and zlib through FFM: round trips one-shot (libdeflate, and zlib past the in-place
 * limit) and streamed (zlib), the {@code gzip} tool both ways, several members, hostile input.
 */
class GzipFfmProviderTest {
    private static final GzipFfmProvider PROVIDER = new GzipFfmProvider();

    @TempDir
    Path dir;

    @BeforeAll
    static void librariesAreHere() {
        Tools.assumeAvailable("libdeflate and zlib", PROVIDER.probe(null));
    }

    @Test
    void selfTestPassesOnTheToolFrames() {
        SelfTest t = PROVIDER.selfTest(Codec.GZIP);
        assertTrue(t.passed(), t.detail());
    }

    @Test
    void probeSaysWhichLibraryIsMissing() {
        var noDeflate = GzipFfmBindings.bind(dir.resolve("no-libdeflate.so").toString(), null);
        assertFalse(noDeflate.availability().isAvailable());
        assertTrue(
                noDeflate.availability().cause().startsWith("libdeflate"),
                noDeflate.availability().cause());
        var noZlib = GzipFfmBindings.bind(null, dir.resolve("no-libz.so").toString());
        assertFalse(noZlib.availability().isAvailable());
        assertTrue(
                noZlib.availability().cause().startsWith("zlib"),
                noZlib.availability().cause());
        // libdeflate in place of zlib: found, but without zlib's symbols.
        var wrong = GzipFfmBindings.bind(null, "/lib/x86_64-linux-gnu/libdeflate.so.0");
        if (Files.exists(Path.of("/lib/x86_64-linux-gnu/libdeflate.so.0"))) {
            assertTrue(
                    wrong.availability().cause().contains("lacks the symbol"),
                    wrong.availability().cause());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6, 9})
    void roundTripsAtEveryLevel(int level) throws IOException {
        Compressor c = PROVIDER.compressor(Codec.GZIP, level);
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        for (int size : new int[] {0, 1, 100, 64 * 1024 + 5, 300 * 1024 + 7, 5 << 20}) {
            String what = "level " + level + ", " + size + " bytes";
            byte[] data = Tools.text(size);
            byte[] packed = c.compress(data);
            assertTrue(packed.length <= c.maxCompressedLength(size), what);
            assertArrayEquals(data, d.decompress(packed, size), what);
            byte[] out = new byte[size + 10];
            assertEquals(size, d.decompress(packed, 0, packed.length, out, 5, size), what);
            assertArrayEquals(data, Arrays.copyOfRange(out, 5, 5 + size), what);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
                assertArrayEquals(data, in.readAllBytes(), what + ", the JDK's reader");
            }
        }
    }

    @Test
    void streamsWriteAndReadInOddChunks() throws IOException {
        Tools.assertStreamsRoundTripInOddChunks(PROVIDER.compressor(Codec.GZIP, 6), PROVIDER.decompressor(Codec.GZIP));
    }

    @Test
    void theGzipToolReadsWhatThisWrites() throws Exception {
        ReferenceTools.assumeCommand("gzip");
        byte[] data = Tools.text(700_000);
        for (int level : new int[] {1, 6, 9}) {
            byte[] packed = PROVIDER.compressor(Codec.GZIP, level).compress(data);
            assertArrayEquals(data, ReferenceTools.pipe(dir, packed, "gzip -d -c"), "gzip -d of level " + level);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = PROVIDER.compressor(Codec.GZIP, level).compressing(sink)) {
                out.write(data);
            }
            assertArrayEquals(
                    data,
                    ReferenceTools.pipe(dir, sink.toByteArray(), "gzip -d -c"),
                    "gzip -d of a stream, level " + level);
        }
        byte[] empty = PROVIDER.compressor(Codec.GZIP, 6).compress(new byte[0]);
        assertEquals(0, ReferenceTools.pipe(dir, empty, "gzip -d -c").length);
    }

    @Test
    void thisReadsWhatTheGzipToolWritesIncludingSeveralMembers() throws Exception {
        ReferenceTools.assumeCommand("gzip");
        byte[] data = Tools.text(1_500_000);
        byte[] small = Tools.text(40_000);
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        for (String options : new String[] {"-1", "-6", "-9"}) {
            for (byte[] input : new byte[][] {data, small}) {
                byte[] packed = ReferenceTools.pipe(dir, input, "gzip -c " + options);
                String what = "gzip " + options + ", " + input.length + " bytes";
                assertArrayEquals(input, d.decompress(packed, input.length), what);
                byte[] out = new byte[input.length];
                assertEquals(input.length, d.decompress(packed, 0, packed.length, out, 0, out.length), what);
                assertArrayEquals(input, out, what);
            }
        }
        // A file with its name (FNAME) in the header, and three members: gzip -c a b c > all.
        Files.write(dir.resolve("a"), small);
        Files.write(dir.resolve("b"), new byte[0]);
        Files.write(dir.resolve("c"), data);
        ReferenceTools.shell(dir, "gzip -c -9 a b c > all.gz");
        byte[] all = Files.readAllBytes(dir.resolve("all.gz"));
        byte[] expected = Tools.concat(small, data);
        assertArrayEquals(expected, d.decompress(all, expected.length));
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, d.decompress(all, 0, all.length, out, 0, out.length));
        assertArrayEquals(expected, out);
        try (InputStream in = d.decompressing(new ByteArrayInputStream(all), expected.length)) {
            assertArrayEquals(expected, in.readAllBytes());
        }
        // Small members: the in-place libdeflate path, member after member.
        byte[] members = Tools.concat(
                ReferenceTools.pipe(dir, small, "gzip -c -1"),
                PROVIDER.compressor(Codec.GZIP, 9).compress(small),
                PROVIDER.compressor(Codec.GZIP, 1).compress(new byte[0]));
        byte[] twice = new byte[2 * small.length];
        assertEquals(twice.length, d.decompress(members, 0, members.length, twice, 0, twice.length));
        assertArrayEquals(Tools.concat(small, small), twice);
        // And the tool reads our members.
        assertArrayEquals(Tools.concat(small, small), ReferenceTools.pipe(dir, members, "gzip -d -c"));
    }

    @Test
    void everyTruncationAndEveryByteFlipIsAMalformedInputOrTheRightBytes() {
        byte[] data = Tools.text(3000);
        byte[] packed = PROVIDER.compressor(Codec.GZIP, 6).compress(data);
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        HangGuard.finishes(() -> {
            for (int n = 0; n < packed.length; n++) {
                byte[] cut = Arrays.copyOf(packed, n);
                MalformedInputException e = assertThrows(
                        MalformedInputException.class,
                        () -> d.decompress(cut, 0, cut.length, new byte[data.length], 0, data.length),
                        "cut at " + n);
                assertTrue(e.getMessage().startsWith("gzip: "), e.getMessage());
                assertThrows(MalformedInputException.class, () -> d.decompress(cut, 1 << 20), "cut at " + n);
            }
            for (int i = 0; i < packed.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = packed.clone();
                    flipped[i] ^= (byte) (1 << bit);
                    byte[] out = new byte[data.length + 64];
                    try {
                        int n = d.decompress(flipped, 0, flipped.length, out, 0, data.length);
                        // Only header bits the CRC does not cover (MTIME, XFL, OS) may pass.
                        assertArrayEquals(data, Arrays.copyOf(out, n), "a flip at " + i + " passed the CRC");
                    } catch (MalformedInputException expected) {
                        // the normal outcome
                    }
                    for (int k = data.length; k < out.length; k++) {
                        assertEquals(0, out[k], "written beyond the range");
                    }
                }
            }
        });
    }

    @Test
    void badInputNamesTheReasonAndTheOffset() {
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        MalformedInputException magic = assertThrows(
                MalformedInputException.class,
                () -> d.decompress("not gzip at all".getBytes(StandardCharsets.US_ASCII), 100));
        assertTrue(magic.getMessage().contains("not a gzip member"), magic.getMessage());
        MalformedInputException empty =
                assertThrows(MalformedInputException.class, () -> d.decompress(new byte[0], 100));
        assertTrue(empty.getMessage().contains("empty input"), empty.getMessage());
        byte[] packed = PROVIDER.compressor(Codec.GZIP, 6).compress(Tools.text(5000));
        MalformedInputException truncated = assertThrows(
                MalformedInputException.class, () -> d.decompress(Arrays.copyOf(packed, packed.length - 4), 10_000));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] corrupt = packed.clone();
        corrupt[packed.length - 6] ^= 1; // in the CRC-32
        MalformedInputException crc = assertThrows(
                MalformedInputException.class, () -> d.decompress(corrupt, 0, corrupt.length, new byte[5000], 0, 5000));
        assertTrue(crc.getMessage().contains("CRC-32"), crc.getMessage());
        assertEquals(corrupt.length - 8, crc.offset(), crc.getMessage()); // the CRC-32 field
    }

    @Test
    void aBombStopsAtTheLimitAndATooSmallOutputIsNotOverrun() {
        byte[] bomb = PROVIDER.compressor(Codec.GZIP, 6).compress(new byte[100 << 20]);
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(bomb, 1 << 20));
        assertTrue(
                e.getMessage().contains("limit of 1048576 bytes")
                        || e.getMessage().contains("1048576 bytes of room"),
                e.getMessage());
        for (int size : new int[] {10_000, 6 << 20}) {
            byte[] data = Tools.text(size);
            byte[] packed = PROVIDER.compressor(Codec.GZIP, 1).compress(data);
            byte[] out = new byte[size + 100];
            Arrays.fill(out, (byte) 0x5A);
            assertThrows(
                    MalformedInputException.class, () -> d.decompress(packed, 0, packed.length, out, 50, size - 1));
            for (int i = 50 + size - 1; i < out.length; i++) {
                assertEquals((byte) 0x5A, out[i], "byte " + i + " beyond the given range was written");
            }
        }
    }

    /**
     * Inputs past the in-place limit: libdeflate through native copies sized by the last member's
     * ISIZE, and zlib where that claim does not hold (several members, a corrupted member, a false
     * ISIZE). Each gives the right bytes or the right error.
     */
    @Test
    void largeInputsDecodeWholeOrFailWithTheReason() {
        byte[] data = Tools.concat(Tools.random(400_000), Tools.text(900_000));
        Compressor c = PROVIDER.compressor(Codec.GZIP, 6);
        Decompressor d = PROVIDER.decompressor(Codec.GZIP);
        byte[] packed = c.compress(data);
        assertTrue(packed.length > 256 * 1024, "the input must be past the in-place limit: " + packed.length);
        byte[] out = new byte[data.length + 1];
        assertEquals(data.length, d.decompress(packed, 0, packed.length, out, 0, out.length));
        assertArrayEquals(data, Arrays.copyOf(out, data.length));
        assertArrayEquals(data, d.decompress(packed, Integer.MAX_VALUE));

        byte[] two = Tools.concat(packed, packed);
        byte[] both = Tools.concat(data, data);
        byte[] room = new byte[both.length];
        assertEquals(both.length, d.decompress(two, 0, two.length, room, 0, room.length), "two members");
        assertArrayEquals(both, room);
        assertArrayEquals(both, d.decompress(two, both.length));

        byte[] corrupt = packed.clone();
        corrupt[packed.length / 2] ^= 0x55;
        MalformedInputException bad = assertThrows(
                MalformedInputException.class, () -> d.decompress(corrupt, 0, corrupt.length, out, 0, out.length));
        assertTrue(bad.offset() > 0, bad.getMessage());

        byte[] lying = packed.clone();
        lying[lying.length - 4]++; // ISIZE one more than the data
        MalformedInputException size = assertThrows(
                MalformedInputException.class, () -> d.decompress(lying, 0, lying.length, out, 0, out.length));
        assertTrue(size.getMessage().contains("length mismatch"), size.getMessage());
        assertThrows(MalformedInputException.class, () -> d.decompress(lying, Integer.MAX_VALUE));
    }

    @Test
    void anOutputTooSmallForCompressionSaysSo() {
        for (int size : new int[] {5000, 400_000}) {
            byte[] random = Tools.random(size);
            Compressor c = PROVIDER.compressor(Codec.GZIP, 6);
            byte[] out = new byte[size];
            Arrays.fill(out, (byte) 0x5A);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> c.compress(random, 0, random.length, out, 0, 100));
            assertTrue(e.getMessage().contains("too few"), e.getMessage());
            for (int i = 100; i < out.length; i++) {
                assertEquals((byte) 0x5A, out[i]);
            }
        }
    }
}
