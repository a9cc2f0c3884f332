package dev.arsenal.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a digest is made with beyond its algorithm: the output length, a key (BLAKE2b, BLAKE3) or a
 * context string (BLAKE3's key derivation). Immutable; the key is copied in and out. Checked
 * against an algorithm by {@link DigestAlgorithm#check(DigestSpec)} when a digest is made.
 *
 * <pre>{@code
 * Digest mac = Crypto.digest(DigestAlgorithm.BLAKE2B, DigestSpec.keyed(key).withLength(32));
 * Digest kdf = Crypto.digest(DigestAlgorithm.BLAKE3, DigestSpec.deriving("myapp 2026-12-07 session keys"));
 * }</pre>
 */
public final class DigestSpec {
    private static final DigestSpec DEFAULTS = new DigestSpec(0, null, null);

    private final int length;
    private final byte[] key;
    private final String context;

    private DigestSpec(int length, byte[] key, String context) {
        this.length = length;
        this.key = key;
        this.context = context;
    }

    /** The algorithm's default length, no key, no context. */
    public static DigestSpec defaults() {
        return DEFAULTS;
    }

    /** {@code length} bytes of output, no key. */
    public static DigestSpec ofLength(int length) {
        return DEFAULTS.withLength(length);
    }

    /** Keyed with a copy of {@code key} (BLAKE2b: 1 to 64 bytes; BLAKE3: 32 bytes). */
    public static DigestSpec keyed(byte[] key) {
        Objects.requireNonNull(key, "key");
        return new DigestSpec(0, key.clone(), null);
    }

    /**
     * BLAKE3's key derivation from {@code context}, a hard-coded, globally unique string naming the
     * application and purpose; the input is then the key material.
     */
    public static DigestSpec deriving(String context) {
        return new DigestSpec(0, null, Objects.requireNonNull(context, "context"));
    }

    /**
     * This spec with {@code length} bytes of output.
     *
     * @throws IllegalArgumentException if {@code length} is not positive
     */
    public DigestSpec withLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a digest is at least 1 byte long, not " + length);
        }
        return new DigestSpec(length, key, context);
    }

    /** The output length asked for; 0 for the algorithm's default. */
    public int length() {
        return length;
    }

    /** Whether a key was given. */
    public boolean hasKey() {
        return key != null;
    }

    /** The key's length; 0 if none. */
    public int keyLength() {
        return key == null ? 0 : key.length;
    }

    /** A copy of the key, or null. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** The context string of a key derivation, or null. */
    public String context() {
        return context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestSpec s
                && s.length == length
                && Arrays.equals(s.key, key)
                && Objects.equals(s.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, Arrays.hashCode(key), context);
    }

    /** The length, whether keyed (never the key) and the context. */
    @Override
    public String toString() {
        return "DigestSpec[length=" + (length == 0 ? "default" : length) + (key != null ? ", keyed" : "")
                + (context != null ? ", context=\"" + context + "\"" : "") + "]";
    }
}
