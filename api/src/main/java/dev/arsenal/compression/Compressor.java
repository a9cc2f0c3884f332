package dev.arsenal.compression;

import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Compresses with one codec at one level. Thread-safe: each call is independent (providers keep
 * per-call or per-thread state). The output of every provider of a codec decodes with every other
 * and with the format's command-line tool.
 */
public interface Compressor {
    /** The codec. */
    Codec codec();

    /** The level. */
    int level();

    /**
     * The most bytes {@link #compress(byte[], int, int, byte[], int, int)} can write for {@code
     * inputLength} bytes of input: an output of that size never fails for lack of room.
     */
    long maxCompressedLength(long inputLength);

    /** Compresses all of {@code input} into a new array of the exact compressed size. */
    default byte[] compress(byte[] input) {
        long bound = maxCompressedLength(input.length);
        if (bound > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "input of " + input.length + " bytes may compress to more than an array holds");
        }
        byte[] out = new byte[(int) bound];
        int n = compress(input, 0, input.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Compresses {@code length} bytes of {@code input} from {@code offset} into {@code output} from
     * {@code outputOffset}, writing at most {@code maxOutputLength} bytes.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code maxOutputLength} is too small for this input (an
     *     output of {@link #maxCompressedLength} bytes always suffices)
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    int compress(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength);

    /**
     * Compresses the remaining bytes of {@code input} into {@code output}, advancing both
     * positions.
     *
     * @throws IllegalArgumentException if the output has too little room left
     */
    void compress(ByteBuffer input, ByteBuffer output);

    /**
     * Compresses all of {@code input} into the start of {@code output}.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code output} is too small
     */
    long compress(MemorySegment input, MemorySegment output);

    /**
     * A stream that compresses what is written to it into {@code out} as one frame of this codec;
     * {@code close()} finishes the frame and closes {@code out}. Not available for raw block
     * formats ({@link Codec#LZ4_BLOCK}).
     *
     * @throws UnsupportedOperationException for a codec without a stream format
     */
    OutputStream compressing(OutputStream out);

    /**
     * A stream as {@link #compressing(OutputStream)} for exactly {@code contentSize} bytes, known
     * before the first is written (a file's size). Frames with a field for it (zstd, LZ4 frames)
     * record it in their header, as the {@code zstd} and {@code lz4} tools do for files, unless the
     * options turned it off ({@link CompressionOptions#contentSize()}); a decoder then knows the
     * size before decoding ({@code zstd -l}, an output allocated once). gzip has no such field.
     *
     * <p>A wrong promise never yields a frame that decodes to other bytes than were written: the
     * stream takes everything written, and if that is not {@code contentSize} bytes, the write that
     * passes it or {@code close()} throws an {@link java.io.IOException}, and a frame that recorded
     * the size is refused by every decoder (its header disagrees with its content).
     *
     * <p>The default ignores the size and returns {@code compressing(out)}: a frame without it is
     * still valid. Arsenal's compressors record and check it.
     *
     * @throws IllegalArgumentException if {@code contentSize} is negative
     * @throws UnsupportedOperationException for a codec without a stream format
     */
    default OutputStream compressing(OutputStream out, long contentSize) {
        if (contentSize < 0) {
            throw new IllegalArgumentException("contentSize must not be negative: " + contentSize);
        }
        return compressing(out);
    }
}
