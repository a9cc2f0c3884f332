package dev.arsenal.providers.natives.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The hashing contract for libxxhash through FFM (skipped when the library is missing, failed
 * instead under {@code -Darsenal.test.requireNative=true}), plus what is particular to it.
 */
class XxhashNativeProviderTest extends AbstractHashingProviderContractTest {
    @Override
    protected HashingProvider createProvider() {
        return new XxhashNativeProvider();
    }

    @Test
    void describesItselfAndItsRequirement() {
        XxhashNativeProvider provider = new XxhashNativeProvider();
        assertEquals("native-xxhash", provider.id());
        assertEquals(ProviderKind.NATIVE, provider.kind());
        assertEquals(
                EnumSet.of(HashAlgorithm.XXH32, HashAlgorithm.XXH64, HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128),
                provider.algorithms());
        assertEquals(List.of(new Requirement.NativeLibrary("libxxhash.so.0")), provider.requirements());
        if (XxhashBindings.isAvailable()) {
            assertTrue(provider.description().startsWith("libxxhash 0.8."), provider.description());
        }
    }

    @Test
    void ranksByStrategyAndSize() {
        XxhashNativeProvider p = new XxhashNativeProvider();
        for (HashAlgorithm a : p.algorithms()) {
            assertEquals(90, p.rank(a, Strategy.BALANCED, 1023));
            assertEquals(200, p.rank(a, Strategy.BALANCED, 1024));
            assertEquals(90, p.rank(a, Strategy.THROUGHPUT, 255));
            assertEquals(200, p.rank(a, Strategy.THROUGHPUT, 256));
            assertEquals(50, p.rank(a, Strategy.LATENCY, 16));
            assertEquals(50, p.rank(a, Strategy.LATENCY, 64 * 1024 - 1));
            assertEquals(200, p.rank(a, Strategy.LATENCY, 1 << 20));
            assertEquals(50, p.rank(a, Strategy.MINIMAL_MEMORY, 16));
            assertEquals(50, p.rank(a, Strategy.MINIMAL_MEMORY, 1 << 20));
            for (Strategy s : Strategy.values()) {
                assertEquals(p.rank(a, s, 64 * 1024), p.rank(a, s), s + " without a size is the 64 KiB rank");
            }
        }
    }

    @Test
    void refusesTheChecksums() {
        XxhashNativeProvider p = new XxhashNativeProvider();
        assertThrows(UnsupportedOperationException.class, () -> p.hasher32(HashAlgorithm.CRC32C, 0));
        assertThrows(UnsupportedOperationException.class, () -> p.hasher32(HashAlgorithm.CRC32, 0));
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == XxhashNativeProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists XxhashNativeProvider");
    }
}
