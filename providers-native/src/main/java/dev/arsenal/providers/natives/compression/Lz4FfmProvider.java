package dev.arsenal.providers.natives.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.Lz4FrameOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * LZ4 from the system's liblz4 through FFM (Debian's {@code liblz4-1}; 1.8.2 or later): LZ4 frames
 * ({@link Codec#LZ4}, as the {@code lz4} command reads and writes them) and raw blocks ({@link
 * Codec#LZ4_BLOCK}), levels 1 to 12 for both. The library is searched as {@code liblz4.so.1}, then
 * {@code liblz4.so}; {@code arsenal.native.lz4.path} names a file instead. {@link #probe} reports
 * in one line why it cannot be used (not found, not liblz4, too old, native access denied).
 *
 * <p>Levels: frames follow liblz4's frame API and the {@code lz4} command (1 and 2 the fast
 * compressor, 3 to 12 HC); blocks follow {@code lz4java-compression} (1 fast, 2 to 12 HC), so that
 * an lz4-block level means the same whichever native provider serves it ({@link
 * Lz4FfmCodec.BlockCompressor}).
 *
 * <p>Rank 190, 50 under {@link Strategy#MINIMAL_MEMORY} (frames of 4 MiB blocks make liblz4's
 * decoder allocate about 4 MiB off the Java heap; HC keeps 256 KiB of tables), as {@code
 * native-zstd}. For frames that puts it above the pure-Java provider (100), which writes at level 1
 * only; for lz4-block, just below {@code lz4java-compression}'s 200 for inputs from 1 KiB
 * (BALANCED), which calls the same C code on arrays in place at any size where this binding copies
 * inputs above 256 KiB, and above its 90 and 50 for small inputs, where a downcall costs less than
 * a JNI call.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=190")
public final class Lz4FfmProvider extends FfmCompressionProvider<Lz4FfmBindings.Handles> {
    /** The provider id, {@value}. */
    public static final String ID = "native-lz4";

    private static final Set<Codec> CODECS = Collections.unmodifiableSet(EnumSet.of(Codec.LZ4, Codec.LZ4_BLOCK));

    /** Called by {@link java.util.ServiceLoader}; binds the library on the first {@link #probe}. */
    public Lz4FfmProvider() {
        this(Lz4FfmBindings::binding);
    }

    /** For tests: a provider that reports {@code binding}. */
    Lz4FfmProvider(Supplier<NativeBinding<Lz4FfmBindings.Handles>> binding) {
        super(ID, CODECS, "liblz4", binding);
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        return compressor(codec, level, CompressionOptions.defaults());
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
     * A compressor of {@code codec} at {@code level} with {@code options} that {@link
     * #supports(Codec, int, CompressionOptions)} accepts.
     *
     * @throws UnsupportedOperationException if the options are not supported
     */
    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        check(codec);
        codec.checkLevel(level);
        if (!supports(codec, level, options)) {
            throw unsupported(codec, options);
        }
        return codec == Codec.LZ4
                ? new Lz4FfmCodec.FrameCompressor(Lz4FfmBindings.handles(), level, options)
                : new Lz4FfmCodec.BlockCompressor(Lz4FfmBindings.handles(), level);
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        check(codec);
        return codec == Codec.LZ4
                ? new Lz4FfmCodec.FrameDecompressor(Lz4FfmBindings.handles())
                : new Lz4FfmCodec.BlockDecompressor(Lz4FfmBindings.handles());
    }
}
