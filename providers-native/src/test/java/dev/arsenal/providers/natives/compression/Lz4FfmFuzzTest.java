package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the LZ4 frame decoder of {@code native-lz4} (liblz4 through FFM), and its round trip; skipped when the library is missing. */
class Lz4FfmFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new Lz4FfmProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.LZ4;
    }
}
