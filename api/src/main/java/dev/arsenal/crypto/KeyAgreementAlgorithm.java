package dev.arsenal.crypto;

import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The key agreement algorithms: each with its key and shared secret sizes. Keys are {@link
 * CurvePrivateKey}s and {@link CurvePublicKey}s; an {@link Agreement} computes shared secrets.
 */
public enum KeyAgreementAlgorithm implements CurveAlgorithm {
    /**
     * X25519 (RFC 7748): 32-byte private scalars (clamped when used, stored as given), 32-byte
     * public u-coordinates, 32-byte shared secrets. A peer key of small order, whose shared secret
     * would be all zeros, is refused (RFC 7748 section 6.1).
     */
    X25519("x25519", "X25519", 110, 32, 32, 32);

    private final String id;
    private final String standardName;
    private final int oidArc;
    private final int privateKeyLength;
    private final int publicKeyLength;
    private final int sharedSecretLength;

    KeyAgreementAlgorithm(
            String id,
            String standardName,
            int oidArc,
            int privateKeyLength,
            int publicKeyLength,
            int sharedSecretLength) {
        this.id = id;
        this.standardName = standardName;
        this.oidArc = oidArc;
        this.privateKeyLength = privateKeyLength;
        this.publicKeyLength = publicKeyLength;
        this.sharedSecretLength = sharedSecretLength;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    @Override
    public int privateKeyLength() {
        return privateKeyLength;
    }

    @Override
    public int publicKeyLength() {
        return publicKeyLength;
    }

    @Override
    public String standardName() {
        return standardName;
    }

    @Override
    public int oidArc() {
        return oidArc;
    }

    /** The length of a shared secret in bytes. */
    public int sharedSecretLength() {
        return sharedSecretLength;
    }

    /** The ids, in declaration order. */
    public static List<String> ids() {
        return AlgorithmNames.ids(values());
    }

    /**
     * The algorithm with this id, its constant's name or its standard name; case, dashes and
     * underscores are ignored.
     *
     * @throws UnknownAlgorithmException listing the ids, if none has it
     */
    public static KeyAgreementAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
