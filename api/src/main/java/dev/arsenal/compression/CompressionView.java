package dev.arsenal.compression;

import java.util.List;

/**
 * What a runtime offers of the compression family: its selected compressors and decompressors, and
 * dictionary training. {@link dev.arsenal.ArsenalRuntime}'s {@code compressor}, {@code
 * decompressor} and {@code trainDictionary} are this view's ({@code
 * runtime.view(CompressionView.class)}), where they are described.
 */
public interface CompressionView {
    /** The selected compressor; see {@link dev.arsenal.ArsenalRuntime#compressor(Codec, int, CompressionOptions)}. */
    Compressor compressor(Codec codec, int level, CompressionOptions options);

    /** The selected decompressor; see {@link dev.arsenal.ArsenalRuntime#decompressor(Codec, CompressionOptions)}. */
    Decompressor decompressor(Codec codec, CompressionOptions options);

    /** A trained dictionary; see {@link dev.arsenal.ArsenalRuntime#trainDictionary}. */
    byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize);
}
