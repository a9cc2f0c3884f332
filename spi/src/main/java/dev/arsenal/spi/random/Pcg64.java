package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;

/**
 * PCG64, pcg-c's {@code pcg64_random_t} (XSL-RR 128/64, "setseq"): a 128-bit LCG, each output the
 * high and low halves of the new state XORed and rotated by its top six bits. The 128-bit words are
 * pairs of {@code long}s, high and low; products take {@link Math#unsignedMultiplyHigh}. Seeded as
 * {@code pcg64_srandom_r(initstate, initseq)}; {@link #advance} is {@code pcg64_advance_r}.
 */
public final class Pcg64 implements SeededRandom {
    /** pcg-c's 128-bit multiplier, {@code PCG_DEFAULT_MULTIPLIER_128}: high and low words. */
    static final long MULT_HIGH = 2549297995355413924L;

    static final long MULT_LOW = 4865540595714422341L;

    private long stateHigh;
    private long stateLow;
    private final long incHigh;
    private final long incLow;

    /** {@code pcg64_srandom_r(initstate, initseq)}, each 128-bit argument as high and low words. */
    public Pcg64(long initStateHigh, long initStateLow, long initSeqHigh, long initSeqLow) {
        // increment = initseq << 1 | 1
        this.incHigh = (initSeqHigh << 1) | (initSeqLow >>> 63);
        this.incLow = (initSeqLow << 1) | 1;
        step();
        long low = stateLow + initStateLow;
        stateHigh += initStateHigh + (Long.compareUnsigned(low, stateLow) < 0 ? 1 : 0);
        stateLow = low;
        step();
    }

    /** state = state * multiplier + increment, modulo 2^128. */
    private void step() {
        long low = stateLow * MULT_LOW;
        long high = Math.unsignedMultiplyHigh(stateLow, MULT_LOW) + stateHigh * MULT_LOW + stateLow * MULT_HIGH;
        long sum = low + incLow;
        stateHigh = high + incHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        stateLow = sum;
    }

    @Override
    public long nextLong() {
        step();
        return Long.rotateRight(stateHigh ^ stateLow, (int) (stateHigh >>> 58));
    }

    /** {@code delta} outputs ahead, the delta sign-extended to 128 bits (-6 goes six back). */
    @Override
    public void advance(long delta) {
        advance(delta >> 63, delta);
    }

    /**
     * {@code (deltaHigh, deltaLow)} outputs ahead, modulo 2^128, in 128 steps at most: Brown's
     * jump-ahead, as pcg-c's {@code pcg_advance_lcg_128}.
     */
    public void advance(long deltaHigh, long deltaLow) {
        long accMultHigh = 0, accMultLow = 1;
        long accPlusHigh = 0, accPlusLow = 0;
        long curMultHigh = MULT_HIGH, curMultLow = MULT_LOW;
        long curPlusHigh = incHigh, curPlusLow = incLow;
        long dHigh = deltaHigh, dLow = deltaLow;
        while ((dHigh | dLow) != 0) {
            if ((dLow & 1) != 0) {
                long mh = mulHigh(accMultHigh, accMultLow, curMultHigh, curMultLow);
                accMultLow *= curMultLow;
                accMultHigh = mh;
                // accPlus = accPlus * curMult + curPlus
                long ph = mulHigh(accPlusHigh, accPlusLow, curMultHigh, curMultLow);
                long pl = accPlusLow * curMultLow;
                long sl = pl + curPlusLow;
                accPlusHigh = ph + curPlusHigh + (Long.compareUnsigned(sl, pl) < 0 ? 1 : 0);
                accPlusLow = sl;
            }
            // curPlus = (curMult + 1) * curPlus
            long m1Low = curMultLow + 1;
            long m1High = curMultHigh + (m1Low == 0 ? 1 : 0);
            long nh = mulHigh(m1High, m1Low, curPlusHigh, curPlusLow);
            curPlusLow = m1Low * curPlusLow;
            curPlusHigh = nh;
            // curMult *= curMult
            long qh = mulHigh(curMultHigh, curMultLow, curMultHigh, curMultLow);
            curMultLow = curMultLow * curMultLow;
            curMultHigh = qh;
            dLow = (dLow >>> 1) | (dHigh << 63);
            dHigh >>>= 1;
        }
        // state = accMult * state + accPlus
        long sh = mulHigh(accMultHigh, accMultLow, stateHigh, stateLow);
        long slo = accMultLow * stateLow;
        long sum = slo + accPlusLow;
        stateHigh = sh + accPlusHigh + (Long.compareUnsigned(sum, slo) < 0 ? 1 : 0);
        stateLow = sum;
    }

    /** The high word of (aHigh, aLow) * (bHigh, bLow) modulo 2^128. */
    private static long mulHigh(long aHigh, long aLow, long bHigh, long bLow) {
        return Math.unsignedMultiplyHigh(aLow, bLow) + aHigh * bLow + aLow * bHigh;
    }

    @Override
    public RandomAlgorithm algorithm() {
        return RandomAlgorithm.PCG64;
    }

    @Override
    public String toString() {
        return "pcg64 generator";
    }
}
