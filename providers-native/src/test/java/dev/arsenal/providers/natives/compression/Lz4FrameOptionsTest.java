package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.providers.java.compression.JavaCompressionProvider;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.CompressionProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content checksum and content size of LZ4 frames on and off, in both providers that write
 * frames (native-lz4 and java-compression): checked on the FLG byte, against what {@code lz4
 * --no-frame-crc --content-size} writes, and by decoding every such frame with both providers and
 * the tool.
 */
class Lz4FrameOptionsTest {
    private static final Lz4FfmProvider NATIVE = new Lz4FfmProvider();
    private static final JavaCompressionProvider JAVA = new JavaCompressionProvider();

    @TempDir
    Path dir;

    @BeforeAll
    static void everythingIsHere() {
        ReferenceTools.assumeCommand("lz4");
        Tools.assumeAvailable("liblz4 through FFM", NATIVE.probe(null));
    }

    static Stream<CompressionProvider> providers() {
        return Stream.of(NATIVE, JAVA);
    }

    /** FLG (lz4_Frame_format.md, 3.1): bit 2 is C.Checksum. */
    static boolean hasChecksum(byte[] frame) {
        return (frame[4] & 0x04) != 0;
    }

    /** FLG bit 3 is C.Size. */
    static boolean hasContentSize(byte[] frame) {
        return (frame[4] & 0x08) != 0;
    }

    @ParameterizedTest
    @MethodSource("providers")
    void checksumAndContentSizeGoOnAndOff(CompressionProvider p) throws Exception {
        byte[] input = Tools.text(200_000);
        for (boolean checksum : new boolean[] {true, false}) {
            for (boolean contentSize : new boolean[] {true, false}) {
                CompressionOptions options =
                        CompressionOptions.defaults().withChecksum(checksum).withContentSize(contentSize);
                String what = p + " " + options;
                assertTrue(p.supports(Codec.LZ4, 1, options), what);
                Compressor c = p.compressor(Codec.LZ4, 1, options);
                byte[] frame = c.compress(input);
                assertEquals(checksum, hasChecksum(frame), what);
                assertEquals(contentSize, hasContentSize(frame), what);
                if (contentSize) {
                    assertEquals(input.length, ZstdDictionaryTest.littleEndianInt(frame, 6), what);
                }
                byte[] streamed = ZstdDictionaryTest.streamed(c, input);
                assertEquals(checksum, hasChecksum(streamed), what + " streamed");
                assertFalse(hasContentSize(streamed), what + " streamed: a stream does not know its size");

                for (byte[] f : List.of(frame, streamed)) {
                    Files.write(dir.resolve("f.lz4"), f);
                    ReferenceTools.run(dir, "lz4", "-q", "-d", "-f", "f.lz4", "f.out");
                    assertArrayEquals(input, Files.readAllBytes(dir.resolve("f.out")), what + ", the lz4 tool");
                    for (CompressionProvider decoder : providers().toList()) {
                        assertArrayEquals(input, decoder.decompressor(Codec.LZ4).decompress(f, input.length), what);
                        assertArrayEquals(
                                input,
                                ZstdDictionaryTest.unstreamed(decoder.decompressor(Codec.LZ4), f, input.length),
                                what);
                    }
                }
            }
        }
    }

    /** The FLG byte matches what the tool writes for the same choices. */
    @ParameterizedTest
    @MethodSource("providers")
    void flagsMatchTheTools(CompressionProvider p) throws Exception {
        byte[] input = Tools.text(5000);
        Files.write(dir.resolve("input"), input);
        ReferenceTools.run(
                dir, "lz4", "-q", "-f", "-1", "-BD", "-B4", "--no-frame-crc", "--content-size", "input", "tool.lz4");
        byte[] tool = Files.readAllBytes(dir.resolve("tool.lz4"));
        byte[] ours = p.compressor(Codec.LZ4, 1, CompressionOptions.defaults().withChecksum(false))
                .compress(input);
        // The tool was told to link blocks (-BD); ours are independent (bit 5): compare the rest.
        assertEquals(tool[4] & ~0x20, ours[4] & ~0x20, "FLG");
        assertArrayEquals(input, p.decompressor(Codec.LZ4).decompress(tool, input.length));
    }

    /** A dictionary is not an LZ4 option here, and raw blocks have no options at all. */
    @ParameterizedTest
    @MethodSource("providers")
    void dictionariesAndBlockOptionsAreRefusedWithWhatIsSupported(CompressionProvider p) {
        CompressionOptions dictionary = CompressionOptions.defaults().withDictionary(new byte[] {1, 2, 3});
        assertFalse(p.supports(Codec.LZ4, 1, dictionary));
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> p.compressor(Codec.LZ4, 1, dictionary));
        assertTrue(e.getMessage().contains("checksum on/off"), e.getMessage());
        assertFalse(p.supports(Codec.LZ4_BLOCK, 1, CompressionOptions.defaults().withChecksum(false)));
    }
}
