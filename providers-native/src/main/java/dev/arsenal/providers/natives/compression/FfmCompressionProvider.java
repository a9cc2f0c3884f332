package dev.arsenal.providers.natives.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the providers of system libraries through FFM ({@code native-zstd}, {@code native-lz4},
 * {@code native-gzip}) share: native kind, a probe that reports their {@link NativeBinding} (made
 * on the first probe), rank 190 (50 under {@link Strategy#MINIMAL_MEMORY}; each provider's class
 * comment says why), and a description naming what was loaded. Each subclass keeps its id, codecs,
 * compressors, options and the annotations that register it, and stays a public final class with
 * a public no-argument constructor, for {@link java.util.ServiceLoader} and OSGi DS.
 *
 * @param <H> the handles of the provider's library
 */
abstract class FfmCompressionProvider<H> implements CompressionProvider {
    private final String id;
    private final Set<Codec> codecs;
    private final String library;
    private final Supplier<NativeBinding<H>> binding;

    /**
     * A provider {@code id} of {@code codecs}, from {@code library} ("liblz4", named in the
     * description until it is bound), that reports {@code binding}.
     */
    FfmCompressionProvider(String id, Set<Codec> codecs, String library, Supplier<NativeBinding<H>> binding) {
        this.id = id;
        this.codecs = codecs;
        this.library = library;
        this.binding = binding;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ProviderKind kind() {
        return ProviderKind.NATIVE;
    }

    @Override
    public final Set<Codec> algorithms() {
        return codecs;
    }

    @Override
    public final Availability probe(PlatformInfo platform) {
        return binding.get().availability();
    }

    @Override
    public final int rank(Algorithm algorithm, Strategy strategy) {
        return strategy == Strategy.MINIMAL_MEMORY ? 50 : 190;
    }

    @Override
    public final String description() {
        return binding.get().library().isEmpty()
                ? library + " through FFM"
                : binding.get().library() + " through FFM";
    }

    /** The binding {@link #probe} reports: the process-wide one, or a test's. */
    final NativeBinding<H> binding() {
        return binding.get();
    }

    /** Throws unless this provider implements {@code codec}. */
    final void check(Codec codec) {
        if (!codecs.contains(codec)) {
            throw new IllegalArgumentException(id + " does not implement " + codec.id());
        }
    }

    @Override
    public final String toString() {
        return id;
    }
}
