package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRC32 provider that can be made by its class name, as {@link java.util.ServiceLoader} and a
 * stored decision make providers: public, with a public no-argument constructor. Counts the
 * instances made, process-wide.
 */
public final class NamedCrcProvider implements HashingProvider {
    /** Instances made so far. */
    static final AtomicInteger MADE = new AtomicInteger();

    private final FakeCrcProvider crc = new FakeCrcProvider("named", ProviderKind.JAVA, 100);

    /** Made by name. */
    public NamedCrcProvider() {
        MADE.incrementAndGet();
    }

    @Override
    public String id() {
        return crc.id();
    }

    @Override
    public ProviderKind kind() {
        return crc.kind();
    }

    @Override
    public Set<HashAlgorithm> algorithms() {
        return crc.algorithms();
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return crc.probe(platform);
    }

    @Override
    public SelfTest selfTest(Algorithm algorithm) {
        return crc.selfTest(algorithm);
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return crc.rank(algorithm, strategy);
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        return crc.hasher32(algorithm, seed);
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        return crc.hasher64(algorithm, seed);
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        return crc.hasher128(algorithm, seed);
    }
}
