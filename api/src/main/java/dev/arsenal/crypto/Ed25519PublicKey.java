package dev.arsenal.crypto;

import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;

/**
 * An Ed25519 public key: its 32-byte encoded point (RFC 8032 section 5.1.2: y little-endian, the
 * top bit x's parity). Also the JDK's {@link EdECPublicKey}.
 */
public final class Ed25519PublicKey extends CurvePublicKey implements EdECPublicKey {
    private static final long serialVersionUID = 1L;

    Ed25519PublicKey(byte[] point) {
        super(SignatureAlgorithm.ED25519, point);
    }

    /** {@link NamedParameterSpec#ED25519}. */
    @Override
    public NamedParameterSpec getParams() {
        return NamedParameterSpec.ED25519;
    }

    /** The point as the JDK gives it: y, and whether x is odd, decoded from the bytes as they are. */
    @Override
    public EdECPoint getPoint() {
        byte[] b = raw();
        boolean xOdd = (b[31] & 0x80) != 0;
        b[31] &= 0x7f;
        return new EdECPoint(xOdd, KeyCodec.littleEndian(b));
    }
}
