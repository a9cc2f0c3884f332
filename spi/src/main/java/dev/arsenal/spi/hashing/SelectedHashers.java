package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.HashingView;
import dev.arsenal.spi.Selections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The hashing view over a runtime's selections: each hasher from the route's providers. The
 * seed-0 hasher of each algorithm is made once and kept: a hasher is immutable and thread-safe (a
 * live one follows the selection by itself), so {@code Hashing.xxh3_64()} called for every hash
 * costs a lookup rather than a selection, a tier and their allocations.
 */
final class SelectedHashers implements HashingView {
    private final Selections selections;
    /** By {@link HashAlgorithm#ordinal()}: each algorithm has one width, so one hasher of seed 0. */
    private final AtomicReferenceArray<Object> seedZero = new AtomicReferenceArray<>(HashAlgorithm.values().length);

    SelectedHashers(Selections selections) {
        this.selections = selections;
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        return hasher(Hasher32.class, algorithm, seed, p -> p.hasher32(algorithm, seed));
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        algorithm.checkSeed(seed);
        return hasher(Hasher64.class, algorithm, seed, p -> p.hasher64(algorithm, seed));
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        algorithm.checkSeed(seed);
        return hasher(Hasher128.class, algorithm, seed, p -> p.hasher128(algorithm, seed));
    }

    private <T> T hasher(Class<T> type, HashAlgorithm algorithm, long seed, Function<HashingProvider, T> make) {
        if (seed != 0) {
            return handOut(type, algorithm, seed, make);
        }
        Object kept = seedZero.get(algorithm.ordinal());
        if (kept == null) {
            // Two threads may both make one; either is as good, and the first kept wins.
            seedZero.compareAndSet(algorithm.ordinal(), null, handOut(type, algorithm, seed, make));
            kept = seedZero.get(algorithm.ordinal());
        }
        return type.cast(kept);
    }

    private <T> T handOut(Class<T> type, HashAlgorithm algorithm, long seed, Function<HashingProvider, T> make) {
        return selections.handOut(
                type,
                algorithm,
                "hasher",
                () -> Map.of("algorithm", algorithm, "seed", seed),
                s -> s.routed(type, algorithm, p -> make.apply((HashingProvider) p)));
    }
}
