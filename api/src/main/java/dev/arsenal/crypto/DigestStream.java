package dev.arsenal.crypto;

import java.nio.ByteBuffer;

/**
 * A digest over input given in parts, as {@link java.security.MessageDigest} is: {@code update}
 * any number of times, then {@code digest}, which returns the digest and starts the stream over.
 * Not thread-safe: one stream per thread at a time.
 */
public interface DigestStream {
    /** The output length in bytes. */
    int length();

    /** Adds {@code input}. */
    default void update(byte[] input) {
        update(input, 0, input.length);
    }

    /**
     * Adds {@code length} bytes of {@code input} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code input}
     */
    void update(byte[] input, int offset, int length);

    /** Adds {@code input}'s remaining bytes; its position moves to its limit. */
    void update(ByteBuffer input);

    /** The digest of everything added since the start or the last digest; the stream is then empty. */
    byte[] digest();

    /**
     * Writes the digest of everything added to {@code out} at {@code offset} ({@link #length()}
     * bytes); the stream is then empty.
     *
     * @return the bytes written, {@link #length()}
     * @throws IndexOutOfBoundsException if {@code out} has fewer than {@link #length()} bytes from
     *     {@code offset}; nothing is written and the stream keeps its input then
     */
    int digest(byte[] out, int offset);

    /** Drops what was added: the stream is empty. */
    void reset();
}
