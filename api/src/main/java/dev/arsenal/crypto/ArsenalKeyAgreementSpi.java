package dev.arsenal.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/** A {@link javax.crypto.KeyAgreement} over the selected {@link Agreement}: two parties, one phase. */
final class ArsenalKeyAgreementSpi extends KeyAgreementSpi {
    private final KeyAgreementAlgorithm algorithm;
    private final CryptoView crypto;
    private Agreement agreement;
    private byte[] secret;

    ArsenalKeyAgreementSpi(KeyAgreementAlgorithm algorithm, CryptoView crypto) {
        this.algorithm = algorithm;
        this.crypto = crypto;
    }

    @Override
    protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
        if (!(key instanceof PrivateKey privateKey)) {
            throw new InvalidKeyException(algorithm.standardName() + ": a private key is needed, not " + key);
        }
        CurvePrivateKey k;
        try {
            k = CurvePrivateKey.from(privateKey);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(algorithm.standardName() + ": " + e.getMessage(), e);
        }
        if (k.algorithm() != algorithm) {
            throw new InvalidKeyException("a " + k.getAlgorithm() + " key, not " + algorithm.standardName());
        }
        agreement = crypto.agreement(k);
        clear();
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null
                && !(params instanceof NamedParameterSpec n
                        && n.getName().equalsIgnoreCase(algorithm.standardName()))) {
            throw new InvalidAlgorithmParameterException(algorithm.standardName() + " takes no parameters: " + params);
        }
        engineInit(key, random);
    }

    @Override
    protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
        if (agreement == null) {
            throw new IllegalStateException(algorithm.standardName() + ": not initialized");
        }
        if (!lastPhase) {
            throw new IllegalStateException(algorithm.standardName() + " has one phase: doPhase(key, true)");
        }
        if (!(key instanceof PublicKey publicKey)) {
            throw new InvalidKeyException(algorithm.standardName() + ": the peer's public key is needed, not " + key);
        }
        try {
            secret = agreement.agree(CurvePublicKey.from(publicKey));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(algorithm.standardName() + ": " + e.getMessage(), e);
        }
        return null;
    }

    @Override
    protected byte[] engineGenerateSecret() {
        byte[] s = live();
        secret = null;
        return s;
    }

    @Override
    protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
        byte[] s = live();
        if (sharedSecret.length - offset < s.length) {
            throw new ShortBufferException(
                    "room for " + (sharedSecret.length - offset) + " bytes, the secret has " + s.length);
        }
        System.arraycopy(s, 0, sharedSecret, offset, s.length);
        Arrays.fill(s, (byte) 0);
        secret = null;
        return s.length;
    }

    /** The secret as a {@link SecretKeySpec} of the algorithm asked for ("TlsPremasterSecret", "AES"...). */
    @Override
    protected SecretKey engineGenerateSecret(String keyAlgorithm) {
        byte[] s = live();
        secret = null;
        try {
            return new SecretKeySpec(s, keyAlgorithm);
        } finally {
            Arrays.fill(s, (byte) 0);
        }
    }

    private byte[] live() {
        if (secret == null) {
            throw new IllegalStateException(algorithm.standardName() + ": no secret: doPhase(peerKey, true) first");
        }
        return secret;
    }

    private void clear() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
            secret = null;
        }
    }
}
