package dev.arsenal;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.CompressionView;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.HashingView;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.RuntimeReport;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A configured set of selections: for every algorithm, the provider that serves it and why.
 * Created once from a {@link Configuration}; immutable afterwards and thread-safe.
 *
 * <p>In an OSGi framework the runtime the engine registers follows providers as they come and go:
 * the hashers, compressors and decompressors it hands out move to each new selection, and one asked
 * for while no provider can serve it is handed out all the same and throws the {@link
 * ProviderUnavailableException} described below on each call, until a provider arrives.
 */
public interface ArsenalRuntime {
    /** The configuration this runtime was built from. */
    Configuration configuration();

    /** The strategy that ranked the candidates. */
    default Strategy strategy() {
        return configuration().strategy();
    }

    /**
     * The selected 32-bit hasher for {@code algorithm} with {@code seed}.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     * @throws ProviderUnavailableException if no provider can serve it as configured
     */
    default Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        return view(HashingView.class).hasher32(algorithm, seed);
    }

    /** The selected 64-bit hasher; see {@link #hasher32}. */
    default Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        return view(HashingView.class).hasher64(algorithm, seed);
    }

    /** The selected 128-bit hasher; see {@link #hasher32}. */
    default Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        return view(HashingView.class).hasher128(algorithm, seed);
    }

    /**
     * The selected compressor for {@code codec} at {@code level}: among the eligible providers of
     * the codec, best first, the first that supports the level.
     *
     * @throws IllegalArgumentException if the level is outside the codec's range
     * @throws ProviderUnavailableException if no eligible provider supports the codec at that level
     *     (the message lists what each supports)
     */
    default Compressor compressor(Codec codec, int level) {
        return compressor(codec, level, CompressionOptions.defaults());
    }

    /**
     * The selected compressor for {@code codec} at {@code level} with {@code options}: among the
     * eligible providers of the codec, best first, the first that supports both. For a {@linkplain
     * Codec#isShuffle() shuffle codec} it is the selected shuffle stage in front of the compressor
     * this method gives for the {@linkplain Codec#inner() inner codec}.
     *
     * @throws IllegalArgumentException if the level is outside the codec's range, or the options do
     *     not apply to the codec (an element size for a codec that does not shuffle)
     * @throws ProviderUnavailableException if no eligible provider supports the codec at that level
     *     with those options (the message lists what each supports)
     */
    default Compressor compressor(Codec codec, int level, CompressionOptions options) {
        return view(CompressionView.class).compressor(codec, level, options);
    }

    /**
     * The selected decompressor for {@code codec}.
     *
     * @throws ProviderUnavailableException if no provider can serve it as configured
     */
    default Decompressor decompressor(Codec codec) {
        return decompressor(codec, CompressionOptions.defaults());
    }

    /**
     * The selected decompressor for {@code codec} that reads frames made with {@code options}' {@linkplain
     * CompressionOptions#dictionary() dictionary} (the other options are read from the frames).
     *
     * @throws ProviderUnavailableException if no eligible provider decodes the codec with a
     *     dictionary
     */
    default Decompressor decompressor(Codec codec, CompressionOptions options) {
        return view(CompressionView.class).decompressor(codec, options);
    }

    /**
     * A dictionary of at most {@code maxSize} bytes trained on {@code samples} (zstd's {@code
     * ZDICT_trainFromBuffer}, as {@code zstd --train}), for {@link CompressionOptions#withDictionary}:
     * many small, similar inputs (records, messages) compress much better with one.
     *
     * @throws ProviderUnavailableException if no eligible provider of {@code codec} trains
     *     dictionaries
     * @throws IllegalArgumentException if the samples are too few or too small to train on
     */
    default byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        return view(CompressionView.class).trainDictionary(codec, samples, maxSize);
    }

    /**
     * The view of a family: its object factories over this runtime's selections (in an OSGi
     * framework, objects that follow them). The hashing and compression methods above are their
     * families' views ({@link HashingView}, {@link CompressionView}), kept here for the code that
     * calls them; a family added later is reached only this way, so that this interface does not
     * grow with every family. The family's own entry point (as {@code Hashing} is for hashing) calls
     * it for its users.
     *
     * @param type the view interface the family publishes in its API package
     * @throws IllegalArgumentException if no family of this runtime offers {@code type}
     */
    <V> V view(Class<V> type);

    /** What was detected, which providers exist, and every decision with its reason. */
    RuntimeReport report();

    /**
     * Measures the one-shot speed of every eligible provider of a family's algorithms at a range
     * of input sizes, within about {@code budget}. Runs on the calling thread; stores nothing.
     *
     * @param progress receives one line per measured cell ("xxh3 java-hashing 64 KiB: 9.1 GB/s")
     */
    List<Measurement> measure(Family family, Duration budget, Consumer<String> progress);

    /**
     * Measures as {@link #measure} does and stores the table for this machine signature (CPU, JDK,
     * Arsenal version) in the calibration file, where the next runtime finds it and chooses by it.
     * This runtime's choices do not change.
     *
     * @throws ArsenalException if the file cannot be written (the message names it)
     */
    Calibration calibrate(Family family, Duration budget, Consumer<String> progress);
}
