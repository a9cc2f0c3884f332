package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.spi.IdlePool;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC on a JCA provider's {@link javax.crypto.Mac} (the JDK's SunJCE, Conscrypt), keyed once:
 * one-shot tags reuse idle instances from a small pool (a JCA {@code Mac} resets itself, key kept,
 * after each {@code doFinal}); each stream has an instance of its own.
 */
public final class JcaMac extends AbstractMac {
    private final Provider jca;
    private final SecretKeySpec key;
    private final IdlePool<javax.crypto.Mac> idle;

    /**
     * @param algorithm the algorithm
     * @param key the key, checked already; copied
     * @param jca the JCA provider whose {@code Mac}s to use
     */
    public JcaMac(MacAlgorithm algorithm, byte[] key, Provider jca) {
        super(algorithm);
        this.jca = jca;
        this.key = new SecretKeySpec(key, jcaName(algorithm));
        this.idle = IdlePool.of(IdlePool.PER_OWNER, this::newMac);
    }

    /** The JCA's standard name of {@code algorithm}: {@code HmacSHA256}, {@code HmacSHA512}. */
    public static String jcaName(MacAlgorithm algorithm) {
        return switch (algorithm) {
            case HMAC_SHA_256 -> "HmacSHA256";
            case HMAC_SHA_512 -> "HmacSHA512";
        };
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac m = javax.crypto.Mac.getInstance(jcaName(algorithm()), jca);
            m.init(key, (AlgorithmParameterSpec) null);
            return m;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca.getName() + " has no " + jcaName(algorithm()), e);
        } catch (InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(
                    jca.getName() + " refuses the " + algorithm().id() + " key: " + e, e);
        }
    }

    @Override
    protected byte[] compute(byte[] message, int offset, int length) {
        javax.crypto.Mac m = idle.take();
        boolean done = false;
        try {
            m.update(message, offset, length);
            byte[] tag = m.doFinal(); // resets it, keyed, for the next user
            done = true;
            return tag;
        } finally {
            idle.give(m, done);
        }
    }

    @Override
    public DigestStream newStream() {
        return new Stream(newMac(), length());
    }

    /** A stream over its own {@code Mac}. */
    private static final class Stream extends AbstractDigestStream {
        private final javax.crypto.Mac mac;

        Stream(javax.crypto.Mac mac, int length) {
            super(length);
            this.mac = mac;
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            mac.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer input) {
            mac.update(input);
        }

        @Override
        protected void finish(byte[] out, int offset) {
            try {
                mac.doFinal(out, offset);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(mac.getAlgorithm() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void reset() {
            mac.reset();
        }
    }
}
