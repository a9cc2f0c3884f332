package dev.arsenal.hashing;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A 64-bit hash function with a fixed seed, obtained from {@link Hashing}.
 *
 * <p>Contract: every method hashes a sequence of bytes, and equal sequences give equal results
 * whatever form they come in: {@code hash(bytes)}, {@code hash(ByteBuffer.wrap(bytes))}, {@code
 * hash(MemorySegment.ofArray(bytes))} and a {@link #newStream() stream} fed the same bytes in any
 * split all agree. {@link #hashLong(long)} and {@link #hashInt(int)} hash the value's little-endian
 * bytes. Results are bit-exact with the reference implementation on every platform and from every
 * provider.
 *
 * <p>Instances are immutable and thread-safe; obtain one once and keep it (in a {@code static
 * final} field, say): obtaining it consults the selection, calling it does not.
 */
public interface Hasher64 {
    /** The algorithm this hasher computes. */
    HashAlgorithm algorithm();

    /** The seed; 0 for unseeded checksums. */
    long seed();

    /** Hashes the whole array. */
    default long hash(byte[] input) {
        return hash(input, 0, input.length);
    }

    /**
     * Hashes {@code length} bytes of {@code input} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    long hash(byte[] input, int offset, int length);

    /** Hashes the buffer's remaining bytes; its position and limit are left unchanged. */
    long hash(ByteBuffer input);

    /** Hashes the whole segment, on or off the heap. */
    long hash(MemorySegment input);

    /** Hashes the 8 little-endian bytes of {@code value}. */
    long hashLong(long value);

    /** Hashes the 4 little-endian bytes of {@code value}. */
    long hashInt(int value);

    /** A new streaming state with this hasher's seed. */
    HashStream64 newStream();
}
