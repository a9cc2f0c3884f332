package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the Zstandard decoder of {@code java-compression}, and its round trip. */
class JavaZstdFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new JavaCompressionProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.ZSTD;
    }
}
