package dev.arsenal.crypto;

import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;

/**
 * An Ed25519 private key: its 32-byte seed (RFC 8032 section 5.1.5). Also the JDK's {@link
 * EdECPrivateKey}, so that {@code java.security.Signature.getInstance("Ed25519")} takes it.
 */
public final class Ed25519PrivateKey extends CurvePrivateKey implements EdECPrivateKey {
    private static final long serialVersionUID = 1L;

    Ed25519PrivateKey(byte[] seed) {
        super(SignatureAlgorithm.ED25519, seed);
    }

    /** The seed, a copy. */
    @Override
    public Optional<byte[]> getBytes() {
        return Optional.of(raw());
    }

    /** {@link NamedParameterSpec#ED25519}. */
    @Override
    public NamedParameterSpec getParams() {
        return NamedParameterSpec.ED25519;
    }
}
