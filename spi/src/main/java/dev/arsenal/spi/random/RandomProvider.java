package dev.arsenal.spi.random;

import dev.arsenal.Family;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.Provider;

/**
 * A provider of the random family. Its generators give each algorithm's reference sequence
 * ({@link Generators} defines it); providers differ in how they make bulk output. The default
 * self-test ({@link RandomKnownAnswers}) checks the reference outputs.
 */
public interface RandomProvider extends Provider {
    @Override
    default Family family() {
        return Family.RANDOM;
    }

    /** A generator of {@code algorithm} seeded from {@code seed}. */
    SeededRandom generator(RandomAlgorithm algorithm, long seed);

    /** A generator of {@code algorithm} from its raw state, checked ({@link Generators#fromState}). */
    SeededRandom fromState(RandomAlgorithm algorithm, long... state);

    @Override
    default dev.arsenal.report.SelfTest selfTest(dev.arsenal.Algorithm algorithm) {
        return algorithm instanceof RandomAlgorithm r
                ? RandomKnownAnswers.check(this, r)
                : new dev.arsenal.report.SelfTest(
                        dev.arsenal.report.SelfTest.Status.FAILED, id() + " has no " + algorithm.id());
    }
}
