package dev.arsenal.providers.natives.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Provider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * gzip (RFC 1952, levels 1 to 9) from the system's libdeflate and zlib through FFM (Debian's {@code
 * libdeflate0} and {@code zlib1g}): libdeflate for one-shot compression, about twice as fast as zlib
 * at the same level and denser; zlib for streams, which libdeflate lacks, and for all decoding, since
 * zlib is the reference decoder and libdeflate accepts members that zlib refuses ({@link
 * GzipFfmCodec}). Both
 * libraries are required, since the engine picks one provider per codec for one-shot calls and
 * streams alike; {@link #probe} reports in one line which one is missing or why it cannot be used
 * (not found, symbol missing, not zlib 1.x, not an LP64 Unix, native access denied). They are
 * searched as {@code libdeflate.so.0} and {@code libz.so.1} (then without the version);
 * {@code arsenal.native.deflate.path} and {@code arsenal.native.z.path} name files instead.
 *
 * <p>One-shot output is libdeflate's, streamed output zlib's: both are single gzip members that
 * every gzip reader reads, but not the same bytes for the same input and level.
 *
 * <p>Rank 190, 50 under {@link Strategy#MINIMAL_MEMORY}, as {@code native-zstd}: above the
 * pure-Java provider (100), whose JDK {@code Deflater} and {@code Inflater} are zlib as well but
 * slower one-shot than libdeflate; under MINIMAL_MEMORY below it, since libdeflate's compressor
 * and zlib's stream state live off the Java heap (hundreds of KiB).
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=190")
public final class GzipFfmProvider extends FfmCompressionProvider<GzipFfmBindings.Handles> {
    /** The provider id, {@value}. */
    public static final String ID = "native-gzip";

    private static final Set<Codec> CODECS = Collections.unmodifiableSet(EnumSet.of(Codec.GZIP));

    /** Called by {@link java.util.ServiceLoader}; binds the libraries on the first {@link #probe}. */
    public GzipFfmProvider() {
        this(GzipFfmBindings::binding);
    }

    /** For tests: a provider that reports {@code binding}. */
    GzipFfmProvider(Supplier<NativeBinding<GzipFfmBindings.Handles>> binding) {
        super(ID, CODECS, "libdeflate and zlib", binding);
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        check(codec);
        codec.checkLevel(level);
        return new GzipFfmCodec.Compressor(GzipFfmBindings.handles(), level);
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        check(codec);
        return new GzipFfmCodec.Decompressor(GzipFfmBindings.handles());
    }
}
