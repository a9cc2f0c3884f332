package dev.arsenal.engine.fakefamily;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;

/** The fake family's algorithms: sums of bytes, which any test can compute. */
public enum Checksum implements Algorithm {
    /** The sum of the unsigned bytes. */
    SUM,
    /** The sum of the unsigned bytes, each times its position plus one. */
    WEIGHTED_SUM;

    @Override
    public String id() {
        return this == SUM ? "fake-sum" : "fake-weighted-sum";
    }

    @Override
    public Family family() {
        return Family.MEMORY;
    }

    /** The reference value of {@code length} bytes of {@code input} from {@code offset}. */
    public long of(byte[] input, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (input[offset + i] & 0xFFL) * (this == SUM ? 1 : i + 1);
        }
        return sum;
    }
}
