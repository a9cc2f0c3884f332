package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;

/** What the contract tests of one vector width share: the assumption, and the provider of that width. */
final class SimdShapes {
    private SimdShapes() {}

    /** Skips the test where the Vector API is absent, narrower than {@code bits}, or without C2. */
    static void assumeVectorApi(int bits) {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.preferredVectorBits() >= bits,
                () -> "no " + bits + "-bit Vector API here: " + jvm);
    }

    /** The provider with vectors of at most {@code bits}, probed (as {@code -Darsenal.simd.maxBits} would). */
    static SimdCryptoProvider provider(int bits) {
        SimdCryptoProvider provider = new SimdCryptoProvider(bits);
        assertTrue(provider.probe(PlatformDetector.detect()).isAvailable(), provider::description);
        return provider;
    }
}
