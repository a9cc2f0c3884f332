package dev.arsenal.providers.simd.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hashing contract for the 256-bit kernel (two vectors per stripe), forced as {@code
 * -Darsenal.simd.maxBits=256} would on any machine whose Vector API prefers 256 bits or more.
 */
class SimdXxh3Provider256Test extends AbstractHashingProviderContractTest {
    private SimdXxh3Provider provider;

    @Override
    protected HashingProvider createProvider() {
        provider = new SimdXxh3Provider(256);
        return provider;
    }

    @Override
    protected PlatformInfo platform() {
        return PlatformDetector.detect();
    }

    /**
     * Skips the class where the Vector API is absent, narrower than 256 bits or without C2: there the provider
     * is rightly unavailable (the guard test checks the cause), which the contract would otherwise
     * count as a failure under {@code -Darsenal.test.requireNative=true}.
     */
    @BeforeAll
    void needsTheVectorApi() {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.preferredVectorBits() >= 256,
                () -> "no usable Vector API here: " + jvm);
    }

    @Test
    void runsTheNarrowShape() {
        assertEquals(256, provider.vectorBits(), provider.description());
    }
}
