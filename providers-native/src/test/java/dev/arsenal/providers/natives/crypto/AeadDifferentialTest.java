package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.AeadProvider;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every AEAD provider (the JDK, Bouncy Castle, libsodium, OpenSSL, Conscrypt) against every other, on random keys, nonces, lengths and
 * associated data: the same sealed bytes, each opens what the others sealed, and each refuses what
 * the others refuse (a hot swap may change the provider between sealing and opening).
 */
class AeadDifferentialTest {
    private static final List<AeadProvider> PROVIDERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider(),
            new ConscryptCryptoProvider());

    /** The providers of {@code algorithm}; the JDK first, the reference. */
    private static List<AeadProvider> providers(AeadAlgorithm algorithm) {
        List<AeadProvider> offering = PROVIDERS.stream()
                .filter(p -> p.algorithms().contains(algorithm))
                .filter(p -> p.selfTest(algorithm).passed())
                .toList();
        assertTrue(offering.size() >= 3, algorithm.id() + " has fewer than three providers: " + offering);
        return offering;
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void everyProviderSealsTheSameBytesAndOpensTheOthers(AeadAlgorithm algorithm) throws AEADBadTagException {
        SplittableRandom r = new SplittableRandom(0xAEADL + algorithm.ordinal());
        List<AeadProvider> providers = providers(algorithm);
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
