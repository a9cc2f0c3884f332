package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What digests share: the algorithm, the length, the range checks, and the one-shot forms done
 * through a stream. A provider adds {@link #newStream()} and, where it has a faster one-shot call,
 * overrides {@link #compute}.
 */
public abstract class AbstractDigest implements Digest {
    private final DigestAlgorithm algorithm;
    private final int length;

    /**
     * @param algorithm the algorithm
     * @param length the output length, checked against the algorithm already
     */
    protected AbstractDigest(DigestAlgorithm algorithm, int length) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.length = length;
    }

    @Override
    public final DigestAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final int length() {
        return length;
    }

    @Override
    public final byte[] digest(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(input, "input").length);
        return compute(input, offset, length);
    }

    @Override
    public byte[] digest(ByteBuffer input) {
        if (input.hasArray()) {
            byte[] d = compute(input.array(), input.arrayOffset() + input.position(), input.remaining());
            input.position(input.limit());
            return d;
        }
        DigestStream s = newStream();
        s.update(input);
        return s.digest();
    }

    /** The digest of a range already checked; through a new stream unless overridden. */
    protected byte[] compute(byte[] input, int offset, int length) {
        DigestStream s = newStream();
        s.update(input, offset, length);
        return s.digest();
    }

    @Override
    public String toString() {
        return algorithm.id() + " digest, " + length + " bytes (" + getClass().getSimpleName() + ")";
    }
}
