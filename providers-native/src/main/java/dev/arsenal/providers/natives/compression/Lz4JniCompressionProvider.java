package dev.arsenal.providers.natives.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.jni.JniLibrary;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The raw LZ4 block format ({@link Codec#LZ4_BLOCK}, levels 1 to 12) through lz4-java's JNI library
 * ({@code at.yawk.lz4:lz4-java}, the maintained fork; never {@code org.lz4:lz4-java} 1.8.0, which
 * carries CVE-2025-12183): liblz4's fast compressor at level 1, HC at 2 to 12, and only its safe
 * decompressor ({@link Lz4JniBlock}).
 *
 * <p>Not the LZ4 frame format ({@link Codec#LZ4}): lz4-java's {@code LZ4FrameInputStream} refuses
 * frames of linked blocks ("Invalid or unsupported frame descriptor"), which {@code lz4 -BD} writes
 * whenever the input spans more than one block, and lz4-java has no dictionary API to decode them
 * block by block. A provider that decodes only some of the frames the {@code lz4} command writes
 * would be chosen and then fail on valid input, so frames are left to the pure-Java provider.
 *
 * <p>lz4-java is optional, as for {@link dev.arsenal.providers.natives.hashing.Lz4JniXxhashProvider}:
 * this class names no lz4-java type, and {@link #probe} finds {@value Lz4JniBlock#FACTORY_CLASS}
 * before loading the native library ({@link JniLibrary#probe}).
 *
 * <p>Rank: {@link ZstdJniProvider#sizedRank}, the table of the native providers.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=200")
public final class Lz4JniCompressionProvider implements CompressionProvider {
    /** The provider id, {@value}. */
    public static final String ID = "lz4java-compression";

    private static final Set<Codec> CODECS = Collections.unmodifiableSet(EnumSet.of(Codec.LZ4_BLOCK));

    /** The probe's outcome, once per class loader. */
    private static final JniLibrary.Once PROBE =
            new JniLibrary.Once("lz4-java", () -> probeLz4Java(Lz4JniCompressionProvider.class.getClassLoader()));

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public Lz4JniCompressionProvider() {}

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

    /** {@link Codec#LZ4_BLOCK}. */
    @Override
    public Set<Codec> algorithms() {
        return CODECS;
    }

    /** Finds lz4-java and loads its native library (once per class loader). Never throws. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return PROBE.get();
    }

    /**
     * The probe itself, not cached: whether {@value Lz4JniBlock#FACTORY_CLASS} is visible from
     * {@code loader}, then whether lz4-java's native library loads. A lambda, not a method reference:
     * {@link Lz4JniBlock} is loaded only when it runs, after lz4-java was found.
     */
    static Availability probeLz4Java(ClassLoader loader) {
        return JniLibrary.probe(
                "lz4-java", Lz4JniBlock.FACTORY_CLASS, "org.lz4.java", loader, () -> Lz4JniBlock.load());
    }

    /** The rank for an input of 64 KiB. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, ZstdJniProvider.DEFAULT_RANK_SIZE);
    }

    /** The rank by strategy and size, {@link ZstdJniProvider#sizedRank}. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return ZstdJniProvider.sizedRank(strategy, inputSize);
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "lz4-java JNI liblz4: lz4-block levels 1 (fast) to 12 (HC)";
    }

    /**
     * A block compressor at {@code level}, 1 to 12.
     *
     * @throws UnsupportedOperationException if the codec is not lz4-block
     * @throws IllegalArgumentException if the level is outside 1..12
     * @throws IllegalStateException if lz4-java is unavailable
     */
    @Override
    public Compressor compressor(Codec codec, int level) {
        checkCodec(codec);
        codec.checkLevel(level);
        requireAvailable();
        return new Lz4JniBlock.BlockCompressor(level);
    }

    /**
     * The block decompressor.
     *
     * @throws UnsupportedOperationException if the codec is not lz4-block
     * @throws IllegalStateException if lz4-java is unavailable
     */
    @Override
    public Decompressor decompressor(Codec codec) {
        checkCodec(codec);
        requireAvailable();
        return new Lz4JniBlock.BlockDecompressor();
    }

    private static void checkCodec(Codec codec) {
        if (codec != Codec.LZ4_BLOCK) {
            throw new UnsupportedOperationException(ID + " has only lz4-block, not " + codec.id()
                    + (codec == Codec.LZ4 ? " (lz4-java cannot decode frames of linked blocks)" : ""));
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
