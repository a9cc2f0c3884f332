package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.DecoderFuzzing;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * This package's zstd decoder beside aircompressor's {@code ZstdJavaDecompressor}, which it
 * replaces, while aircompressor is still a dependency (delete this class with it): the corpora
 * compressed by aircompressor's compressor decode to themselves with both, the tool's committed
 * frames decode to the same bytes with both, and damaged frames (their checksum taken out) that
 * both accept decode to the same bytes.
 */
class ZstdAircompressorInteropTest {
    private final Decompressor ours = new ZstdJava.Decompressor();
    private final Compressor aircompressor = new ZstdJava.Compressor(ZstdJava.LEVEL);

    @Test
    void theCorporaRoundTripThroughAircompressorsCompressorAndBothDecoders() throws Exception {
        List<Path> files = DecoderFuzzing.corpus();
        assumeTrue(!files.isEmpty(), "no corpus (set -Darsenal.shared.dir)");
        for (Path file : files) {
            byte[] input = Files.readAllBytes(file);
            byte[] frame = aircompressor.compress(input);
            assertArrayEquals(input, ours.decompress(frame, input.length), file.getFileName() + ": ours");
            assertArrayEquals(input, theirs(frame, input.length), file.getFileName() + ": aircompressor's");
        }
    }

    @Test
    void bothDecodeTheToolsFramesAlike() {
        for (String name : List.of("mixed-1.zst", "mixed-19.zst", "mixed-nosize.zst", "multi.zst")) {
            byte[] frame = ZstdTestInputs.resource(name);
            byte[] expected = ours.decompress(frame, 1 << 20);
            assertArrayEquals(expected, theirs(frame, expected.length), name);
        }
    }

    @Test
    void damagedFramesThatBothAcceptDecodeAlike() {
        Random random = new Random(31);
        byte[] text = ZstdTestInputs.text(20_000, 5);
        byte[] frame = withoutChecksum(aircompressor.compress(text));
        assertArrayEquals(text, ours.decompress(frame, text.length));
        int bothAccepted = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bad = frame.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            }
            byte[] a = null;
            try {
                a = ours.decompress(bad, 1 << 20);
            } catch (MalformedInputException e) {
                // malformed for us
            }
            byte[] b = null;
            try {
                b = theirs(bad, 1 << 20);
            } catch (RuntimeException e) {
                // malformed for aircompressor (its exceptions are of several kinds)
            }
            if (a != null && b != null) {
                bothAccepted++;
                assertArrayEquals(b, a, "round " + round);
            }
        }
        assertTrue(bothAccepted > 100, bothAccepted + " of 3000 damaged frames decoded by both");
    }

    /** The frame without its content checksum, so that damage shows in the content. */
    private static byte[] withoutChecksum(byte[] frame) {
        assertEquals(0x04, frame[4] & 0x04, "aircompressor writes a checksum");
        byte[] f = Arrays.copyOf(frame, frame.length - 4);
        f[4] &= (byte) ~0x04;
        return f;
    }

    private static byte[] theirs(byte[] frame, int room) {
        byte[] out = new byte[room];
        int n = new ZstdJavaDecompressor().decompress(frame, 0, frame.length, out, 0, room);
        return Arrays.copyOf(out, n);
    }
}
