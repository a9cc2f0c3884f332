package dev.arsenal.providers.natives.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** The shared compression contract for lz4-java's LZ4 blocks ({@link Lz4JniCompressionProviderTest} has the rest). */
class Lz4JniCompressionContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new Lz4JniCompressionProvider();
    }
}
