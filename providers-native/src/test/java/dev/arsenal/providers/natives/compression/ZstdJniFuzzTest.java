package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the Zstandard decoder of {@code zstd-jni}, and its round trip; skipped when the library is missing. */
class ZstdJniFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new ZstdJniProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.ZSTD;
    }
}
