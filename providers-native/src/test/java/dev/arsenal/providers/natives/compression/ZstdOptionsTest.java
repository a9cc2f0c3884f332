package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checksum and content size on and off in both native zstd providers, one-shot and in streams told
 * the size, checked on the frame header bytes, with libzstd's {@code ZSTD_getFrameContentSize} and
 * with {@code zstd -lv}; every such frame decodes with both providers and the tool.
 */
class ZstdOptionsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void everythingIsHere() {
        ReferenceTools.assumeCommand("zstd");
        Tools.assumeAvailable("zstd-jni", ZstdDictionaryTest.JNI.probe(null));
        Tools.assumeAvailable("libzstd through FFM", ZstdDictionaryTest.FFM.probe(null));
    }

    static Stream<CompressionProvider> providers() {
        return ZstdDictionaryTest.providers();
    }

    /** Frame_Header_Descriptor (RFC 8878, 3.1.1.1.1): bit 2 is Content_Checksum_flag. */
    static boolean hasChecksum(byte[] frame) {
        return (frame[4] & 0x04) != 0;
    }

    /** A content size is present when Frame_Content_Size_flag (bits 6-7) or Single_Segment_flag (bit 5) is set. */
    static boolean hasContentSize(byte[] frame) {
        return (frame[4] & 0xE0) != 0;
    }

    @ParameterizedTest
    @MethodSource("providers")
    void checksumAndContentSizeGoOnAndOff(CompressionProvider p) throws Exception {
        byte[] input = Tools.text(10_000);
        Files.write(dir.resolve("input"), input);
        for (boolean checksum : new boolean[] {true, false}) {
            for (boolean contentSize : new boolean[] {true, false}) {
                CompressionOptions options =
                        CompressionOptions.defaults().withChecksum(checksum).withContentSize(contentSize);
                assertTrue(p.supports(Codec.ZSTD, 3, options));
                String what = p + " " + options;
                Compressor c = p.compressor(Codec.ZSTD, 3, options);
                byte[] frame = c.compress(input);
                assertEquals(checksum, hasChecksum(frame), what);
                assertEquals(contentSize, hasContentSize(frame), what);
                assertEquals(contentSize ? input.length : -1L, Zstd.getFrameContentSize(frame), what);

                Files.write(dir.resolve("f.zst"), frame);
                String listing = ReferenceTools.run(dir, "zstd", "-lv", "f.zst");
                assertEquals(checksum, listing.contains("Check: XXH64"), listing);
                assertEquals(!checksum, listing.contains("Check: None"), listing);
                assertEquals(contentSize, listing.contains("Decompressed Size:"), listing);
                ReferenceTools.run(dir, "zstd", "-q", "-d", "-f", "f.zst", "-o", "f.out");
                assertArrayEquals(input, Files.readAllBytes(dir.resolve("f.out")), what);

                for (CompressionProvider decoder :
                        ZstdDictionaryTest.providers().toList()) {
                    assertArrayEquals(input, decoder.decompressor(Codec.ZSTD).decompress(frame, input.length), what);
                    assertArrayEquals(
                            input,
                            ZstdDictionaryTest.unstreamed(decoder.decompressor(Codec.ZSTD), frame, input.length),
                            what);
                }

                // A stream not told the size cannot record it; the checksum follows the options.
                byte[] streamed = ZstdDictionaryTest.streamed(c, input);
                assertEquals(checksum, hasChecksum(streamed), what + " streamed");
                assertFalse(hasContentSize(streamed), what + " streamed");
                assertArrayEquals(input, p.decompressor(Codec.ZSTD).decompress(streamed, input.length), what);

                // Told the size, it records it as the options say, and zstd -lv reads it.
                ByteArrayOutputStream sized = new ByteArrayOutputStream();
                try (OutputStream out = c.compressing(sized, input.length)) {
                    out.write(input);
                }
                byte[] sizedFrame = sized.toByteArray();
                assertEquals(checksum, hasChecksum(sizedFrame), what + " streamed with its size");
                assertEquals(contentSize, hasContentSize(sizedFrame), what + " streamed with its size");
                Files.write(dir.resolve("s.zst"), sizedFrame);
                String sizedListing = ReferenceTools.run(dir, "zstd", "-lv", "s.zst");
                assertEquals(contentSize, sizedListing.contains("Decompressed Size: 9.77 KiB (10000 B)"), sizedListing);
                assertArrayEquals(input, p.decompressor(Codec.ZSTD).decompress(sizedFrame, input.length), what);
            }
        }
    }

    /** What {@code zstd --no-check} writes equals, in its header, what checksum off writes. */
    @ParameterizedTest
    @MethodSource("providers")
    void checksumOffMatchesTheToolsNoCheck(CompressionProvider p) throws Exception {
        byte[] input = Tools.text(5000);
        Files.write(dir.resolve("input"), input);
        ReferenceTools.run(dir, "zstd", "-q", "-3", "--no-check", "input", "-o", "tool.zst");
        byte[] tool = Files.readAllBytes(dir.resolve("tool.zst"));
        byte[] ours = p.compressor(Codec.ZSTD, 3, CompressionOptions.defaults().withChecksum(false))
                .compress(input);
        assertEquals(tool[4], ours[4], "Frame_Header_Descriptor");
        assertArrayEquals(input, p.decompressor(Codec.ZSTD).decompress(tool, input.length));
    }

    /** Options and a dictionary together. */
    @ParameterizedTest
    @MethodSource("providers")
    void optionsCombineWithADictionary(CompressionProvider p) throws Exception {
        byte[] dictionary = p.trainDictionary(Codec.ZSTD, ZstdDictionaryTest.records(1000, 51), 8 * 1024);
        Files.write(dir.resolve("d.dict"), dictionary);
        CompressionOptions options = CompressionOptions.defaults()
                .withChecksum(false)
                .withContentSize(false)
                .withDictionary(dictionary);
        byte[] record = ZstdDictionaryTest.records(1, 52).getFirst();
        byte[] frame = p.compressor(Codec.ZSTD, 3, options).compress(record);
        assertFalse(hasChecksum(frame));
        assertFalse(hasContentSize(frame));
        Files.write(dir.resolve("d.zst"), frame);
        ReferenceTools.run(dir, "zstd", "-q", "-d", "-D", "d.dict", "d.zst", "-o", "d.out");
        assertArrayEquals(record, Files.readAllBytes(dir.resolve("d.out")));
        for (CompressionProvider decoder : ZstdDictionaryTest.providers().toList()) {
            assertArrayEquals(record, decoder.decompressor(Codec.ZSTD, options).decompress(frame, 1000));
        }

        // A stream told its size, with the dictionary and the size recorded.
        CompressionOptions sizedOptions = options.withContentSize(true);
        ByteArrayOutputStream sized = new ByteArrayOutputStream();
        try (OutputStream out = p.compressor(Codec.ZSTD, 3, sizedOptions).compressing(sized, record.length)) {
            out.write(record);
        }
        assertEquals(record.length, Zstd.getFrameContentSize(sized.toByteArray()));
        Files.write(dir.resolve("s.zst"), sized.toByteArray());
        ReferenceTools.run(dir, "zstd", "-q", "-d", "-f", "-D", "d.dict", "s.zst", "-o", "s.out");
        assertArrayEquals(record, Files.readAllBytes(dir.resolve("s.out")));
    }
}
