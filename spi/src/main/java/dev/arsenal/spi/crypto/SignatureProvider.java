package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;

/**
 * A provider of signatures. The engine checks that a key is of the algorithm, and live, before
 * {@link #signer} or {@link #verifier} is called. Its self-test ({@link CryptoProvider#selfTest})
 * checks the shared {@link CurveKnownAnswers}. Implementations extend {@link AbstractSigner} and
 * {@link AbstractVerifier}, which give every provider the same checks and verdicts.
 */
public interface SignatureProvider extends CryptoProvider {
    /** The signer under {@code key}, which is {@code algorithm}'s; the provider derives the public key. */
    Signer signer(SignatureAlgorithm algorithm, CurvePrivateKey key);

    /** The verifier under {@code key}, which is {@code algorithm}'s. */
    Verifier verifier(SignatureAlgorithm algorithm, CurvePublicKey key);
}
