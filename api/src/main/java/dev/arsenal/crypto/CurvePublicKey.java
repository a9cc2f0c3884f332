package dev.arsenal.crypto;

import java.security.KeyRep;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public key of a {@link CurveAlgorithm}, held as its raw bytes: an {@link Ed25519PublicKey} or
 * an {@link X25519PublicKey}. Immutable and thread-safe. Any 32 bytes make a key: whether they are
 * a usable point is for the {@link Verifier} (which refuses to verify under a small-order or
 * non-canonical Ed25519 key) and the {@link Agreement} (which refuses a small-order peer) to say.
 */
public abstract sealed class CurvePublicKey implements CurveKey, PublicKey permits Ed25519PublicKey, X25519PublicKey {
    private static final long serialVersionUID = 1L;

    private final transient CurveAlgorithm algorithm;
    private final byte[] key;

    CurvePublicKey(CurveAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.key = KeyCodec.checkLength(algorithm, "public", key).clone();
    }

    /**
     * The public key of {@code algorithm} with these raw bytes (copied).
     *
     * @throws IllegalArgumentException if they are not the algorithm's public key length
     */
    public static CurvePublicKey of(CurveAlgorithm algorithm, byte[] raw) {
        Objects.requireNonNull(algorithm, "algorithm");
        return switch (algorithm) {
            case SignatureAlgorithm s -> new Ed25519PublicKey(raw);
            case KeyAgreementAlgorithm k -> new X25519PublicKey(raw);
        };
    }

    /**
     * The public key that an X.509 {@code SubjectPublicKeyInfo} encodes (what {@code getEncoded()}
     * of a JDK key gives, and {@code openssl pkey -pubout -outform DER}).
     *
     * @throws InvalidKeySpecException naming what is wrong with the DER, or the algorithm's object
     *     identifier if it is neither Ed25519's nor X25519's
     */
    public static CurvePublicKey fromX509(byte[] der) throws InvalidKeySpecException {
        return KeyCodec.parseX509(Objects.requireNonNull(der, "der"));
    }

    /**
     * {@code key} as an Arsenal key: itself if it is one, else read from its X.509 encoding (the
     * JDK's and Bouncy Castle's Ed25519 and X25519 keys have one).
     *
     * @throws InvalidKeySpecException if it has no X.509 encoding or is of another algorithm
     */
    public static CurvePublicKey from(PublicKey key) throws InvalidKeySpecException {
        if (Objects.requireNonNull(key, "key") instanceof CurvePublicKey k) {
            return k;
        }
        byte[] der = key.getEncoded();
        if (der == null || !"X.509".equals(key.getFormat())) {
            throw new InvalidKeySpecException(
                    "a " + key.getAlgorithm() + " key in format " + key.getFormat() + ": only X.509 keys are read");
        }
        return fromX509(der);
    }

    @Override
    public final CurveAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final byte[] raw() {
        return key.clone();
    }

    /** The standard name, {@code "Ed25519"} or {@code "X25519"}. */
    @Override
    public final String getAlgorithm() {
        return algorithm.standardName();
    }

    /** {@code "X.509"}. */
    @Override
    public final String getFormat() {
        return "X.509";
    }

    /** The X.509 {@code SubjectPublicKeyInfo} encoding. */
    @Override
    public final byte[] getEncoded() {
        return KeyCodec.x509(algorithm, key);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof CurvePublicKey k && k.algorithm == algorithm && Arrays.equals(k.key, key);
    }

    @Override
    public final int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(key);
    }

    /** The algorithm and the key in hex. */
    @Override
    public final String toString() {
        return algorithm.standardName() + " public key " + HexFormat.of().formatHex(key);
    }

    /**
     * Refuses a stream that holds this class itself: a key is serialized only as its {@link KeyRep},
     * whose reading checks the encoding.
     */
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a key is read back through its KeyRep only");
    }

    private void readObjectNoData() throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a key is read back through its KeyRep only");
    }

    /** Serialized as the JDK serializes its keys: a {@link KeyRep} of the X.509 encoding. */
    protected final Object writeReplace() {
        return new KeyRep(KeyRep.Type.PUBLIC, getAlgorithm(), getFormat(), getEncoded());
    }
}
