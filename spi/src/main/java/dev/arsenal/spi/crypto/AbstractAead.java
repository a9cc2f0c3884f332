package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * What every provider's {@link Aead} shares: the arguments checked the same way, with the same
 * messages, before a provider's {@link #seal} or {@link #open} runs; the detached forms built on the
 * attached ones. A provider implements the two methods on checked arguments.
 */
public abstract class AbstractAead implements Aead {
    private static final byte[] EMPTY = new byte[0];
    private static final int TAG = AeadAlgorithm.TAG_BYTES;

    private final AeadAlgorithm algorithm;

    /** An AEAD of {@code algorithm}. */
    protected AbstractAead(AeadAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public final AeadAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Seals {@code length} bytes of {@code in} from {@code offset} into {@code out} from {@code
     * outOffset}: the ciphertext, then the tag. The arguments are checked: the nonce's length, the
     * ranges inside their arrays and apart, {@code out} with room for {@code length} plus the tag.
     *
     * @return {@code length} plus the tag's length
     */
    protected abstract int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset);

    /**
     * Opens {@code length} bytes of {@code in} from {@code offset} (at least a tag's) into {@code
     * out} from {@code outOffset}, writing nothing there unless the tag matches. Checked as in
     * {@link #seal}, with room for {@code length} minus the tag.
     *
     * @return {@code length} minus the tag's length
     * @throws AEADBadTagException if the tag does not match
     */
    protected abstract int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException;

