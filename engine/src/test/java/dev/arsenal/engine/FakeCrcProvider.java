package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import dev.arsenal.spi.hashing.HashingProvider;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import java.util.zip.CRC32;

/** A CRC32-only provider for engine tests: configurable rank, availability and a broken mode. */
final class FakeCrcProvider implements HashingProvider {
    final String id;
    final ProviderKind kind;
    final ToIntFunction<Strategy> rank;
    final Availability availability;
    final boolean broken;
    final List<Requirement> requirements;
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger hashes = new AtomicInteger();
    ToIntBiFunction<Strategy, Long> sizedRank;
    /** Run (once) at the start of the next hash call, to simulate a bundle going away meanwhile. */
    volatile Runnable onNextHash;

    /** Set, the provider's stream classes are gone: every stream call meets a NoClassDefFoundError. */
    volatile boolean streamClassesGone;
    /** When set, {@link #hasher32} throws: a factory failing after the self-test passed. */
    volatile boolean factoryFails;

    FakeCrcProvider(String id, ProviderKind kind, int rank) {
        this(id, kind, s -> rank, Availability.available(), false, List.of());
    }

    FakeCrcProvider(
            String id,
            ProviderKind kind,
            ToIntFunction<Strategy> rank,
            Availability availability,
            boolean broken,
            List<Requirement> requirements) {
        this.id = id;
        this.kind = kind;
        this.rank = rank;
        this.availability = availability;
        this.broken = broken;
        this.requirements = requirements;
    }

    /**
     * A native-like provider, {@code native}: loses below 1 KiB (rank 90 against java's 100), wins
     * from there (200), so that a plan over it and a java provider has two tiers split at 1 KiB.
     */
    static FakeCrcProvider nativeLike() {
        return new FakeCrcProvider("native", ProviderKind.NATIVE, 200).sized((s, size) -> size < 1024 ? 90 : 200);
    }

    /** The CRC-32 of {@code data}, as the JDK computes it: what every fake provider must answer. */
    static int crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return (int) c.getValue();
    }

    FakeCrcProvider unavailable(String cause) {
        return new FakeCrcProvider(id, kind, rank, Availability.unavailable(cause), broken, requirements);
    }

    FakeCrcProvider broken() {
        return new FakeCrcProvider(id, kind, rank, availability, true, requirements);
    }

    /** The same provider, ranked by size: {@code rank(strategy, size)}. */
    FakeCrcProvider sized(ToIntBiFunction<Strategy, Long> rankBySize) {
        FakeCrcProvider p = new FakeCrcProvider(id, kind, rank, availability, broken, requirements);
        p.sizedRank = rankBySize;
        return p;
    }

    FakeCrcProvider requiring(Requirement requirement) {
        return new FakeCrcProvider(id, kind, rank, availability, broken, List.of(requirement));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ProviderKind kind() {
        return kind;
    }

    @Override
    public Set<HashAlgorithm> algorithms() {
        return Set.of(HashAlgorithm.CRC32);
    }

    @Override
    public List<Requirement> requirements() {
        return requirements;
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        probes.incrementAndGet();
        return availability;
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank.applyAsInt(strategy);
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return sizedRank == null ? rank(algorithm, strategy) : sizedRank.applyAsInt(strategy, inputSize);
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        if (factoryFails) {
            throw new IllegalStateException(id + " cannot make a hasher now");
        }
        return new AbstractHasher32(algorithm, seed) {
            @Override
            public int hash(byte[] input, int offset, int length) {
                Runnable hook = onNextHash;
                if (hook != null) {
                    onNextHash = null;
                    hook.run();
                }
                hashes.incrementAndGet();
                HashStream32 s = newStream();
                s.update(input, offset, length);
                return s.digest();
            }

            @Override
            public int hash(MemorySegment input) {
                return hash(input.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }

            @Override
            public HashStream32 newStream() {
                return new Stream();
            }
        };
    }

    private final class Stream extends AbstractHashStream implements HashStream32 {
        private final CRC32 crc = new CRC32();

        @Override
        public void update(byte[] input, int offset, int length) {
            if (streamClassesGone) {
                throw new NoClassDefFoundError("dev/arsenal/providers/natives/GoneStream");
            }
            crc.update(input, offset, length);
        }

        @Override
        public void update(MemorySegment input) {
            crc.update(input.asByteBuffer());
        }

        @Override
        public int digest() {
            return (int) crc.getValue() ^ (broken ? 1 : 0);
        }

        @Override
        public void reset() {
            crc.reset();
        }
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        throw new UnsupportedOperationException(algorithm.id());
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        throw new UnsupportedOperationException(algorithm.id());
    }
}
