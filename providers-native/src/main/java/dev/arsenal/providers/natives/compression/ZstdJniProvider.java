package dev.arsenal.providers.natives.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.jni.JniLibrary;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Zstandard through zstd-jni ({@code com.github.luben:zstd-jni}, libzstd 1.5.7 in the jar), all of
 * {@link Codec#ZSTD}'s levels -7 to 22: frames as the {@code zstd} command writes them (content size
 * and checksum, {@link ZstdJniCompressor}), and decoding of any sequence of frames against the
 * caller's limit ({@link ZstdJniDecompressor}). With {@link CompressionOptions}: checksum on or off,
 * content size on or off, and dictionaries (zstd's own, from {@code zstd --train} or {@link
 * #trainDictionary}, or raw content) for compressing, decoding and streams; it trains dictionaries
 * with libzstd's {@code ZDICT_trainFromBuffer}.
 *
 * <p>zstd-jni is optional: the module {@code requires static com.github.luben.zstd_jni} (a named
 * module, not an automatic one) and the bundle imports {@code com.github.luben.zstd.*} optionally.
 * This class names no zstd-jni type; {@link #probe} first looks for {@value
 * ZstdJniBindings#NATIVE_CLASS} ("zstd-jni not on the class path"), then loads the native library
 * ("zstd-jni native library failed to load: " and the loader's message). The outcome is kept for the
 * life of the class loader.
 *
 * <p>Rank: as the native hashing providers, by strategy and size ({@link #sizedRank}): 200 where the
 * work dwarfs the call and the per-call context (THROUGHPUT from 256 bytes, BALANCED from 1 KiB,
 * LATENCY from 64 KiB), below the pure-Java provider's 100 otherwise and always under
 * MINIMAL_MEMORY (libzstd's contexts and windows live off the Java heap, up to 128 MiB at level 22).
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=200")
public final class ZstdJniProvider implements CompressionProvider {
    /** The provider id, {@value}. */
    public static final String ID = "zstd-jni";

    /** The input size {@link #rank(Algorithm, Strategy)} ranks for: 64 KiB. */
    static final long DEFAULT_RANK_SIZE = 64 * 1024;

    private static final Set<Codec> CODECS = Collections.unmodifiableSet(EnumSet.of(Codec.ZSTD));

    /** The probe's outcome, once per class loader. */
    private static final JniLibrary.Once PROBE =
            new JniLibrary.Once("zstd-jni", () -> probeZstdJni(ZstdJniProvider.class.getClassLoader()));

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public ZstdJniProvider() {}

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    /** {@link ProviderKind#NATIVE}. */
    @Override
    public ProviderKind kind() {
        return ProviderKind.NATIVE;
    }

    /** {@link Codec#ZSTD}. */
    @Override
    public Set<Codec> algorithms() {
        return CODECS;
    }

    /** Finds zstd-jni and loads its native library (once per class loader). Never throws. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return PROBE.get();
    }

    /**
     * The probe itself, not cached: whether {@value ZstdJniBindings#NATIVE_CLASS} is visible from
     * {@code loader}, then whether zstd-jni's native library loads. A lambda, not a method reference:
     * the bindings class is loaded only when it runs, after zstd-jni was found.
     */
    static Availability probeZstdJni(ClassLoader loader) {
        return JniLibrary.probe(
                "zstd-jni",
                ZstdJniBindings.NATIVE_CLASS,
                "com.github.luben.zstd_jni",
                loader,
                () -> ZstdJniBindings.load());
    }

    /** The rank for an input of 64 KiB. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, DEFAULT_RANK_SIZE);
    }

    /** The rank by strategy and size, {@link #sizedRank}. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return sizedRank(strategy, inputSize);
    }

    /**
     * The native compression providers' table, the native hashing providers' one: 200 for
     * THROUGHPUT from 256 bytes, BALANCED from 1 KiB and LATENCY from 64 KiB; 90, 90 and 50 below
     * those sizes; 50 for MINIMAL_MEMORY. Shared with {@link Lz4JniCompressionProvider}.
     */
    static int sizedRank(Strategy strategy, long inputSize) {
        return switch (strategy) {
            case BALANCED -> inputSize >= 1024 ? 200 : 90;
            case THROUGHPUT -> inputSize >= 256 ? 200 : 90;
            case LATENCY -> inputSize >= 64 * 1024 ? 200 : 50;
            case MINIMAL_MEMORY -> 50;
        };
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "zstd-jni (libzstd through JNI, or FFM on Java 22+): zstd levels -7 to 22";
    }

    /**
     * A compressor at {@code level}, -7 to 22.
     *
     * @throws UnsupportedOperationException if the codec is not zstd
     * @throws IllegalArgumentException if the level is outside -7..22
     * @throws IllegalStateException if zstd-jni is unavailable
     */
    @Override
    public Compressor compressor(Codec codec, int level) {
        checkCodec(codec);
        codec.checkLevel(level);
        requireAvailable();
        return new ZstdJniCompressor(level);
    }

    /**
     * The decompressor.
     *
     * @throws UnsupportedOperationException if the codec is not zstd
     * @throws IllegalStateException if zstd-jni is unavailable
     */
    @Override
    public Decompressor decompressor(Codec codec) {
        checkCodec(codec);
        requireAvailable();
        return new ZstdJniDecompressor();
    }

    /** Every level, with any options: checksum and content size on or off, a dictionary or none. */
    @Override
    public boolean supports(Codec codec, int level, CompressionOptions options) {
        return supports(codec, level);
    }

    @Override
    public String supportedOptions(Codec codec) {
        return "checksum on/off, content size on/off, dictionaries";
    }

    /**
     * A compressor at {@code level} with {@code options}; a dictionary is digested here, once.
     *
     * @throws UnsupportedOperationException if the codec is not zstd
     * @throws IllegalArgumentException if the level is outside -7..22, or libzstd refuses the
     *     dictionary
     * @throws IllegalStateException if zstd-jni is unavailable
     */
    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        checkCodec(codec);
        codec.checkLevel(level);
        requireAvailable();
        return new ZstdJniCompressor(level, options);
    }

    @Override
    public boolean supportsDecompression(Codec codec, CompressionOptions options) {
        return codec == Codec.ZSTD;
    }

    /**
     * The decompressor with {@code options}' dictionary, digested here, once.
     *
     * @throws UnsupportedOperationException if the codec is not zstd
     * @throws IllegalArgumentException if libzstd refuses the dictionary
     * @throws IllegalStateException if zstd-jni is unavailable
     */
    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        checkCodec(codec);
        requireAvailable();
        return new ZstdJniDecompressor(options);
    }

    @Override
    public boolean trainsDictionaries(Codec codec) {
        return codec == Codec.ZSTD;
    }

    /**
     * A zstd dictionary of at most {@code maxSize} bytes from libzstd's {@code ZDICT_trainFromBuffer}
     * (what {@code zstd --train} runs), with its header, entropy tables and a random ID.
     *
     * @throws IllegalArgumentException if {@code maxSize} is under 256 bytes, or the samples are too
     *     few or too small (libzstd's reason in the message: zstd-jni wants more than 10 samples)
     */
    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        checkCodec(codec);
        requireAvailable();
        return ZstdJniBindings.train(samples, maxSize);
    }

    private static void checkCodec(Codec codec) {
        if (codec != Codec.ZSTD) {
            throw new UnsupportedOperationException(ID + " has only zstd, not " + codec.id());
        }
    }

    private void requireAvailable() {
        Availability availability = probe(null);
        if (!availability.isAvailable()) {
            throw new IllegalStateException(ID + " is unavailable: " + availability.cause());
        }
    }

    /** The id, {@value #ID}. */
    @Override
    public String toString() {
        return ID;
    }
}
