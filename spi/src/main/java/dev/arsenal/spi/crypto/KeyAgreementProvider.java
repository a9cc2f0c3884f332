package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;

/**
 * A provider of key agreement. The engine checks that a key is of the algorithm, and live, before
 * {@link #agreement} is called. Its self-test ({@link CryptoProvider#selfTest}) checks the shared
 * {@link CurveKnownAnswers}. Implementations extend {@link AbstractAgreement}, which refuses the
 * same peers for every provider.
 */
public interface KeyAgreementProvider extends CryptoProvider {
    /** The agreement under {@code key}, which is {@code algorithm}'s; the provider derives the public key. */
    Agreement agreement(KeyAgreementAlgorithm algorithm, CurvePrivateKey key);
}
