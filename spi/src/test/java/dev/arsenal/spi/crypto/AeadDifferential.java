package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;

/**
 * AEAD providers against each other, on random keys, nonces, lengths and associated data: the same
 * sealed bytes, each opens what the others sealed, and each refuses what the others refuse (a hot
 * swap may change the provider between sealing and opening). Used by the differential tests of the
 * modules that see several providers.
 */
public final class AeadDifferential {
    private AeadDifferential() {}

    /**
     * Checks {@code providers} (the first is the reference) against each other on {@code algorithm}:
     * 300 rounds of a random key, nonce, message (up to 64 bytes, then up to 5,000) and associated
     * data.
     */
    public static void check(AeadAlgorithm algorithm, List<AeadProvider> providers) throws AEADBadTagException {
        SplittableRandom r = new SplittableRandom(0xAEADL + algorithm.ordinal());
        for (int round = 0; round < 300; round++) {
            byte[] key = bytes(r, algorithm.keyBytes());
            byte[] nonce = bytes(r, algorithm.nonceBytes());
            byte[] message = bytes(r, r.nextInt(0, round < 100 ? 64 : 5000));
            byte[] aad = bytes(r, r.nextInt(0, 50));
            byte[] expected = providers.getFirst().aead(algorithm, key).encrypt(nonce, message, aad);
            for (AeadProvider sealer : providers) {
                Aead seal = sealer.aead(algorithm, key);
                byte[] sealed = seal.encrypt(nonce, message, aad);
                assertArrayEquals(expected, sealed, sealer.id() + " seals differently");
                byte[] forged = sealed.clone();
                forged[r.nextInt(forged.length)] ^= (byte) (1 << r.nextInt(8));
                for (AeadProvider opener : providers) {
                    Aead open = opener.aead(algorithm, key);
                    assertArrayEquals(
                            message, open.decrypt(nonce, sealed, aad), opener.id() + " opening " + sealer.id());
                    assertThrows(AEADBadTagException.class, () -> open.decrypt(nonce, forged, aad), opener.id());
                }
            }
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
