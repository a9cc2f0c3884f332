package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The digest contract for BLAKE3 with the 512-bit batch (16 chunks at once), forced as {@code
 * -Darsenal.simd.maxBits=512} would: the official vectors, every form, every length.
 */
class SimdCryptoProvider512Test extends AbstractDigestProviderContractTest {
    private SimdCryptoProvider provider;

    @Override
    protected DigestProvider provider() {
        if (provider == null) {
            provider = new SimdCryptoProvider(512);
            assertTrue(provider.probe(PlatformDetector.detect()).isAvailable(), provider::description);
        }
        return provider;
    }

    /** Skips the class where the Vector API is absent, narrower than 512 bits or without C2. */
    @BeforeAll
    void needsTheVectorApi() {
        JvmInfo jvm = PlatformDetector.detect().jvm();
        assumeTrue(
                jvm.hotspot() && jvm.c2() && jvm.preferredVectorBits() >= 512,
                () -> "no 512-bit Vector API here: " + jvm);
    }

    @Test
    void runsTheShapeAskedFor() {
        assertTrue(provider().description().contains("16 lanes"), provider().description());
    }
}
