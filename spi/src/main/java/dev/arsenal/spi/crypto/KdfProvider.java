package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;

/**
 * A provider of key derivation functions. Its self-test ({@link CryptoProvider#selfTest}) checks
 * the shared {@link KdfKnownAnswers}. A provider with an HMAC and no HKDF of its own gives {@link
 * Hkdf} over its HMAC.
 */
public interface KdfProvider extends CryptoProvider {
    /** The KDF for {@code algorithm}. */
    Kdf kdf(KdfAlgorithm algorithm);
}
