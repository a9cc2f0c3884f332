package dev.arsenal.providers.simd.hashing;

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
import dev.arsenal.providers.simd.vector.VectorSupport;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.hashing.HashingProvider;
import dev.arsenal.spi.hashing.Xxh3Core;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * XXH3 (64- and 128-bit) with its stripe loop on the Vector API ({@code jdk.incubator.vector}):
 * eight 64-bit lanes of a stripe in one 512-bit {@code LongVector}, or in two 256-bit ones where
 * the hardware prefers 256 bits. Inputs of up to 240 bytes run the scalar code of {@link Xxh3Core},
 * as in the pure-Java provider.
 *
 * <p>Guarded as Lucene's {@code VectorizationProvider}: this class loads, and answers {@link #id},
 * {@link #algorithms}, {@link #requirements} and {@link #rank}, on any JVM, for no Vector API type
 * appears in it or in anything it loads before {@link #probe}. The probe ({@code VectorSupport}'s,
 * shared with the other SIMD providers) asks for HotSpot with C2
 * (elsewhere the Vector API runs as slow Java objects), the module readable, and a preferred vector
 * size of at least 256 bits; it picks the 512-bit shape only when the preferred size is 512 bits or
 * more (never a species wider than the hardware: simdjson-java #9 measured 26 ops/s for that), and
 * then loads the kernel class by name. The system property {@value #MAX_BITS_PROPERTY} caps the
 * shape ({@code 256} forces the narrow one), read at each probe.
 *
 * <p>Rank: 300 (the SIMD base) for inputs above 240 bytes under {@link Strategy#BALANCED} and
 * {@link Strategy#THROUGHPUT}, 90 below (the short paths are the scalar code, which the pure-Java
 * provider runs as well); under {@link Strategy#LATENCY} 120 above 4 KiB and 90 below; under {@link
 * Strategy#MINIMAL_MEMORY} 60. Without a size, the rank for 64 KiB.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=300")
public final class SimdXxh3Provider implements HashingProvider {
    /** The provider id, {@value}. */
    public static final String ID = "simd-xxh3";

    /** The system property that caps the vector size in bits, {@value}; {@code 256} forces the narrow shape. */
    public static final String MAX_BITS_PROPERTY = VectorSupport.MAX_BITS_PROPERTY;

    private static final String KERNEL_CLASS = "dev.arsenal.providers.simd.hashing.Xxh3VectorKernel";
    private static final long RANK_SIZE = 64 * 1024;

    private static final Set<HashAlgorithm> ALGORITHMS =
            Collections.unmodifiableSet(EnumSet.of(HashAlgorithm.XXH3_64, HashAlgorithm.XXH3_128));

    /** The cap from the constructor, or 0 to read {@value #MAX_BITS_PROPERTY}. */
    private final int maxBits;

    private volatile Xxh3Kernel kernel;
    private volatile String cause = "not probed";

    /** Called by {@link java.util.ServiceLoader}; the vector size cap comes from {@value #MAX_BITS_PROPERTY}. */
    public SimdXxh3Provider() {
        this(0);
    }

    /** For tests: a provider whose kernel is at most {@code maxBits} wide, whatever the property says. */
    SimdXxh3Provider(int maxBits) {
        this.maxBits = maxBits;
    }

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    /** {@link ProviderKind#SIMD}. */
    @Override
    public ProviderKind kind() {
        return ProviderKind.SIMD;
    }

    /** XXH3-64 and XXH3-128. */
    @Override
    public Set<HashAlgorithm> algorithms() {
        return ALGORITHMS;
    }

    /** The module {@code jdk.incubator.vector}. */
    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.JdkModule(VectorSupport.MODULE));
    }

    /**
     * Checks the JVM and the vector size, then loads the kernel of the chosen shape. Never throws.
     */
    @Override
    public Availability probe(PlatformInfo platform) {
        kernel = null;
        VectorSupport.Probe<Xxh3Kernel> found = VectorSupport.probe(
                platform, maxBits, MethodHandles.lookup(), KERNEL_CLASS, Xxh3Kernel.class, "kernel");
        kernel = found.kernel();
        Availability result = found.availability();
        cause = result.isAvailable() ? "" : result.cause();
        return result;
    }

    /** The kernel's vector size in bits after a successful probe, else 0. */
    int vectorBits() {
        Xxh3Kernel k = kernel;
        return k == null ? 0 : k.bits();
    }

    /** 300 under BALANCED and THROUGHPUT for 64 KiB; see {@link #rank(Algorithm, Strategy, long)}. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, RANK_SIZE);
    }

    /**
     * 300 above 240 bytes under BALANCED and THROUGHPUT, else 90; under LATENCY 120 above 4 KiB,
     * else 90; under MINIMAL_MEMORY 60.
     */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return switch (strategy) {
            case BALANCED, THROUGHPUT -> inputSize > Xxh3Core.MIDSIZE_MAX ? 300 : 90;
            case LATENCY -> inputSize > 4096 ? 120 : 90;
            case MINIMAL_MEMORY -> 60;
        };
    }

    /** What the provider uses, with the shape once probed. */
    @Override
    public String description() {
        Xxh3Kernel k = kernel;
        return "XXH3 stripes on the Vector API (" + (k == null ? "LongVector" : k.toString())
                + "); inputs up to 240 bytes in scalar Java";
    }

    /** Not served: XXH3 has no 32-bit form. */
    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        throw new UnsupportedOperationException(ID + " has no 32-bit " + algorithm.id());
    }

    /**
     * XXH3 (64-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 64 bits wide
     * @throws IllegalStateException if the probe did not find the Vector API usable
     */
    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        if (algorithm != HashAlgorithm.XXH3_64) {
            throw new UnsupportedOperationException(ID + " has no 64-bit " + algorithm.id());
        }
        return new Xxh3Simd.Bits64(seed, kernel());
    }

    /**
     * XXH3 (128-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 128 bits wide
     * @throws IllegalStateException if the probe did not find the Vector API usable
     */
    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        if (algorithm != HashAlgorithm.XXH3_128) {
            throw new UnsupportedOperationException(ID + " has no 128-bit " + algorithm.id());
        }
        return new Xxh3Simd.Bits128(seed, kernel());
    }

    private Xxh3Kernel kernel() {
        Xxh3Kernel k = kernel;
        if (k == null) {
            throw new IllegalStateException(ID + " is unavailable: " + cause);
        }
        return k;
    }

    @Override
    public String toString() {
        return ID;
    }
}
