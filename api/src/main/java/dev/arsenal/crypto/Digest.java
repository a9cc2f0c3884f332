package dev.arsenal.crypto;

import java.nio.ByteBuffer;

/**
 * A cryptographic digest of one algorithm and {@link DigestSpec} (length, key, context): one-shot
 * over an array or a buffer, or a {@link DigestStream} for input that comes in parts. Immutable
 * and thread-safe; its streams are not. Every provider of an algorithm gives the same bytes.
 *
 * <pre>{@code
 * byte[] sum = Crypto.digest(DigestAlgorithm.BLAKE3).digest(data);
 * }</pre>
 */
public interface Digest {
    /** The algorithm. */
    DigestAlgorithm algorithm();

    /** The output length in bytes. */
    int length();

    /** The digest of {@code input}. */
    default byte[] digest(byte[] input) {
        return digest(input, 0, input.length);
    }

    /**
     * The digest of {@code length} bytes of {@code input} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code input}
     */
    byte[] digest(byte[] input, int offset, int length);

    /** The digest of {@code input}'s remaining bytes, heap or direct; its position moves to its limit. */
    byte[] digest(ByteBuffer input);

    /** A new stream, empty. */
    DigestStream newStream();
}
