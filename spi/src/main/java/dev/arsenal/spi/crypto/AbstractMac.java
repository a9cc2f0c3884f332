package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * What MACs share: the algorithm, the range checks, the one-shot forms through a stream, and
 * {@link #verify} in constant time. A provider adds {@link #newStream()} and, where it has a
 * faster one-shot call, overrides {@link #compute}.
 */
public abstract class AbstractMac implements Mac {
    private final MacAlgorithm algorithm;

    /** @param algorithm the algorithm */
    protected AbstractMac(MacAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public final MacAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final byte[] mac(byte[] message, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(message, "message").length);
        return compute(message, offset, length);
    }

    @Override
    public byte[] mac(ByteBuffer message) {
        if (message.hasArray()) {
            byte[] tag = compute(message.array(), message.arrayOffset() + message.position(), message.remaining());
            message.position(message.limit());
            return tag;
        }
        DigestStream s = newStream();
        s.update(message);
        return s.digest();
    }

    /**
     * Compares with {@link MessageDigest#isEqual}, whose time depends on the length only; a tag of
     * the wrong length is refused before anything is computed (its length is not secret).
     */
    @Override
    public final boolean verify(byte[] message, byte[] tag) {
        Objects.requireNonNull(message, "message");
        if (tag == null || tag.length < MacAlgorithm.MIN_TAG_BYTES || tag.length > length()) {
            return false;
        }
        byte[] expected = compute(message, 0, message.length);
        boolean equal = MessageDigest.isEqual(Arrays.copyOf(expected, tag.length), tag);
        Arrays.fill(expected, (byte) 0);
        return equal;
    }

    /** The tag of a range already checked; through a new stream unless overridden. */
    protected byte[] compute(byte[] message, int offset, int length) {
        DigestStream s = newStream();
        s.update(message, offset, length);
        return s.digest();
    }

    @Override
    public String toString() {
        return algorithm.id() + " (" + getClass().getSimpleName() + ")";
    }
}
