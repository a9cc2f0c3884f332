package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arsenal.compression.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames the {@code lz4} tool (1.9.4) wrote once, kept as test resources (see their README): their
 * blocks are the blocks written here byte for byte, at the fast compressor's level and LZ4 HC's,
 * whether or not the tool is installed ({@link Lz4ToolInteropTest} checks the corpora with the live
 * tool).
 */
class Lz4ReferenceFramesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "text-5000.L1",
                "text-5000.L2",
                "text-5000.L3",
                "text-5000.L9",
                "text-5000.L10",
                "text-5000.L11",
                "text-5000.L12",
                "text-70000.L1",
                "text-70000.L9",
                "text-70000.L12",
                "period-7-65547.L1",
                "period-7-65547.L12"
            })
    void theToolsBlocksAreTheBlocksWrittenHere(String name) throws IOException {
        byte[] frame = resource("lz4-reference/" + name + ".lz4");
        int dot = name.lastIndexOf(".L");
        int dash = name.lastIndexOf('-', dot);
        int level = Integer.parseInt(name.substring(dot + 2));
        byte[] input = Lz4FastEncoderTest.input(
                name.substring(0, dash).replace('-', ' '), Integer.parseInt(name.substring(dash + 1, dot)));
        // The tool's levels 1 and 2 are the fast compressor; 3 and up LZ4 HC.
        int blockLevel = level < Lz4FrameJava.FIRST_HC_LEVEL ? 1 : level;
        assertEquals(Lz4FrameJava.MAGIC, Lz4FrameJava.getIntLE(frame, 0), name);
        int blockSize = Lz4FrameJava.blockSize((frame[5] >>> 4) & 7);
        int at = 7; // magic, FLG, BD, header checksum: no content size
        for (int p = 0; p < input.length; p += blockSize) {
            int length = Math.min(blockSize, input.length - p);
            int size = Lz4FrameJava.getIntLE(frame, at);
            byte[] ours = new byte[Lz4BlockJava.maxBlockLength(length)];
            int n = Lz4BlockJava.compressBlock(blockLevel, input, p, length, ours, 0, length - 1);
            assertArrayEquals(Arrays.copyOfRange(frame, at + 4, at + 4 + size), Arrays.copyOf(ours, n), name);
            at += 4 + size;
        }
        assertEquals(0, Lz4FrameJava.getIntLE(frame, at), name + ": the end mark");
        assertArrayEquals(
                input, new JavaCompressionProvider().decompressor(Codec.LZ4).decompress(frame, input.length), name);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Lz4ReferenceFramesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
