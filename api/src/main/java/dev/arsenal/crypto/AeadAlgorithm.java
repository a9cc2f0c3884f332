package dev.arsenal.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The AEAD algorithms: each with its key, nonce and tag sizes, which every {@link Aead} checks.
 *
 * <p>Nonces are the algorithms' own sizes only: 12 bytes for ChaCha20-Poly1305 (RFC 8439) and
 * AES-GCM (the 96-bit IV NIST SP 800-38D recommends; other GCM IV lengths are refused, as
 * libsodium, BoringSSL and Conscrypt refuse them), 24 for XChaCha20-Poly1305, whose nonce is long
 * enough to be drawn at random for every message. A nonce must never repeat under one key: no
 * provider can check that across calls.
 */
public enum AeadAlgorithm implements Algorithm {
    /** ChaCha20-Poly1305 (RFC 8439): 32-byte key, 12-byte nonce, 16-byte tag. */
    CHACHA20_POLY1305("chacha20-poly1305", 32, 12),
    /**
     * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha): 32-byte key, 24-byte nonce (HChaCha20 derives a
     * subkey from its first 16 bytes), 16-byte tag.
     */
    XCHACHA20_POLY1305("xchacha20-poly1305", 32, 24),
    /** AES-GCM with a 16-byte key, 12-byte nonce, 16-byte tag. */
    AES_128_GCM("aes-128-gcm", 16, 12),
    /** AES-GCM with a 32-byte key, 12-byte nonce, 16-byte tag. */
    AES_256_GCM("aes-256-gcm", 32, 12);

    /** The tag length of every algorithm here, in bytes. */
    public static final int TAG_BYTES = 16;

    private final String id;
    private final int keyBytes;
    private final int nonceBytes;

    AeadAlgorithm(String id, int keyBytes, int nonceBytes) {
        this.id = id;
        this.keyBytes = keyBytes;
        this.nonceBytes = nonceBytes;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.CRYPTO;
    }

    /** The key length in bytes. */
    public int keyBytes() {
        return keyBytes;
    }

    /** The nonce length in bytes. */
    public int nonceBytes() {
        return nonceBytes;
    }

    /** The tag length in bytes: {@value #TAG_BYTES}. */
    public int tagBytes() {
        return TAG_BYTES;
    }

    /**
     * Checks a key's length.
     *
     * @throws IllegalArgumentException naming the algorithm and both lengths
     */
    public void checkKey(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException(id + ": no key (null)");
        }
        if (key.length != keyBytes) {
            throw new IllegalArgumentException(id + " takes a " + keyBytes + "-byte key, got " + key.length + " bytes");
        }
    }

    /**
     * Checks a nonce's length.
     *
     * @throws IllegalArgumentException naming the algorithm and both lengths
     */
    public void checkNonce(byte[] nonce) {
        if (nonce == null) {
            throw new IllegalArgumentException(id + ": no nonce (null)");
        }
        if (nonce.length != nonceBytes) {
            throw new IllegalArgumentException(
                    id + " takes a " + nonceBytes + "-byte nonce, got " + nonce.length + " bytes");
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
    public static AeadAlgorithm byId(String name) {
        return AlgorithmNames.byName(values(), name, Map.of());
    }
}
