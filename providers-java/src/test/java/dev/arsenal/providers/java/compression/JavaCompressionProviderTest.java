package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compression contract for the pure-Java provider, plus what is particular to it: the LZ4
 * frame features the contract's own frames do not use (linked blocks, block checksums, content
 * size, stored blocks, skippable and concatenated frames) from frames the {@code lz4} tool wrote
 * (test resources, see their README), gzip members with names and several members, and the tools
 * decoding what this provider writes (skipped when a tool is not on the PATH, failed instead under
 * {@code -Darsenal.test.requireNative=true}).
 */
class JavaCompressionProviderTest extends AbstractCompressionProviderContractTest {
    private final JavaCompressionProvider java = new JavaCompressionProvider();

    @Override
    protected CompressionProvider provider() {
        return new JavaCompressionProvider();
    }

    @Test
    void servesEveryCodecAtTheLevelsItHas() {
        JavaCompressionProvider provider = new JavaCompressionProvider();
        assertEquals("java-compression", provider.id());
        assertEquals(ProviderKind.JAVA, provider.kind());
        assertEquals(EnumSet.of(Codec.LZ4, Codec.LZ4_BLOCK, Codec.ZSTD, Codec.GZIP), provider.algorithms());
        assertTrue(provider.probe(null).isAvailable());
        for (Codec codec : provider.algorithms()) {
            for (Strategy strategy : Strategy.values()) {
                assertEquals(100, provider.rank(codec, strategy));
            }
            for (int level = codec.minLevel(); level <= codec.maxLevel(); level++) {
                boolean expected = switch (codec) {
                    case LZ4, LZ4_BLOCK -> level >= 1 && level <= 12;
                    case ZSTD -> level >= -7 && level <= 9;
                    case GZIP -> true;
                    case LZ4_SHUFFLE, ZSTD_SHUFFLE -> false;
                };
                assertEquals(expected, provider.supports(codec, level), codec.id() + " level " + level);
                if (!expected) {
                    int l = level;
                    IllegalArgumentException e =
                            assertThrows(IllegalArgumentException.class, () -> provider.compressor(codec, l));
                    assertTrue(e.getMessage().contains(provider.supportedLevels(codec)), e.getMessage());
                }
            }
            assertFalse(provider.supportedLevels(codec).isBlank());
        }
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == JavaCompressionProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists JavaCompressionProvider");
    }

