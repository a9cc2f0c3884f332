package dev.arsenal.spi.compression;

import java.util.Objects;

/**
 * The reference {@link ByteShuffle}: plain loops, one byte at a time. The definition the SIMD
 * kernels are checked against, and the scalar twin the pure-Java provider offers.
 */
public final class ScalarByteShuffle implements ByteShuffle {
    /** The one instance; it has no state. */
    public static final ScalarByteShuffle INSTANCE = new ScalarByteShuffle();

    private ScalarByteShuffle() {}

    @Override
    public void shuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize) {
        check(src, srcOffset, dst, dstOffset, length, elementSize);
        int n = length / elementSize;
        for (int j = 0; j < elementSize; j++) {
            int out = dstOffset + j * n;
            int in = srcOffset + j;
            for (int i = 0; i < n; i++, in += elementSize) {
                dst[out + i] = src[in];
            }
        }
        int whole = n * elementSize;
        System.arraycopy(src, srcOffset + whole, dst, dstOffset + whole, length - whole);
    }

    @Override
    public void unshuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize) {
        check(src, srcOffset, dst, dstOffset, length, elementSize);
        int n = length / elementSize;
        for (int j = 0; j < elementSize; j++) {
            int in = srcOffset + j * n;
            int out = dstOffset + j;
            for (int i = 0; i < n; i++, out += elementSize) {
                dst[out] = src[in + i];
            }
        }
        int whole = n * elementSize;
        System.arraycopy(src, srcOffset + whole, dst, dstOffset + whole, length - whole);
    }

    /** The argument checks every {@link ByteShuffle} makes at its entry. */
    public static void check(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        if (elementSize < 1) {
            throw new IllegalArgumentException("the element size must be at least 1, not " + elementSize);
        }
    }

    @Override
    public String toString() {
        return "scalar byte shuffle";
    }
}
