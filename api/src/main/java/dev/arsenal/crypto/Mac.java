package dev.arsenal.crypto;

import java.nio.ByteBuffer;

/**
 * A message authentication code under one key: tags one-shot or through a {@link DigestStream},
 * and verifies tags in constant time. Immutable and thread-safe; its streams are not. Every
 * provider gives the same tags.
 *
 * <pre>{@code
 * Mac hmac = Crypto.hmacSha256(key);
 * byte[] tag = hmac.mac(message);
 * if (!hmac.verify(message, receivedTag)) { ... }   // never Arrays.equals: it leaks timing
 * }</pre>
 */
public interface Mac {
    /** The algorithm. */
    MacAlgorithm algorithm();

    /** The tag length in bytes. */
    default int length() {
        return algorithm().length();
    }

    /** The tag of {@code message}. */
    default byte[] mac(byte[] message) {
        return mac(message, 0, message.length);
    }

    /**
     * The tag of {@code length} bytes of {@code message} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code message}
     */
    byte[] mac(byte[] message, int offset, int length);

    /** The tag of {@code message}'s remaining bytes; its position moves to its limit. */
    byte[] mac(ByteBuffer message);

    /**
     * Whether {@code tag} is {@code message}'s tag, or its first bytes (a tag truncated to no less
     * than {@link MacAlgorithm#MIN_TAG_BYTES}), compared in time independent of where they differ.
     * A tag that is null, longer than {@link #length()} or shorter than the minimum is false.
     */
    boolean verify(byte[] message, byte[] tag);

    /** A new stream, empty, whose {@code digest()} is the tag of what was added. */
    DigestStream newStream();
}
