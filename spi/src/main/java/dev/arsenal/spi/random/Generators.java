package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import java.util.Objects;

/**
 * The generators of every algorithm, from a seed or a raw state, as {@link RandomAlgorithm}'s table
 * defines them: what every provider's scalar generators are (a provider changes how bulk output is
 * made, never the sequence).
 */
public final class Generators {
    private Generators() {}

    /** A generator of {@code algorithm} seeded from one {@code long}. */
    public static SeededRandom fromSeed(RandomAlgorithm algorithm, long seed) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == RandomAlgorithm.SPLITMIX64) {
            return new SplitMix64(seed);
        }
        SplitMix64 seeder = new SplitMix64(seed);
        long[] state = new long[algorithm.stateWords()];
        for (int i = 0; i < state.length; i++) {
            state[i] = seeder.nextLong();
        }
        return fromState(algorithm, state);
    }

    /**
     * A generator of {@code algorithm} from its raw state, as the reference code takes it.
     *
     * @throws IllegalArgumentException if the state has the wrong number of words, or is
     *     xoshiro256's all-zero state
     */
    public static SeededRandom fromState(RandomAlgorithm algorithm, long... state) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        if (state.length != algorithm.stateWords()) {
            throw new IllegalArgumentException(algorithm.id() + " takes a state of " + algorithm.stateWords() + " long"
                    + (algorithm.stateWords() == 1 ? "" : "s") + ", got " + state.length);
        }
        return switch (algorithm) {
            case SPLITMIX64 -> new SplitMix64(state[0]);
            case PCG32 -> new Pcg32(state[0], state[1]);
            case PCG64 -> new Pcg64(state[0], state[1], state[2], state[3]);
            case XOSHIRO256_PLUS_PLUS, XOSHIRO256_STAR_STAR ->
                new Xoshiro256(algorithm, state[0], state[1], state[2], state[3]);
        };
    }
}
