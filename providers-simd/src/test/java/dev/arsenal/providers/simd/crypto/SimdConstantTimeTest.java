package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.spi.crypto.Dudect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The dudect check of the SIMD provider's tag verification, as {@code ConstantTimeTest} runs it
 * for the Java providers: a forged tag wrong in its last byte must be refused in the same time as
 * one wrong in its first. On demand only ({@code -Darsenal.dudect=true}), for the reason given
 * there: on a 2-vCPU machine the verdicts are not stable enough to gate a build.
 */
class SimdConstantTimeTest {
    @Test
    @EnabledIfSystemProperty(named = "arsenal.dudect", matches = "true")
    void aeadOpeningTakesTheSameTimeWhereverTheTagDiffers() {
        SimdCryptoProvider provider = new SimdCryptoProvider();
        assumeTrue(provider.probe(PlatformDetector.detect()).isAvailable(), provider::description);
        for (AeadAlgorithm algorithm :
                new AeadAlgorithm[] {AeadAlgorithm.CHACHA20_POLY1305, AeadAlgorithm.XCHACHA20_POLY1305}) {
            Aead aead = provider.aead(algorithm, new byte[32]);
            int measurements = Dudect.measurements(20_000);
            double t = Dudect.aeadOpening(aead, measurements / 2);
            System.out.printf(
                    "dudect: simd-crypto %s open: |t| = %.2f (%d measurements)%n", algorithm.id(), t, measurements);
            assertTrue(t < Dudect.LEAK, algorithm.id() + ": |t| = " + t);
        }
    }
}
