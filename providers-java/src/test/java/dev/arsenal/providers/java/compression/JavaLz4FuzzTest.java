package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the LZ4 frame decoder of {@code java-compression}, and its round trip. */
class JavaLz4FuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new JavaCompressionProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.LZ4;
    }
}
