package dev.arsenal.providers.java.crypto;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.spi.crypto.AbstractAead;
import dev.arsenal.spi.crypto.HChaCha20;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An AEAD on Bouncy Castle's lightweight ciphers, one per call (they hold state). Bouncy Castle
 * streams the plaintext out before it checks the tag at {@code doFinal}, so opening writes into an
 * array of its own and copies it to the caller's only once the tag matched.
 */
final class BouncyCastleAead extends AbstractAead {
    private final byte[] key;

    BouncyCastleAead(AeadAlgorithm algorithm, byte[] key) {
        super(algorithm);
        this.key = key.clone();
    }

    @Override
    protected int seal(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset) {
        AEADCipher c = cipher(true, nonce, associatedData);
        int n = c.processBytes(in, offset, length, out, outOffset);
        try {
            return n + c.doFinal(out, outOffset + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm().id() + ": Bouncy Castle failed to seal: " + e, e);
        }
    }

    @Override
    protected int open(
            byte[] nonce, byte[] in, int offset, int length, byte[] associatedData, byte[] out, int outOffset)
            throws AEADBadTagException {
        AEADCipher c = cipher(false, nonce, associatedData);
        byte[] plaintext = new byte[c.getOutputSize(length)];
        try {
            int n = c.processBytes(in, offset, length, plaintext, 0);
            n += c.doFinal(plaintext, n);
            System.arraycopy(plaintext, 0, out, outOffset, n);
            return n;
        } catch (InvalidCipherTextException e) {
            throw tagMismatch();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private AEADCipher cipher(boolean encrypt, byte[] nonce, byte[] associatedData) {
        AeadAlgorithm a = algorithm();
        byte[] k = key;
        byte[] n = nonce;
        AEADCipher c;
        if (a == AeadAlgorithm.AES_128_GCM || a == AeadAlgorithm.AES_256_GCM) {
            c = GCMBlockCipher.newInstance(AESEngine.newInstance());
        } else {
            c = new ChaCha20Poly1305();
            if (a == AeadAlgorithm.XCHACHA20_POLY1305) {
                k = HChaCha20.subkey(key, nonce);
                n = HChaCha20.chachaNonce(nonce);
            }
        }
        c.init(encrypt, new AEADParameters(new KeyParameter(k), a.tagBytes() * 8, n, associatedData));
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
        return c;
    }
}
