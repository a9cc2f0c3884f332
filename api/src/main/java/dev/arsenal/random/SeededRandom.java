package dev.arsenal.random;

import java.util.random.RandomGenerator;

/**
 * A pseudo-random generator of one of the {@link RandomAlgorithm}s: a JDK {@link RandomGenerator},
 * whose {@link #nextLong()} (for PCG32, {@link #nextInt()}) is the algorithm's raw output, the
 * reference code's sequence exactly. The other methods are the JDK's defaults over it ({@code
 * nextInt(bound)}, {@code nextDouble()}, {@code ints()} ...). xoshiro256's generators are also
 * {@link RandomGenerator.LeapableGenerator}s ({@code jump()} 2<sup>128</sup> steps, {@code leap()}
 * 2<sup>192</sup>); the PCGs and SplitMix64 {@link #advance} by any distance.
 *
 * <p>For PCG32, a 32-bit generator, {@link #nextLong()} is two outputs, the first in the high
 * half. Not thread-safe: one generator per thread, or {@link RandomGenerator.LeapableGenerator#jump()
 * jumped} copies.
 */
public interface SeededRandom extends RandomGenerator {
    /** The algorithm. */
    RandomAlgorithm algorithm();

    /**
     * Moves the generator {@code delta} outputs ahead (backwards for a negative delta, modulo the
     * period), as {@code pcg32_advance_r} does, in O(log delta) steps.
     *
     * @throws UnsupportedOperationException for xoshiro256, which {@linkplain RandomGenerator.JumpableGenerator#jump() jumps} instead
     */
    default void advance(long delta) {
        throw new UnsupportedOperationException(algorithm().id() + " cannot advance by a distance");
    }
}
