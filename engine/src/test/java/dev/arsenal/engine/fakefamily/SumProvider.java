package dev.arsenal.engine.fakefamily;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * A provider of the fake family, ranked by input size with {@code rank}; {@code wrong} makes it
 * add one to every sum (its self-test then fails).
 */
record SumProvider(String id, ProviderKind kind, LongUnaryOperator rank, boolean wrong) implements ChecksumProvider {
    @Override
    public Family family() {
        return Family.MEMORY;
    }

    @Override
    public Set<Checksum> algorithms() {
        return Set.of(Checksum.values());
    }

    @Override
    public dev.arsenal.spi.Availability probe(PlatformInfo platform) {
        return dev.arsenal.spi.Availability.available();
    }

    /** Known answers: three inputs against {@link Checksum#of}, computed here by the reference. */
    @Override
    public SelfTest selfTest(Algorithm algorithm) {
        Checksum c = (Checksum) algorithm;
        byte[] input = {1, 2, (byte) 0xFF, 4};
        long expected = c == Checksum.SUM ? 262 : 1 + 4 + 765 + 16;
        long actual = summer(c).sum(input, 0, input.length);
        return actual == expected
                ? new SelfTest(SelfTest.Status.PASSED, "1 known answer")
                : new SelfTest(SelfTest.Status.FAILED, "expected " + expected + ", got " + actual);
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank(algorithm, strategy, 65536);
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return (int) rank.applyAsLong(inputSize);
    }

    @Override
    public Summer summer(Checksum checksum) {
        return new Summer() {
            @Override
            public long sum(byte[] input, int offset, int length) {
                return checksum.of(input, offset, length) + (wrong ? 1 : 0);
            }

            @Override
            public String provider() {
                return id;
            }

            @Override
            public String provider(byte[] input, int offset, int length) {
                return id;
            }
        };
    }
}
