package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.AeadDifferential;
import dev.arsenal.spi.crypto.AeadProvider;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIMD provider's ChaCha20-Poly1305 and XChaCha20-Poly1305, with the kernels of the widest
 * shape here, against the JDK's and Bouncy Castle's ({@link AeadDifferential}): the same bytes,
 * each opens what the others sealed and refuses what they refuse.
 */
class SimdAeadDifferentialTest {
    @ParameterizedTest
    @EnumSource(
            value = AeadAlgorithm.class,
            names = {"CHACHA20_POLY1305", "XCHACHA20_POLY1305"})
    void agreesWithTheJdkAndBouncyCastle(AeadAlgorithm algorithm) throws AEADBadTagException {
        SimdCryptoProvider simd = new SimdCryptoProvider();
        assumeTrue(simd.probe(PlatformDetector.detect()).isAvailable(), simd::description);
        assertTrue(
                simd.selfTest(algorithm).passed(),
                () -> simd.selfTest(algorithm).toString());
        List<AeadProvider> providers = List.of(new JdkCryptoProvider(), new BouncyCastleCryptoProvider(), simd);
        AeadDifferential.check(algorithm, providers);
    }
}
