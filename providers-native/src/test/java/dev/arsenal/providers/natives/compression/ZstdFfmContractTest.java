package dev.arsenal.providers.natives.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;

/**
 * The shared compression contract for libzstd through FFM ({@link ZstdFfmProviderTest} has what is
 * particular to it: the zstd tool both ways, every truncation and bit flip).
 */
class ZstdFfmContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new ZstdFfmProvider();
    }
}
