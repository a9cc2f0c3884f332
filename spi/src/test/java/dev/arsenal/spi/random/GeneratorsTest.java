package dev.arsenal.spi.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generators against their reference code's outputs: SplitMix64 against the JDK's {@code
 * SplittableRandom} (the same algorithm) for several seeds; PCG32 and PCG64 against pcg-c's check
 * files whole (testdata/pcg: five rounds of raw outputs, {@code advance(-6)} and the same again,
 * coins, dice and a shuffled deck through pcg-c's bounded outputs); xoshiro256++ and ** against
 * the reference outputs from {1, 2, 3, 4}; jumps against stepping.
 */
class GeneratorsTest {
    @Test
    void splitMix64IsSplittableRandomsSequence() {
        for (long seed : new long[] {0, 1, 1234567, -1, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SeededRandom r = Generators.fromState(RandomAlgorithm.SPLITMIX64, seed);
            for (int i = 0; i < 1000; i++) {
                assertEquals(jdk.nextLong(), r.nextLong(), "seed " + seed + ", output " + i);
            }
        }
    }

    @Test
    void xoshiro256FromOneTwoThreeFour() {
        long[] expectedPlusPlus = {
            41943041L,
            58720359L,
            3588806011781223L,
            3591011842654386L,
            Long.parseUnsignedLong("9228616714210784205"),
            Long.parseUnsignedLong("9973669472204895162"),
            Long.parseUnsignedLong("14011001112246962877"),
            Long.parseUnsignedLong("12406186145184390807"),
            Long.parseUnsignedLong("15849039046786891736"),
            Long.parseUnsignedLong("10450023813501588000")
        };
        long[] expectedStarStar = {
            11520L,
            0L,
            1509978240L,
            1215971899390074240L,
            1216172134540287360L,
            607988272756665600L,
            Long.parseUnsignedLong("16172922978634559625"),
            8476171486693032832L,
            Long.parseUnsignedLong("10595114339597558777"),
            2904607092377533576L
        };
        SeededRandom pp = Generators.fromState(RandomAlgorithm.XOSHIRO256_PLUS_PLUS, 1, 2, 3, 4);
        SeededRandom ss = Generators.fromState(RandomAlgorithm.XOSHIRO256_STAR_STAR, 1, 2, 3, 4);
        for (int i = 0; i < 10; i++) {
            assertEquals(expectedPlusPlus[i], pp.nextLong(), "xoshiro256++ output " + i);
            assertEquals(expectedStarStar[i], ss.nextLong(), "xoshiro256** output " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RandomAlgorithm.class,
            names = {"PCG32", "PCG64"})
    void pcgAsPcgCsCheckFiles(RandomAlgorithm algorithm) {
        boolean wide = algorithm == RandomAlgorithm.PCG64;
        String text = new String(
                TestData.verified("pcg", wide ? "check-pcg64.out" : "check-pcg32.out"), StandardCharsets.US_ASCII);
        SeededRandom r = wide ? Generators.fromState(algorithm, 0, 42, 0, 54) : Generators.fromState(algorithm, 42, 54);
        String[] rounds = text.split("Round \\d+:");
        assertEquals(6, rounds.length, "five rounds in the check file");
        for (int round = 1; round < rounds.length; round++) {
            List<String> expected = tokens(rounds[round]);
            List<String> actual = new ArrayList<>();
            actual.add(wide ? "64bit:" : "32bit:");
            for (int i = 0; i < 6; i++) {
                actual.add(hex(r, wide));
            }
            r.advance(-6);
            actual.add("Again:");
            for (int i = 0; i < 6; i++) {
                actual.add(hex(r, wide));
            }
            actual.add("Coins:");
            StringBuilder coins = new StringBuilder();
            for (int i = 0; i < 65; i++) {
                coins.append(bounded(r, wide, 2) != 0 ? 'H' : 'T');
            }
            actual.add(coins.toString());
            actual.add("Rolls:");
            for (int i = 0; i < 33; i++) {
                actual.add(Long.toString(bounded(r, wide, 6) + 1));
            }
            actual.add("Cards:");
            int[] cards = new int[52];
            for (int i = 0; i < 52; i++) {
                cards[i] = i;
            }
            for (int i = 52; i > 1; i--) {
                int chosen = (int) bounded(r, wide, i);
                int card = cards[chosen];
                cards[chosen] = cards[i - 1];
                cards[i - 1] = card;
            }
            for (int card : cards) {
                actual.add("" + "A23456789TJQK".charAt(card / 4) + "hcds".charAt(card % 4));
            }
            assertEquals(expected, actual, algorithm.id() + " round " + round);
        }
    }

    private static List<String> tokens(String s) {
        List<String> t = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                t.add(w);
            }
        }
        return t;
    }

    private static String hex(SeededRandom r, boolean wide) {
        return wide ? String.format("0x%016x", r.nextLong()) : String.format("0x%08x", r.nextInt());
    }

    /** pcg-c's {@code boundedrand}: the raw output, rejected below {@code -bound % bound}, modulo bound. */
    private static long bounded(SeededRandom r, boolean wide, long bound) {
        if (wide) {
            long threshold = Long.remainderUnsigned(-bound, bound);
            while (true) {
                long x = r.nextLong();
                if (Long.compareUnsigned(x, threshold) >= 0) {
                    return Long.remainderUnsigned(x, bound);
                }
            }
        }
        long threshold = Integer.toUnsignedLong((int) -bound) % bound;
        while (true) {
            long x = Integer.toUnsignedLong(r.nextInt());
            if (x >= threshold) {
                return x % bound;
            }
        }
    }

    @Test
    void advanceGoesBothWays() {
        for (RandomAlgorithm a :
                new RandomAlgorithm[] {RandomAlgorithm.SPLITMIX64, RandomAlgorithm.PCG32, RandomAlgorithm.PCG64}) {
            SeededRandom r = Generators.fromSeed(a, 7);
            SeededRandom ahead = Generators.fromSeed(a, 7);
            for (int i = 0; i < 1000; i++) {
                r.nextLong();
            }
            ahead.advance(a == RandomAlgorithm.PCG32 ? 2000 : 1000); // PCG32: two outputs a long
            assertEquals(r.nextLong(), ahead.nextLong(), a.id());
            ahead.advance(a == RandomAlgorithm.PCG32 ? -2 : -1);
            r.advance(a == RandomAlgorithm.PCG32 ? -2 : -1);
            assertEquals(r.nextLong(), ahead.nextLong(), a.id() + " back one");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RandomAlgorithm.class,
            names = {"XOSHIRO256_PLUS_PLUS", "XOSHIRO256_STAR_STAR"})
    void jumpsCommuteWithStepsAndLeaveTheSequence(RandomAlgorithm algorithm) {
        Xoshiro256 a = (Xoshiro256) Generators.fromSeed(algorithm, 99);
        Xoshiro256 b = a.copy();
        // jump then step == step then jump: the jump is a polynomial in the step
        a.jump();
        a.nextLong();
        b.nextLong();
        b.jump();
        assertEquals(a.nextLong(), b.nextLong());
        Xoshiro256 c = (Xoshiro256) Generators.fromSeed(algorithm, 99);
        Xoshiro256 jumped = c.copy();
        jumped.jump();
        Xoshiro256 leapt = c.copy();
        leapt.leap();
        long x = c.nextLong();
        assertNotEquals(x, jumped.nextLong());
        assertNotEquals(x, leapt.nextLong());
        assertTrue(c instanceof RandomGenerator.LeapableGenerator);
        assertEquals(0x1p128, c.jumpDistance());
    }

    /**
     * xoshiro256++ against the JDK's own (jdk.random), whose byte seed sets the four state words
     * big-endian: the same outputs, and the same after {@code jump()} and {@code leap()}, so both
     * jump polynomials are the reference's.
     */
    @Test
    void xoshiro256PlusPlusJumpsAsTheJdksDoes() {
        long[] s = {0x0123456789abcdefL, 0xfedcba9876543210L, 0x0f1e2d3c4b5a6978L, 0x1122334455667788L};
        java.nio.ByteBuffer seed = java.nio.ByteBuffer.allocate(32);
        for (long w : s) {
            seed.putLong(w);
        }
        var jdk = (RandomGenerator.LeapableGenerator)
                java.util.random.RandomGeneratorFactory.of("Xoshiro256PlusPlus").create(seed.array());
        Xoshiro256 mine = new Xoshiro256(RandomAlgorithm.XOSHIRO256_PLUS_PLUS, s[0], s[1], s[2], s[3]);
        for (int i = 0; i < 100; i++) {
            assertEquals(jdk.nextLong(), mine.nextLong(), "output " + i);
        }
        jdk.jump();
        mine.jump();
        for (int i = 0; i < 100; i++) {
            assertEquals(jdk.nextLong(), mine.nextLong(), "after a jump, output " + i);
        }
        jdk.leap();
        mine.leap();
        for (int i = 0; i < 100; i++) {
            assertEquals(jdk.nextLong(), mine.nextLong(), "after a leap, output " + i);
        }
    }

    @Test
    void badStatesAreRefusedNamingWhatWasWrong() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Generators.fromState(RandomAlgorithm.XOSHIRO256_PLUS_PLUS, 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("all-zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.fromState(RandomAlgorithm.PCG64, 1, 2));
        assertEquals("pcg64 takes a state of 4 longs, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandomAlgorithm.byId("mt19937"));
        assertTrue(
                e.getMessage().contains("known: splitmix64, pcg32, pcg64, xoshiro256++, xoshiro256**"), e.getMessage());
        assertEquals(RandomAlgorithm.XOSHIRO256_STAR_STAR, RandomAlgorithm.byId("Xoshiro256SS"));
    }

    @Test
    void seedsExpandThroughSplitMix64() {
        SplitMix64 seeder = new SplitMix64(42);
        SeededRandom x = Generators.fromSeed(RandomAlgorithm.XOSHIRO256_PLUS_PLUS, 42);
        SeededRandom y = Generators.fromState(
                RandomAlgorithm.XOSHIRO256_PLUS_PLUS,
                seeder.nextLong(),
                seeder.nextLong(),
                seeder.nextLong(),
                seeder.nextLong());
        for (int i = 0; i < 100; i++) {
            assertEquals(y.nextLong(), x.nextLong());
        }
    }

    @ParameterizedTest
    @EnumSource(RandomAlgorithm.class)
    void theSelfTestPasses(RandomAlgorithm algorithm) {
        RandomProvider plain = new AbstractRandomProvider("test", dev.arsenal.ProviderKind.JAVA, 1) {
            @Override
            public dev.arsenal.spi.Availability probe(dev.arsenal.platform.PlatformInfo platform) {
                return dev.arsenal.spi.Availability.available();
            }
        };
        assertTrue(
                plain.selfTest(algorithm).passed(),
                () -> plain.selfTest(algorithm).toString());
    }
}
