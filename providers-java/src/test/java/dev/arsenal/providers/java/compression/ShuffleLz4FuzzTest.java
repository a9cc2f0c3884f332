package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractDecoderFuzzTest;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.ScalarByteShuffle;
import dev.arsenal.spi.compression.ShuffleTestProvider;

/**
 * Fuzzes the shuffle frame (header, blocks, the inner decoder's errors passed on) over {@code
 * java-compression}'s LZ4 frames, and its round trip with 8-byte elements.
 */
class ShuffleLz4FuzzTest extends AbstractDecoderFuzzTest {
    @Override
    protected CompressionProvider provider() {
        return new ShuffleTestProvider(ScalarByteShuffle.INSTANCE, new JavaCompressionProvider(), 8);
    }

    @Override
    protected Codec codec() {
        return Codec.LZ4_SHUFFLE;
    }
}
