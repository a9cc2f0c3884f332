package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.spi.ReferenceTools;
import dev.arsenal.spi.TestData;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code lz4} command (1.9.4 when written) against this package's LZ4 compressors: it decodes
 * the blocks and frames written here, its own blocks are byte for byte {@link Lz4FastEncoder}'s and
 * (levels 3 to 8) {@link Lz4HcEncoder}'s, and the frames written here of the Canterbury and Calgary files are
 * within 1% of its {@code lz4 -1}'s. Skipped when {@code lz4} is not on the PATH, failed instead under
 * {@code -Darsenal.test.requireNative=true}. The corpus comes from the project's test data.
 */
class Lz4ToolInteropTest {

    @BeforeAll
    static void lz4OnThePath() {
        ReferenceTools.assumeCommand("lz4");
    }

    /**
     * Raw blocks of levels 1, 2 and 9, each put in a frame of its own (4 MiB blocks, no checksum),
     * all in one file.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9, 10, 12})
    void theToolDecodesTheBlocks(int level, @TempDir Path dir) throws Exception {
        List<byte[]> inputs = inputs();
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] input : inputs) {
            byte[] block = new byte[Lz4BlockJava.maxBlockLength(input.length)];
            int n = Lz4BlockJava.compressBlock(level, input, 0, input.length, block, 0, block.length);
            byte[] header = new byte[Lz4FrameJava.MAX_HEADER];
            frames.write(header, 0, Lz4FrameJava.writeHeader(header, 0, 7, -1, false));
            frames.write(intLE(n));
            frames.write(block, 0, n);
            frames.write(intLE(0));
            expected.writeBytes(input);
        }
        byte[] out = ReferenceTools.pipe(dir, frames.toByteArray(), "lz4 -d -c");
        assertArrayEquals(expected.toByteArray(), out, "lz4 -d of " + inputs.size() + " blocks, level " + level);
    }

    /**
     * Frames of this provider at levels 1 and 9, one-shot and streamed, with and without checksum and
     * content size.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 9, 12})
    void theToolDecodesTheFrames(int level, @TempDir Path dir) throws Exception {
        JavaCompressionProvider provider = new JavaCompressionProvider();
        for (CompressionOptions options : List.of(
                CompressionOptions.defaults(),
                CompressionOptions.defaults().withChecksum(false).withContentSize(false))) {
            var c = provider.compressor(Codec.LZ4, level, options);
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (byte[] input : inputs()) {
                frames.writeBytes(c.compress(input));
                ByteArrayOutputStream streamed = new ByteArrayOutputStream();
                try (OutputStream s = c.compressing(streamed)) {
                    for (int p = 0; p < input.length; p += 40_000) {
                        s.write(input, p, Math.min(40_000, input.length - p));
                    }
                }
                frames.writeBytes(streamed.toByteArray());
                expected.writeBytes(input);
                expected.writeBytes(input);
            }
            byte[] out = ReferenceTools.pipe(dir, frames.toByteArray(), "lz4 -d -c");
            assertArrayEquals(expected.toByteArray(), out, "lz4 -d, level " + level + ", " + options);
        }
    }

    /**
     * The encoders' parses and tables are liblz4's: the blocks in a frame of {@code lz4 -1} (the
     * smallest block size that holds the input, 4 MiB at most) are the blocks written here, or stored
     * when they do not shrink (and then too long here for the room the tool gives: the block's length
     * less one); so are those of {@code lz4 -3} to {@code -8}, LZ4 HC. Level 9 is left out: liblz4's
     * pattern analysis, which this encoder does not have, changes a few matches there.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void blocksAreTheToolsBlocks(int level, @TempDir Path dir) throws Exception {
        List<byte[]> inputs = new ArrayList<>(inputs());
        for (Path file : corpus()) {
            inputs.add(Files.readAllBytes(file));
        }
        for (byte[] input : inputs) {
            byte[] frame = ReferenceTools.pipe(dir, input, "lz4 -" + level + " -c");
            int blockSize = Lz4FrameJava.blockSize((frame[5] >>> 4) & 7);
            int at = 7;
            for (int p = 0; p < input.length; p += blockSize) {
                int length = Math.min(blockSize, input.length - p);
                int size = Lz4FrameJava.getIntLE(frame, at);
                byte[] ours = new byte[Lz4BlockJava.maxBlockLength(length)];
                int n = Lz4BlockJava.compressBlock(level, input, p, length, ours, 0, length - 1);
                String what = "level " + level + ", " + input.length + " bytes, block at " + p;
                if (size < 0) {
                    assertEquals(-1, n, what + ": lz4 stored it");
                    size &= 0x7FFF_FFFF;
                } else {
                    assertArrayEquals(Arrays.copyOfRange(frame, at + 4, at + 4 + size), Arrays.copyOf(ours, n), what);
                }
                at += 4 + size;
            }
            assertEquals(0, Lz4FrameJava.getIntLE(frame, at), input.length + " bytes: the end mark");
        }
    }

    /** Per file, this provider's one-shot frame is at most 1% larger than {@code lz4 -N}'s. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 9, 12})
    void framesOfTheCorporaAreWithin1PercentOfTheTools(int level, @TempDir Path dir) throws Exception {
        List<Path> files = corpus();
        var c = new JavaCompressionProvider().compressor(Codec.LZ4, level);
        long oursTotal = 0;
        long theirsTotal = 0;
        StringBuilder report = new StringBuilder();
        for (Path file : files) {
            byte[] input = Files.readAllBytes(file);
            int ours = c.compress(input).length;
            int theirs = ReferenceTools.pipe(dir, input, "lz4 -" + level + " -c").length;
            oursTotal += ours;
            theirsTotal += theirs;
            report.append(String.format(
                    "%s %d: ours %d, lz4 -%d %d%n", file.getFileName(), input.length, ours, level, theirs));
            if (ours > theirs * 1.01) {
                fail(file + ": " + ours + " bytes, lz4 -" + level + " writes " + theirs + "\n" + report);
            }
        }
        assertTrue(oursTotal <= theirsTotal * 1.01, report.toString());
    }

    // ---- helpers ----

    /** Inputs around the encoder's corners, each below 4 MiB. */
    private static List<byte[]> inputs() {
        List<byte[]> inputs = new ArrayList<>();
        for (String kind : List.of("zeros", "random", "text", "period 7")) {
            for (int length : new int[] {
                0, 1, 12, 13, 14, 64, 1000, 65_535, Lz4FastEncoder.SMALL_INPUT - 1, Lz4FastEncoder.SMALL_INPUT, 300_000
            }) {
                inputs.add(Lz4FastEncoderTest.input(kind, length));
            }
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append("line ").append(i).append(" of the lz4 interop test\n");
        }
        inputs.add(lines.toString().getBytes(StandardCharsets.US_ASCII));
        return inputs;
    }

    /** The Canterbury and Calgary files, sorted ({@link TestData}: missing data fails the test). */
    private static List<Path> corpus() {
        return TestData.corpus("canterbury", "calgary");
    }

    private static byte[] intLE(int v) {
        byte[] b = new byte[4];
        Lz4FrameJava.putIntLE(b, 0, v);
        return b;
    }
}