    // ---- LZ4 frames the lz4 tool wrote ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lines-linked.lz4",
                "lines-linked-blockcrc.lz4",
                "lines-independent-contentsize.lz4",
                "lines-linked-nocrc.lz4",
                "lines-hc-linked.lz4",
                "rep-linked.lz4",
                "lcg-stored.lz4"
            })
    void lz4ToolFramesDecode(String name) throws IOException {
        byte[] frame = resource(name);
        byte[] expected = name.startsWith("lines") ? lines() : name.startsWith("rep") ? rep() : lcg();
        Decompressor d = java.decompressor(Codec.LZ4);
        assertArrayEquals(expected, d.decompress(frame, expected.length), name);
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, d.decompress(frame, 0, frame.length, out, 0, out.length), name);
        assertArrayEquals(expected, out, name + " into an array");
        try (InputStream in = d.decompressing(new ByteArrayInputStream(frame), Long.MAX_VALUE)) {
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            byte[] odd = new byte[777];
            for (int n = in.read(odd); n >= 0; n = in.read(odd)) {
                back.write(odd, 0, n);
            }
            assertArrayEquals(expected, back.toByteArray(), name + " streamed");
        }
    }

    @Test
    void linkedBlocksReachIntoTheBlockBefore() throws IOException {
        byte[] frame = resource("rep-linked.lz4");
        // FLG 0x44: version 1, linked blocks, content checksum.
        assertEquals(0x44, frame[4] & 0xFF);
        assertArrayEquals(rep(), java.decompressor(Codec.LZ4).decompress(frame, 200_000));
    }

    @Test
    void skippableAndConcatenatedFramesDecode() throws IOException {
        byte[] skippable = {0x53, 0x2A, 0x4D, 0x18, 5, 0, 0, 0, 1, 2, 3, 4, 5};
        byte[] emptySkippable = {0x5F, 0x2A, 0x4D, 0x18, 0, 0, 0, 0};
        byte[] input = concat(
                skippable,
                resource("lines-linked.lz4"),
                emptySkippable,
                resource("rep-linked.lz4"),
                java.compressor(Codec.LZ4, 1).compress(new byte[] {7}),
                skippable);
        byte[] expected = concat(lines(), rep(), new byte[] {7});
        Decompressor d = java.decompressor(Codec.LZ4);
        assertArrayEquals(expected, d.decompress(input, expected.length));
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> d.decompress(Arrays.copyOf(skippable, skippable.length - 1), 100),
                "a cut skippable frame");
        assertTrue(e.getMessage().contains("skippable"), e.getMessage());
    }

    @Test
    void lz4FrameErrorsNameTheProblemAndOffset() throws IOException {
        Decompressor d = java.decompressor(Codec.LZ4);
        byte[] blockCrc = resource("lines-linked-blockcrc.lz4");
        byte[] bad = blockCrc.clone();
        bad[100] ^= 1; // inside the first block's data
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(bad, 1 << 20));
        assertTrue(e.reason().contains("block checksum mismatch"), e.getMessage());
        assertTrue(e.offset() > 100, e.getMessage());
        byte[] badHeader = blockCrc.clone();
        badHeader[6] ^= 1; // the header checksum
        e = assertThrows(MalformedInputException.class, () -> d.decompress(badHeader, 1 << 20));
        assertTrue(e.reason().contains("header checksum"), e.getMessage());
        assertEquals(6, e.offset());
        byte[] contentSize = resource("lines-independent-contentsize.lz4");
        byte[] wrongSize = contentSize.clone();
        wrongSize[6] ^= 1; // content size, low byte; fix the header checksum so that the size is what fails
        wrongSize[14] = (byte) (Lz4FrameJava.xxh32(wrongSize, 4, 10) >>> 8);
        e = assertThrows(MalformedInputException.class, () -> d.decompress(wrongSize, 1 << 20));
        assertTrue(e.reason().contains("content size") || e.reason().contains("header says"), e.getMessage());
    }

    // ---- gzip members the gzip tool wrote ----

    @Test
    void gzipMembersWithNamesAndSeveralMembersDecode() throws IOException {
        Decompressor d = java.decompressor(Codec.GZIP);
        assertArrayEquals(lines(), d.decompress(resource("lines.gz"), 1 << 20), "gzip -9 with FNAME");
        byte[] expected = concat(lines(), "hello\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, d.decompress(resource("multi.gz"), 1 << 20), "two members");
        byte[] trailing = concat(resource("lines.gz"), new byte[] {0, 0, 0, 0});
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(trailing, 1 << 20));
        assertEquals(resource("lines.gz").length, e.offset(), e.getMessage());
    }

    @Test
    void headerChecksumAndExtraFieldAreRead() {
        byte[] body = java.compressor(Codec.GZIP, 6).compress("extra".getBytes(StandardCharsets.US_ASCII));
        // Rebuild the header with FEXTRA, FCOMMENT and FHCRC.
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 0x02 | 0x04 | 0x10, 0, 0, 0, 0, 0, 3});
        h.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        h.writeBytes("a comment\0".getBytes(StandardCharsets.US_ASCII));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(h.toByteArray());
        int crc16 = (int) crc.getValue() & 0xFFFF;
        h.write(crc16);
        h.write(crc16 >>> 8);
        h.writeBytes(Arrays.copyOfRange(body, 10, body.length));
        byte[] member = h.toByteArray();
        Decompressor d = java.decompressor(Codec.GZIP);
        assertArrayEquals("extra".getBytes(StandardCharsets.US_ASCII), d.decompress(member, 100));
        member[member.length - body.length + 10 - 1] ^= 1;
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.decompress(member, 100));
        assertTrue(e.reason().contains("header checksum"), e.getMessage());
    }

    // ---- the reference tools decode what this provider writes ----

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd", "gzip"})
    void theToolsDecodeWhatThisProviderWrites(String tool, @TempDir Path dir) throws Exception {
        ReferenceTools.assumeCommand(tool);
        Codec codec = Codec.byId(tool);
        int level = codec == Codec.ZSTD ? 3 : codec == Codec.GZIP ? 9 : 1;
        Compressor c = java.compressor(codec, level);
        byte[] input = concat(lines(), rep());
        Path oneShot = dir.resolve("one-shot");
        Files.write(oneShot, c.compress(input));
        Path streamed = dir.resolve("streamed");
        try (OutputStream out = c.compressing(Files.newOutputStream(streamed))) {
            for (int p = 0; p < input.length; p += 9999) {
                out.write(input, p, Math.min(9999, input.length - p));
            }
        }
        for (Path file : List.of(oneShot, streamed)) {
            Process p = new ProcessBuilder(tool, "-d", "-c", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] back = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), tool + " -d exit status for " + file.getFileName());
            assertArrayEquals(input, back, tool + " -d of " + file.getFileName());
        }
    }

    // ---- inputs ----

    /** "line %d of the arsenal lz4 frame test\n" for 0..4999. */
    private static byte[] lines() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            s.append("line ").append(i).append(" of the arsenal lz4 frame test\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** 40000 bytes of a linear congruential generator. */
    private static byte[] lcg() {
        byte[] b = new byte[40_000];
        long x = 1;
        for (int i = 0; i < b.length; i++) {
            x = (x * 1103515245L + 12345) & 0x7FFF_FFFFL;
            b[i] = (byte) (x >>> 16);
        }
        return b;
    }

    /** {@link #lcg()} five times. */
    private static byte[] rep() {
        byte[] one = lcg();
        return concat(one, one, one, one, one);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JavaCompressionProviderTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
