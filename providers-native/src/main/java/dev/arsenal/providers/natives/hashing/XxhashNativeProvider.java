package dev.arsenal.providers.natives.hashing;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * xxHash from the system's libxxhash (0.8.x) through FFM: XXH32, XXH64, XXH3-64 and XXH3-128, the
 * reference C implementation with its SSE2/AVX2/NEON code paths, called with {@linkplain
 * java.lang.foreign.Linker.Option#critical(boolean) critical} downcalls that read a {@code byte[]}
 * in place.
 *
 * <p>The library is searched as {@code libxxhash.so.0}, then {@code libxxhash.so} ({@code
 * libxxhash.dylib}, {@code libxxhash.0.dylib} on macOS); the system property {@code
 * arsenal.native.xxhash.path} names a file to load instead. {@link #probe} binds every function and
 * reports what failed in one line: the library not found (with each name tried and the loader's
 * message), not a shared library for this architecture, a symbol missing, a version other than
 * 0.8.x, or native access not enabled ({@code --enable-native-access}). Loading this class never
 * touches native code.
 *
 * <p>Rank: a downcall costs a few nanoseconds that the Java provider (100) does not pay, so this
 * provider wins only where the input is long enough to repay it:
 *
 * <table>
 *   <caption>rank by strategy and input size</caption>
 *   <tr><th>strategy</th><th>below</th><th>at or above</th></tr>
 *   <tr><td>BALANCED</td><td>90</td><td>200 from 1 KiB</td></tr>
 *   <tr><td>THROUGHPUT</td><td>90</td><td>200 from 256 B</td></tr>
 *   <tr><td>LATENCY</td><td>50</td><td>200 from 64 KiB</td></tr>
 *   <tr><td>MINIMAL_MEMORY</td><td>50</td><td>50</td></tr>
 * </table>
 *
 * Without a size ({@link #rank(Algorithm, Strategy)}) the rank is the one for 64 KiB.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=200")
public final class XxhashNativeProvider implements HashingProvider {
    /** The provider id, {@value}. */
    public static final String ID = "native-xxhash";

    /** The input size {@link #rank(Algorithm, Strategy)} assumes: 64 KiB. */
    static final long DEFAULT_RANK_SIZE = 64 * 1024;

    private static final Set<HashAlgorithm> ALGORITHMS = Collections.unmodifiableSet(
            EnumSet.of(HashAlgorithm.XXH32, HashAlgorithm.XXH64, HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128));

    private final Supplier<NativeBinding<XxhashBindings.Handles>> binding;

    /** Called by {@link java.util.ServiceLoader}; binds the library on the first {@link #probe}. */
    public XxhashNativeProvider() {
        this(XxhashBindings::binding);
    }

    /**
     * For tests: a provider whose {@link #probe} reports {@code binding} (such as {@link
     * XxhashBindings#bind(java.nio.file.Path)} of a broken library). Hashers always use the
     * process-wide binding, and are refused while {@code binding} is unavailable.
     */
    XxhashNativeProvider(Supplier<NativeBinding<XxhashBindings.Handles>> binding) {
        this.binding = binding;
    }

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

    /** XXH32, XXH64, XXH3-64 and XXH3-128. */
    @Override
    public Set<HashAlgorithm> algorithms() {
        return ALGORITHMS;
    }

    /** The shared library {@code libxxhash.so.0} (informational: {@link #probe} finds it). */
    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.NativeLibrary("libxxhash.so.0"));
    }

    /** Loads libxxhash and binds every function it uses (once per class loader). Never throws. */
    @Override
    public Availability probe(PlatformInfo platform) {
        try {
            return binding.get().availability();
        } catch (RuntimeException | Error e) {
            return Availability.unavailable("binding libxxhash failed: " + e, e);
        }
    }

    /** The rank for 64 KiB inputs; see the class description. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, DEFAULT_RANK_SIZE);
    }

    /** The rank by strategy and input size, from the table in the class description. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return sizedRank(strategy, inputSize);
    }

    /** The table in the class description, shared with {@link Lz4JniXxhashProvider}. */
    static int sizedRank(Strategy strategy, long inputSize) {
        return switch (strategy) {
            case BALANCED -> inputSize >= 1024 ? 200 : 90;
            case THROUGHPUT -> inputSize >= 256 ? 200 : 90;
            case LATENCY -> inputSize >= 64 * 1024 ? 200 : 50;
            case MINIMAL_MEMORY -> 50;
        };
    }

    /** The library bound, with its version, or what it would be. */
    @Override
    public String description() {
        try {
            NativeBinding<XxhashBindings.Handles> b = binding.get();
            return b.handles() != null ? b.library() + " through FFM" : "libxxhash through FFM (not loaded)";
        } catch (RuntimeException | Error e) {
            return "libxxhash through FFM (not loaded)";
        }
    }

    /**
     * XXH32.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     * @throws UnsupportedOperationException for CRC32 and CRC32C
     * @throws IllegalStateException if libxxhash could not be bound
     */
    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        if (algorithm != HashAlgorithm.XXH32) {
            throw new UnsupportedOperationException(
                    ID + " has no " + algorithm.id() + ": the JDK's intrinsic is faster");
        }
        requireAvailable();
        return new Xxh32Native(seed);
    }

    /**
     * XXH64 or XXH3 (64-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 64 bits wide
     * @throws IllegalStateException if libxxhash could not be bound
     */
    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        requireAvailable();
        return switch (algorithm) {
            case XXH64 -> new Xxh64Native(seed);
            case XXH3_64 -> Xxh3Native.hasher64(seed);
            default -> throw new UnsupportedOperationException(ID + " has no 64-bit " + algorithm.id());
        };
    }

    /**
     * XXH3 (128-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 128 bits wide
     * @throws IllegalStateException if libxxhash could not be bound
     */
    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        if (algorithm != HashAlgorithm.XXH3_128) {
            throw new UnsupportedOperationException(ID + " has no 128-bit " + algorithm.id());
        }
        requireAvailable();
        return Xxh3Native.hasher128(seed);
    }

    private void requireAvailable() {
        Availability availability = probe(null);
        if (!availability.isAvailable()) {
            throw new IllegalStateException(ID + " is unavailable: " + availability.cause());
        }
        XxhashBindings.handles(); // the process-wide binding the hashers call
    }

    /** The id, {@value #ID}. */
    @Override
    public String toString() {
        return ID;
    }
}
