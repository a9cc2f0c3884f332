package dev.arsenal.providers.simd.compression;

import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.stream.Collectors;
import jdk.incubator.vector.VectorShape;

/**
 * The SIMD {@link ByteShuffle}: elements of 2, 4, 8 and 16 bytes in whole blocks of {@code VL}
 * elements (64 with 512-bit vectors; 32 with 256-bit ones, without 16) on the Vector API ({@link
 * ByteShuffleVectors}, which draws the transpose); the elements of the last partial block, the
 * bytes left over and other element sizes in scalar code, with exactly the output of {@link
 * ScalarByteShuffle}. One-byte elements are a copy.
 *
 * <p>As in the XXH3 kernel, the loops are reached through method handles held in instance fields,
 * which C2 does not treat as constants and so never inlines through: each loop is compiled on its
 * own, however large the method that calls the shuffle (a compressor's). Inlined into a large
 * caller, a vector loop can push the compilation past C2's node budget, and its vectors then stay
 * boxed on the heap. The price is one indirect call per block of {@link
 * dev.arsenal.spi.compression.ShuffleFrames} (64 KiB).
 *
 * <p>Warm-up: until C2 has compiled a loop, the Vector API runs it as Java objects, far slower than
 * the scalar code. Measured on this project's 2-vCPU AVX-512 machine, 8-byte shuffles of 64 KiB in
 * a fresh JVM: under 100 MB/s for the first 800 ms, then about 50 GB/s (the scalar code: about 0.8
 * GB/s). A short-lived process that shuffles a few megabytes may be faster with {@code
 * java-shuffle}.
 *
 * <p>Made only by {@link SimdShuffleProvider}'s probe, by name, through {@link #create}.
 */
final class VectorByteShuffle implements ByteShuffle {
    /** {@code int loop(byte[] src, int srcOffset, byte[] dst, int dstOffset, int elements)}. */
    private static final MethodType LOOP =
            MethodType.methodType(int.class, byte[].class, int.class, byte[].class, int.class, int.class);

    private final int bits;
    private final int blockElements;
    /** The element sizes with a vector loop. */
    private final int[] sizes;

    /** By element size; null where there is no vector loop. */
    private final MethodHandle[] shuffles = new MethodHandle[17];

    private final MethodHandle[] unshuffles = new MethodHandle[17];

    private VectorByteShuffle(int bits, Class<?> shape, int... sizes) throws ReflectiveOperationException {
        this.bits = bits;
        this.blockElements = bits / 8;
        this.sizes = sizes;
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int e : sizes) {
            shuffles[e] = lookup.findStatic(shape, "shuffle" + e, LOOP);
            unshuffles[e] = lookup.findStatic(shape, "unshuffle" + e, LOOP);
        }
    }

    /**
     * The widest kernel of at most {@code maxBits} that is not wider than the Vector API's preferred
     * shape on this machine.
     *
     * @throws IllegalArgumentException if that is less than 256 bits
     * @throws ReflectiveOperationException if the shape's loops cannot be bound (a bug)
     */
    static VectorByteShuffle create(int maxBits) throws ReflectiveOperationException {
        int preferred = VectorShape.preferredShape().vectorBitSize();
        int bits = Math.min(maxBits, preferred);
        if (bits >= 512) {
            return new VectorByteShuffle(512, ByteShuffleVectors.Wide.class, 2, 4, 8, 16);
        }
        if (bits >= 256) {
            return new VectorByteShuffle(256, ByteShuffleVectors.Narrow.class, 2, 4, 8);
        }
        throw new IllegalArgumentException("no shuffle kernel for " + bits + " bits (preferred vector size " + preferred
                + " bits, at most " + maxBits + " allowed): 256 is the least");
    }

    /** The vector size in bits: 512 or 256. */
    int bits() {
        return bits;
    }

    @Override
    public void shuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize) {
        ScalarByteShuffle.check(src, srcOffset, dst, dstOffset, length, elementSize);
        int n = length / elementSize;
        int done = 0;
        if (elementSize == 1) {
            done = n;
        } else if (elementSize < shuffles.length && shuffles[elementSize] != null && n >= blockElements) {
            done = invoke(shuffles[elementSize], src, srcOffset, dst, dstOffset, n);
        }
        // the elements of the last partial block, as ScalarByteShuffle
        for (int j = 0; j < elementSize && done < n; j++) {
            int out = dstOffset + j * n;
            int in = srcOffset + done * elementSize + j;
            for (int i = done; i < n; i++, in += elementSize) {
                dst[out + i] = src[in];
            }
        }
        int whole = elementSize == 1 ? 0 : n * elementSize;
        System.arraycopy(src, srcOffset + whole, dst, dstOffset + whole, length - whole);
    }

    @Override
    public void unshuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize) {
        ScalarByteShuffle.check(src, srcOffset, dst, dstOffset, length, elementSize);
        int n = length / elementSize;
        int done = 0;
        if (elementSize == 1) {
            done = n;
        } else if (elementSize < unshuffles.length && unshuffles[elementSize] != null && n >= blockElements) {
            done = invoke(unshuffles[elementSize], src, srcOffset, dst, dstOffset, n);
        }
        for (int j = 0; j < elementSize && done < n; j++) {
            int in = srcOffset + j * n;
            int out = dstOffset + done * elementSize + j;
            for (int i = done; i < n; i++, out += elementSize) {
                dst[out] = src[in + i];
            }
        }
        int whole = elementSize == 1 ? 0 : n * elementSize;
        System.arraycopy(src, srcOffset + whole, dst, dstOffset + whole, length - whole);
    }

    private static int invoke(MethodHandle loop, byte[] src, int srcOffset, byte[] dst, int dstOffset, int n) {
        try {
            return (int) loop.invokeExact(src, srcOffset, dst, dstOffset, n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the " + loop + " shuffle loop threw", e);
        }
    }

    @Override
    public String toString() {
        return "vector byte shuffle (" + bits + "-bit ByteVector, elements of "
                + Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(", "))
                + " bytes; others scalar)";
    }
}
