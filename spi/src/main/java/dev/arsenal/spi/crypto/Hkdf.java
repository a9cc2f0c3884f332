package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.Mac;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * HKDF (RFC 5869) over any provider's HMAC, for providers that have an HMAC and no HKDF of their
 * own (libsodium 1.0.18): extract is one HMAC under the salt, expand the chain {@code T(i) =
 * HMAC(PRK, T(i-1) | info | i)}.
 */
public final class Hkdf implements Kdf {
    private static final byte[] EMPTY = new byte[0];

    private final KdfAlgorithm algorithm;
    private final Function<byte[], Mac> hmac;

    /**
     * @param algorithm the algorithm
     * @param hmac the provider's HMAC of {@code algorithm.mac()} under a key
     */
    public Hkdf(KdfAlgorithm algorithm, Function<byte[], Mac> hmac) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.hmac = Objects.requireNonNull(hmac, "hmac");
    }

    @Override
    public KdfAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        algorithm.checkLength(length);
        byte[] prk = extract(salt, inputKeyMaterial);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    @Override
    public byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial");
        byte[] key = salt == null || salt.length == 0 ? new byte[algorithm.mac().length()] : salt;
        return hmac.apply(key).mac(inputKeyMaterial);
    }

    @Override
    public byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        algorithm.checkLength(length);
        algorithm.checkPseudoRandomKey(pseudoRandomKey);
        int hashLength = algorithm.mac().length();
        byte[] context = info == null ? EMPTY : info;
        DigestStream s = hmac.apply(pseudoRandomKey).newStream();
        byte[] out = new byte[length];
        byte[] t = EMPTY;
        for (int i = 1, position = 0; position < length; i++) {
            s.update(t);
            s.update(context);
            s.update(new byte[] {(byte) i});
            Arrays.fill(t, (byte) 0);
            t = s.digest();
            int n = Math.min(hashLength, length - position);
            System.arraycopy(t, 0, out, position, n);
            position += n;
        }
        Arrays.fill(t, (byte) 0);
        return out;
    }
}
