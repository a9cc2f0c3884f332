package dev.arsenal.crypto;

import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The signature algorithms: each with its key and signature sizes. Keys are {@link
 * CurvePrivateKey}s and {@link CurvePublicKey}s; a {@link Signer} signs, a {@link Verifier} checks.
 */
public enum SignatureAlgorithm implements CurveAlgorithm {
    /**
     * Ed25519 (RFC 8032, pure, no context): 32-byte private keys (the seed), 32-byte public keys,
     * 64-byte signatures. Signing is deterministic: every provider gives the same signature.
     */
    ED25519("ed25519", "Ed25519", 112, 32, 32, 64);

    private final String id;
    private final String standardName;
    private final int oidArc;
    private final int privateKeyLength;
    private final int publicKeyLength;
    private final int signatureLength;

    SignatureAlgorithm(
            String id,
            String standardName,
            int oidArc,
            int privateKeyLength,
            int publicKeyLength,
            int signatureLength) {
        this.id = id;
        this.standardName = standardName;
        this.oidArc = oidArc;
        this.privateKeyLength = privateKeyLength;
        this.publicKeyLength = publicKeyLength;
        this.signatureLength = signatureLength;
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

    /** The length of a signature in bytes. */
    public int signatureLength() {
        return signatureLength;
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
    public static SignatureAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
