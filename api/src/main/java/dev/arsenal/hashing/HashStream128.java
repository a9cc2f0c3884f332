package dev.arsenal.hashing;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Incremental computation of a 128-bit hash.
 *
 * <p>Feeding bytes in any split gives the same digest as hashing them at once. {@link #digest()}
 * does not change the state: more bytes may follow. Not thread-safe.
 */
public interface HashStream128 {
    /** Adds one byte, the low 8 bits of {@code b} (as {@link java.util.zip.Checksum#update(int)}). */
    void update(int b);

    /** Adds the whole array. */
    default void update(byte[] input) {
        update(input, 0, input.length);
    }

    /**
     * Adds {@code length} bytes of {@code input} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    void update(byte[] input, int offset, int length);

    /** Adds the buffer's remaining bytes and moves its position to its limit. */
    void update(ByteBuffer input);

    /** Adds the segment's bytes. */
    void update(MemorySegment input);

    /** Adds the 8 little-endian bytes of {@code value}. */
    void putLong(long value);

    /** Adds the 4 little-endian bytes of {@code value}. */
    void putInt(int value);

    /** The hash of all bytes added since creation or the last {@link #reset()}. */
    Hash128 digest();

    /** Forgets all bytes added; the seed stays. */
    void reset();
}
