package dev.arsenal.providers.simd.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.spi.crypto.AbstractDigestProviderContractTest;
import dev.arsenal.spi.crypto.DigestProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The digest contract for BLAKE3 with the batch of one vector width, forced as {@code
 * -Darsenal.simd.maxBits} would: the official vectors, every form, every length. A subclass per
 * width.
 */
abstract class SimdCryptoProviderContract extends AbstractDigestProviderContractTest {
    private SimdCryptoProvider provider;

    /** The vector width under test, in bits. */
    abstract int bits();

    @Override
    protected DigestProvider provider() {
        if (provider == null) {
            provider = SimdShapes.provider(bits());
        }
        return provider;
    }

    /** Skips the class where the Vector API is absent, narrower than the width, or without C2. */
    @BeforeAll
    void needsTheVectorApi() {
        SimdShapes.assumeVectorApi(bits());
    }

    @Test
    void runsTheShapeAskedFor() {
        assertTrue(
                provider().description().contains(bits() / 32 + " lanes"),
                provider().description());
    }
}
