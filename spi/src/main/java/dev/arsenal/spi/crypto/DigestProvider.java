package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;

/**
 * A provider of digests. The engine checks the spec against the algorithm ({@link
 * DigestAlgorithm#check}) before {@link #digest} is called, and asks {@link #supports} first: a
 * library may give only some lengths or keys of an algorithm (libsodium's BLAKE2b gives 16 to 64
 * bytes), and another provider serves the rest. Its self-test ({@link CryptoProvider#selfTest})
 * checks the shared {@link DigestKnownAnswers} it supports.
 */
public interface DigestProvider extends CryptoProvider {
    /** Whether this provider gives {@code algorithm} as {@code spec} says (checked already); true by default. */
    default boolean supports(DigestAlgorithm algorithm, DigestSpec spec) {
        return true;
    }

    /** The digest of {@code algorithm} as {@code spec} says; the spec was checked and is supported. */
    Digest digest(DigestAlgorithm algorithm, DigestSpec spec);
}
