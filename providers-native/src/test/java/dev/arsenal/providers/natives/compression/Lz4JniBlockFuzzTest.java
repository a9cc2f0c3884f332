package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the raw LZ4 block decoder of {@code lz4java-compression}, and its round trip; skipped when the library is missing. */
class Lz4JniBlockFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new Lz4JniCompressionProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.LZ4_BLOCK;
    }
}
