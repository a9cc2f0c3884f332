package dev.arsenal.providers.natives.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.compression.Codec;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.compression.CompressionProvider;
import java.util.Optional;
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

    /**
     * The binding's availability; binding the library (on the first probe) is also when its known
     * decoder bugs are looked for, so that {@link #rank} costs nothing.
     */
    @Override
    public final Availability probe(PlatformInfo platform) {
        Availability a = binding.get().availability();
        if (a.isAvailable()) {
            knownDecoderBugs();
        }
        probed = true;
        return a;
    }

    /** Whether {@link #probe} ran: before, the decoder's known bugs are not known yet. */
    private volatile boolean probed;

    /**
     * 190, 50 under {@link Strategy#MINIMAL_MEMORY}; {@value #BUGGY_RANK} when the library's decoder
     * has {@linkplain #knownDecoderBugs known bugs}: below the pure-Java provider's 100, since a
     * decoder that accepts corrupt data (and refuses valid data) is worse than a slower correct one,
     * and hot-swap or a missing JNI library must never move users onto it. Before the first {@link
     * #probe} the bugs are not known and the rank is the library's best: it costs no binding, and
     * the engine, which probes a provider before choosing it, plans again with the rank that
     * follows (a provider that outranks this one anyway never needs the library loaded).
     */
    @Override
    public final int rank(Algorithm algorithm, Strategy strategy) {
        if (strategy == Strategy.MINIMAL_MEMORY) {
            return 50;
        }
        return probed && knownDecoderBugs().isPresent() ? BUGGY_RANK : 190;
    }

    /** The rank of a provider whose library's decoder has known bugs: below java's 100. */
    static final int BUGGY_RANK = 90;

    /** What was loaded, and why it ranks below the pure-Java provider if its decoder has known bugs. */
    @Override
    public final String description() {
        String what = binding.get().library().isEmpty()
                ? library + " through FFM"
                : binding.get().library() + " through FFM";
        return knownDecoderBugs()
                .map(bugs -> what + "; ranked below java-compression (" + BUGGY_RANK
                        + "): its decoder has known bugs (zstd's golden files: it " + bugs + ")")
                .orElse(what);
    }

    /**
     * The known bugs of the bound library's decoder, in words, or empty: none known, or the library
     * is not bound. Checked once, on the first call after the binding; by default none.
     */
    Optional<String> knownDecoderBugs() {
        return Optional.empty();
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
