package dev.arsenal.providers.simd.hashing;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.spi.hashing.Xxh3Core;
import dev.arsenal.spi.hashing.Xxh3Core.Secret;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The long-input half of XXH3 as the hashers and streams of {@link Xxh3Simd} see it: stripes into
 * the accumulators, then the shared scalar merge. No Vector API type appears here, so the hashers
 * load (and fail cleanly) on a JVM without {@code jdk.incubator.vector}; the loops live in {@code
 * Xxh3VectorKernel}, which only the provider's probe loads, by name.
 *
 * <p>The loops are reached through method handles held in instance fields, which C2 cannot see
 * as constants and so never inlines through: each loop is compiled on its own, whatever calls it.
 * Inlined into a large caller (a hasher's {@code hash} with the scalar short paths, or a user's
 * method), a vector loop can push the compilation past C2's node budget ({@code
 * NodeCountInliningCutoff}); C2 then stops inlining midway, the vectors of the loop stay boxed on
 * the heap, and hashing runs some 300 times slower (measured: 0.14 GB/s instead of 45). The price
 * is one indirect call per input of more than 240 bytes, a few nanoseconds.
 *
 * <p>Every method takes an input of more than {@link Xxh3Core#MIDSIZE_MAX} bytes; shorter ones
 * take the scalar paths of {@link Xxh3Core}. Ranges are checked by the caller.
 */
final class Xxh3Kernel implements Xxh3Core.StripeAccumulator {
    /** {@code int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret)}. */
    static final MethodType ACCUMULATE =
            MethodType.methodType(int.class, long[].class, int.class, byte[].class, int.class, int.class, Secret.class);

    /** {@code long hashLong64(byte[] input, int offset, int length, Secret)}. */
    static final MethodType HASH64_ARRAY =
            MethodType.methodType(long.class, byte[].class, int.class, int.class, Secret.class);

    /** {@code Hash128 hashLong128(byte[] input, int offset, int length, Secret)}. */
    static final MethodType HASH128_ARRAY =
            MethodType.methodType(Hash128.class, byte[].class, int.class, int.class, Secret.class);

    /** {@code long hashLong64(MemorySegment input, Secret)}. */
    static final MethodType HASH64_SEGMENT = MethodType.methodType(long.class, MemorySegment.class, Secret.class);

    /** {@code Hash128 hashLong128(MemorySegment input, Secret)}. */
    static final MethodType HASH128_SEGMENT = MethodType.methodType(Hash128.class, MemorySegment.class, Secret.class);

    private final int bits;
    private final MethodHandle accumulate;
    private final MethodHandle hash64Array;
    private final MethodHandle hash128Array;
    private final MethodHandle hash64Segment;
    private final MethodHandle hash128Segment;

    /**
     * Binds the static methods {@code accumulate}, {@code hashLong64} and {@code hashLong128} of
     * {@code shape}, of the types above.
     *
     * @param bits the shape's vector size
     * @param lookup a lookup with access to {@code shape}
     */
    Xxh3Kernel(int bits, MethodHandles.Lookup lookup, Class<?> shape) throws ReflectiveOperationException {
        this.bits = bits;
        this.accumulate = lookup.findStatic(shape, "accumulate", ACCUMULATE);
        this.hash64Array = lookup.findStatic(shape, "hashLong64", HASH64_ARRAY);
        this.hash128Array = lookup.findStatic(shape, "hashLong128", HASH128_ARRAY);
        this.hash64Segment = lookup.findStatic(shape, "hashLong64", HASH64_SEGMENT);
        this.hash128Segment = lookup.findStatic(shape, "hashLong128", HASH128_SEGMENT);
    }

    /** The vector size in bits: 512 or 256. */
    int bits() {
        return bits;
    }

    @Override
    public int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret secret) {
        try {
            return (int) accumulate.invokeExact(acc, stripesSoFar, input, offset, stripes, secret);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The 64-bit hash of {@code len} bytes of {@code b} from {@code off}. */
    long hashLong64(byte[] b, int off, int len, Secret secret) {
        try {
            return (long) hash64Array.invokeExact(b, off, len, secret);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The 128-bit hash of {@code len} bytes of {@code b} from {@code off}. */
    Hash128 hashLong128(byte[] b, int off, int len, Secret secret) {
        try {
            return (Hash128) hash128Array.invokeExact(b, off, len, secret);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The 64-bit hash of a whole segment. */
    long hashLong64(MemorySegment s, Secret secret) {
        try {
            return (long) hash64Segment.invokeExact(s, secret);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The 128-bit hash of a whole segment. */
    Hash128 hashLong128(MemorySegment s, Secret secret) {
        try {
            return (Hash128) hash128Segment.invokeExact(s, secret);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The loops throw only unchecked exceptions (a segment closed under them, say); passes them on. */
    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }

    @Override
    public String toString() {
        return bits + "-bit LongVector";
    }
}
