package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the Zstandard decoder of {@code native-zstd} (libzstd through FFM), and its round trip; skipped when the library is missing. */
class ZstdFfmFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new ZstdFfmProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.ZSTD;
    }
}
