package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.spi.IdlePool;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AEAD on a JCA provider's ciphers (the JDK's SunJCE, Conscrypt), initialized again for every
 * message. XChaCha20-Poly1305 is {@link HChaCha20} in front of the provider's ChaCha20-Poly1305.
 *
 * <p>Making a cipher ({@code Cipher.getInstance}) costs more than sealing 64 bytes, so idle ciphers
 * are kept in an {@link IdlePool} (no {@code ThreadLocal}: with virtual threads that would be a
 * cipher per task). A JCA cipher refuses to encrypt twice under the key and nonce of its last use;
 * this stateless {@link dev.arsenal.crypto.Aead} must not inherit that (sealing the same message
 * twice gives the same bytes: keeping nonces unique is the caller's part), so a refused
 * initialization falls back to a new cipher.
 */
public final class JcaAead extends AbstractAead {
    private final Provider jca;
    private final String transformation;
    private final byte[] key;
    private final SecretKeySpec keySpec;
    private final IdlePool<Cipher> idle;

    /**
     * @param algorithm the algorithm
     * @param key the key, whose length was checked; copied
     * @param jca the JCA provider whose ciphers to use
     * @param chacha the provider's name of ChaCha20-Poly1305 ({@code "ChaCha20-Poly1305"} in the
     *     JDK, {@code "ChaCha20/Poly1305/NoPadding"} in Conscrypt)
     */
    public JcaAead(AeadAlgorithm algorithm, byte[] key, Provider jca, String chacha) {
        super(algorithm);
        this.jca = jca;
        this.transformation = isGcm(algorithm) ? "AES/GCM/NoPadding" : chacha;
        this.key = key.clone();
        this.keySpec = algorithm == AeadAlgorithm.XCHACHA20_POLY1305
                ? null
                : new SecretKeySpec(key, isGcm(algorithm) ? "AES" : "ChaCha20");
        this.idle = IdlePool.of(IdlePool.PER_OWNER, this::newCipher);
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        Cipher c = null;
        try {
            c = cipher(Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(associatedData);
            return c.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    algorithm().id() + ": " + jca.getName() + "'s cipher failed to seal: " + e, e);
        } finally {
            if (c != null) {
                idle.give(c, true); // initialized again before every use
            }
        }
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        byte[] plaintext;
        Cipher c = null;
        try {
            c = cipher(Cipher.DECRYPT_MODE, nonce);
            c.updateAAD(associatedData);
            // Into an array of its own, then copied: out is written only once the tag matched.
            plaintext = c.doFinal(in, offset, length);
        } catch (AEADBadTagException e) {
            throw tagMismatch();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    algorithm().id() + ": " + jca.getName() + "'s cipher failed to open: " + e, e);
        } finally {
            if (c != null) {
                idle.give(c, true);
            }
        }
        System.arraycopy(plaintext, 0, out, outOffset, plaintext.length);
        Arrays.fill(plaintext, (byte) 0);
        return plaintext.length;
    }

    /** An idle cipher (or a new one) initialized for {@code mode} and {@code nonce}. */
    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        AeadAlgorithm a = algorithm();
        SecretKeySpec k = keySpec;
        byte[] n = nonce;
        if (a == AeadAlgorithm.XCHACHA20_POLY1305) {
            byte[] subkey = HChaCha20.subkey(key, nonce);
            k = new SecretKeySpec(subkey, "ChaCha20");
            Arrays.fill(subkey, (byte) 0);
            n = HChaCha20.chachaNonce(nonce);
        }
        AlgorithmParameterSpec params = isGcm(a) ? new GCMParameterSpec(a.tagBytes() * 8, n) : new IvParameterSpec(n);
        Cipher c = idle.take();
        try {
            c.init(mode, k, params);
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            // A provider refuses to encrypt twice under the key and nonce of a cipher's last use (a
            // nonce repeated, which this stateless object cannot refuse): a cipher of its own.
            c = newCipher();
            c.init(mode, k, params);
        }
        return c;
    }

    private Cipher newCipher() {
        try {
            return Cipher.getInstance(transformation, jca);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException(jca.getName() + " has no " + transformation + ": " + e, e);
        }
    }

    private static boolean isGcm(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.AES_128_GCM || algorithm == AeadAlgorithm.AES_256_GCM;
    }
}
