package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/** The key derivation functions: HKDF (RFC 5869) over HMAC-SHA-256 and HMAC-SHA-512. */
public enum KdfAlgorithm implements Algorithm {
    /** HKDF-SHA-256: up to 8,160 bytes of output. */
    HKDF_SHA_256("hkdf-sha-256", MacAlgorithm.HMAC_SHA_256),
    /** HKDF-SHA-512: up to 16,320 bytes of output. */
    HKDF_SHA_512("hkdf-sha-512", MacAlgorithm.HMAC_SHA_512);

    private final String id;
    private final MacAlgorithm mac;

    KdfAlgorithm(String id, MacAlgorithm mac) {
        this.id = id;
        this.mac = mac;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    /** The HMAC under it. */
    public MacAlgorithm mac() {
        return mac;
    }

    /** The most output bytes: 255 times the hash's length (RFC 5869, section 2.3). */
    public int maxLength() {
        return 255 * mac.length();
    }

    /**
     * Checks an output length: 1 to {@link #maxLength()}.
     *
     * @throws IllegalArgumentException naming the bounds
     */
    public void checkLength(int length) {
        if (length < 1 || length > maxLength()) {
            throw new IllegalArgumentException(id + " derives 1 to " + maxLength() + " bytes, not " + length);
        }
    }

    /**
     * Checks a pseudorandom key for {@link Kdf#expand}: at least the hash's length.
     *
     * @throws IllegalArgumentException if it is shorter
     * @throws NullPointerException if it is null
     */
    public void checkPseudoRandomKey(byte[] pseudoRandomKey) {
        int hashLength = mac.length();
        if (java.util.Objects.requireNonNull(pseudoRandomKey, "pseudoRandomKey").length < hashLength) {
            throw new IllegalArgumentException(
                    id + ": the pseudorandom key is at least " + hashLength + " bytes, not " + pseudoRandomKey.length);
        }
    }

    /** The ids, in declaration order. */
    public static List<String> ids() {
        return AlgorithmNames.ids(values());
    }

    /**
     * The algorithm with this id, its constant's name, or a name other tools use; case, dashes and
     * underscores are ignored.
     *
     * @throws UnknownAlgorithmException listing the ids, if none has it
     */
    public static KdfAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
