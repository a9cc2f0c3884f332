package dev.arsenal.crypto;

import dev.arsenal.Arsenal;

/**
 * The entry point for cryptography: each method returns the primitive that the {@linkplain
 * Arsenal#runtime() default runtime} selected for the algorithm on this machine.
 *
 * <pre>{@code
 * Aead aead = Crypto.chacha20Poly1305(key);
 * byte[] sealed = aead.encrypt(nonce, message, associatedData);
 * byte[] sum = Crypto.blake3().digest(data);
 * CurveKeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
 * byte[] signature = Crypto.signer(pair.privateKey()).sign(message);
 * }</pre>
 *
 * <p>For another configuration, use {@link Arsenal#create(dev.arsenal.Configuration)} and its
 * {@code view(CryptoView.class)}.
 */
public final class Crypto {
    private Crypto() {}

    /**
     * The AEAD for {@code algorithm} under {@code key} (copied).
     *
     * @throws IllegalArgumentException if the key has the wrong length
     */
    public static Aead aead(AeadAlgorithm algorithm, byte[] key) {
        return Arsenal.runtime().view(CryptoView.class).aead(algorithm, key);
    }

    /** The AEAD for the algorithm named {@code algorithm} ({@code "aes-256-gcm"}); see {@link #aead(AeadAlgorithm, byte[])}. */
    public static Aead aead(String algorithm, byte[] key) {
        return aead(AeadAlgorithm.byId(algorithm), key);
    }

    /** ChaCha20-Poly1305 (RFC 8439) under a 32-byte key; 12-byte nonces. */
    public static Aead chacha20Poly1305(byte[] key) {
        return aead(AeadAlgorithm.CHACHA20_POLY1305, key);
    }

    /** XChaCha20-Poly1305 under a 32-byte key; 24-byte nonces, safe to draw at random. */
    public static Aead xchacha20Poly1305(byte[] key) {
        return aead(AeadAlgorithm.XCHACHA20_POLY1305, key);
    }

    /** AES-GCM under a 16-byte key; 12-byte nonces. */
    public static Aead aes128Gcm(byte[] key) {
        return aead(AeadAlgorithm.AES_128_GCM, key);
    }

    /** AES-GCM under a 32-byte key; 12-byte nonces. */
    public static Aead aes256Gcm(byte[] key) {
        return aead(AeadAlgorithm.AES_256_GCM, key);
    }

    /** The digest for {@code algorithm} at its default length, unkeyed. */
    public static Digest digest(DigestAlgorithm algorithm) {
        return digest(algorithm, DigestSpec.defaults());
    }

    /**
     * The digest for {@code algorithm} as {@code spec} says (length, key, context).
     *
     * @throws IllegalArgumentException if the spec does not fit the algorithm
     */
    public static Digest digest(DigestAlgorithm algorithm, DigestSpec spec) {
        return Arsenal.runtime().view(CryptoView.class).digest(algorithm, spec);
    }

    /** SHA-256 (32 bytes). */
    public static Digest sha256() {
        return digest(DigestAlgorithm.SHA_256);
    }

    /** SHA-512 (64 bytes). */
    public static Digest sha512() {
        return digest(DigestAlgorithm.SHA_512);
    }

    /** BLAKE2b with {@code length} bytes of output, 1 to 64. */
    public static Digest blake2b(int length) {
        return digest(DigestAlgorithm.BLAKE2B, DigestSpec.ofLength(length));
    }

    /** BLAKE3 (32 bytes). */
    public static Digest blake3() {
        return digest(DigestAlgorithm.BLAKE3);
    }

    /**
     * The MAC for {@code algorithm} under {@code key} (copied).
     *
     * @throws IllegalArgumentException if the key is null or empty
     */
    public static Mac mac(MacAlgorithm algorithm, byte[] key) {
        return Arsenal.runtime().view(CryptoView.class).mac(algorithm, key);
    }

    /** HMAC-SHA-256 under {@code key} (copied). */
    public static Mac hmacSha256(byte[] key) {
        return mac(MacAlgorithm.HMAC_SHA_256, key);
    }

    /** HMAC-SHA-512 under {@code key} (copied). */
    public static Mac hmacSha512(byte[] key) {
        return mac(MacAlgorithm.HMAC_SHA_512, key);
    }

    /** The key derivation function for {@code algorithm}. */
    public static Kdf kdf(KdfAlgorithm algorithm) {
        return Arsenal.runtime().view(CryptoView.class).kdf(algorithm);
    }

    /** HKDF-SHA-256 (RFC 5869). */
    public static Kdf hkdfSha256() {
        return kdf(KdfAlgorithm.HKDF_SHA_256);
    }

    /** HKDF-SHA-512 (RFC 5869). */
    public static Kdf hkdfSha512() {
        return kdf(KdfAlgorithm.HKDF_SHA_512);
    }

    /** A new key pair of {@code algorithm}, from the JDK's default {@code SecureRandom}. */
    public static CurveKeyPair generateKeyPair(CurveAlgorithm algorithm) {
        return Arsenal.runtime().view(CryptoView.class).generateKeyPair(algorithm);
    }

    /**
     * The signer under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a signature algorithm's, or destroyed
     */
    public static Signer signer(CurvePrivateKey key) {
        return Arsenal.runtime().view(CryptoView.class).signer(key);
    }

    /**
     * The verifier under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a signature algorithm's
     */
    public static Verifier verifier(CurvePublicKey key) {
        return Arsenal.runtime().view(CryptoView.class).verifier(key);
    }

    /**
     * The key agreement under {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is not a key agreement algorithm's, or destroyed
     */
    public static Agreement agreement(CurvePrivateKey key) {
        return Arsenal.runtime().view(CryptoView.class).agreement(key);
    }

    /**
     * A new {@link SecretBuffer} of {@code byteSize} bytes, zeroed: locked in RAM and out of core
     * dumps where a native provider can do it.
     *
     * @throws IllegalArgumentException if {@code byteSize} is below 1
     */
    public static SecretBuffer secretBuffer(long byteSize) {
        return Arsenal.runtime().view(CryptoView.class).secretBuffer(byteSize);
    }
}
