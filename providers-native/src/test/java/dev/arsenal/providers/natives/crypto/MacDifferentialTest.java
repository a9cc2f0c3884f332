package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.CryptoProvider;
import dev.arsenal.spi.crypto.KdfProvider;
import dev.arsenal.spi.crypto.MacProvider;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every HMAC and HKDF provider (the JDK, Bouncy Castle, OpenSSL, Conscrypt) against every other on random
 * keys (1 to 300 bytes: shorter and longer than the hash's block), messages, salts, contexts and
 * lengths: the same bytes, and each verifies the others' tags.
 */
class MacDifferentialTest {
    private static final List<CryptoProvider> PROVIDERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new OpenSslCryptoProvider(),
            new ConscryptCryptoProvider());

    @ParameterizedTest
    @EnumSource(MacAlgorithm.class)
    void everyMacGivesTheSameTags(MacAlgorithm algorithm) {
        SplittableRandom r = new SplittableRandom(0x3AC + algorithm.ordinal());
        for (int round = 0; round < 300; round++) {
            byte[] key = bytes(r, r.nextInt(1, 300));
            byte[] message = bytes(r, r.nextInt(0, round < 200 ? 500 : 100_000));
            byte[] expected =
                    ((MacProvider) PROVIDERS.getFirst()).mac(algorithm, key).mac(message);
            for (CryptoProvider p : PROVIDERS) {
                var mac = ((MacProvider) p).mac(algorithm, key);
                assertArrayEquals(expected, mac.mac(message), p.id() + ", " + key.length + "-byte key");
                assertTrue(mac.verify(message, expected), p.id() + " verifies the JDK's tag");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KdfAlgorithm.class)
    void everyKdfDerivesTheSameBytes(KdfAlgorithm algorithm) {
        SplittableRandom r = new SplittableRandom(0x4DF + algorithm.ordinal());
        for (int round = 0; round < 200; round++) {
            byte[] ikm = bytes(r, r.nextInt(0, 100));
            byte[] salt = r.nextInt(4) == 0 ? null : bytes(r, r.nextInt(0, 200));
            byte[] info = r.nextInt(4) == 0 ? null : bytes(r, r.nextInt(0, 100));
            int length = r.nextInt(1, algorithm.maxLength() + 1);
            byte[] expected =
                    ((KdfProvider) PROVIDERS.getFirst()).kdf(algorithm).derive(ikm, salt, info, length);
            for (CryptoProvider p : PROVIDERS) {
                assertArrayEquals(
                        expected,
                        ((KdfProvider) p).kdf(algorithm).derive(ikm, salt, info, length),
                        p.id() + ", " + length + " bytes");
            }
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
