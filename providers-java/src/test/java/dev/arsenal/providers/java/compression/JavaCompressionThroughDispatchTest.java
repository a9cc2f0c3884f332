package dev.arsenal.providers.java.compression;

import dev.arsenal.engine.DispatchingProviders;
import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;
import org.junit.jupiter.api.Nested;

/**
 * The compression contract through the engine's generated dispatch classes, with the pure-Java
 * provider's compressors and decompressors behind them: tiered at two crossovers (below 100 bytes
 * only the empty and one-byte inputs go to the small object; below 32 KiB the text does too) and
 * live, pointed at a tiered choice. Round trips, hostile input and every input form then pass
 * through the routing the engine hands out.
 */
class JavaCompressionThroughDispatchTest {
    @Nested
    class TieredAt100Bytes extends AbstractCompressionProviderContractTest {
        @Override
        protected CompressionProvider provider() {
            return DispatchingProviders.tiered(CompressionProvider.class, new JavaCompressionProvider(), 100);
        }
    }

    @Nested
    class TieredAt32KiB extends AbstractCompressionProviderContractTest {
        @Override
        protected CompressionProvider provider() {
            return DispatchingProviders.tiered(CompressionProvider.class, new JavaCompressionProvider(), 32768);
        }
    }

    @Nested
    class Live extends AbstractCompressionProviderContractTest {
        @Override
        protected CompressionProvider provider() {
            return DispatchingProviders.live(CompressionProvider.class, new JavaCompressionProvider(), 1000);
        }
    }
}
