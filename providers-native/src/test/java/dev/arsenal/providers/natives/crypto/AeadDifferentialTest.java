package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.AeadDifferential;
import dev.arsenal.spi.crypto.AeadProvider;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every AEAD provider of this module and the Java one (the JDK, Bouncy Castle, libsodium, OpenSSL,
 * Conscrypt) against every other ({@link AeadDifferential}). The SIMD provider is checked against
 * the Java ones in its own module.
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
        AeadDifferential.check(algorithm, providers(algorithm));
    }
}
