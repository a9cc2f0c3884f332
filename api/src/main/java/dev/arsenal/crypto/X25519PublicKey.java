package dev.arsenal.crypto;

import java.math.BigInteger;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;

/**
 * An X25519 public key: its 32-byte u-coordinate, little-endian (RFC 7748 section 5). Also the
 * JDK's {@link XECPublicKey}.
 */
public final class X25519PublicKey extends CurvePublicKey implements XECPublicKey {
    private static final long serialVersionUID = 1L;

    X25519PublicKey(byte[] u) {
        super(KeyAgreementAlgorithm.X25519, u);
    }

    /** {@link NamedParameterSpec#X25519}. */
    @Override
    public NamedParameterSpec getParams() {
        return NamedParameterSpec.X25519;
    }

    /** u, decoded as RFC 7748 decodes it: little-endian, the top bit ignored (not reduced mod p). */
    @Override
    public BigInteger getU() {
        byte[] b = raw();
        b[31] &= 0x7f;
        return KeyCodec.littleEndian(b);
    }
}
