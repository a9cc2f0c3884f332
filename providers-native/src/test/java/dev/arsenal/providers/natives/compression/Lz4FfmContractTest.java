package dev.arsenal.providers.natives.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;

/**
 * The shared compression contract for liblz4 through FFM ({@link Lz4FfmProviderTest} has what is
 * particular to it: the reference tool both ways, concatenated frames and members, hostile input).
 */
class Lz4FfmContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new Lz4FfmProvider();
    }
}
