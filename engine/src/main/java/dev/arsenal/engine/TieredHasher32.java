package dev.arsenal.engine;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Routes each call by input size: shorter than {@code crossover} bytes to {@code small}, the rest
 * to {@code large}. Both compute the same function (their self-tests passed), so the result does
 * not depend on the route; the cost is one comparison. Primitives go to {@code small}; streams,
 * whose length is unknown, to {@code large}. A record, so that HotSpot trusts its final fields: in
 * a {@code static final} field the whole routing folds to the length comparison.
 */
record TieredHasher32(Hasher32 small, Hasher32 large, int crossover) implements Hasher32 {
    /** Size classes end at 1 MiB, so a crossover always fits an int; int compares are cheapest. */
    TieredHasher32(Hasher32 small, Hasher32 large, long crossover) {
        this(small, large, (int) Math.min(Integer.MAX_VALUE, crossover));
    }

    @Override
    public int hash(byte[] input) {
        return input.length < crossover ? small.hash(input) : large.hash(input);
    }

    @Override
    public HashAlgorithm algorithm() {
        return large.algorithm();
    }

    @Override
    public long seed() {
        return large.seed();
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        return length < crossover ? small.hash(input, offset, length) : large.hash(input, offset, length);
    }

    @Override
    public int hash(ByteBuffer input) {
        return input.remaining() < crossover ? small.hash(input) : large.hash(input);
    }

    @Override
    public int hash(MemorySegment input) {
        return input.byteSize() < crossover ? small.hash(input) : large.hash(input);
    }

    @Override
    public int hashLong(long value) {
        return small.hashLong(value);
    }

    @Override
    public int hashInt(int value) {
        return small.hashInt(value);
    }

    @Override
    public HashStream32 newStream() {
        return large.newStream();
    }

    @Override
    public String toString() {
        return small + " below " + crossover + " bytes, else " + large;
    }
}
