package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.spi.IdlePool;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;

/**
 * SHA-256 or SHA-512 from a JCA provider's {@link MessageDigest} (the JDK's {@code SUN}, whose
 * compression functions HotSpot compiles to the CPU's SHA extensions or AVX2 code; Conscrypt's
 * BoringSSL). One-shot digests reuse idle {@code MessageDigest}s from a small pool (a {@code
 * MessageDigest} resets itself after each digest); each stream clones a prototype where the
 * provider's digests can be cloned, cheaper than {@code MessageDigest.getInstance}.
 */
public final class JcaDigest extends AbstractDigest {
    private final MessageDigest prototype;
    private final IdlePool<MessageDigest> idle;

    /**
     * @param algorithm SHA-256 or SHA-512
     * @param jca the JCA provider whose digests to use
     * @throws IllegalStateException if it has none of that name
     */
    public JcaDigest(DigestAlgorithm algorithm, Provider jca) {
        super(algorithm, algorithm.defaultLength());
        try {
            this.prototype = MessageDigest.getInstance(jcaName(algorithm), jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca.getName() + " has no " + jcaName(algorithm), e);
        }
        this.idle = IdlePool.of(IdlePool.PER_OWNER, this::fresh);
    }

    /** The JCA's standard name of {@code algorithm}. */
    public static String jcaName(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA_256 -> "SHA-256";
            case SHA_512 -> "SHA-512";
            default -> throw new UnsupportedOperationException("the JDK has no " + algorithm.id());
        };
    }

    private MessageDigest fresh() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(
                    prototype.getAlgorithm() + " of " + prototype.getProvider() + " cannot be cloned", e);
        }
    }

    @Override
    protected byte[] compute(byte[] input, int offset, int length) {
        MessageDigest md = idle.take();
        boolean done = false;
        try {
            md.update(input, offset, length);
            byte[] d = md.digest(); // resets it for the next user
            done = true;
            return d;
        } finally {
            idle.give(md, done);
        }
    }

    @Override
    public byte[] digest(ByteBuffer input) {
        MessageDigest md = idle.take();
        boolean done = false;
        try {
            md.update(input);
            byte[] d = md.digest();
            done = true;
            return d;
        } finally {
            idle.give(md, done);
        }
    }

    @Override
    public DigestStream newStream() {
        return new Stream(fresh(), length());
    }

    /** A stream over its own {@link MessageDigest}. */
    private static final class Stream extends AbstractDigestStream {
        private final MessageDigest md;

        Stream(MessageDigest md, int length) {
            super(length);
            this.md = md;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            md.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer input) {
            md.update(input);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            try {
                md.digest(out, offset, length());
            } catch (DigestException e) {
                throw new IllegalStateException(md.getAlgorithm() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void reset() {
            md.reset();
        }
    }
}
