package dev.arsenal.crypto;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import javax.crypto.AEADBadTagException;

/**
 * Authenticated encryption with associated data under one key: encryption seals a plaintext and
 * binds the associated data to it; decryption returns the plaintext only if the ciphertext, the tag,
 * the associated data, the nonce and the key are all the ones it was sealed with, and throws {@link
 * AEADBadTagException} otherwise, releasing nothing of the plaintext.
 *
 * <pre>{@code
 * Aead aead = Crypto.aead(AeadAlgorithm.XCHACHA20_POLY1305, key);   // 32-byte key
 * byte[] nonce = new byte[24];
 * random.nextBytes(nonce);                                          // never twice under one key
 * byte[] sealed = aead.encrypt(nonce, message, header);            // ciphertext || 16-byte tag
 * byte[] opened = aead.decrypt(nonce, sealed, header);             // AEADBadTagException if altered
 * }</pre>
 *
 * <p>Every call checks the nonce's length ({@link AeadAlgorithm#checkNonce}); {@code null}
 * associated data is empty. The nonce is the caller's to keep unique per key: the object holds no
 * state between calls, so it cannot notice a repeat. Instances are immutable and thread-safe; the
 * key is copied when the object is made.
 */
public interface Aead {
    /** The algorithm. */
    AeadAlgorithm algorithm();

    /**
     * Seals {@code plaintext}: the ciphertext followed by the tag, in a new array {@link
     * AeadAlgorithm#tagBytes()} longer than the plaintext.
     *
     * @throws IllegalArgumentException if the nonce has the wrong length
     */
    byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData);

    /**
     * Seals {@code length} bytes of {@code in} from {@code offset} into {@code out} from {@code
     * outOffset}: the ciphertext, then the tag. The two ranges must not overlap.
     *
     * @return the bytes written: {@code length} plus the tag's length
     * @throws IllegalArgumentException if the nonce has the wrong length, or the ranges overlap
     * @throws IndexOutOfBoundsException if a range is outside its array, or {@code out} has no room
     */
    int encrypt(byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset);

    /**
     * Opens what {@link #encrypt(byte[], byte[], byte[])} sealed: the plaintext, in a new array.
     *
     * @throws AEADBadTagException if the input is shorter than a tag, or the tag does not match
     * @throws IllegalArgumentException if the nonce has the wrong length
     */
    byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) throws AEADBadTagException;

    /**
     * Opens {@code length} bytes of {@code in} from {@code offset} (ciphertext, then tag) into
     * {@code out} from {@code outOffset}. On failure {@code out} is left as it was.
     *
     * @return the plaintext's length: {@code length} minus the tag's length
     * @throws AEADBadTagException if the input is shorter than a tag, or the tag does not match
     * @throws IllegalArgumentException if the nonce has the wrong length, or the ranges overlap
     * @throws IndexOutOfBoundsException if a range is outside its array, or {@code out} has no room
     */
    int decrypt(byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException;

    /**
     * Seals {@code plaintext} with the tag apart: the ciphertext goes to {@code ciphertext} (as long
     * as the plaintext), the tag is returned.
     *
     * @throws IllegalArgumentException if the nonce has the wrong length, or {@code ciphertext} is
     *     not as long as {@code plaintext}
     */
    byte[] encryptDetached(byte[] nonce, byte[] plaintext, byte[] associatedData, byte[] ciphertext);

    /**
     * Opens a ciphertext whose tag is apart: the plaintext, in a new array.
     *
     * @throws AEADBadTagException if the tag does not match or is not {@link
     *     AeadAlgorithm#tagBytes()} long
     * @throws IllegalArgumentException if the nonce has the wrong length
     */
    byte[] decryptDetached(byte[] nonce, byte[] ciphertext, byte[] tag, byte[] associatedData)
            throws AEADBadTagException;

    /**
     * Seals {@code in}'s remaining bytes into {@code out} at its position (ciphertext, then tag),
     * as {@link javax.crypto.Cipher#doFinal(ByteBuffer, ByteBuffer)} does: both positions advance.
     * Heap, direct and read-only input buffers alike.
     *
     * @return the bytes written: the input's length plus the tag's
     * @throws IllegalArgumentException if the nonce has the wrong length, or {@code out} has fewer
     *     bytes remaining than that (nothing is consumed or written then)
     * @throws java.nio.ReadOnlyBufferException if {@code out} is read-only
     */
    int encrypt(byte[] nonce, ByteBuffer in, byte[] associatedData, ByteBuffer out);

    /**
     * Opens {@code in}'s remaining bytes (ciphertext, then tag) into {@code out} at its position; both
     * positions advance. On failure neither buffer changes: nothing consumed, nothing written.
     *
     * @return the plaintext's length
     * @throws AEADBadTagException if the input is shorter than a tag, or the tag does not match
     * @throws IllegalArgumentException if the nonce has the wrong length, or {@code out} has no room
     */
    int decrypt(byte[] nonce, ByteBuffer in, byte[] associatedData, ByteBuffer out) throws AEADBadTagException;

    /**
     * Seals all of {@code in} into the start of {@code out} (ciphertext, then tag); segments on the
     * heap or off it.
     *
     * @return the bytes written: {@code in}'s size plus the tag's
     * @throws IllegalArgumentException if the nonce has the wrong length, {@code in} is larger than
     *     an array can hold, or {@code out} is smaller than the sealed message
     */
    long encrypt(byte[] nonce, MemorySegment in, byte[] associatedData, MemorySegment out);

    /**
     * Opens all of {@code in} (ciphertext, then tag) into the start of {@code out}. On failure
     * {@code out} is left as it was.
     *
     * @return the plaintext's length
     * @throws AEADBadTagException if the input is shorter than a tag, or the tag does not match
     * @throws IllegalArgumentException if the nonce has the wrong length, or {@code out} has no room
     */
    long decrypt(byte[] nonce, MemorySegment in, byte[] associatedData, MemorySegment out) throws AEADBadTagException;
}
