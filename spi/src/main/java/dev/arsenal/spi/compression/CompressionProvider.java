package dev.arsenal.spi.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;
import java.util.List;
import java.util.Set;

/**
 * A provider of compression codecs. Says which codecs and levels it supports; the engine asks for
 * a compressor only at a level the provider {@linkplain #supports supports}, and picks among the
 * eligible providers the best-ranked one that does.
 *
 * <p>The default {@link #selfTest} decodes the frames the reference tools wrote ({@link
 * KnownFrames}) and round-trips a few inputs through this provider at its lowest and default
 * levels.
 */
public interface CompressionProvider extends Provider {
    @Override
    Set<Codec> algorithms();

    @Override
    default Family family() {
        return Family.COMPRESSION;
    }

    /** Whether this provider compresses {@code codec} at {@code level}; by default, every level. */
    default boolean supports(Codec codec, int level) {
        return algorithms().contains(codec) && level >= codec.minLevel() && level <= codec.maxLevel();
    }

    /** The levels of {@code codec} this provider supports, for messages ("1 to 9", "3 only"). */
    default String supportedLevels(Codec codec) {
        return codec.minLevel() + " to " + codec.maxLevel();
    }

    /** A compressor for {@code codec} at {@code level}, which {@link #supports} said it supports. */
    Compressor compressor(Codec codec, int level);

    /** A decompressor for {@code codec}. */
    Decompressor decompressor(Codec codec);

    /**
     * Whether this provider compresses {@code codec} at {@code level} with {@code options}; by
     * default only {@linkplain CompressionOptions#isPlain() plain} options. Providers that write
     * dictionaries or leave out checksums override this, {@link #compressor(Codec, int,
     * CompressionOptions)} and {@link #supportedOptions}.
     */
    default boolean supports(Codec codec, int level, CompressionOptions options) {
        return supports(codec, level) && options.isPlain();
    }

    /** The options this provider supports for {@code codec}, for messages ("dictionaries, no checksum"). */
    default String supportedOptions(Codec codec) {
        return "no options";
    }

    /**
     * A compressor for {@code codec} at {@code level} with {@code options}, which {@link
     * #supports(Codec, int, CompressionOptions)} said it supports. By default the plain compressor.
     */
    default Compressor compressor(Codec codec, int level, CompressionOptions options) {
        if (!options.isPlain()) {
            throw unsupported(codec, options);
        }
        return compressor(codec, level);
    }

    /**
     * The error for {@code options} this provider does not support for {@code codec}: names them
     * and what it {@linkplain #supportedOptions supports}.
     */
    default UnsupportedOperationException unsupported(Codec codec, CompressionOptions options) {
        return new UnsupportedOperationException(id() + " does not support " + options + " for " + codec.id()
                + " (it supports " + supportedOptions(codec) + ")");
    }

    /**
     * Whether this provider decodes {@code codec} with {@code options}' dictionary; by default only
     * without one.
     */
    default boolean supportsDecompression(Codec codec, CompressionOptions options) {
        return algorithms().contains(codec) && !options.hasDictionary();
    }

    /**
     * A decompressor for {@code codec} with {@code options}' dictionary, which {@link
     * #supportsDecompression} said it supports. By default the plain decompressor.
     */
    default Decompressor decompressor(Codec codec, CompressionOptions options) {
        if (options.hasDictionary()) {
            throw new UnsupportedOperationException(id() + " does not decode " + codec.id() + " with a dictionary");
        }
        return decompressor(codec);
    }

    /** Whether this provider {@linkplain #trainDictionary trains dictionaries} for {@code codec}; by default not. */
    default boolean trainsDictionaries(Codec codec) {
        return false;
    }

    /**
     * A dictionary of at most {@code maxSize} bytes trained on {@code samples}, for a codec that
     * {@link #trainsDictionaries} says it trains.
     *
     * @throws IllegalArgumentException if the samples are too few or too small to train on (the
     *     library's reason in the message)
     */
    default byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        throw new UnsupportedOperationException(id() + " does not train dictionaries");
    }

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        return KnownFrames.check(this, (Codec) algorithm);
    }
}
