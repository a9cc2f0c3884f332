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
import dev.arsenal.providers.natives.jni.JniLibrary;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * XXH32 and XXH64 through lz4-java's JNI library ({@code net.jpountz.xxhash.XXHashFactory
 * .nativeInstance()}, from {@code at.yawk.lz4:lz4-java}, the maintained fork; never {@code
 * org.lz4:lz4-java} 1.8.0, which carries CVE-2025-12183). lz4-java ships its C code in the jar and
 * extracts it to {@code java.io.tmpdir} when first used; it has no XXH3.
 *
 * <p>lz4-java is optional: the module {@code requires static org.lz4.java} and the bundle imports
 * {@code net.jpountz.*} optionally. This class names no lz4-java type; {@link #probe} first looks
 * for the factory class with {@link Class#forName} ("lz4-java not on the class path"), then loads
 * the native library ("lz4-java native library failed to load: " and the loader's message: an
 * unsupported platform, a {@code noexec} temporary directory, the library already loaded by another
 * class loader). The outcome is kept for the life of the class loader, because lz4-java cannot
 * retry a failed load.
 *
 * <p>Rank: as {@link XxhashNativeProvider}'s table, 10 lower, so libxxhash through FFM wins a tie.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=150")
public final class Lz4JniXxhashProvider implements HashingProvider {
    /** The provider id, {@value}. */
    public static final String ID = "lz4java-xxhash";

    private static final Set<HashAlgorithm> ALGORITHMS =
            Collections.unmodifiableSet(EnumSet.of(HashAlgorithm.XXH32, HashAlgorithm.XXH64));

    /** The probe's outcome, once per class loader. */
    private static final JniLibrary.Once PROBE =
            new JniLibrary.Once("lz4-java", () -> probeLz4Java(Lz4JniXxhashProvider.class.getClassLoader()));

    /** Called by {@link java.util.ServiceLoader}; loads nothing until {@link #probe}. */
    public Lz4JniXxhashProvider() {}

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

    /** XXH32 and XXH64. */
    @Override
    public Set<HashAlgorithm> algorithms() {
        return ALGORITHMS;
    }

    /** Finds lz4-java and loads its native library (once per class loader). Never throws. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return PROBE.get();
    }

    /**
     * The probe itself, not cached: whether {@value Lz4JniBindings#FACTORY_CLASS} is visible from
     * {@code loader}, then whether lz4-java's native library loads ({@link JniLibrary#probe}). A lambda, not a method reference: the
     * bindings class is loaded only when it runs, after lz4-java was found.
     */
    static Availability probeLz4Java(ClassLoader loader) {
        return JniLibrary.probe(
                "lz4-java", Lz4JniBindings.FACTORY_CLASS, "org.lz4.java", loader, () -> Lz4JniBindings.load());
    }

    /** {@link XxhashNativeProvider}'s rank for the size of 64 KiB, less 10. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, XxhashNativeProvider.DEFAULT_RANK_SIZE);
    }

    /** {@link XxhashNativeProvider}'s rank by strategy and size, less 10. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return XxhashNativeProvider.sizedRank(strategy, inputSize) - 10;
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "lz4-java JNI xxHash (XXH32, XXH64)";
    }

    /**
     * XXH32.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     * @throws UnsupportedOperationException for CRC32 and CRC32C
     * @throws IllegalStateException if lz4-java is unavailable
     */
    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        if (algorithm != HashAlgorithm.XXH32) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id());
        }
        requireAvailable();
        return Xxh32Lz4Jni.hasher(seed);
    }

    /**
     * XXH64.
     *
     * @throws IllegalArgumentException if the algorithm is not 64 bits wide
     * @throws UnsupportedOperationException for XXH3
     * @throws IllegalStateException if lz4-java is unavailable
     */
    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        if (algorithm != HashAlgorithm.XXH64) {
            throw new UnsupportedOperationException(ID + " has no " + algorithm.id() + " (lz4-java has no XXH3)");
        }
        requireAvailable();
        return Xxh64Lz4Jni.hasher(seed);
    }

    /**
     * Never: lz4-java has no 128-bit hash.
     *
     * @throws IllegalArgumentException if the algorithm is not 128 bits wide
     * @throws UnsupportedOperationException always otherwise
     */
    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        throw new UnsupportedOperationException(ID + " has no 128-bit " + algorithm.id() + " (lz4-java has no XXH3)");
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
