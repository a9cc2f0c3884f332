package dev.arsenal.spi.compression;

/**
 * The byte-shuffle filter of the shuffle codecs: the bytes of equal significance of fixed-size
 * elements are grouped, so that a run of similar numbers (timestamps, prices, counters) becomes
 * long runs of equal or slowly changing bytes that LZ4 and Zstandard compress far better.
 *
 * <p>For {@code length} bytes of elements of {@code e} bytes, {@code n = length / e} whole
 * elements are transposed, byte {@code j} of element {@code i} going to {@code j * n + i}:
 *
 * <pre>
 *  input   a0 a1 a2 a3 | b0 b1 b2 b3 | c0 c1 c2 c3 | t0 t1      (e = 4, n = 3, 2 bytes left over)
 *  output  a0 b0 c0 | a1 b1 c1 | a2 b2 c2 | a3 b3 c3 | t0 t1
 * </pre>
 *
 * and the {@code length % e} bytes left over are copied as they are, at the end. {@link #unshuffle}
 * is the inverse. Implementations must give exactly the output of {@link ScalarByteShuffle} (their
 * self-test checks it) and must not read or write outside the ranges given. Source and
 * destination must not overlap.
 */
public interface ByteShuffle {
    /**
     * Groups the bytes of the elements of {@code src[srcOffset, srcOffset + length)} by significance
     * into {@code dst[dstOffset, dstOffset + length)}.
     *
     * @throws IndexOutOfBoundsException if a range is outside its array
     * @throws IllegalArgumentException if {@code elementSize < 1}
     */
    void shuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize);

    /** The inverse of {@link #shuffle}: elements back from their significance planes. */
    void unshuffle(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int elementSize);
}
