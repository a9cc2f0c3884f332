package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;

/**
 * SplitMix64 as Vigna's {@code splitmix64.c}: the counter advances by the golden gamma
 * 0x9e3779b97f4a7c15, and each output is the counter through Stafford's variant 13 of the MurmurHash3
 * finalizer. {@code new SplittableRandom(seed).nextLong()} gives the same sequence. Also the seeder
 * of the other algorithms ({@link Generators}).
 */
public final class SplitMix64 implements SeededRandom {
    /** The counter's increment, 2<sup>64</sup> divided by the golden ratio, odd. */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long x;

    /** A generator whose counter is {@code state}. */
    public SplitMix64(long state) {
        this.x = state;
    }

    /** The finalizer: a bijection of 64-bit values. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        return mix(x += GOLDEN_GAMMA);
    }

    @Override
    public RandomAlgorithm algorithm() {
        return RandomAlgorithm.SPLITMIX64;
    }

    /** Moves {@code delta} outputs ahead: the counter adds {@code delta} gammas. */
    @Override
    public void advance(long delta) {
        x += delta * GOLDEN_GAMMA;
    }

    @Override
    public String toString() {
        return "splitmix64 generator";
    }
}
