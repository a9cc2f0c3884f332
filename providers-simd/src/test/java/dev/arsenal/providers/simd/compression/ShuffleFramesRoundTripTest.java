package dev.arsenal.providers.simd.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.providers.java.compression.JavaCompressionProvider;
import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import dev.arsenal.spi.compression.ShuffleFrames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shuffle frames written with the vector kernel are byte for byte those of the scalar kernel, and
 * each decodes the other's, one-shot and through streams, over the pure-Java LZ4 and zstd of
 * providers-java.
 */
class ShuffleFramesRoundTripTest {
    private static final int[] ELEMENT_SIZES = {1, 2, 4, 8, 12, 16};
    private static final int[] SIZES = {0, 1, 7, 65_535, 65_537, (1 << 20) + 3};
    private static final JavaCompressionProvider JAVA = new JavaCompressionProvider();

    private static ByteShuffle vector(int bits) throws ReflectiveOperationException {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.vectorApi() && jvm.preferredVectorBits() >= bits,
                () -> "needs a Vector API of " + bits + " bits with C2: " + jvm);
        return VectorByteShuffle.create(bits);
    }

    /** Little-endian timestamps with small gaps: what the shuffle codecs are for, so the inner codec has work. */
    private static byte[] data(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer b = ByteBuffer.allocate(size + 8).order(ByteOrder.LITTLE_ENDIAN);
        long t = 1_764_460_800_000L;
        while (b.position() < size) {
            t += random.nextInt(1, 50);
            b.putLong(t);
        }
        byte[] out = new byte[size];
        b.flip().get(out);
        return out;
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {512, 256})
    void vectorAndScalarFramesAreEqualAndDecodeEachOther(int bits) throws Exception {
        ByteShuffle vector = vector(bits);
        ByteShuffle scalar = ScalarByteShuffle.INSTANCE;
        int cases = 0;
        for (Codec codec : new Codec[] {Codec.LZ4_SHUFFLE, Codec.ZSTD_SHUFFLE}) {
            Compressor inner = JAVA.compressor(codec.inner(), codec.inner() == Codec.ZSTD ? 3 : 1);
            Decompressor vectorDecoder = ShuffleFrames.decompressor(codec, vector, JAVA.decompressor(codec.inner()));
            Decompressor scalarDecoder = ShuffleFrames.decompressor(codec, scalar, JAVA.decompressor(codec.inner()));
            for (int e : ELEMENT_SIZES) {
                Compressor vectorEncoder = ShuffleFrames.compressor(codec, vector, inner, e);
                Compressor scalarEncoder = ShuffleFrames.compressor(codec, scalar, inner, e);
                for (int size : SIZES) {
                    String what = codec.id() + ", " + e + "-byte elements, " + size + " bytes";
                    byte[] plain = data(size, size * 31L + e);

                    byte[] fromVector = vectorEncoder.compress(plain);
                    byte[] fromScalar = scalarEncoder.compress(plain);
                    assertArrayEquals(fromScalar, fromVector, what + ": one-shot frames");
                    assertArrayEquals(plain, scalarDecoder.decompress(fromVector, size), what);
                    assertArrayEquals(plain, vectorDecoder.decompress(fromScalar, size), what);
                    byte[] into = new byte[size + 5];
                    assertEquals(size, vectorDecoder.decompress(fromScalar, 0, fromScalar.length, into, 5, size));
                    assertArrayEquals(plain, Arrays.copyOfRange(into, 5, size + 5), what);

                    byte[] streamedVector = streamed(vectorEncoder, plain);
                    byte[] streamedScalar = streamed(scalarEncoder, plain);
                    assertArrayEquals(streamedScalar, streamedVector, what + ": streamed frames");
                    assertArrayEquals(plain, read(scalarDecoder, streamedVector), what + ": streamed");
                    assertArrayEquals(plain, read(vectorDecoder, streamedScalar), what + ": streamed");
                    assertArrayEquals(plain, read(vectorDecoder, fromScalar), what + ": one-shot frame, streamed");
                    assertArrayEquals(plain, read(scalarDecoder, fromVector), what + ": one-shot frame, streamed");
                    cases++;
                }
            }
        }
        assertEquals(2 * ELEMENT_SIZES.length * SIZES.length, cases);
    }

    /** Through the compressing stream, in writes of odd sizes that straddle the 64 KiB blocks. */
    private static byte[] streamed(Compressor c, byte[] plain) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = c.compressing(sink)) {
            int at = 0;
            for (int k = 0; at < plain.length; k++) {
                int n = Math.min(1 + (int) (k * 7919L % 100_003), plain.length - at);
                out.write(plain, at, n);
                at += n;
            }
        }
        return sink.toByteArray();
    }

    private static byte[] read(Decompressor d, byte[] frame) throws IOException {
        try (InputStream in = d.decompressing(new ByteArrayInputStream(frame), Long.MAX_VALUE)) {
            return in.readAllBytes();
        }
    }
}
