package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the raw LZ4 block decoder of {@code java-compression}, and its round trip. */
class JavaLz4BlockFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new JavaCompressionProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.LZ4_BLOCK;
    }
}
