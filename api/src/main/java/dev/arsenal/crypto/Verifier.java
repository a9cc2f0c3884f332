package dev.arsenal.crypto;

import java.util.Objects;

/**
 * Verifies signatures under one public key. Immutable and thread-safe.
 *
 * <p>Every provider gives the same verdict, for the strict rules of libsodium (the field's
 * implementations differ at the edges, and a signature that one accepts and another refuses splits
 * any system that runs both): a signature is refused, before any provider sees it, if it is not 64
 * bytes, if its S is not below the group order (RFC 8032's malleability check), if R or the public
 * key is not canonically encoded or is a point of small order. What is left is checked by the
 * provider's cofactorless equation, as RFC 8032 section 5.1.7 gives it.
 */
public interface Verifier {
    /** The algorithm. */
    SignatureAlgorithm algorithm();

    /** The public key. */
    CurvePublicKey publicKey();

    /** Whether {@code signature} is a valid signature of {@code message}; false if it is null or malformed. */
    default boolean verify(byte[] message, byte[] signature) {
        return verify(Objects.requireNonNull(message, "message"), 0, message.length, signature);
    }

    /**
     * Whether {@code signature} is a valid signature of {@code length} bytes of {@code message} from
     * {@code offset}; false if it is null or malformed.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code message}
     */
    boolean verify(byte[] message, int offset, int length, byte[] signature);
}
