package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.spi.crypto.AbstractAead;
import dev.arsenal.spi.crypto.HChaCha20;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AEAD on a JCA cipher, initialized again for every message. A JCA {@code Cipher} refuses to
 * encrypt twice under the same key and nonce; this stateless {@link dev.arsenal.crypto.Aead} must
 * not inherit that (sealing the same message twice gives the same bytes), so a refused
 * initialization falls back to a new cipher.
 */
final class JdkAead extends AbstractAead {
    static final String CHACHA = "ChaCha20-Poly1305";
    static final String GCM = "AES/GCM/NoPadding";

    private final Provider jca;
    private final byte[] key;
    private final SecretKeySpec keySpec;
    /**
     * A cipher per thread, initialized again for each message: making one ({@code
     * Cipher.getInstance}) costs more than sealing 64 bytes. Per thread because a JCA cipher is not
     * thread-safe; a virtual thread gets its own, and nothing pins it to a carrier.
     */
    private final ThreadLocal<Cipher> cached = new ThreadLocal<>();

    JdkAead(AeadAlgorithm algorithm, byte[] key, Provider jca) {
        super(algorithm);
        this.jca = jca;
        this.key = key.clone();
        this.keySpec = algorithm == AeadAlgorithm.XCHACHA20_POLY1305
                ? null
                : new SecretKeySpec(key, isGcm(algorithm) ? "AES" : "ChaCha20");
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(associatedData);
            return c.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm().id() + ": the JDK's cipher failed to seal: " + e, e);
        }
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        byte[] plaintext;
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, nonce);
            c.updateAAD(associatedData);
            // Into an array of its own, then copied: out is written only once the tag matched.
            plaintext = c.doFinal(in, offset, length);
        } catch (AEADBadTagException e) {
            throw new AEADBadTagException(algorithm().id() + ": the tag does not match: the ciphertext, the tag,"
                    + " the associated data, the nonce or the key is not what was sealed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm().id() + ": the JDK's cipher failed to open: " + e, e);
        }
        System.arraycopy(plaintext, 0, out, outOffset, plaintext.length);
        Arrays.fill(plaintext, (byte) 0);
        return plaintext.length;
    }

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
        Cipher c = cached.get();
        if (c == null) {
            c = Cipher.getInstance(isGcm(a) ? GCM : CHACHA, jca);
            cached.set(c);
        }
        try {
            c.init(mode, k, params);
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            // The JDK refuses to encrypt twice under the key and nonce of a cipher's last use (a
            // nonce repeated, which this stateless object cannot refuse): a cipher of its own.
            c = Cipher.getInstance(isGcm(a) ? GCM : CHACHA, jca);
            c.init(mode, k, params);
        }
        return c;
    }

    private static boolean isGcm(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.AES_128_GCM || algorithm == AeadAlgorithm.AES_256_GCM;
    }
}
