package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    /** The ids, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(KdfAlgorithm::id).toList();
    }

    /**
     * The algorithm with this id ({@code hkdf-sha-256}), its constant's name, or the JDK's name
     * ({@code HKDF-SHA256}); case is ignored.
     *
     * @throws UnknownAlgorithmException listing the ids, if none has it
     */
    public static KdfAlgorithm byId(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (KdfAlgorithm a : values()) {
            if (a.id.equals(n)
                    || a.id.replace("-", "").equals(n.replace("-", ""))
                    || a.name().toLowerCase(Locale.ROOT).equals(n)) {
                return a;
            }
        }
        throw new UnknownAlgorithmException(name, ids());
    }
}
