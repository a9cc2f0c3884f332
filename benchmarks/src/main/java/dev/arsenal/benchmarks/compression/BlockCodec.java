package dev.arsenal.benchmarks.compression;

/**
 * One implementation of a codec as the benchmarks call it: whole arrays in, an output array of
 * {@link #maxCompressedLength} (compress) or of the exact original size (decompress). Every
 * implementation, Arsenal's and the libraries', sits behind this same interface, so that the
 * indirection costs all of them alike (one fork loads one implementation: the call is monomorphic).
 * Not thread-safe: the benchmarks keep one per thread.
 */
interface BlockCodec {
    /** Enough room for compressing {@code length} bytes. */
    int maxCompressedLength(int length);

    /** Compresses {@code input[0, length)} to the start of {@code output}; returns the bytes written. */
    int compress(byte[] input, int length, byte[] output);

    /**
     * Decompresses {@code input[0, length)} into the start of {@code output}, given exactly {@code
     * originalLength} bytes of room (LZ4 blocks record no size); returns the bytes written.
     */
    int decompress(byte[] input, int length, byte[] output, int originalLength);
}
