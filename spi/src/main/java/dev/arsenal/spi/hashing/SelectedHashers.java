package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.HashingView;
import dev.arsenal.spi.Selections;
import java.util.Map;
import java.util.function.Function;

/** The hashing view over a runtime's selections: each hasher from the route's providers. */
record SelectedHashers(Selections selections) implements HashingView {
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
        return selections.handOut(
                type,
                algorithm.id() + " hasher",
                algorithm,
                Map.of("algorithm", algorithm, "seed", seed),
                s -> s.routed(type, algorithm, p -> make.apply((HashingProvider) p)));
    }
}