    @Override
    public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
        algorithm.checkNonce(nonce);
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] out = new byte[plaintext.length + TAG];
        seal(nonce, plaintext, 0, plaintext.length, orEmpty(associatedData), out, 0);
        return out;
    }

    @Override
    public int encrypt(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        algorithm.checkNonce(nonce);
        checkRanges(in, offset, length, out, outOffset, length + TAG, "the sealed message");
        return seal(nonce, in, offset, length, orEmpty(associatedData), out, outOffset);
    }

    @Override
    public byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) throws AEADBadTagException {
        algorithm.checkNonce(nonce);
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        checkLength(ciphertextAndTag.length);
        byte[] out = new byte[ciphertextAndTag.length - TAG];
        open(nonce, ciphertextAndTag, 0, ciphertextAndTag.length, orEmpty(associatedData), out, 0);
        return out;
    }

    @Override
    public int decrypt(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        algorithm.checkNonce(nonce);
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(in, "in").length);
        checkLength(length);
        checkRanges(in, offset, length, out, outOffset, length - TAG, "the plaintext");
        return open(nonce, in, offset, length, orEmpty(associatedData), out, outOffset);
    }

    @Override
    public byte[] encryptDetached(byte[] nonce, byte[] plaintext, byte[] associatedData, byte[] ciphertext) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length != plaintext.length) {
            throw new IllegalArgumentException(
                    algorithm.id() + ": the ciphertext array must be as long as the plaintext (" + plaintext.length
                            + " bytes), it has " + ciphertext.length);
        }
        byte[] sealed = encrypt(nonce, plaintext, associatedData);
        System.arraycopy(sealed, 0, ciphertext, 0, plaintext.length);
        return Arrays.copyOfRange(sealed, plaintext.length, sealed.length);
    }

    @Override
    public byte[] decryptDetached(byte[] nonce, byte[] ciphertext, byte[] tag, byte[] associatedData)
            throws AEADBadTagException {
        algorithm.checkNonce(nonce);
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(tag, "tag");
        if (tag.length != TAG) {
            throw new AEADBadTagException(algorithm.id() + ": a tag is " + TAG + " bytes, this one " + tag.length);
        }
        byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + TAG);
        System.arraycopy(tag, 0, sealed, ciphertext.length, TAG);
        return decrypt(nonce, sealed, associatedData);
    }

    /**
     * Through the array forms: in place where both buffers have accessible arrays, else through
     * copies; the positions advance only once the call succeeded.
     */
    @Override
    public int encrypt(byte[] nonce, ByteBuffer in, byte[] associatedData, ByteBuffer out) {
        algorithm.checkNonce(nonce);
        int n = in.remaining();
        room(out.remaining(), (long) n + TAG, "out", "the sealed message");
        try {
            return transfer(
                    in,
                    out,
                    n + TAG,
                    (a, off, len, b, outOff) -> encrypt(nonce, a, off, len, associatedData, b, outOff));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealing cannot fail a tag check", e);
        }
    }

    @Override
    public int decrypt(byte[] nonce, ByteBuffer in, byte[] associatedData, ByteBuffer out) throws AEADBadTagException {
        algorithm.checkNonce(nonce);
        int n = in.remaining();
        checkLength(n);
        room(out.remaining(), n - TAG, "out", "the plaintext");
        return transfer(
                in, out, n - TAG, (a, off, len, b, outOff) -> decrypt(nonce, a, off, len, associatedData, b, outOff));
    }

    /** One array form, sealing or opening. */
    private interface ArrayForm {
        int apply(byte[] in, int offset, int length, byte[] out, int outOffset) throws AEADBadTagException;
    }

    /**
     * Runs {@code form} on the buffers: in place where both have accessible arrays, else through
     * copies (the one of the output zeroed after); advances both positions only once it succeeded.
     */
    private static int transfer(ByteBuffer in, ByteBuffer out, int outLength, ArrayForm form)
            throws AEADBadTagException {
        if (out.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int n = in.remaining();
        int written;
        if (in.hasArray() && out.hasArray()) {
            written = form.apply(
                    in.array(), in.arrayOffset() + in.position(), n, out.array(), out.arrayOffset() + out.position());
        } else {
            byte[] result = new byte[outLength];
            written = form.apply(bytes(in.duplicate(), n), 0, n, result, 0);
            out.duplicate().put(result, 0, written);
            Arrays.fill(result, (byte) 0);
        }
        in.position(in.limit());
        out.position(out.position() + written);
        return written;
    }

    /** Through the array forms, copying the segments (an {@code Aead} call works on arrays). */
    @Override
    public long encrypt(byte[] nonce, MemorySegment in, byte[] associatedData, MemorySegment out) {
        algorithm.checkNonce(nonce);
        room(out.byteSize(), in.byteSize() + TAG, "out", "the sealed message");
        if (in.byteSize() > Integer.MAX_VALUE - TAG - 8) {
            throw new IllegalArgumentException(algorithm.id() + ": " + in.byteSize()
                    + " bytes is more than one message can hold here (an array's size)");
        }
        byte[] plaintext = in.toArray(ValueLayout.JAVA_BYTE);
        byte[] sealed = encrypt(nonce, plaintext, associatedData);
        Arrays.fill(plaintext, (byte) 0);
        MemorySegment.copy(sealed, 0, out, ValueLayout.JAVA_BYTE, 0, sealed.length);
        return sealed.length;
    }

    @Override
    public long decrypt(byte[] nonce, MemorySegment in, byte[] associatedData, MemorySegment out)
            throws AEADBadTagException {
        algorithm.checkNonce(nonce);
        if (in.byteSize() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(algorithm.id() + ": " + in.byteSize()
                    + " bytes is more than one message can hold here (an array's size)");
        }
        checkLength((int) in.byteSize());
        room(out.byteSize(), in.byteSize() - TAG, "out", "the plaintext");
        byte[] plaintext = decrypt(nonce, in.toArray(ValueLayout.JAVA_BYTE), associatedData);
        MemorySegment.copy(plaintext, 0, out, ValueLayout.JAVA_BYTE, 0, plaintext.length);
        Arrays.fill(plaintext, (byte) 0);
        return plaintext.length;
    }

    private void room(long has, long needs, String where, String what) {
        if (has < needs) {
            throw new IllegalArgumentException(
                    algorithm.id() + ": " + what + " is " + needs + " bytes; " + where + " has room for " + has);
        }
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /**
     * The exception {@link #open} throws when the tag does not match, with the one message every
     * provider gives.
     */
    protected final AEADBadTagException tagMismatch() {
        return new AEADBadTagException(algorithm.id() + ": the tag does not match: the ciphertext, the tag,"
                + " the associated data, the nonce or the key is not what was sealed");
    }

    @Override
    public String toString() {
        return algorithm.id() + " AEAD (" + getClass().getSimpleName() + ")";
    }

    private void checkLength(int length) throws AEADBadTagException {
        if (length < TAG) {
            throw new AEADBadTagException(
                    algorithm.id() + ": " + length + " bytes is shorter than the " + TAG + "-byte tag");
        }
    }

    private void checkRanges(byte[] in, int offset, int length, byte[] out, int outOffset, int outLength, String what) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(in, "in").length);
        Objects.requireNonNull(out, "out");
        if (outOffset < 0 || outOffset > out.length || out.length - outOffset < outLength) {
            throw new IndexOutOfBoundsException(algorithm.id() + ": " + what + " is " + outLength + " bytes; out has "
                    + Math.max(0, out.length - Math.max(0, outOffset)) + " from offset " + outOffset);
        }
        if (in == out && offset < outOffset + outLength && outOffset < offset + length) {
            throw new IllegalArgumentException(algorithm.id() + ": the input [" + offset + ", " + (offset + length)
                    + ") and the output [" + outOffset + ", " + (outOffset + outLength) + ") overlap in one array");
        }
    }

    private static byte[] orEmpty(byte[] associatedData) {
        return associatedData == null ? EMPTY : associatedData;
    }
}
