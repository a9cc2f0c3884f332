package dev.arsenal.random;

/**
 * The random family of a runtime ({@code runtime.view(RandomView.class)}): generators of the
 * provider selected for each algorithm. {@link Randoms} is this view of the default runtime.
 */
public interface RandomView {
    /**
     * A generator of {@code algorithm} seeded from one {@code long}, as {@link RandomAlgorithm}
     * says for each: the same seed gives the same sequence on every machine and provider.
     */
    SeededRandom generator(RandomAlgorithm algorithm, long seed);

    /**
     * A generator of {@code algorithm} from its raw state, as the reference code takes it ({@link
     * RandomAlgorithm}'s table): PCG32 {@code (initstate, initseq)}, PCG64 {@code (initstate high,
     * low, initseq high, low)}, xoshiro256 {@code s[0..3]}, SplitMix64 its counter.
     *
     * @throws IllegalArgumentException if {@code state} has not {@link RandomAlgorithm#stateWords()}
     *     words, or is xoshiro256's all-zero state (a fixed point)
     */
    SeededRandom fromState(RandomAlgorithm algorithm, long... state);
}
