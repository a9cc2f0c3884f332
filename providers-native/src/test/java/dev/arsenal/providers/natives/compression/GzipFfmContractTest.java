package dev.arsenal.providers.natives.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;

/**
 * The shared compression contract for libdeflate and zlib through FFM ({@link GzipFfmProviderTest} has what is
 * particular to it: the reference tool both ways, concatenated frames and members, hostile input).
 */
class GzipFfmContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new GzipFfmProvider();
    }
}
