package dev.arsenal.providers.simd.hashing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.spi.hashing.Xxh3Core;
import dev.arsenal.spi.hashing.Xxh3Core.Secret;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernels against the scalar code of {@link Xxh3Core}, for exact equality, after
 * Lucene's {@code TestVectorUtilSupport}: awkward sizes around every boundary of XXH3 (the short
 * paths, stripes of 64 bytes, blocks of 1024, the stream's 256-byte buffer), every seed form (0:
 * the default secret; others: a derived one), odd offsets, and inputs whose lanes have every bit
 * set (the unsigned 32x32 product at its largest). Needs no reference library: the scalar code is
 * the reference here, and the contract tests hold it to libxxhash.
 */
class Xxh3SimdScalarEqualityTest {
    private static final long[] SEEDS = {0, 1, -1, 0x9E3779B97F4A7C15L, Long.MIN_VALUE, 0x00000000FFFFFFFFL};

    static Stream<Integer> shapes() {
        return Stream.of(512, 256);
    }

    /** The kernel of exactly {@code bits}, or the test is skipped. */
    private static Xxh3Kernel kernel(int bits) throws ReflectiveOperationException {
        int preferred = PlatformDetector.detect().jvm().preferredVectorBits();
        assumeTrue(preferred >= bits, "the Vector API prefers " + preferred + " bits here: no " + bits + "-bit kernel");
        Xxh3Kernel kernel = Xxh3VectorKernel.create(bits);
        assertEquals(bits, kernel.bits());
        return kernel;
    }

    /** Lucene's sizes, and every boundary of XXH3 ±1. */
    static int[] sizes() {
        TreeSet<Integer> sizes = new TreeSet<>(List.of(1, 4, 6, 8, 13, 16, 63, 64, 65, 4098, 65_537));
        IntStream.rangeClosed(239, 260).forEach(sizes::add);
        IntStream.rangeClosed(1023, 1025).forEach(sizes::add);
        for (int boundary : new int[] {
            128, 192, 256, 320, 512, 2048, 3072, 4096, 5 * 1024 + 64, 16 * 1024, 16 * 1024 + 15 * 64, 65_536
        }) {
            for (int d = -1; d <= 1; d++) {
                sizes.add(boundary + d);
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Random bytes, then all ones, then all zeros. */
    private static byte[][] inputs(int size) {
        byte[] random = new byte[size + 7];
        new Random(size).nextBytes(random);
        byte[] ones = new byte[size + 7];
        Arrays.fill(ones, (byte) 0xFF);
        return new byte[][] {random, ones, new byte[size + 7]};
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void oneShotHashesEqualTheScalarOnes(int bits) throws ReflectiveOperationException {
        Xxh3Kernel kernel = kernel(bits);
        try (Arena arena = Arena.ofConfined()) {
            for (long seed : SEEDS) {
                Secret secret = Secret.forSeed(seed);
                Xxh3Simd.Bits64 h64 = new Xxh3Simd.Bits64(seed, kernel);
                Xxh3Simd.Bits128 h128 = new Xxh3Simd.Bits128(seed, kernel);
                for (int size : sizes()) {
                    for (byte[] data : inputs(size)) {
                        String what = bits + "-bit seed 0x" + Long.toHexString(seed) + " size " + size + " data "
                                + (data[0] & 0xFF);
                        long scalar64 = Xxh3Core.hash64(data, 7, size, seed, secret);
                        Hash128 scalar128 = Xxh3Core.hash128(data, 7, size, seed, secret);
                        assertEquals(scalar64, h64.hash(data, 7, size), what);
                        assertEquals(scalar128, h128.hash(data, 7, size), what);
                        MemorySegment offHeap = arena.allocate(size + 7).asSlice(7, size);
                        offHeap.copyFrom(MemorySegment.ofArray(data).asSlice(7, size));
                        assertEquals(scalar64, h64.hash(offHeap), what + " off-heap");
                        assertEquals(scalar128, h128.hash(offHeap), what + " off-heap");
                        assertEquals(scalar64, Xxh3Core.hash64(offHeap, seed, secret), what + " scalar off-heap");
                        if (size > Xxh3Core.MIDSIZE_MAX) {
                            assertEquals(scalar64, kernel.hashLong64(data, 7, size, secret), what + " kernel");
                            assertEquals(scalar128, kernel.hashLong128(offHeap, secret), what + " kernel off-heap");
                        }
                    }
                }
            }
        }
    }

    /** The accumulators themselves, from every position in a block, for 0..40 stripes. */
    @ParameterizedTest
    @MethodSource("shapes")
    void stripeAccumulationEqualsTheScalarOne(int bits) throws ReflectiveOperationException {
        Xxh3Kernel kernel = kernel(bits);
        Random random = new Random(bits);
        byte[] data = new byte[41 * Xxh3Core.STRIPE + 3];
        random.nextBytes(data);
        for (long seed : SEEDS) {
            Secret secret = Secret.forSeed(seed);
            for (int soFar = 0; soFar < Xxh3Core.STRIPES_PER_BLOCK; soFar++) {
                for (int stripes = 0; stripes <= 40; stripes++) {
                    long[] start = random.longs(8).toArray();
                    long[] expected = start.clone();
                    long[] actual = start.clone();
                    int expectedSoFar = Xxh3Core.SCALAR.accumulate(expected, soFar, data, 3, stripes, secret);
                    int actualSoFar = kernel.accumulate(actual, soFar, data, 3, stripes, secret);
                    String what = bits + "-bit seed 0x" + Long.toHexString(seed) + " from stripe " + soFar + ", "
                            + stripes + " stripes";
                    assertArrayEquals(expected, actual, what);
                    assertEquals(expectedSoFar, actualSoFar, what);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void streamsEqualTheScalarOneShot(int bits) throws ReflectiveOperationException {
        Xxh3Kernel kernel = kernel(bits);
        Random random = new Random(-bits);
        for (long seed : SEEDS) {
            Secret secret = Secret.forSeed(seed);
            HashStream64 s64 = new Xxh3Simd.Bits64(seed, kernel).newStream();
            HashStream128 s128 = new Xxh3Simd.Bits128(seed, kernel).newStream();
            for (int size : sizes()) {
                byte[] data = inputs(size)[0];
                for (int split : new int[] {0, 1, 63, 64, 65, 255, 256, 257, size / 2, random.nextInt(size + 1)}) {
                    if (split > size) {
                        continue;
                    }
                    String what = bits + "-bit seed 0x" + Long.toHexString(seed) + " size " + size + " split " + split;
                    s64.reset();
                    s64.update(data, 7, split);
                    s64.update(data, 7 + split, size - split);
                    assertEquals(Xxh3Core.hash64(data, 7, size, seed, secret), s64.digest(), what);
                    s128.reset();
                    s128.update(data, 7, split);
                    s128.update(data, 7 + split, size - split);
                    assertEquals(Xxh3Core.hash128(data, 7, size, seed, secret), s128.digest(), what);
                }
            }
        }
    }
}
