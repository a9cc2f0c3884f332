package dev.arsenal.providers.java.hashing;

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
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java hashing provider: xxHash (XXH32, XXH64, XXH3 64- and 128-bit) written in Java, and
 * CRC-32 / CRC-32C through the JDK's {@link java.util.zip.CRC32} and {@link java.util.zip.CRC32C},
 * which HotSpot compiles to CPU instructions. It needs nothing from the machine, so it is always
 * available: the fallback every other hashing provider is measured against.
 *
 * <p>Rank: 100 under every strategy (the conventional Java base), 150 under {@link
 * Strategy#LATENCY} and {@link Strategy#MINIMAL_MEMORY}, where in-JVM code wins: no native call, no
 * library loaded.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaHashingProvider implements HashingProvider {
    /** The provider id, {@value}. */
    public static final String ID = "java-hashing";

    private static final Set<HashAlgorithm> ALGORITHMS =
            Collections.unmodifiableSet(EnumSet.allOf(HashAlgorithm.class));

    /** Called by {@link java.util.ServiceLoader}; the provider keeps no state. */
    public JavaHashingProvider() {}

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    /** {@link ProviderKind#JAVA}. */
    @Override
    public ProviderKind kind() {
        return ProviderKind.JAVA;
    }

    /** All six hashing algorithms. */
    @Override
    public Set<HashAlgorithm> algorithms() {
        return ALGORITHMS;
    }

    /** Always available: the code is plain Java and JDK classes. */
    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    /** 150 under {@link Strategy#LATENCY} and {@link Strategy#MINIMAL_MEMORY}, 100 otherwise. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return switch (strategy) {
            case LATENCY, MINIMAL_MEMORY -> 150;
            case BALANCED, THROUGHPUT -> 100;
        };
    }

    /** What the provider uses. */
    @Override
    public String description() {
        return "pure Java xxHash; JDK CRC32/CRC32C intrinsics";
    }

    /**
     * XXH32, CRC32 or CRC32C.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     */
    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        return switch (algorithm) {
            case XXH32 -> new Xxh32Java(seed);
            case CRC32 -> CrcJava.CRC32;
            case CRC32C -> CrcJava.CRC32C;
            default -> throw new UnsupportedOperationException(ID + " has no 32-bit " + algorithm.id());
        };
    }

    /**
     * XXH64 or XXH3 (64-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 64 bits wide
     */
    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        return switch (algorithm) {
            case XXH64 -> new Xxh64Java(seed);
            case XXH3_64 -> Xxh3Java.hasher64(seed);
            default -> throw new UnsupportedOperationException(ID + " has no 64-bit " + algorithm.id());
        };
    }

    /**
     * XXH3 (128-bit).
     *
     * @throws IllegalArgumentException if the algorithm is not 128 bits wide
     */
    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        if (algorithm != HashAlgorithm.XXH3_128) {
            throw new UnsupportedOperationException(ID + " has no 128-bit " + algorithm.id());
        }
        return Xxh3Java.hasher128(seed);
    }

    @Override
    public String toString() {
        return ID;
    }
}
