package dev.arsenal.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * A {@link java.security.KeyPairGenerator} of Arsenal's keys: the private key drawn from the given
 * {@link SecureRandom} (or the default one), the public key derived by the selected provider.
 */
final class ArsenalKeyPairGeneratorSpi extends KeyPairGeneratorSpi {
    private final CurveAlgorithm algorithm;
    private final CryptoView crypto;
    private SecureRandom random;

    ArsenalKeyPairGeneratorSpi(CurveAlgorithm algorithm, CryptoView crypto) {
        this.algorithm = algorithm;
        this.crypto = crypto;
    }

    /** 255 bits only, the curve's size. */
    @Override
    public void initialize(int keysize, SecureRandom random) {
        if (keysize != 255) {
            throw new InvalidParameterException(algorithm.standardName() + " keys have 255 bits, not " + keysize);
        }
        this.random = random;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec n) || !n.getName().equalsIgnoreCase(algorithm.standardName())) {
            throw new InvalidAlgorithmParameterException(
                    algorithm.standardName() + " generates " + algorithm.standardName() + " keys only, not " + params);
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        if (random == null) {
            return crypto.generateKeyPair(algorithm).toKeyPair();
        }
        byte[] raw = new byte[algorithm.privateKeyLength()];
        random.nextBytes(raw);
        CurvePrivateKey key = CurvePrivateKey.of(algorithm, raw);
        Arrays.fill(raw, (byte) 0);
        return new KeyPair(crypto.publicKey(key), key);
    }
}
