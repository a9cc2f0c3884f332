package dev.arsenal.crypto;

import java.security.KeyPair;
import java.util.Objects;

/**
 * A private key and its public key, of one {@link CurveAlgorithm}.
 *
 * @param privateKey the private key
 * @param publicKey the public key derived from it
 */
public record CurveKeyPair(CurvePrivateKey privateKey, CurvePublicKey publicKey) {
    /** @throws IllegalArgumentException if the keys are of different algorithms */
    public CurveKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (privateKey.algorithm() != publicKey.algorithm()) {
            throw new IllegalArgumentException("a " + privateKey.getAlgorithm() + " private key with a "
                    + publicKey.getAlgorithm() + " public key");
        }
    }

    /** The algorithm of both keys. */
    public CurveAlgorithm algorithm() {
        return privateKey.algorithm();
    }

    /** The pair as the JCA's {@link KeyPair} (the same key objects). */
    public KeyPair toKeyPair() {
        return new KeyPair(publicKey, privateKey);
    }
}
