package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import java.security.InvalidKeyException;
import java.util.Objects;

/**
 * What agreements share, so that every provider refuses the same peers: the algorithm check, and
 * the refusal of an all-zero shared secret (RFC 7748 section 6.1), which some libraries return
 * (Bouncy Castle's raw function), some refuse themselves (libsodium, OpenSSL, the JDK), all for the
 * same peers: the points of small order, whatever their encoding. A provider adds {@link #compute}.
 */
public abstract class AbstractAgreement implements Agreement {
    private final KeyAgreementAlgorithm algorithm;
    private final CurvePublicKey publicKey;

    /**
     * @param algorithm the algorithm
     * @param publicKey the public key of the private key, as the provider derived it
     */
    protected AbstractAgreement(KeyAgreementAlgorithm algorithm, byte[] publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = CurvePublicKey.of(algorithm, publicKey);
    }

    @Override
    public final KeyAgreementAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final CurvePublicKey publicKey() {
        return publicKey;
    }

    @Override
    public final byte[] agree(CurvePublicKey peer) throws InvalidKeyException {
        Objects.requireNonNull(peer, "peer");
        if (peer.algorithm() != algorithm) {
            throw new InvalidKeyException(
                    algorithm.id() + ": the peer's key is a " + peer.getAlgorithm() + " key, not " + algorithm.id());
        }
        byte[] shared = compute(peer.raw());
        if (shared == null || isZero(shared)) {
            throw new InvalidKeyException(algorithm.id() + ": the peer's public key is of small order, so the shared"
                    + " secret would be all zeros whatever the private key (RFC 7748 section 6.1)");
        }
        return shared;
    }

    /**
     * The shared secret with the peer's raw public key, or null (or zeros) where the library refuses
     * it as of small order.
     */
    protected abstract byte[] compute(byte[] peer);

    /** Whether every byte is zero, in time that depends on the length only. */
    private static boolean isZero(byte[] b) {
        int or = 0;
        for (byte x : b) {
            or |= x;
        }
        return or == 0;
    }

    @Override
    public String toString() {
        return algorithm.id() + " agreement (" + getClass().getSimpleName() + ") for " + publicKey;
    }
}
