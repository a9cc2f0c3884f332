package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;

/**
 * The options every provider that writes LZ4 frames supports, so that they answer alike: the
 * content checksum and the content size on or off (FLG bits 2 and 3, as {@code lz4
 * --no-frame-crc} and {@code --content-size}), no dictionary; raw blocks and other codecs only the
 * plain options.
 */
public final class Lz4FrameOptions {
    private Lz4FrameOptions() {}

    /** For {@link CompressionProvider#supports(Codec, int, CompressionOptions)}, after the level. */
    public static boolean supports(Codec codec, CompressionOptions options) {
        return codec == Codec.LZ4 ? !options.hasDictionary() : options.isPlain();
    }

    /** For {@link CompressionProvider#supportedOptions}. */
    public static String describe(Codec codec) {
        return codec == Codec.LZ4 ? "checksum on/off, content size on/off; no dictionaries" : "no options";
    }
}
