package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * ChaCha20-Poly1305 (RFC 8439, section 2.8) and XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha,
 * {@link HChaCha20} first) written out in Java: {@link ChaCha20}'s keystream, on a {@link
 * ChaCha20.BlockBatch} where one is given, and {@link Poly1305}. The SIMD provider's AEAD, with its
 * vector kernel as the batch.
 *
 * <pre>
 * block 0 of the keystream      -> its first 32 bytes are the Poly1305 key
 * blocks 1, 2, ...              -> XORed with the plaintext: the ciphertext
 * tag = Poly1305(ad | pad16 | ciphertext | pad16 | le64(ad length) | le64(ciphertext length))
 * </pre>
 *
 * Opening checks the tag (in constant time) before anything is decrypted, so a refused message
 * leaves the output as it was. Thread-safe: the key is the only state.
 */
public final class ChaCha20Poly1305 extends AbstractAead {
    private final int[] key;
    private final ChaCha20.BlockBatch batch;
    private final Poly1305.BlockBatch polyBatch;

    /**
     * An AEAD of {@code algorithm} under {@code key}, whose length was checked (it is copied).
     *
     * @param batch the kernel for whole batches of keystream blocks, or {@code null} for the scalar
     *     code alone
     * @param polyBatch the kernel for groups of Poly1305 blocks, or {@code null} for the scalar code
     * @throws IllegalArgumentException if {@code algorithm} is not ChaCha20-Poly1305 or XChaCha20-Poly1305
     */
    public ChaCha20Poly1305(
            AeadAlgorithm algorithm, byte[] key, ChaCha20.BlockBatch batch, Poly1305.BlockBatch polyBatch) {
        super(algorithm);
        if (algorithm != AeadAlgorithm.CHACHA20_POLY1305 && algorithm != AeadAlgorithm.XCHACHA20_POLY1305) {
            throw new IllegalArgumentException("not a ChaCha20 AEAD: " + algorithm.id());
        }
        this.key = ChaCha20.words(Objects.requireNonNull(key, "key"), 0, 8);
        this.batch = batch;
        this.polyBatch = polyBatch;
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        int[] k = messageKey(nonce);
        int[] n = messageNonce(nonce);
        Poly1305 mac = authenticator(k, n, polyBatch);
        mac.updatePadded(associatedData, 0, associatedData.length);
        // encrypted whole, then authenticated: doing both a slice of 2-32 KiB at a time measured no
        // faster at 1 MiB (2.0-2.6 GB/s either way with the 512-bit kernels)
        ChaCha20.xor(batch, k, 1, n, in, offset, length, out, outOffset);
        mac.updatePadded(out, outOffset, length);
        forget(k);
        mac.updateLengths(associatedData.length, length);
        mac.finish(out, outOffset + length);
        return length + Poly1305.TAG_LEN;
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        int n = length - Poly1305.TAG_LEN;
        int[] k = messageKey(nonce);
        int[] words = messageNonce(nonce);
        Poly1305 mac = authenticator(k, words, polyBatch);
        mac.updatePadded(associatedData, 0, associatedData.length);
        mac.updatePadded(in, offset, n);
        mac.updateLengths(associatedData.length, n);
        byte[] tag = new byte[Poly1305.TAG_LEN];
        mac.finish(tag, 0);
        if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(in, offset + n, offset + length))) {
            forget(k);
            throw tagMismatch();
        }
        ChaCha20.xor(batch, k, 1, words, in, offset, n, out, outOffset);
        forget(k);
        return n;
    }

    /** The ChaCha20 key of this message: the key, or for XChaCha its HChaCha20 subkey. */
    private int[] messageKey(byte[] nonce) {
        return algorithm() == AeadAlgorithm.XCHACHA20_POLY1305 ? HChaCha20.subkeyWords(key, nonce) : key;
    }

    /** The 3 nonce words of ChaCha20: the nonce's, or for XChaCha 0 and its last 8 bytes. */
    private int[] messageNonce(byte[] nonce) {
        if (algorithm() == AeadAlgorithm.XCHACHA20_POLY1305) {
            int[] tail = ChaCha20.words(nonce, 16, 2);
            return new int[] {0, tail[0], tail[1]};
        }
        return ChaCha20.words(nonce, 0, 3);
    }

    /** Poly1305 keyed with the first 32 bytes of block 0. */
    private static Poly1305 authenticator(int[] key, int[] nonce, Poly1305.BlockBatch polyBatch) {
        int[] block = new int[16];
        int[] scratch = new int[16];
        ChaCha20.block(key, 0, nonce, block, scratch);
        byte[] polyKey = new byte[Poly1305.KEY_LEN];
        for (int i = 0; i < 8; i++) {
            int w = block[i];
            polyKey[4 * i] = (byte) w;
            polyKey[4 * i + 1] = (byte) (w >>> 8);
            polyKey[4 * i + 2] = (byte) (w >>> 16);
            polyKey[4 * i + 3] = (byte) (w >>> 24);
        }
        Poly1305 mac = new Poly1305(polyKey, 0, polyBatch);
        Arrays.fill(polyKey, (byte) 0);
        Arrays.fill(block, 0);
        Arrays.fill(scratch, 0);
        return mac;
    }

    /** Zeroes a per-message subkey (never the AEAD's own key). */
    private void forget(int[] k) {
        if (k != key) {
            Arrays.fill(k, 0);
        }
    }
}
