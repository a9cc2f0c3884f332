package dev.arsenal.spi.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.compression.Codec;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Provider;
import java.util.Set;

/**
 * A provider of the byte-shuffle stage of the {@linkplain Codec#isShuffle() shuffle codecs}. It
 * offers only the {@link ByteShuffle} kernel: the engine puts it in front of the compressor it
 * selects for the inner codec ({@link ShuffleFrames}), so a SIMD shuffle composes with whichever
 * LZ4 or Zstandard provider is best, and the frame format lives in one place.
 *
 * <p>The default {@link #selfTest} compares the kernel with {@link ScalarByteShuffle} both ways
 * over element sizes 1 to 33 and lengths around the vector widths (once per kernel, for both
 * codecs), and checks the bytes around the
 * output range stay untouched.
 */
public interface ShuffleProvider extends Provider {
    /** The shuffle codecs: {@link Codec#LZ4_SHUFFLE} and {@link Codec#ZSTD_SHUFFLE}. */
    @Override
    default Set<Codec> algorithms() {
        return Set.of(Codec.LZ4_SHUFFLE, Codec.ZSTD_SHUFFLE);
    }

    @Override
    default Family family() {
        return Family.COMPRESSION;
    }

    /** The kernel; called after a successful {@link #probe}. */
    ByteShuffle shuffle();

    @Override
    default SelfTest selfTest(Algorithm algorithm) {
        return ShuffleSelfTest.check(shuffle());
    }
}
