package dev.arsenal.providers.simd.hashing;

import static dev.arsenal.spi.hashing.Xxh3Core.STRIPE;
import static dev.arsenal.spi.hashing.Xxh3Core.STRIPES_PER_BLOCK;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.spi.hashing.Xxh3Core;
import dev.arsenal.spi.hashing.Xxh3Core.Secret;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * XXH3's stripe loop on the Vector API, in two shapes: {@link Wide} holds the eight accumulators
 * of a stripe in one 512-bit {@link LongVector}, {@link Narrow} in two 256-bit ones (lanes 0-3 and
 * 4-7). Everything else (short inputs, the merge, the last stripe of a stream) is the scalar code
 * of {@link Xxh3Core}.
 *
 * <p>One stripe, per 64-bit lane, as {@code XXH3_accumulate_512}:
 *
 * <pre>
 * data     = 8 bytes of input, little-endian      (ByteVector.fromArray + reinterpretAsLongs,
 *                                                  or LongVector.fromMemorySegment, LITTLE_ENDIAN)
 * dataKey  = data ^ key                           (key: secret words j .. j+7 for stripe j)
 * product  = (dataKey &amp; 0xFFFFFFFF) * (dataKey &gt;&gt;&gt; 32)   (unsigned 32x32 -&gt; 64)
 * acc     += swap(data) + product                 (swap: lanes {1,0,3,2,5,4,7,6})
 * </pre>
 *
 * and after every 16 stripes {@code XXH3_scrambleAcc}: {@code acc = (acc ^ (acc >>> 47) ^ key) *
 * PRIME32_1}. Both are lanewise, so the result is bit-exact with the scalar loop.
 *
 * <p>C2 parses every Vector API call into a few hundred nodes before it reduces them to
 * instructions (a 256-bit round of the stripe loop is about 3,800), and past its budget of 18,000
 * nodes per compilation ({@code NodeCountInliningCutoff}) it stops inlining, leaving vectors boxed
 * on the heap and the loop a hundred times slower. Hence two rules: each loop has one call site
 * per vector operation (the last stripe of a one-shot hash is a second pass through the stripe
 * loop's body, its keys at {@link Secret#LAST_STRIPE_KEYS} of the stripe keys, and a block's end is
 * a branch in that loop rather than a second loop); and the shapes' methods are reached through method
 * handles ({@link Xxh3Kernel}), so that each is compiled on its own and never inlined into a
 * larger caller.
 *
 * <p>Loaded only by {@link SimdXxh3Provider}'s probe, by name, after it has checked that the module
 * is readable and the hardware wide enough; each shape's species, shuffle and constants are static
 * fields of its own class (so that C2 sees them as constants), initialized when that shape is first
 * bound.
 */
final class Xxh3VectorKernel {
    private static final long M32 = 0xFFFFFFFFL;

    /** The initial accumulators ({@code XXH3_INIT_ACC}). */
    private static final long[] INIT = init();

    private Xxh3VectorKernel() {}

    private static long[] init() {
        long[] acc = new long[8];
        Xxh3Core.initAccumulators(acc);
        return acc;
    }

    /**
     * The widest kernel of at most {@code maxBits} that is not wider than the Vector API's preferred
     * shape on this machine.
     *
     * @throws IllegalArgumentException if that is less than 256 bits
     * @throws ReflectiveOperationException if the shape's methods cannot be bound (a bug)
     */
    static Xxh3Kernel create(int maxBits) throws ReflectiveOperationException {
        int preferred = VectorShape.preferredShape().vectorBitSize();
        int bits = Math.min(maxBits, preferred);
        if (bits >= 512) {
            return new Xxh3Kernel(512, MethodHandles.lookup(), Wide.class);
        }
        if (bits >= 256) {
            return new Xxh3Kernel(256, MethodHandles.lookup(), Narrow.class);
        }
        throw new IllegalArgumentException("no XXH3 kernel for " + bits + " bits (preferred vector size " + preferred
                + " bits, at most " + maxBits + " allowed): 256 is the least");
    }

    /** A stripe in one 512-bit vector of 8 lanes. */
    static final class Wide {
        private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
        private static final VectorShuffle<Long> SWAP = VectorShuffle.fromValues(L, 1, 0, 3, 2, 5, 4, 7, 6);
        private static final LongVector LOW32 = LongVector.broadcast(L, M32);
        private static final LongVector PRIME = LongVector.broadcast(L, Xxh3Core.P32_1);

        private Wide() {}

        private static LongVector load(byte[] b, int p) {
            return ByteVector.fromArray(B, b, p).reinterpretAsLongs();
        }

        private static LongVector load(MemorySegment s, long p) {
            return LongVector.fromMemorySegment(L, s, p, ByteOrder.LITTLE_ENDIAN);
        }

        private static LongVector key(long[] k, int j) {
            return LongVector.fromArray(L, k, j);
        }

        private static LongVector round(LongVector acc, LongVector data, LongVector key) {
            LongVector dataKey = data.lanewise(VectorOperators.XOR, key);
            LongVector product = dataKey.and(LOW32).mul(dataKey.lanewise(VectorOperators.LSHR, 32));
            return acc.add(data.rearrange(SWAP)).add(product);
        }

