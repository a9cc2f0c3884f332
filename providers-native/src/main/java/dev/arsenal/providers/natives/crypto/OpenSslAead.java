package dev.arsenal.providers.natives.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.crypto.AbstractAead;
import dev.arsenal.spi.crypto.HChaCha20;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * One of OpenSSL's AEADs under one key, through the EVP cipher interface. A call takes an idle
 * {@code EVP_CIPHER_CTX} from a small pool (made with the key already scheduled, so a call sets only
 * the nonce), feeds the associated data and the message in critical calls of at most {@link
 * NativeChunks#CRITICAL_INPUT} bytes, and gives the context back; contexts are freed when not kept
 * and when this object is collected. XChaCha20-Poly1305 derives its subkey with {@link HChaCha20}
 * and keys the context at each call.
 *
 * <p>OpenSSL writes the plaintext before it checks the tag, so a message is opened into an array
 * of its own and copied to the caller's once the tag matched.
 */
final class OpenSslAead extends AbstractAead {
    private static final int TAG = AeadAlgorithm.TAG_BYTES;
    private static final int ENCRYPT = 1;
    private static final int DECRYPT = 0;

    private final byte[] key;
    private final IdlePool<MemorySegment> contexts;

    OpenSslAead(AeadAlgorithm algorithm, byte[] key) {
        super(algorithm);
        this.key = key.clone();
        MemorySegment cipher = OpenSslBindings.cipher(algorithm);
        boolean extended = algorithm == AeadAlgorithm.XCHACHA20_POLY1305;
        byte[] scheduled = extended ? null : this.key;
        this.contexts = IdlePool.closing(this, () -> newContext(cipher, scheduled), OpenSslAead::free);
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        OpenSslBindings.Handles h = OpenSslBindings.handles();
        MemorySegment ctx = contexts.take();
        boolean reusable = false;
        try {
            start(h, ctx, nonce, ENCRYPT);
            int[] written = new int[1];
            feed(h, ctx, null, 0, associatedData, 0, associatedData.length, written);
            int n = feed(h, ctx, out, outOffset, in, offset, length, written);
            OpenSslBindings.check(
                    (int) h.finish().invokeExact(ctx, segment(out, outOffset + n), MemorySegment.ofArray(written)),
                    "EVP_CipherFinal_ex");
            n += written[0];
            OpenSslBindings.check(
                    (int) h.control().invokeExact(ctx, OpenSslBindings.GET_TAG, TAG, segment(out, outOffset + n)),
                    "EVP_CIPHER_CTX_ctrl(EVP_CTRL_AEAD_GET_TAG)");
            reusable = true;
            return n + TAG;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            contexts.give(ctx, reusable);
        }
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        OpenSslBindings.Handles h = OpenSslBindings.handles();
        MemorySegment ctx = contexts.take();
        boolean reusable = false;
        byte[] plaintext = new byte[length - TAG];
        boolean matched;
        try {
            start(h, ctx, nonce, DECRYPT);
            int[] written = new int[1];
            feed(h, ctx, null, 0, associatedData, 0, associatedData.length, written);
            int n = feed(h, ctx, plaintext, 0, in, offset, plaintext.length, written);
            OpenSslBindings.check(
                    (int) h.control()
                            .invokeExact(ctx, OpenSslBindings.SET_TAG, TAG, segment(in, offset + plaintext.length)),
                    "EVP_CIPHER_CTX_ctrl(EVP_CTRL_AEAD_SET_TAG)");
            matched = (int) h.finish().invokeExact(ctx, segment(plaintext, n), MemorySegment.ofArray(written)) == 1;
            reusable = true; // the next call sets the nonce again, which resets the context either way
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            contexts.give(ctx, reusable);
        }
        if (!matched) {
            Arrays.fill(plaintext, (byte) 0);
            throw tagMismatch();
        }
        System.arraycopy(plaintext, 0, out, outOffset, plaintext.length);
        Arrays.fill(plaintext, (byte) 0);
        return plaintext.length;
    }

    /** Sets the nonce and the direction; keys the context too for XChaCha20-Poly1305. */
    private void start(OpenSslBindings.Handles h, MemorySegment ctx, byte[] nonce, int direction) throws Throwable {
        if (algorithm() == AeadAlgorithm.XCHACHA20_POLY1305) {
            byte[] subkey = HChaCha20.subkey(key, nonce);
            try {
                OpenSslBindings.check(
                        (int) h.init()
                                .invokeExact(
                                        ctx,
                                        MemorySegment.NULL,
                                        MemorySegment.NULL,
                                        MemorySegment.ofArray(subkey),
                                        MemorySegment.ofArray(HChaCha20.chachaNonce(nonce)),
                                        direction),
                        "EVP_CipherInit_ex");
            } finally {
                Arrays.fill(subkey, (byte) 0);
            }
        } else {
            OpenSslBindings.check(
                    (int) h.init()
                            .invokeExact(
                                    ctx,
                                    MemorySegment.NULL,
                                    MemorySegment.NULL,
                                    MemorySegment.NULL,
                                    MemorySegment.ofArray(nonce),
                                    direction),
                    "EVP_CipherInit_ex");
        }
    }

    /**
     * {@code EVP_CipherUpdate} over {@code length} bytes of {@code in} from {@code offset}, at most
     * {@link NativeChunks#CRITICAL_INPUT} per call; {@code out} null feeds associated data. Returns
     * the bytes written to {@code out}.
     */
    private static int feed(
            OpenSslBindings.Handles h,
            MemorySegment ctx,
            byte[] out,
            int outOffset,
            byte[] in,
            int offset,
            int length,
            int[] written)
            throws Throwable {
        int total = 0;
        for (int position = 0; position < length; position += NativeChunks.CRITICAL_INPUT) {
            int n = Math.min(NativeChunks.CRITICAL_INPUT, length - position);
            OpenSslBindings.check(
                    (int) h.update()
                            .invokeExact(
                                    ctx,
                                    (MemorySegment)
                                            (out == null ? MemorySegment.NULL : segment(out, outOffset + total)),
                                    MemorySegment.ofArray(written),
                                    segment(in, offset + position),
                                    n),
                    "EVP_CipherUpdate");
            total += written[0];
        }
        return out == null ? 0 : total;
    }

    private static MemorySegment segment(byte[] array, int offset) {
        return MemorySegment.ofArray(array).asSlice(offset);
    }

    /** A context of {@code cipher}, keyed with {@code key} unless it is null (keyed at each call). */
    private static MemorySegment newContext(MemorySegment cipher, byte[] key) {
        OpenSslBindings.Handles h = OpenSslBindings.handles();
        MemorySegment ctx;
        try {
            ctx = (MemorySegment) h.contextNew().invokeExact();
            if (ctx.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("EVP_CIPHER_CTX_new returned NULL");
            }
            int result = (int) h.init()
                    .invokeExact(
                            ctx,
                            cipher,
                            MemorySegment.NULL,
                            (MemorySegment) (key == null ? MemorySegment.NULL : MemorySegment.ofArray(key)),
                            MemorySegment.NULL,
                            ENCRYPT);
            if (result != 1) {
                free(ctx);
                OpenSslBindings.check(result, "EVP_CipherInit_ex");
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        return ctx;
    }

    private static void free(MemorySegment ctx) {
        try {
            OpenSslBindings.handles().contextFree().invokeExact(ctx);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
