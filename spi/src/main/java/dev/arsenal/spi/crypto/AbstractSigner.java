package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import java.util.Objects;

/**
 * What signers share: the algorithm, the public key, the range check. A provider adds {@link
 * #compute}.
 */
public abstract class AbstractSigner implements Signer {
    private final SignatureAlgorithm algorithm;
    private final CurvePublicKey publicKey;

    /**
     * @param algorithm the algorithm
     * @param publicKey the public key of the signing key, as the provider derived it
     */
    protected AbstractSigner(SignatureAlgorithm algorithm, byte[] publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = CurvePublicKey.of(algorithm, publicKey);
    }

    @Override
    public final SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final CurvePublicKey publicKey() {
        return publicKey;
    }

    @Override
    public final byte[] sign(byte[] message, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(message, "message").length);
        return compute(message, offset, length);
    }

    /** The signature of a range already checked. */
    protected abstract byte[] compute(byte[] message, int offset, int length);

    @Override
    public String toString() {
        return algorithm.id() + " signer (" + getClass().getSimpleName() + ") for " + publicKey;
    }
}
