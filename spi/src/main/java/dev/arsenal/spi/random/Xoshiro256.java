package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import java.util.random.RandomGenerator;

/**
 * xoshiro256++ and xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2021), as {@code xoshiro256plusplus.c} and {@code xoshiro256starstar.c}: the same
 * xor/shift/rotate linear engine over four words, with the {@code ++} or {@code **} scrambler on the
 * output. {@link #jump()} moves 2<sup>128</sup> outputs ahead and {@link #leap()} 2<sup>192</sup>
 * (the reference's {@code jump} and {@code long_jump}), so that jumped copies give
 * non-overlapping streams for parallel work.
 */
public final class Xoshiro256 implements SeededRandom, RandomGenerator.LeapableGenerator {
    private static final long[] JUMP = {
        0x180ec6d33cfd0abaL, 0xd5a61266f0c9392cL, 0xa9582618e03fc9aaL, 0x39abdc4529b1661cL
    };
    private static final long[] LONG_JUMP = {
        0x76e15d3efefdcbbfL, 0xc5004e441c522fb3L, 0x77710069854ee241L, 0x39109bb02acbe635L
    };

    private final boolean plusPlus;
    private long s0, s1, s2, s3;

    /**
     * A generator of {@code algorithm} (one of the two xoshiro256s) with the state {@code s[0..3]}.
     *
     * @throws IllegalArgumentException if the state is all zero (the engine's fixed point)
     */
    public Xoshiro256(RandomAlgorithm algorithm, long s0, long s1, long s2, long s3) {
        if (algorithm != RandomAlgorithm.XOSHIRO256_PLUS_PLUS && algorithm != RandomAlgorithm.XOSHIRO256_STAR_STAR) {
            throw new IllegalArgumentException("not a xoshiro256 algorithm: " + algorithm.id());
        }
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException(
                    algorithm.id() + ": the all-zero state is a fixed point (every output 0)");
        }
        this.plusPlus = algorithm == RandomAlgorithm.XOSHIRO256_PLUS_PLUS;
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    @Override
    public long nextLong() {
        long result = plusPlus ? Long.rotateLeft(s0 + s3, 23) + s0 : Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public RandomAlgorithm algorithm() {
        return plusPlus ? RandomAlgorithm.XOSHIRO256_PLUS_PLUS : RandomAlgorithm.XOSHIRO256_STAR_STAR;
    }

    @Override
    public Xoshiro256 copy() {
        return new Xoshiro256(algorithm(), s0, s1, s2, s3);
    }

    /** 2<sup>128</sup> outputs ahead: the reference's {@code jump()}. */
    @Override
    public void jump() {
        polynomial(JUMP);
    }

    /** 2<sup>192</sup> outputs ahead: the reference's {@code long_jump()}. */
    @Override
    public void leap() {
        polynomial(LONG_JUMP);
    }

    @Override
    public double jumpDistance() {
        return 0x1p128;
    }

    @Override
    public double leapDistance() {
        return 0x1p192;
    }

    /** The state after the jump whose characteristic polynomial's bits are {@code poly}. */
    private void polynomial(long[] poly) {
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (long word : poly) {
            for (int b = 0; b < 64; b++) {
                if ((word & (1L << b)) != 0) {
                    t0 ^= s0;
                    t1 ^= s1;
                    t2 ^= s2;
                    t3 ^= s3;
                }
                nextLong();
            }
        }
        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
    }

    @Override
    public String toString() {
        return algorithm().id() + " generator";
    }
}
