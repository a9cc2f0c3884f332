package dev.arsenal.providers.java.hashing;

import dev.arsenal.engine.DispatchingProviders;
import dev.arsenal.spi.hashing.AbstractHashingProviderContractTest;
import dev.arsenal.spi.hashing.HashingProvider;
import org.junit.jupiter.api.Nested;

/**
 * The hashing contract through the engine's generated dispatch classes, with the pure-Java
 * provider's hashers behind them: tiered at two crossovers (inputs below 64 bytes, or below 2 KiB,
 * to one hasher, the rest to another) and live, pointed at a tiered choice. Every input form, seed
 * and stream split then passes through the routing the engine hands out.
 */
class JavaHashingThroughDispatchTest {
    @Nested
    class TieredAt64Bytes extends AbstractHashingProviderContractTest {
        @Override
        protected HashingProvider createProvider() {
            return DispatchingProviders.tiered(HashingProvider.class, new JavaHashingProvider(), 64);
        }
    }

    @Nested
    class TieredAt2KiB extends AbstractHashingProviderContractTest {
        @Override
        protected HashingProvider createProvider() {
            return DispatchingProviders.tiered(HashingProvider.class, new JavaHashingProvider(), 2048);
        }
    }

    @Nested
    class Live extends AbstractHashingProviderContractTest {
        @Override
        protected HashingProvider createProvider() {
            return DispatchingProviders.live(HashingProvider.class, new JavaHashingProvider(), 256);
        }
    }
}
