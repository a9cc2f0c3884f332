package dev.arsenal.crypto;

import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;

/**
 * An X25519 private key: its 32-byte scalar as drawn (RFC 7748 clamps it when it is used). Also
 * the JDK's {@link XECPrivateKey}, so that {@code javax.crypto.KeyAgreement.getInstance("X25519")}
 * takes it.
 */
public final class X25519PrivateKey extends CurvePrivateKey implements XECPrivateKey {
    private static final long serialVersionUID = 1L;

    X25519PrivateKey(byte[] scalar) {
        super(KeyAgreementAlgorithm.X25519, scalar);
    }

    /** The scalar, a copy. */
    @Override
    public Optional<byte[]> getScalar() {
        return Optional.of(raw());
    }

    /** {@link NamedParameterSpec#X25519}. */
    @Override
    public NamedParameterSpec getParams() {
        return NamedParameterSpec.X25519;
    }
}
