package dev.arsenal.crypto;

/**
 * A key derivation function (HKDF, RFC 5869): extract a pseudorandom key from input key material
 * and a salt, expand it with context information to the length asked for, or both at once.
 * Stateless and thread-safe. Every provider gives the same bytes.
 *
 * <pre>{@code
 * byte[] keys = Crypto.hkdfSha256().derive(sharedSecret, salt, "myapp v1 session".getBytes(UTF_8), 64);
 * }</pre>
 */
public interface Kdf {
    /** The algorithm. */
    KdfAlgorithm algorithm();

    /**
     * Extract then expand: {@code length} bytes from {@code inputKeyMaterial}.
     *
     * @param inputKeyMaterial the secret (not null; may be empty)
     * @param salt the salt; null or empty is the hash's length of zeros, as the RFC says
     * @param info the context; null is empty
     * @param length the output length, 1 to {@link KdfAlgorithm#maxLength()}
     * @throws IllegalArgumentException if the length is out of range
     */
    byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length);

    /**
     * HKDF-Extract: the pseudorandom key (the hash's length) of {@code inputKeyMaterial} under
     * {@code salt} (null or empty: zeros).
     */
    byte[] extract(byte[] salt, byte[] inputKeyMaterial);

    /**
     * HKDF-Expand: {@code length} bytes from {@code pseudoRandomKey} (at least the hash's length)
     * and {@code info} (null: empty).
     *
     * @throws IllegalArgumentException if the length is out of range or the key shorter than the hash
     */
    byte[] expand(byte[] pseudoRandomKey, byte[] info, int length);
}
