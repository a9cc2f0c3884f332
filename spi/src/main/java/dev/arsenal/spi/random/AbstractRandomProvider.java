package dev.arsenal.spi.random;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import java.util.List;
import java.util.Set;

/**
 * What random providers share: their id, kind and one rank, every algorithm, and the reference
 * generators of {@link Generators} (the sequences are the algorithms', whoever makes them). A
 * provider adds its probe and description, and overrides the factories where it makes generators
 * of its own (bulk output in vector lanes).
 */
public abstract class AbstractRandomProvider implements RandomProvider {
    private static final Set<Algorithm> ALGORITHMS = Set.copyOf(List.of(RandomAlgorithm.values()));

    private final String id;
    private final ProviderKind kind;
    private final int rank;

    /** A provider of every algorithm, ranked {@code rank} for each under every strategy. */
    protected AbstractRandomProvider(String id, ProviderKind kind, int rank) {
        this.id = id;
        this.kind = kind;
        this.rank = rank;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ProviderKind kind() {
        return kind;
    }

    @Override
    public Set<Algorithm> algorithms() {
        return ALGORITHMS;
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank;
    }

    @Override
    public SeededRandom generator(RandomAlgorithm algorithm, long seed) {
        return Generators.fromSeed(algorithm, seed);
    }

    @Override
    public SeededRandom fromState(RandomAlgorithm algorithm, long... state) {
        return Generators.fromState(algorithm, state);
    }
}
