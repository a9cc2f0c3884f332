package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the native compression tests share: the skip-or-fail rule for missing native code ({@code
 * -Darsenal.test.requireNative=true} turns skips into failures), stream round trips and test
 * inputs. Running the reference tools is {@link ReferenceTools}'s.
 */
final class Tools {
    static final boolean REQUIRE_NATIVE = ReferenceTools.REQUIRE_NATIVE;

    private Tools() {}

    /** Skips the test when the provider is unavailable; fails instead under requireNative. */
    static void assumeAvailable(String what, Availability availability) {
        if (REQUIRE_NATIVE) {
            assertTrue(availability.isAvailable(), () -> what + " must be available here: " + availability.cause());
        }
        assumeTrue(availability.isAvailable(), () -> what + " unavailable: " + availability.cause());
    }

    /**
     * Writes 1 MB of {@link #text} through {@code c}'s stream in writes of 1 to 70,001 bytes (across
     * any native chunk size), reads it back through {@code d}'s stream in reads of 777 bytes, and
     * decodes the same bytes one-shot.
     */
    static void assertStreamsRoundTripInOddChunks(Compressor c, Decompressor d) throws IOException {
        byte[] data = text(1_000_003);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(sink)) {
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, 1 + (i % 70_001));
                out.write(data, i, n);
                i += n;
            }
        }
        byte[] packed = sink.toByteArray();
        try (InputStream in = d.decompressing(new ByteArrayInputStream(packed), Long.MAX_VALUE)) {
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            byte[] buf = new byte[777];
            for (int n; (n = in.read(buf)) > 0; ) {
                back.write(buf, 0, n);
            }
            assertArrayEquals(data, back.toByteArray(), "stream written in odd chunks, read in 777s");
        }
        assertArrayEquals(data, d.decompress(packed, data.length), "stream written in odd chunks, one-shot");
    }

    /** Text-like bytes that compress, with some noise, the same for the same size. */
    static byte[] text(int size) {
        byte[] words = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            out[i] = random.nextInt(16) == 0 ? (byte) random.nextInt(256) : words[(i * 7 / 5) % words.length];
        }
        return out;
    }

    /** Random bytes, the same for the same size. */
    static byte[] random(int size) {
        byte[] out = new byte[size];
        new Random(~size).nextBytes(out);
        return out;
    }

    /** The inputs of the round trips: sizes around the formats' block and window sizes. */
    static List<byte[]> inputs() {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add(new byte[] {42});
        inputs.add(text(1000));
        inputs.add(random(4099));
        inputs.add(new byte[70_000]);
        inputs.add(text(300_000));
        return inputs;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
