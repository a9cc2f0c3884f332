package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;

/** Fuzzes the gzip decoder of {@code native-gzip} (through FFM), and its round trip; skipped when the library is missing. */
class GzipFfmFuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new GzipFfmProvider();
    }

    @Override
    protected Codec codec() {
        return Codec.GZIP;
    }
}
