package dev.arsenal.crypto;

import java.security.Key;
import java.security.spec.InvalidKeySpecException;

/**
 * A key of a {@link CurveAlgorithm}: {@link CurvePrivateKey} or {@link CurvePublicKey}. Both are
 * the JDK's own key types too ({@code EdECPrivateKey}, {@code XECPublicKey}...), encoded as the
 * JDK encodes them (PKCS#8 and X.509, RFC 8410), so that they pass to and from the JCA unchanged.
 */
public sealed interface CurveKey extends Key permits CurvePrivateKey, CurvePublicKey {
    /** The algorithm the key is for. */
    CurveAlgorithm algorithm();

    /**
     * The key's raw bytes, a copy (RFC 8032's and RFC 7748's encoding: Ed25519's seed or public
     * point, X25519's scalar or u-coordinate).
     *
     * @throws IllegalStateException if the key was destroyed
     */
    byte[] raw();

    /**
     * The key in PEM, as {@code openssl} writes it: {@code -----BEGIN PRIVATE KEY-----} around its
     * PKCS#8 encoding, or {@code -----BEGIN PUBLIC KEY-----} around its X.509 one, base64 in lines
     * of 64 characters, each line ending with a newline.
     */
    default String pem() {
        return KeyCodec.pem(this instanceof CurvePrivateKey ? "PRIVATE KEY" : "PUBLIC KEY", getEncoded());
    }

    /**
     * The first key in PEM text ({@code openssl genpkey -algorithm ed25519} or {@code openssl pkey
     * -pubout}); text before and after it is ignored, as {@code openssl} ignores it.
     *
     * @throws InvalidKeySpecException naming what is wrong: no PEM block, a label other than
     *     {@code PRIVATE KEY} or {@code PUBLIC KEY} (an encrypted key is refused as such), bad
     *     base64, or a DER structure that is not an Ed25519 or X25519 key
     */
    static CurveKey readPem(String text) throws InvalidKeySpecException {
        return KeyCodec.readPem(text);
    }
}
