package dev.arsenal.crypto;

import java.security.InvalidKeyException;

/**
 * Key agreement under one private key: the shared secret with any peer's public key (X25519, RFC
 * 7748). Immutable and thread-safe.
 *
 * <pre>{@code
 * CurveKeyPair mine = Crypto.generateKeyPair(KeyAgreementAlgorithm.X25519);
 * send(mine.publicKey().raw());
 * byte[] secret = Crypto.agreement(mine.privateKey()).agree(peerPublicKey);
 * byte[] key = Crypto.hkdfSha256().derive(secret, salt, info, 32);   // never use the secret as a key
 * }</pre>
 */
public interface Agreement {
    /** The algorithm. */
    KeyAgreementAlgorithm algorithm();

    /** The public key to give peers. */
    CurvePublicKey publicKey();

    /**
     * The shared secret with {@code peer}. Every provider gives the same bytes, and refuses the same
     * peers.
     *
     * @throws InvalidKeyException if {@code peer} is of another algorithm, or of small order: its
     *     shared secret would be all zeros whatever the private key (RFC 7748 section 6.1), which a
     *     peer sends only to force a known secret
     */
    byte[] agree(CurvePublicKey peer) throws InvalidKeyException;
}
