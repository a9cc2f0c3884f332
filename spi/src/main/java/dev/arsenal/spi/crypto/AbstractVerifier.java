package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Verifier;
import java.util.Objects;

/**
 * What verifiers share, so that every provider gives the same verdict: the range check, and the
 * strict checks of {@link Ed25519Encodings} on the public key (once) and on each signature before
 * the provider sees it. A provider adds {@link #check}, the equation, which must answer false and
 * never throw for a signature that is not valid.
 */
public abstract class AbstractVerifier implements Verifier {
    private final SignatureAlgorithm algorithm;
    private final CurvePublicKey publicKey;
    private final boolean usableKey;

    /**
     * @param algorithm the algorithm
     * @param publicKey the public key
     */
    protected AbstractVerifier(SignatureAlgorithm algorithm, CurvePublicKey publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.usableKey = Ed25519Encodings.isStrictPoint(publicKey.raw(), 0);
    }

    @Override
    public final SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final CurvePublicKey publicKey() {
        return publicKey;
    }

    /**
     * Whether the public key can verify anything: false for a key that is not canonically encoded
     * or is of small order, under which every signature is refused.
     */
    public final boolean usableKey() {
        return usableKey;
    }

    @Override
    public final boolean verify(byte[] message, int offset, int length, byte[] signature) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(message, "message").length);
        if (!usableKey || signature == null || signature.length != algorithm.signatureLength()) {
            return false;
        }
        if (!Ed25519Encodings.isStrictPoint(signature, 0) || !Ed25519Encodings.isCanonicalScalar(signature, 32)) {
            return false;
        }
        return check(message, offset, length, signature);
    }

    /**
     * The provider's verification of a signature that passed the shared checks, over a range
     * already checked: false, never an exception, if it is not valid.
     */
    protected abstract boolean check(byte[] message, int offset, int length, byte[] signature);

    @Override
    public String toString() {
        return algorithm.id() + " verifier (" + getClass().getSimpleName() + ") for " + publicKey;
    }
}
