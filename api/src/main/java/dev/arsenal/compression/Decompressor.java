package dev.arsenal.compression;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Decompresses one codec. Thread-safe. Every decoder treats its input as hostile: bad input is a
 * {@link MalformedInputException} naming the offset and the reason, never a read or write out of
 * bounds, never a hang, never bytes of an earlier buffer in the output. Output size is bounded by
 * the caller: a buffer's room, or the {@code maxLength} of the allocating forms (decompression
 * bombs stop there).
 */
public interface Decompressor {
    /** The codec. */
    Codec codec();

    /**
     * Decompresses all of {@code input} (one or more frames for frame formats) into a new array.
     *
     * @param maxLength the most bytes the caller accepts; more is a {@link MalformedInputException}
     *     ("output exceeds the limit of N bytes")
     * @throws MalformedInputException if the input is not valid, or decompresses to more than
     *     {@code maxLength} bytes
     */
    byte[] decompress(byte[] input, int maxLength);

    /**
     * Decompresses {@code length} bytes of {@code input} from {@code offset} into {@code output} from
     * {@code outputOffset}, writing at most {@code maxOutputLength} bytes. For {@link
     * Codec#LZ4_BLOCK}, which records no size, the output range must be exactly the decompressed
     * size or larger.
     *
     * @return the number of bytes written
     * @throws MalformedInputException if the input is not valid or needs more room than given
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    int decompress(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength);

    /**
     * Decompresses the remaining bytes of {@code input} into {@code output}, advancing both
     * positions.
     *
     * @throws MalformedInputException as above
     */
    void decompress(ByteBuffer input, ByteBuffer output);

    /**
     * Decompresses all of {@code input} into the start of {@code output}.
     *
     * @return the number of bytes written
     * @throws MalformedInputException as above
     */
    long decompress(MemorySegment input, MemorySegment output);

    /**
     * A stream of the decompressed bytes of {@code in}, which holds frames of this codec; at most
     * {@code maxLength} bytes are produced ({@link Long#MAX_VALUE} for no limit). Bad input fails a
     * read with an {@link java.io.IOException} whose cause is a {@link MalformedInputException}.
     *
     * @throws UnsupportedOperationException for a codec without a stream format
     */
    InputStream decompressing(InputStream in, long maxLength);
}
