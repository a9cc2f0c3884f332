package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;

/**
 * PCG32, pcg-c's {@code pcg32_random_t} (XSH-RR 64/32, "setseq": a stream per odd increment): a
 * 64-bit LCG whose old state goes through an xorshift and a data-dependent rotation to 32 bits.
 * Seeded as {@code pcg32_srandom_r(initstate, initseq)}; {@link #advance} is {@code
 * pcg32_advance_r}. {@link #nextLong()} is two outputs, the first in the high half.
 */
public final class Pcg32 implements SeededRandom {
    /** pcg-c's 64-bit multiplier. */
    static final long MULTIPLIER = 6364136223846793005L;

    private long state;
    private final long increment;

    /** {@code pcg32_srandom_r(initstate, initseq)}. */
    public Pcg32(long initState, long initSeq) {
        this.increment = (initSeq << 1) | 1;
        this.state = 0;
        step();
        this.state += initState;
        step();
    }

    private void step() {
        state = state * MULTIPLIER + increment;
    }

    @Override
    public int nextInt() {
        long old = state;
        step();
        int xorShifted = (int) (((old >>> 18) ^ old) >>> 27);
        return Integer.rotateRight(xorShifted, (int) (old >>> 59));
    }

    @Override
    public long nextLong() {
        long high = nextInt();
        return (high << 32) | (nextInt() & 0xffffffffL);
    }

    /**
     * {@code delta} outputs ahead (a negative delta goes back), in 64 steps at most: Brown's
     * jump-ahead for LCGs ("Random number generation with arbitrary strides", 1994), as pcg-c's
     * {@code pcg_advance_lcg_64}.
     */
    @Override
    public void advance(long delta) {
        long accMult = 1;
        long accPlus = 0;
        long curMult = MULTIPLIER;
        long curPlus = increment;
        for (long d = delta; d != 0; d >>>= 1) {
            if ((d & 1) != 0) {
                accMult *= curMult;
                accPlus = accPlus * curMult + curPlus;
            }
            curPlus = (curMult + 1) * curPlus;
            curMult *= curMult;
        }
        state = accMult * state + accPlus;
    }

    @Override
    public RandomAlgorithm algorithm() {
        return RandomAlgorithm.PCG32;
    }

    @Override
    public String toString() {
        return "pcg32 generator";
    }
}
