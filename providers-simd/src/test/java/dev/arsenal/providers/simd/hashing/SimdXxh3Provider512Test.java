package dev.arsenal.providers.simd.hashing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import org.junit.jupiter.api.BeforeAll;

/**
 * The hashing contract for the 512-bit kernel (one stripe per vector); skipped where the Vector
 * API prefers fewer bits, since the provider then never picks this shape.
 */
class SimdXxh3Provider512Test extends AbstractHashingProviderContractTest {
    private SimdXxh3Provider provider;

    @Override
    protected HashingProvider createProvider() {
        provider = new SimdXxh3Provider(512);
        return provider;
    }

    @Override
    protected PlatformInfo platform() {
        return PlatformDetector.detect();
    }

    @BeforeAll
    void needsTheWideShape() {
        int preferred = PlatformDetector.detect().jvm().preferredVectorBits();
        assumeTrue(preferred >= 512, "the Vector API prefers " + preferred + " bits here: no 512-bit kernel");
        assumeTrue(provider.vectorBits() == 512, () -> "the provider chose " + provider.description());
    }
}
