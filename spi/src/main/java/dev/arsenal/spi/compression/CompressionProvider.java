package dev.arsenal.spi.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;
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

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        return KnownFrames.check(this, (Codec) algorithm);
    }
}
