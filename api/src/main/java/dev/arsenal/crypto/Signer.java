package dev.arsenal.crypto;

import java.util.Objects;

/**
 * Signs messages under one private key (Ed25519: deterministic, RFC 8032, so every provider gives
 * the same signature). Immutable and thread-safe.
 *
 * <pre>{@code
 * CurveKeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
 * byte[] signature = Crypto.signer(pair.privateKey()).sign(message);
 * boolean valid = Crypto.verifier(pair.publicKey()).verify(message, signature);
 * }</pre>
 */
public interface Signer {
    /** The algorithm. */
    SignatureAlgorithm algorithm();

    /** The public key of the signing key: what verifies its signatures. */
    CurvePublicKey publicKey();

    /** The signature of {@code message}. */
    default byte[] sign(byte[] message) {
        return sign(Objects.requireNonNull(message, "message"), 0, message.length);
    }

    /**
     * The signature of {@code length} bytes of {@code message} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code message}
     */
    byte[] sign(byte[] message, int offset, int length);
}
