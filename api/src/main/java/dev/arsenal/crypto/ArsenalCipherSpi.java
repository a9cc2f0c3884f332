package dev.arsenal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * A {@link Cipher} over the selected {@link Aead}, as the JDK's AEAD ciphers behave: associated
 * data before the data ({@code updateAAD}), the 16-byte tag appended to the ciphertext, nothing
 * released on decryption before the tag is checked (input is gathered until {@code doFinal}, as
 * SunJCE's ChaCha20-Poly1305 gathers it), a nonce drawn at random when encryption is initialized
 * without one ({@link #engineGetIV}). A nonce is never used twice: encryption with the key and
 * nonce of the previous one is refused at {@code init}, and a finished encryption must be
 * initialized again before the next ({@link IllegalStateException}), as SunJCE does for GCM.
 *
 * <p>{@code "AES/GCM/NoPadding"} serves AES-128-GCM or AES-256-GCM by the key's length, with
 * 96-bit nonces and 128-bit tags only ({@link AeadAlgorithm}); wrap and unwrap modes are not served.
 */
final class ArsenalCipherSpi extends CipherSpi {
    private final AeadAlgorithm fixed;
    private final CryptoView crypto;
    private final ByteArrayOutputStream associatedData = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private AeadAlgorithm algorithm;
    private Aead aead;
    private boolean encrypting;
    private byte[] keyBytes;
    private byte[] nonce;
    private boolean dataStarted;
    private boolean spent;

    /** @param algorithm the AEAD, or null for AES-GCM, whose key length decides it */
    ArsenalCipherSpi(AeadAlgorithm algorithm, CryptoView crypto) {
        this.fixed = algorithm;
        this.algorithm = algorithm;
        this.crypto = crypto;
    }

    private String name() {
        return fixed == null ? "AES/GCM/NoPadding" : fixed.id();
    }

    private boolean gcm() {
        return fixed != AeadAlgorithm.CHACHA20_POLY1305 && fixed != AeadAlgorithm.XCHACHA20_POLY1305;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (!mode.equalsIgnoreCase(gcm() ? "GCM" : "None")) {
            throw new NoSuchAlgorithmException(name() + " has no mode " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (!padding.equalsIgnoreCase("NoPadding")) {
            throw new NoSuchPaddingException(name() + " has no padding " + padding);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return gcm() ? 16 : 0;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        int total = data.size() + inputLen;
        return encrypting ? total + AeadAlgorithm.TAG_BYTES : Math.max(0, total - AeadAlgorithm.TAG_BYTES);
    }

    @Override
    protected byte[] engineGetIV() {
        return nonce == null ? null : nonce.clone();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (nonce == null || algorithm == AeadAlgorithm.XCHACHA20_POLY1305) {
            return null;
        }
        try {
            boolean gcm = algorithm != AeadAlgorithm.CHACHA20_POLY1305;
            AlgorithmParameters p = AlgorithmParameters.getInstance(gcm ? "GCM" : "ChaCha20-Poly1305");
            p.init(gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            return p;
        } catch (GeneralSecurityException e) {
            return null; // the JDK has no parameters of that name: getIV() still gives the nonce
        }
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return rawKey(key, name()).length * 8;
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(opmode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        AlgorithmParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getAlgorithm().equalsIgnoreCase("GCM")
                        ? params.getParameterSpec(GCMParameterSpec.class)
                        : params.getParameterSpec(IvParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(name() + ": parameters " + params + " have no nonce", e);
            }
        }
        engineInit(opmode, key, spec, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new UnsupportedOperationException(name() + ": encryption and decryption only, not wrap or unwrap");
        }
        byte[] raw = rawKey(key, name());
        AeadAlgorithm a = fixed != null
                ? fixed
                : switch (raw.length) {
                    case 16 -> AeadAlgorithm.AES_128_GCM;
                    case 32 -> AeadAlgorithm.AES_256_GCM;
                    default ->
                        throw new InvalidKeyException(
                                "AES/GCM/NoPadding: a " + raw.length + "-byte key; AES-128 (16) or AES-256 (32) only");
                };
        try {
            a.checkKey(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
        byte[] n = nonce(a, params);
        boolean encrypt = opmode == Cipher.ENCRYPT_MODE;
        if (n == null) {
            if (!encrypt) {
                throw new InvalidKeyException(
                        a.id() + ": decryption needs the nonce (an IvParameterSpec or" + " GCMParameterSpec)");
            }
            n = new byte[a.nonceBytes()];
            (random != null ? random : Random.SOURCE).nextBytes(n);
        }
        if (encrypt
                && encrypting
                && keyBytes != null
                && MessageDigest.isEqual(raw, keyBytes)
                && Arrays.equals(n, nonce)) {
            throw new InvalidAlgorithmParameterException(a.id() + ": the key and nonce of the previous encryption;"
                    + " a nonce must never be used twice under one key");
        }
        if (keyBytes != null) {
            Arrays.fill(keyBytes, (byte) 0);
        }
        algorithm = a;
        aead = crypto.aead(a, raw);
        keyBytes = raw;
        nonce = n;
        encrypting = encrypt;
        spent = false;
        reset();
    }

    private static byte[] nonce(AeadAlgorithm a, AlgorithmParameterSpec params)
            throws InvalidAlgorithmParameterException {
        byte[] n;
        if (params == null) {
            return null;
        } else if (params instanceof GCMParameterSpec g) {
            if (g.getTLen() != 128) {
                throw new InvalidAlgorithmParameterException(a.id() + ": tags of 128 bits only, not " + g.getTLen());
            }
            n = g.getIV();
        } else if (params instanceof IvParameterSpec iv) {
            n = iv.getIV();
        } else {
            throw new InvalidAlgorithmParameterException(a.id() + ": a nonce in an IvParameterSpec or"
                    + " GCMParameterSpec, not " + params.getClass().getName());
        }
        if (n.length != a.nonceBytes()) {
            throw new InvalidAlgorithmParameterException(
                    a.id() + ": a nonce has " + a.nonceBytes() + " bytes, not " + n.length);
        }
        return n;
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        live();
        if (dataStarted) {
            throw new IllegalStateException(algorithm.id() + ": associated data must come before the data");
        }
        associatedData.write(src, offset, len);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
        live();
        dataStarted = true;
        data.write(input, inputOffset, inputLen);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
        engineUpdate(input, inputOffset, inputLen);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen) throws AEADBadTagException {
        live();
        if (input != null) {
            data.write(input, inputOffset, inputLen);
        }
        byte[] in = data.toByteArray();
        byte[] ad = associatedData.toByteArray();
        reset();
        if (encrypting) {
            spent = true;
            return aead.encrypt(nonce, in, ad);
        }
        if (in.length < AeadAlgorithm.TAG_BYTES) {
            throw new AEADBadTagException(algorithm.id() + ": " + in.length + " bytes, fewer than the 16-byte tag");
        }
        return aead.decrypt(nonce, in, ad);
    }

    @Override
    protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
            throws ShortBufferException, AEADBadTagException {
        int needed = engineGetOutputSize(input == null ? 0 : inputLen);
        if (output.length - outputOffset < needed) {
            throw new ShortBufferException(
                    "room for " + (output.length - outputOffset) + " bytes, " + needed + " needed");
        }
        byte[] result = engineDoFinal(input, inputOffset, inputLen);
        System.arraycopy(result, 0, output, outputOffset, result.length);
        return result.length;
    }

    private void live() {
        if (aead == null) {
            throw new IllegalStateException(name() + ": not initialized");
        }
        if (spent) {
            throw new IllegalStateException(algorithm.id() + ": initialize again with another nonce (or key) before"
                    + " the next encryption: a nonce must never be used twice under one key");
        }
    }

    private void reset() {
        data.reset();
        associatedData.reset();
        dataStarted = false;
    }

    /** The raw bytes of a secret key ({@code getFormat()} "RAW"). */
    static byte[] rawKey(Key key, String what) throws InvalidKeyException {
        if (key == null) {
            throw new InvalidKeyException(what + ": no key (null)");
        }
        byte[] raw = "RAW".equalsIgnoreCase(key.getFormat()) ? key.getEncoded() : null;
        if (raw == null) {
            throw new InvalidKeyException(what + ": a secret key in RAW format, not " + key.getFormat() + " ("
                    + key.getClass().getName() + ")");
        }
        return raw;
    }

    /** The default {@link SecureRandom}, made when a nonce is first drawn. */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
