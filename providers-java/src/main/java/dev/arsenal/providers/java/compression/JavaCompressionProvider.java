package dev.arsenal.providers.java.compression;

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
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.Lz4FrameOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java compression provider: every codec, needing nothing from the machine, so always
 * available: the fallback every other compression provider is measured against.
 *
 * <ul>
 *   <li>{@link Codec#LZ4_BLOCK}: this package's LZ4 block codec, in plain Java with {@code
 *       VarHandle}s ({@code Lz4FastEncoder}, {@code Lz4HcEncoder}, {@code Lz4BlockJava}). Level 1 is
 *       LZ4's fast compressor, 2 to 12 LZ4 HC at that level (10 to 12 its optimal parser), as
 *       {@code lz4java-compression} and liblz4's {@code LZ4_compress_HC}; the blocks are liblz4's
 *       byte for byte at the levels its tool has (1, 3 to 12) on the Calgary and Canterbury files.
 *   <li>{@link Codec#LZ4}: the frame format written in this package over the same block codec,
 *       levels 1 to 12 as the {@code lz4} command's (1 and 2 the fast compressor, 3 to 12 HC); it
 *       reads every frame the {@code lz4} tool writes (linked blocks, block checksums, content
 *       size, skippable and concatenated frames).
 *   <li>{@link Codec#ZSTD}: this package's encoder, levels -7 to 9 (0 meaning 3): zstd's fast,
 *       double fast, greedy, lazy and lazy2 match finders with zstd's parameters; and its own
 *       decoder ({@code ZstdFrameDecoder}, {@code ZstdDecodingStream}), which also reads
 *       dictionaries. No {@code sun.misc.Unsafe}.
 *   <li>{@link Codec#GZIP}: the JDK's {@link java.util.zip.Deflater} / {@link
 *       java.util.zip.Inflater}, levels 1 to 9, with this package's member header and trailer.
 * </ul>
 *
 * <p>Decoding is complete for every codec: the levels only limit what it compresses.
 *
 * <p>Rank: 100 under every strategy (the conventional Java base).
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaCompressionProvider implements CompressionProvider {
    /** The provider id, {@value}. */
    public static final String ID = "java-compression";

    private static final Set<Codec> CODECS =
            Collections.unmodifiableSet(EnumSet.of(Codec.LZ4, Codec.LZ4_BLOCK, Codec.ZSTD, Codec.GZIP));

    /** Called by {@link java.util.ServiceLoader}; the provider keeps no state. */
    public JavaCompressionProvider() {}

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    /** {@link ProviderKind#JAVA}. */
    @Override
    public ProviderKind kind() {
        return ProviderKind.JAVA;
    }

    /** LZ4 (frame and block), Zstandard and gzip. */
    @Override
    public Set<Codec> algorithms() {
        return CODECS;
    }

    /** Always available: the code is plain Java (this package's) and the JDK's zlib. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    /** 100 under every strategy. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 100;
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "LZ4 block codec (fast and HC, levels 1 to 12) and frames, zstd encoder (levels -7 to 9) and decoder"
                + " (dictionaries too), all in Java; JDK zlib gzip";
    }

    /** LZ4 and LZ4 block at levels 1 to 12, zstd at -7 to 9, gzip at 1 to 9. */
    @Override
    public boolean supports(Codec codec, int level) {
        if (!CODECS.contains(codec)) {
            return false;
        }
        return switch (codec) {
            case LZ4, LZ4_BLOCK -> level >= 1 && level <= Lz4HcEncoder.MAX_LEVEL;
            case ZSTD -> level >= ZstdJava.MIN_LEVEL && level <= ZstdJava.MAX_LEVEL;
            case GZIP -> level >= 1 && level <= 9;
            case LZ4_SHUFFLE, ZSTD_SHUFFLE -> false;
        };
    }

    @Override
    public String supportedLevels(Codec codec) {
        return switch (codec) {
            case LZ4 -> "1 to 12 (1 and 2 the fast compressor, 3 to 12 LZ4 HC)";
            case LZ4_BLOCK -> "1 to 12 (1 the fast compressor, 2 to 12 LZ4 HC)";
            case ZSTD ->
                ZstdJava.MIN_LEVEL + " to " + ZstdJava.MAX_LEVEL
                        + " (0 means 3; above 9 zstd needs binary-tree and optimal parsers, not written in Java here)";
            case GZIP -> "1 to 9";
            case LZ4_SHUFFLE, ZSTD_SHUFFLE -> "none";
        };
    }

    /** {@link Lz4FrameOptions}: LZ4 frames with the content checksum and content size on or off. */
    @Override
    public boolean supports(Codec codec, int level, CompressionOptions options) {
        return supports(codec, level) && Lz4FrameOptions.supports(codec, options);
    }

    @Override
    public String supportedOptions(Codec codec) {
        return Lz4FrameOptions.describe(codec);
    }

    /**
     * A compressor of {@code codec} at {@code level}.
     *
     * @throws IllegalArgumentException if this provider does not {@linkplain #supports support} the
     *     level, naming the levels it has
     */
    @Override
    public Compressor compressor(Codec codec, int level) {
        return compressor(codec, level, CompressionOptions.defaults());
    }

    /**
     * A compressor of {@code codec} at {@code level} with {@code options} that {@link
     * #supports(Codec, int, CompressionOptions)} accepts.
     *
     * @throws IllegalArgumentException if this provider does not {@linkplain #supports support} the
     *     level, naming the levels it has
     * @throws UnsupportedOperationException if the options are not supported
     */
    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        codec.checkLevel(level);
        checkCodec(codec);
        if (!supports(codec, level)) {
            throw new IllegalArgumentException(
                    ID + " compresses " + codec.id() + " at level " + supportedLevels(codec) + ", not " + level);
        }
        if (!supports(codec, level, options)) {
            throw unsupported(codec, options);
        }
        return switch (codec) {
            case LZ4 -> new Lz4FrameJava.Compressor(level, options);
            case LZ4_BLOCK -> new Lz4BlockJava.Compressor(level);
            case ZSTD -> new ZstdJava.Compressor(level);
            case GZIP -> new GzipJava.Compressor(level);
            case LZ4_SHUFFLE, ZSTD_SHUFFLE -> throw new AssertionError(codec); // refused by checkCodec
        };
    }

    /**
     * A decompressor of {@code codec}: every codec decodes completely, whatever the levels.
     *
     * @throws UnsupportedOperationException for a shuffle codec (java-shuffle's)
     */
    @Override
    public Decompressor decompressor(Codec codec) {
        checkCodec(codec);
        return switch (codec) {
            case LZ4 -> new Lz4FrameJava.Decompressor();
            case LZ4_BLOCK -> new Lz4BlockJava.Decompressor();
            case ZSTD -> new ZstdJava.Decompressor();
            case GZIP -> new GzipJava.Decompressor();
            case LZ4_SHUFFLE, ZSTD_SHUFFLE -> throw new AssertionError(codec); // refused by checkCodec
        };
    }

    /** Zstandard decodes with a dictionary (the zstd format or raw content); the others without. */
    @Override
    public boolean supportsDecompression(Codec codec, CompressionOptions options) {
        return CODECS.contains(codec) && (!options.hasDictionary() || codec == Codec.ZSTD);
    }

    /**
     * A decompressor of {@code codec} with {@code options}' dictionary: Zstandard's own decoder
     * reads dictionaries; the other codecs have none.
     *
     * @throws UnsupportedOperationException for a dictionary with another codec than Zstandard
     * @throws IllegalArgumentException if a zstd-format dictionary is corrupt
     */
    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        if (!options.hasDictionary()) {
            return decompressor(codec);
        }
        checkCodec(codec);
        if (codec != Codec.ZSTD) {
            throw new UnsupportedOperationException(ID + " does not decode " + codec.id() + " with a dictionary");
        }
        return new ZstdJava.Decompressor(options.dictionary().orElseThrow());
    }

    private static void checkCodec(Codec codec) {
        if (codec.isShuffle()) {
            throw new UnsupportedOperationException(
                    ID + " has no " + codec.id() + ": the shuffle stage is java-shuffle's, in front of " + ID);
        }
    }

    @Override
    public String toString() {
        return ID;
    }
}
