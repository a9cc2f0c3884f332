package dev.arsenal.providers.java.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The hashing contract for the pure-Java provider, plus what is particular to it. */
class JavaHashingProviderTest extends AbstractHashingProviderContractTest {
    @Override
    protected HashingProvider createProvider() {
        return new JavaHashingProvider();
    }

    @Test
    void servesEveryAlgorithmAndWinsWhereLatencyOrMemoryCount() {
        JavaHashingProvider provider = new JavaHashingProvider();
        assertEquals("java-hashing", provider.id());
        assertEquals(ProviderKind.JAVA, provider.kind());
        assertEquals(EnumSet.allOf(HashAlgorithm.class), provider.algorithms());
        assertTrue(provider.probe(null).isAvailable());
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            assertEquals(100, provider.rank(algorithm, Strategy.BALANCED));
            assertEquals(100, provider.rank(algorithm, Strategy.THROUGHPUT));
            assertEquals(150, provider.rank(algorithm, Strategy.LATENCY));
            assertEquals(150, provider.rank(algorithm, Strategy.MINIMAL_MEMORY));
        }
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(
                ServiceLoader.load(Provider.class).stream().anyMatch(p -> p.type() == JavaHashingProvider.class),
                "META-INF/services/dev.arsenal.spi.Provider lists JavaHashingProvider");
    }
}
