package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The cryptographic digests: SHA-256 and SHA-512 (FIPS 180-4), BLAKE2b (RFC 7693: 1 to 64 bytes of
 * output, keyed with up to 64 bytes) and BLAKE3 (any length of output, keyed with 32 bytes, or
 * deriving a key from a context string). What a digest is made with beyond the algorithm (its
 * length, key or context) is a {@link DigestSpec}, checked by {@link #check(DigestSpec)}.
 */
public enum DigestAlgorithm implements Algorithm {
    /** SHA-256: 32 bytes, no key. */
    SHA_256("sha-256", 32, 32, 32, 0, 0),
    /** SHA-512: 64 bytes, no key. */
    SHA_512("sha-512", 64, 64, 64, 0, 0),
    /** BLAKE2b: 64 bytes by default, 1 to 64; keyed with 1 to 64 bytes (a MAC), or not. */
    BLAKE2B("blake2b", 64, 1, 64, 1, 64),
    /**
     * BLAKE3: 32 bytes by default and any length (an extendable output: a shorter output is a
     * prefix of a longer one); keyed with exactly 32 bytes, or deriving a key from a context string.
     */
    BLAKE3("blake3", 32, 1, Integer.MAX_VALUE, 32, 32);

    private final String id;
    private final int defaultLength;
    private final int minLength;
    private final int maxLength;
    private final int minKey;
    private final int maxKey;

    DigestAlgorithm(String id, int defaultLength, int minLength, int maxLength, int minKey, int maxKey) {
        this.id = id;
        this.defaultLength = defaultLength;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minKey = minKey;
        this.maxKey = maxKey;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    /** The output length in bytes of a digest made without a length. */
    public int defaultLength() {
        return defaultLength;
    }

    /** The shortest output in bytes: the fixed length of SHA-256 and SHA-512, 1 for the BLAKEs. */
    public int minLength() {
        return minLength;
    }

    /** The longest output in bytes; {@link Integer#MAX_VALUE} for BLAKE3, whose output has no end. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether the algorithm takes a key: BLAKE2b and BLAKE3. */
    public boolean isKeyed() {
        return maxKey > 0;
    }

    /**
     * Checks {@code spec} against this algorithm: its length from 1 to {@link #maxLength()} (the
     * SHA-2 lengths are fixed), a key only for BLAKE2b (1 to 64 bytes) and BLAKE3 (32 bytes), a
     * context only for BLAKE3 and never with a key.
     *
     * @return the output length the spec gives (its own, or {@link #defaultLength()})
     * @throws IllegalArgumentException naming what is wrong
     */
    public int check(DigestSpec spec) {
        int length = spec.length() == 0 ? defaultLength : spec.length();
        if (length < minLength || length > maxLength) {
            throw new IllegalArgumentException(id
                    + (minLength == maxLength
                            ? " gives " + maxLength + " bytes, not " + length
                            : " gives " + minLength + " to " + maxLength + " bytes, not " + length));
        }
        if (spec.hasKey()) {
            int k = spec.keyLength();
            if (!isKeyed()) {
                throw new IllegalArgumentException(id + " takes no key (use HMAC for a keyed SHA-2)");
            }
            if (k < minKey || k > maxKey) {
                throw new IllegalArgumentException(id + " takes a key of "
                        + (minKey == maxKey ? minKey + " bytes" : minKey + " to " + maxKey + " bytes") + ", got " + k);
            }
        }
        if (spec.context() != null && this != BLAKE3) {
            throw new IllegalArgumentException(id + " takes no context string (only BLAKE3 derives keys)");
        }
        return length;
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
    public static DigestAlgorithm byId(String name) {
        return AlgorithmNames.byName(
                values(), name, Map.of("b2", BLAKE2B, "blake2b512", BLAKE2B, "b3", BLAKE3, "blake3256", BLAKE3));
    }
}
