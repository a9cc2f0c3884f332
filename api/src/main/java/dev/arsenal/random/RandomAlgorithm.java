package dev.arsenal.random;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import java.util.Locale;

/**
 * The pseudo-random generators Arsenal offers, each bit for bit its reference code's. None is fit
 * for keys, nonces or anything an attacker may predict: their states are recovered from a few
 * outputs.
 *
 * <table>
 *   <caption>Algorithms, their state and their seeding</caption>
 *   <tr><th>algorithm</th><th>reference</th><th>state ({@link RandomView#fromState})</th><th>from one {@code long} seed</th></tr>
 *   <tr><td>{@link #SPLITMIX64}</td><td>Vigna's {@code splitmix64.c}</td><td>the counter</td><td>the seed is the state</td></tr>
 *   <tr><td>{@link #PCG32}</td><td>pcg-c, XSH-RR 64/32</td><td>{@code initstate, initseq}, as {@code pcg32_srandom_r}</td><td>two SplitMix64 outputs</td></tr>
 *   <tr><td>{@link #PCG64}</td><td>pcg-c, XSL-RR 128/64</td><td>{@code initstate} and {@code initseq} as high, low words, as {@code pcg64_srandom_r}</td><td>four SplitMix64 outputs</td></tr>
 *   <tr><td>{@link #XOSHIRO256_PLUS_PLUS}, {@link #XOSHIRO256_STAR_STAR}</td><td>Blackman and Vigna's {@code xoshiro256plusplus.c}, {@code xoshiro256starstar.c}</td><td>{@code s[0..3]}, not all zero</td><td>four SplitMix64 outputs, as the authors advise</td></tr>
 * </table>
 *
 * "Two (four) SplitMix64 outputs" are the first outputs of {@link #SPLITMIX64} seeded with the seed.
 */
public enum RandomAlgorithm implements Algorithm {
    /** SplitMix64: 64-bit outputs, period 2<sup>64</sup>; the JDK's {@code SplittableRandom} without its splits. */
    SPLITMIX64("splitmix64", 1, 64),
    /** PCG32 (XSH-RR 64/32): 32-bit outputs, period 2<sup>64</sup>, 2<sup>63</sup> streams. */
    PCG32("pcg32", 2, 32),
    /** PCG64 (XSL-RR 128/64): 64-bit outputs, period 2<sup>128</sup>, 2<sup>127</sup> streams. */
    PCG64("pcg64", 4, 64),
    /** xoshiro256++: 64-bit outputs, period 2<sup>256</sup> - 1, jumps of 2<sup>128</sup> and 2<sup>192</sup>. */
    XOSHIRO256_PLUS_PLUS("xoshiro256++", 4, 64),
    /** xoshiro256**: as xoshiro256++ with the ** scrambler. */
    XOSHIRO256_STAR_STAR("xoshiro256**", 4, 64);

    private final String id;
    private final int stateWords;
    private final int outputBits;

    RandomAlgorithm(String id, int stateWords, int outputBits) {
        this.id = id;
        this.stateWords = stateWords;
        this.outputBits = outputBits;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.RANDOM;
    }

    /** How many {@code long}s {@link RandomView#fromState} takes for this algorithm. */
    public int stateWords() {
        return stateWords;
    }

    /** The bits of one raw output: 32 for PCG32, else 64. */
    public int outputBits() {
        return outputBits;
    }

    /**
     * The algorithm named {@code name}, case-insensitive; {@code xoshiro256pp} and {@code
     * xoshiro256ss} name the xoshiro256 ones where {@code +} and {@code *} are awkward.
     *
     * @throws IllegalArgumentException naming the algorithms if there is none
     */
    public static RandomAlgorithm byId(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (RandomAlgorithm a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        if (n.equals("xoshiro256pp")) {
            return XOSHIRO256_PLUS_PLUS;
        }
        if (n.equals("xoshiro256ss")) {
            return XOSHIRO256_STAR_STAR;
        }
        StringBuilder known = new StringBuilder();
        for (RandomAlgorithm a : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(a.id);
        }
        throw new IllegalArgumentException("unknown random algorithm '" + name + "'; known: " + known);
    }
}