        private static LongVector scramble(LongVector acc, LongVector key) {
            return acc.lanewise(VectorOperators.XOR, acc.lanewise(VectorOperators.LSHR, 47))
                    .lanewise(VectorOperators.XOR, key)
                    .mul(PRIME);
        }

        /** {@link Xxh3Core.StripeAccumulator#accumulate}. */
        static int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret secret) {
            long[] k = secret.stripeKeys();
            LongVector scrambleKey = key(k, 16);
            LongVector a = LongVector.fromArray(L, acc, 0);
            int p = offset;
            int j = stripesSoFar;
            for (int n = 0; n < stripes; n++, p += STRIPE) {
                a = round(a, load(input, p), key(k, j));
                if (++j == STRIPES_PER_BLOCK) {
                    a = scramble(a, scrambleKey);
                    j = 0;
                }
            }
            a.intoArray(acc, 0);
            return j;
        }

        static long hashLong64(byte[] b, int off, int len, Secret secret) {
            return run(b, off, len, secret, null);
        }

        static Hash128 hashLong128(byte[] b, int off, int len, Secret secret) {
            long[] acc = new long[8];
            long low = run(b, off, len, secret, acc);
            return high(acc, low, len, secret);
        }

        static long hashLong64(MemorySegment s, Secret secret) {
            return run(s, secret, null);
        }

        static Hash128 hashLong128(MemorySegment s, Secret secret) {
            long[] acc = new long[8];
            long low = run(s, secret, acc);
            return high(acc, low, s.byteSize(), secret);
        }

        /**
         * The whole long input: every stripe, a scramble after each block, and last the stripe
         * that ends the input, keyed by its own words. Returns the 64-bit result and, when {@code
         * accOut} is given, leaves the accumulators there for the 128-bit merge.
         */
        private static long run(byte[] b, int off, int len, Secret secret, long[] accOut) {
            long[] k = secret.stripeKeys();
            LongVector scrambleKey = key(k, 16);
            LongVector a = LongVector.fromArray(L, INIT, 0);
            // two passes through one loop body: every whole stripe but the last, a scramble after
            // each block; then the stripe that ends the input, with its own keys (and no scramble:
            // j counts on from LAST_STRIPE_KEYS)
            int p = off;
            int j = 0;
            for (int pass = 0, n = (len - 1) >>> 6; pass < 2; pass++) {
                for (int i = 0; i < n; i++, p += STRIPE) {
                    a = round(a, load(b, p), key(k, j));
                    if (++j == STRIPES_PER_BLOCK) {
                        a = scramble(a, scrambleKey);
                        j = 0;
                    }
                }
                p = off + len - STRIPE;
                n = 1;
                j = Secret.LAST_STRIPE_KEYS;
            }
            return finish(a, len, secret, accOut);
        }

        /** {@link #run(byte[], int, int, Secret, long[])} reading a segment. */
        private static long run(MemorySegment s, Secret secret, long[] accOut) {
            long len = s.byteSize();
            long[] k = secret.stripeKeys();
            LongVector scrambleKey = key(k, 16);
            LongVector a = LongVector.fromArray(L, INIT, 0);
            long p = 0;
            int j = 0;
            for (long pass = 0, n = (len - 1) >>> 6; pass < 2; pass++) {
                for (long i = 0; i < n; i++, p += STRIPE) {
                    a = round(a, load(s, p), key(k, j));
                    if (++j == STRIPES_PER_BLOCK) {
                        a = scramble(a, scrambleKey);
                        j = 0;
                    }
                }
                p = len - STRIPE;
                n = 1;
                j = Secret.LAST_STRIPE_KEYS;
            }
            return finish(a, len, secret, accOut);
        }

