package dev.arsenal.crypto;

import dev.arsenal.Algorithm;

/**
 * An algorithm on an elliptic curve whose keys are fixed-length byte strings (RFC 7748, RFC 8032):
 * {@link SignatureAlgorithm#ED25519} and {@link KeyAgreementAlgorithm#X25519}. Its keys are {@link
 * CurvePrivateKey}s and {@link CurvePublicKey}s.
 */
public sealed interface CurveAlgorithm extends Algorithm permits SignatureAlgorithm, KeyAgreementAlgorithm {
    /** The length of a private key in bytes (Ed25519's seed, X25519's scalar). */
    int privateKeyLength();

    /** The length of a public key in bytes. */
    int publicKeyLength();

    /** The name RFC 8410 and the JCA give it ({@code "Ed25519"}, {@code "X25519"}): its keys' {@code getAlgorithm()}. */
    String standardName();

    /** The last byte of its object identifier, 1.3.101.x (RFC 8410): 112 for Ed25519, 110 for X25519. */
    int oidArc();
}
