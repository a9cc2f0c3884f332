package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The message authentication codes: HMAC (RFC 2104) over SHA-256 and SHA-512. (Keyed BLAKE2b and
 * BLAKE3 are {@link DigestAlgorithm}s with a key.)
 */
public enum MacAlgorithm implements Algorithm {
    /** HMAC-SHA-256: 32-byte tags. */
    HMAC_SHA_256("hmac-sha-256", DigestAlgorithm.SHA_256),
    /** HMAC-SHA-512: 64-byte tags. */
    HMAC_SHA_512("hmac-sha-512", DigestAlgorithm.SHA_512);

    /**
     * The shortest tag {@link Mac#verify} accepts, in bytes: 16, half of HMAC-SHA-256's (RFC 2104
     * allows truncation to no less than half the hash and 80 bits).
     */
    public static final int MIN_TAG_BYTES = 16;

    private final String id;
    private final DigestAlgorithm digest;

    MacAlgorithm(String id, DigestAlgorithm digest) {
        this.id = id;
        this.digest = digest;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    /** The hash under the HMAC. */
    public DigestAlgorithm digest() {
        return digest;
    }

    /** The tag length in bytes: the hash's. */
    public int length() {
        return digest.defaultLength();
    }

    /**
     * Checks a key: any length from 1 byte (keys longer than the hash's block are hashed first, as
     * RFC 2104 says; keys shorter than the tag are weak, but allowed, as every HMAC allows them).
     *
     * @throws IllegalArgumentException if it is null or empty
     */
    public void checkKey(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException(id + ": no key (null)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(id + ": the key is empty");
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
    public static MacAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
