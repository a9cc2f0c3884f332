package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.Signer;
import java.util.function.LongUnaryOperator;

/**
 * The timed loop of a calibration or {@code arsenal bench crypto}, for one crypto primitive: an
 * {@link Aead} seals, a {@link Digest} hashes, a {@link Mac} tags, a {@link Signer} signs {@code size}
 * bytes. As {@code HashLoop}, the
 * calibrator defines a copy per provider in a class loader of its own, so the class takes API types
 * only; each call starts at another offset (0-15) of the data.
 */
public final class CryptoLoop implements LongUnaryOperator {
    private final Object subject;
    private final byte[] data;
    private final byte[] out;
    private final byte[] nonce;

    /** A loop over {@code subject} on {@code data}, 16 bytes longer than the largest size. */
    public CryptoLoop(Object subject, byte[] data) {
        this.subject = subject;
        this.data = data;
        this.out = new byte[data.length + 16];
        this.nonce = subject instanceof Aead a ? new byte[a.algorithm().nonceBytes()] : new byte[0];
    }

    /**
     * Runs {@code calls} operations on the first {@code size} bytes.
     *
     * @param sizeAndCalls {@code size << 32 | calls}
     * @return a value depending on every result, so the work cannot be dropped
     */
    @Override
    public long applyAsLong(long sizeAndCalls) {
        int size = (int) (sizeAndCalls >>> 32);
        int calls = (int) sizeAndCalls;
        long acc = 0;
        switch (subject) {
            case Aead a -> {
                for (int i = 0; i < calls; i++) {
                    nonce[0] = (byte) i; // a sealed message per nonce, as a caller would
                    acc += a.encrypt(nonce, data, i & 15, size, null, out, 0) + out[size];
                }
            }
            case Digest d -> {
                for (int i = 0; i < calls; i++) {
                    acc += d.digest(data, i & 15, size)[0];
                }
            }
            case Mac m -> {
                for (int i = 0; i < calls; i++) {
                    acc += m.mac(data, i & 15, size)[0];
                }
            }
            case Signer s -> {
                for (int i = 0; i < calls; i++) {
                    acc += s.sign(data, i & 15, size)[0];
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "no loop for " + subject.getClass().getName());
        }
        return acc;
    }
}
