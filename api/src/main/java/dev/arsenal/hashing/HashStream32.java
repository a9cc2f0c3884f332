package dev.arsenal.hashing;

import java.lang.foreign.MemorySegment;

/**
 * Incremental computation of a 32-bit hash. It is also a {@link java.util.zip.Checksum}, so code
 * written for {@link java.util.zip.CRC32} takes any 32-bit Arsenal hash; {@link #getValue()} is
 * the {@link #digest()} as an unsigned value.
 *
 * <p>Feeding bytes in any split gives the same digest as hashing them at once. {@link #digest()}
 * does not change the state: more bytes may follow. Not thread-safe.
 */
public interface HashStream32 extends java.util.zip.Checksum {
    /** Adds the segment's bytes. */
    void update(MemorySegment input);

    /** Adds the 8 little-endian bytes of {@code value}. */
    void putLong(long value);

    /** Adds the 4 little-endian bytes of {@code value}. */
    void putInt(int value);

    /** The hash of all bytes added since creation or the last {@link #reset()}. */
    int digest();

    /** The digest as an unsigned value, as {@link java.util.zip.Checksum} requires. */
    @Override
    default long getValue() {
        return Integer.toUnsignedLong(digest());
    }
}
