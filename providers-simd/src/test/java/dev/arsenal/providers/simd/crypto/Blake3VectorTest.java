package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.spi.crypto.Blake3;
import dev.arsenal.spi.crypto.Blake3Test;
import dev.arsenal.spi.crypto.Blake3Vectors;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Blake3Vector} against the scalar code, after Lucene's {@code TestVectorUtilSupport}: the
 * whole contract of {@link Blake3Test} with the widest shape here, and for each shape (512 and 256
 * bits, each skipped where the Vector API prefers narrower vectors): the official vectors, every
 * length up to three batches of chunks and two more (step 1 around each block, chunk and batch
 * boundary), and the kernel's chaining values themselves, with the chunk counter's low word
 * wrapping inside a batch. The scalar code is the reference here; {@link Blake3Test} holds it to
 * the official vectors.
 */
class Blake3VectorTest extends Blake3Test {
    static Stream<Integer> shapes() {
        return Stream.of(512, 256);
    }

    /** The batch of exactly {@code bits}, or the test is skipped. */
    private static Blake3Vector shape(int bits) {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.vectorApi() && jvm.preferredVectorBits() >= bits,
                () -> "no " + bits + "-bit Vector API here: " + jvm);
        Blake3Vector batch = Blake3Vector.create(bits);
        assertEquals(bits, batch.bits());
        assertEquals(bits / 32, batch.degree());
        return batch;
    }

    /** The whole contract runs with the widest shape. */
    @Override
    protected Blake3.ChunkBatch batch() {
        return shape(PlatformDetector.detect().jvm().preferredVectorBits() >= 512 ? 512 : 256);
    }

    /** 0 to {@code max}: step 1 within 2 of a block boundary (so of every chunk and batch), else 61. */
    private static int[] lengths(int max) {
        return IntStream.rangeClosed(0, max)
                .filter(n -> n % 61 == 0 || Math.floorMod(n + 2, Blake3.BLOCK_LEN) <= 4 || n % Blake3.CHUNK_LEN == 17)
                .toArray();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void everyLengthEqualsTheScalarHash(int bits) {
        Blake3Vector vector = shape(bits);
        int max = vector.degree() * Blake3.CHUNK_LEN * 3 + 2048;
        byte[] in = new byte[max];
        new SplittableRandom(bits).nextBytes(in);
        byte[] key = Blake3Vectors.key();
        Blake3 scalar = Blake3.hash();
        Blake3 simd = Blake3.hash(vector);
        Blake3 keyedScalar = Blake3.keyed(key);
        Blake3 keyedSimd = Blake3.keyed(key, vector);
        for (int n : lengths(max)) {
            scalar.reset();
            scalar.update(in, 0, n);
            simd.reset();
            simd.update(in, 0, n);
            assertArrayEquals(output(scalar, 64), output(simd, 64), () -> bits + "-bit, " + n + " bytes");
            if (n % Blake3.CHUNK_LEN <= 1 || n % Blake3.CHUNK_LEN == Blake3.CHUNK_LEN - 1) {
                keyedScalar.reset();
                keyedScalar.update(in, 0, n);
                keyedSimd.reset();
                keyedSimd.update(in, 0, n);
                assertArrayEquals(
                        output(keyedScalar, 64), output(keyedSimd, 64), () -> bits + "-bit, keyed, " + n + " bytes");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theOfficialVectorsMatch(int bits) {
        Blake3Vector vector = shape(bits);
        byte[] key = Blake3Vectors.key();
        for (Blake3Vectors.Case c : Blake3Vectors.cases()) {
            byte[] in = input(c.inputLength());
            Blake3[] modes = {
                Blake3.hash(vector), Blake3.keyed(key, vector), Blake3.deriveKey(Blake3Vectors.context(), vector)
            };
            byte[][] expected = {c.hash(), c.keyedHash(), c.deriveKey()};
            for (int m = 0; m < 3; m++) {
                modes[m].update(in, 0, in.length);
                int mode = m;
                assertArrayEquals(
                        expected[m],
                        output(modes[m], expected[m].length),
                        () -> bits + "-bit, mode " + mode + ", " + c.inputLength() + " bytes");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void chainingValuesEqualTheScalarOnes(int bits) {
        Blake3Vector vector = shape(bits);
        int lanes = vector.degree();
        SplittableRandom random = new SplittableRandom(-bits);
        byte[] in = new byte[(3 * lanes + 3) * Blake3.CHUNK_LEN + 5];
        random.nextBytes(in);
        int[] key = random.ints(8).toArray();
        for (long counter : new long[] {0, 1, 0xFFFF_FFFFL - 5, 0xFFFF_FFF0L, (1L << 40) - 3}) {
            for (int flags : new int[] {0, 16, 64}) {
                for (int chunks : new int[] {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 3 * lanes + 3}) {
                    int[] expected = new int[8 * chunks];
                    for (int i = 0; i < chunks; i++) {
                        Blake3.hashChunk(in, 5 + i * Blake3.CHUNK_LEN, key, counter + i, flags, expected, 8 * i);
                    }
                    int[] actual = new int[8 * chunks];
                    vector.hashChunks(in, 5, chunks, key, counter, flags, actual);
                    int n = chunks;
                    assertArrayEquals(
                            expected,
                            actual,
                            () -> bits + "-bit, " + n + " chunks from counter 0x" + Long.toHexString(counter)
                                    + ", flags " + flags);
                }
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> vector.hashChunks(in, 5, lanes, key, 0, 0, new int[8]));
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> vector.hashChunks(in, in.length - Blake3.CHUNK_LEN + 1, 1, key, 0, 0, new int[8]));
    }
}
