package dev.arsenal.providers.simd.compression;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.providers.simd.vector.VectorSupport;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.ShuffleProvider;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The byte shuffle of {@code lz4+shuffle} and {@code zstd+shuffle} on the Vector API ({@code
 * jdk.incubator.vector}): elements of 2, 4, 8 and 16 bytes (16 only with 512-bit vectors) transposed a block of 64 (or 32)
 * elements at a time with byte permutes (see {@code ByteShuffleVectors}); other sizes and the
 * ends of blocks in scalar code, with the output of {@link
 * dev.arsenal.spi.compression.ScalarByteShuffle}, which the self-test checks.
 *
 * <p>Guarded as Lucene's {@code VectorizationProvider}, like {@code SimdXxh3Provider}: this class
 * loads, and answers {@link #id}, {@link #algorithms}, {@link #requirements} and {@link #rank}, on
 * any JVM, for no Vector API type appears in it or in anything it loads before {@link #probe}. The
 * probe ({@code VectorSupport}'s, shared with the other SIMD providers) asks for HotSpot with C2,
 * the module readable, and a preferred vector size of at least 256 bits; it picks the 512-bit shape
 * only when the preferred size is 512 bits or more, and then loads the kernel class by name. The
 * system property {@value #MAX_BITS_PROPERTY} caps the shape ({@code 256} forces the narrow one),
 * read at each probe.
 *
 * <p>Rank: 300 (the SIMD base) under every strategy: the shuffle needs no memory of its own.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=300")
public final class SimdShuffleProvider implements ShuffleProvider {
    /** The provider id, {@value}. */
    public static final String ID = "simd-shuffle";

    /** The system property that caps the vector size in bits, {@value}; {@code 256} forces the narrow shape. */
    public static final String MAX_BITS_PROPERTY = VectorSupport.MAX_BITS_PROPERTY;

    private static final String KERNEL_CLASS = "dev.arsenal.providers.simd.compression.VectorByteShuffle";

    /** The cap from the constructor, or 0 to read {@value #MAX_BITS_PROPERTY}. */
    private final int maxBits;

    private volatile ByteShuffle kernel;
    private volatile int kernelBits;
    private volatile String cause = "not probed";

    /** Called by {@link java.util.ServiceLoader}; the vector size cap comes from {@value #MAX_BITS_PROPERTY}. */
    public SimdShuffleProvider() {
        this(0);
    }

    /** For tests and benchmarks: a provider whose kernel is at most {@code maxBits} wide, whatever the property says. */
    SimdShuffleProvider(int maxBits) {
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

    /** The module {@code jdk.incubator.vector}. */
    @Override
    public List<Requirement> requirements() {
        return List.of(new Requirement.JdkModule(VectorSupport.MODULE));
    }

    /** Checks the JVM and the vector size, then loads the kernel of the chosen shape. Never throws. */
    @Override
    public Availability probe(PlatformInfo platform) {
        kernel = null;
        kernelBits = 0;
        VectorSupport.Probe<ByteShuffle> found = VectorSupport.probe(
                platform, maxBits, MethodHandles.lookup(), KERNEL_CLASS, ByteShuffle.class, "shuffle");
        kernel = found.kernel();
        kernelBits = found.bits();
        Availability result = found.availability();
        cause = result.isAvailable() ? "" : result.cause();
        return result;
    }

    /** The kernel's vector size in bits after a successful probe, else 0. */
    int vectorBits() {
        return kernelBits;
    }

    /** 300 under every strategy. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 300;
    }

    /**
     * The kernel.
     *
     * @throws IllegalStateException if the probe did not find the Vector API usable
     */
    @Override
    public ByteShuffle shuffle() {
        ByteShuffle k = kernel;
        if (k == null) {
            throw new IllegalStateException(ID + " is unavailable: " + cause);
        }
        return k;
    }

    /** What the provider uses, with the shape once probed. */
    @Override
    public String description() {
        ByteShuffle k = kernel;
        return k == null ? "byte shuffle on the Vector API (ByteVector permutes)" : k.toString();
    }

    @Override
    public String toString() {
        return ID;
    }
}
