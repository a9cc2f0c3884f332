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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * Zstandard from the system's libzstd through FFM (Debian's {@code libzstd1}; 1.4.0 or later):
 * every level from -7 to 22, frames with the content size and a checksum, as the {@code zstd}
 * command writes them. The library is searched as {@code libzstd.so.1}, then {@code libzstd.so};
 * {@code arsenal.native.zstd.path} names a file instead. {@link #probe} reports in one line why it
 * cannot be used (not found, not libzstd, too old, native access denied).
 *
 * <p>{@link CompressionOptions}: checksum and content size on or off with any libzstd; dictionaries
 * (digested once per compressor and decompressor, {@link ZstdFfmDictionaries}) and training ({@code
 * ZDICT_trainFromBuffer}) where the library exports them, which Debian's does. A libzstd without
 * them keeps the provider, without those options ({@link #supportedOptions} says which symbol is
 * missing).
 *
 * <p>Rank 190: above the pure-Java provider (100) and just below zstd-jni's (200), which calls
 * the same C code without the copies this binding makes for large inputs; 50 under {@link
 * Strategy#MINIMAL_MEMORY}. A libzstd whose decoder fails zstd's golden files ({@link
 * ZstdKnownBugs}: libzstd before 1.5.5, so Debian 12's 1.5.4) ranks 90, below java-compression, with
 * the reason in its {@linkplain #description description}: it decodes corrupt frames that every
 * other provider refuses. {@link ZstdFrameCheck} makes it refuse one kind of them (bytes after no
 * sequences); the others (an offset of 0, Huffman states cut short) and the valid frame it refuses
 * remain the library's.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=190")
public final class ZstdFfmProvider extends FfmCompressionProvider<ZstdFfmBindings.Handles> {
    /** The provider id, {@value}. */
    public static final String ID = "native-zstd";

    /** Called by {@link java.util.ServiceLoader}; binds the library on the first {@link #probe}. */
    public ZstdFfmProvider() {
        this(ZstdFfmBindings::binding);
    }

    /** For tests: a provider that reports {@code binding}. */
    ZstdFfmProvider(Supplier<NativeBinding<ZstdFfmBindings.Handles>> binding) {
        super(ID, Set.of(Codec.ZSTD), "libzstd", binding);
    }

    /** {@link ZstdKnownBugs#check} of the bound library, once; null until the first look. */
    private volatile Optional<String> bugs;

    /**
     * What zstd's golden files show wrong in the bound libzstd's decoder ({@link ZstdKnownBugs}):
     * libzstd 1.5.4 (Debian 12) refuses one valid file and decodes three corrupt ones. Such a
     * library ranks below java-compression, and {@link #description} says why.
     */
    @Override
    Optional<String> knownDecoderBugs() {
        Optional<String> b = bugs;
        if (b == null) {
            ZstdFfmBindings.Handles h = binding().handles();
            if (h == null) {
                return Optional.empty();
            }
            b = ZstdKnownBugs.check(h);
            bugs = b;
        }
        return b;
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        check(codec);
        return new ZstdFfmCodec.Compressor(ZstdFfmBindings.handles(), level);
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        check(codec);
        return new ZstdFfmCodec.Decompressor(ZstdFfmBindings.handles());
    }

    /** Every level with checksum and content size on or off; with a dictionary if libzstd has them. */
    @Override
    public boolean supports(Codec codec, int level, CompressionOptions options) {
        return supports(codec, level) && (!options.hasDictionary() || hasDictionaries());
    }

    @Override
    public String supportedOptions(Codec codec) {
        ZstdFfmBindings.Handles h = binding().handles();
        if (h == null) {
            return "no options (libzstd unavailable)";
        }
        return "checksum on/off, content size on/off, "
                + (h.dictionaries().handles() != null
                        ? "dictionaries"
                        : "no dictionaries (" + h.dictionaries().availability().cause() + ")");
    }

    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        check(codec);
        codec.checkLevel(level);
        return new ZstdFfmCodec.Compressor(ZstdFfmBindings.handles(), level, options);
    }

    @Override
    public boolean supportsDecompression(Codec codec, CompressionOptions options) {
        return codec == Codec.ZSTD && (!options.hasDictionary() || hasDictionaries());
    }

    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        check(codec);
        return new ZstdFfmCodec.Decompressor(ZstdFfmBindings.handles(), options);
    }

    @Override
    public boolean trainsDictionaries(Codec codec) {
        ZstdFfmBindings.Handles h = binding().handles();
        return codec == Codec.ZSTD && h != null && h.training().handles() != null;
    }

    /**
     * A dictionary from libzstd's {@code ZDICT_trainFromBuffer}, what {@code zstd --train} runs.
     *
     * @throws IllegalArgumentException if {@code maxSize} is under 256 bytes, or with ZDICT's reason
     *     if it cannot train on the samples (too few, too small)
     * @throws UnsupportedOperationException if this libzstd has no dictionary builder
     */
    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        check(codec);
        return ZstdFfmDictionaries.train(ZstdFfmBindings.handles().training(), samples, maxSize);
    }

    private boolean hasDictionaries() {
        ZstdFfmBindings.Handles h = binding().handles();
        return h != null && h.dictionaries().handles() != null;
    }
}
