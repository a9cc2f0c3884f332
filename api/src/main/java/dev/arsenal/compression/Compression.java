package dev.arsenal.compression;

import dev.arsenal.Arsenal;
import java.util.List;

/**
 * The entry point for compression: each method returns what the {@linkplain Arsenal#runtime()
 * default runtime} selected for the codec (and level) on this machine.
 *
 * <pre>{@code
 * private static final Compressor ZSTD = Compression.compressor(Codec.ZSTD, 3);
 * private static final Decompressor UNZSTD = Compression.decompressor(Codec.ZSTD);
 * byte[] packed = ZSTD.compress(bytes);
 * byte[] back = UNZSTD.decompress(packed, 64 << 20); // refuse more than 64 MiB
 * }</pre>
 */
public final class Compression {
    private Compression() {}

    /**
     * The selected compressor for {@code codec} at {@code level}: the best-ranked eligible provider
     * that supports that level.
     *
     * @throws IllegalArgumentException if the level is outside the codec's range
     * @throws dev.arsenal.ProviderUnavailableException if no eligible provider supports it
     */
    public static Compressor compressor(Codec codec, int level) {
        return Arsenal.runtime().compressor(codec, level);
    }

    /** The selected compressor for {@code codec} at its {@linkplain Codec#defaultLevel() default level}. */
    public static Compressor compressor(Codec codec) {
        return compressor(codec, codec.defaultLevel());
    }

    /**
     * The selected compressor for {@code codec} at {@code level} with {@code options} (a dictionary,
     * no checksum, the element size of a shuffle codec ...).
     *
     * @throws IllegalArgumentException if the level is outside the codec's range or an option does
     *     not apply to it
     * @throws dev.arsenal.ProviderUnavailableException if no eligible provider supports them
     */
    public static Compressor compressor(Codec codec, int level, CompressionOptions options) {
        return Arsenal.runtime().compressor(codec, level, options);
    }

    /** The selected decompressor for {@code codec}. */
    public static Decompressor decompressor(Codec codec) {
        return Arsenal.runtime().decompressor(codec);
    }

    /** The selected decompressor for {@code codec} with the dictionary of {@code options}. */
    public static Decompressor decompressor(Codec codec, CompressionOptions options) {
        return Arsenal.runtime().decompressor(codec, options);
    }

    /**
     * A dictionary of at most {@code maxSize} bytes trained on {@code samples}; see {@link
     * dev.arsenal.ArsenalRuntime#trainDictionary}.
     */
    public static byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        return Arsenal.runtime().trainDictionary(codec, samples, maxSize);
    }
}
