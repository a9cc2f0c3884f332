package dev.arsenal.providers.java.compression;

import dev.arsenal.spi.compression.AbstractCompressionProviderContractTest;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import dev.arsenal.spi.compression.ShuffleTestProvider;

/** The compression contract for the shuffle codecs: the scalar shuffle in front of java-compression. */
class ShuffleCodecContractTest extends AbstractCompressionProviderContractTest {
    @Override
    protected CompressionProvider provider() {
        return new ShuffleTestProvider(ScalarByteShuffle.INSTANCE, new JavaCompressionProvider(), 8);
    }
}