        private static long finish(LongVector a, long len, Secret secret, long[] accOut) {
            if (accOut != null) {
                a.intoArray(accOut, 0);
            }
            return Xxh3Core.finishLong64(
                    a.lane(0), a.lane(1), a.lane(2), a.lane(3), a.lane(4), a.lane(5), a.lane(6), a.lane(7), len,
                    secret);
        }
    }

    /** A stripe in two 256-bit vectors of 4 lanes: lanes 0-3 and 4-7. */
    static final class Narrow {
        private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;
        private static final VectorShuffle<Long> SWAP = VectorShuffle.fromValues(L, 1, 0, 3, 2);
        private static final LongVector LOW32 = LongVector.broadcast(L, M32);
        private static final LongVector PRIME = LongVector.broadcast(L, Xxh3Core.P32_1);

        private Narrow() {}

        private static LongVector load(byte[] b, int p) {
            return ByteVector.fromArray(B, b, p).reinterpretAsLongs();
        }

        private static LongVector load(MemorySegment s, long p) {
            return LongVector.fromMemorySegment(L, s, p, ByteOrder.LITTLE_ENDIAN);
        }

        private static LongVector key(long[] k, int j) {
            return LongVector.fromArray(L, k, j);
        }

        private static LongVector round(LongVector acc, LongVector data, LongVector key) {
            LongVector dataKey = data.lanewise(VectorOperators.XOR, key);
            LongVector product = dataKey.and(LOW32).mul(dataKey.lanewise(VectorOperators.LSHR, 32));
            return acc.add(data.rearrange(SWAP)).add(product);
        }

        private static LongVector scramble(LongVector acc, LongVector key) {
            return acc.lanewise(VectorOperators.XOR, acc.lanewise(VectorOperators.LSHR, 47))
                    .lanewise(VectorOperators.XOR, key)
                    .mul(PRIME);
        }

        /** {@link Xxh3Core.StripeAccumulator#accumulate}. */
        static int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret secret) {
            long[] k = secret.stripeKeys();
            LongVector scrambleLo = key(k, 16);
            LongVector scrambleHi = key(k, 20);
            LongVector lo = LongVector.fromArray(L, acc, 0);
            LongVector hi = LongVector.fromArray(L, acc, 4);
            int p = offset;
            int j = stripesSoFar;
            for (int n = 0; n < stripes; n++, p += STRIPE) {
                lo = round(lo, load(input, p), key(k, j));
                hi = round(hi, load(input, p + 32), key(k, j + 4));
                if (++j == STRIPES_PER_BLOCK) {
                    lo = scramble(lo, scrambleLo);
                    hi = scramble(hi, scrambleHi);
                    j = 0;
                }
            }
            lo.intoArray(acc, 0);
            hi.intoArray(acc, 4);
            return j;
        }

        static long hashLong64(byte[] b, int off, int len, Secret secret) {
            return run(b, off, len, secret, null);
        }

        static Hash128 hashLong128(byte[] b, int off, int len, Secret secret) {
            long[] acc = new long[8];
            long low = run(b, off, len, secret, acc);
            return high(acc, low, len, secret);
        }

        static long hashLong64(MemorySegment s, Secret secret) {
            return run(s, secret, null);
        }

        static Hash128 hashLong128(MemorySegment s, Secret secret) {
            long[] acc = new long[8];
            long low = run(s, secret, acc);
            return high(acc, low, s.byteSize(), secret);
        }

        /** As {@link Wide}'s, on two vectors. */
        private static long run(byte[] b, int off, int len, Secret secret, long[] accOut) {
            long[] k = secret.stripeKeys();
            LongVector scrambleLo = key(k, 16);
            LongVector scrambleHi = key(k, 20);
            LongVector lo = LongVector.fromArray(L, INIT, 0);
            LongVector hi = LongVector.fromArray(L, INIT, 4);
            int p = off;
            int j = 0;
            for (int pass = 0, n = (len - 1) >>> 6; pass < 2; pass++) {
                for (int i = 0; i < n; i++, p += STRIPE) {
                    lo = round(lo, load(b, p), key(k, j));
                    hi = round(hi, load(b, p + 32), key(k, j + 4));
                    if (++j == STRIPES_PER_BLOCK) {
                        lo = scramble(lo, scrambleLo);
                        hi = scramble(hi, scrambleHi);
                        j = 0;
                    }
                }
                p = off + len - STRIPE;
                n = 1;
                j = Secret.LAST_STRIPE_KEYS;
            }
            return finish(lo, hi, len, secret, accOut);
        }

        /** {@link #run(byte[], int, int, Secret, long[])} reading a segment. */
        private static long run(MemorySegment s, Secret secret, long[] accOut) {
            long len = s.byteSize();
            long[] k = secret.stripeKeys();
            LongVector scrambleLo = key(k, 16);
            LongVector scrambleHi = key(k, 20);
            LongVector lo = LongVector.fromArray(L, INIT, 0);
            LongVector hi = LongVector.fromArray(L, INIT, 4);
            long p = 0;
            int j = 0;
            for (long pass = 0, n = (len - 1) >>> 6; pass < 2; pass++) {
                for (long i = 0; i < n; i++, p += STRIPE) {
                    lo = round(lo, load(s, p), key(k, j));
                    hi = round(hi, load(s, p + 32), key(k, j + 4));
                    if (++j == STRIPES_PER_BLOCK) {
                        lo = scramble(lo, scrambleLo);
                        hi = scramble(hi, scrambleHi);
                        j = 0;
                    }
                }
                p = len - STRIPE;
                n = 1;
                j = Secret.LAST_STRIPE_KEYS;
            }
            return finish(lo, hi, len, secret, accOut);
        }

        private static long finish(LongVector lo, LongVector hi, long len, Secret secret, long[] accOut) {
            if (accOut != null) {
                lo.intoArray(accOut, 0);
                hi.intoArray(accOut, 4);
            }
            return Xxh3Core.finishLong64(
                    lo.lane(0),
                    lo.lane(1),
                    lo.lane(2),
                    lo.lane(3),
                    hi.lane(0),
                    hi.lane(1),
                    hi.lane(2),
                    hi.lane(3),
                    len,
                    secret);
        }
    }

    /** The 128-bit result from the accumulators a run left in {@code acc} and its 64-bit result. */
    private static Hash128 high(long[] acc, long low, long len, Secret secret) {
        return new Hash128(Xxh3Core.finishLong128High(acc, len, secret), low);
    }
}
