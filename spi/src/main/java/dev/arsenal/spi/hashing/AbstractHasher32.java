package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A base for {@link Hasher32} implementations: it keeps the algorithm and seed, routes {@link
 * ByteBuffer}s to the array or segment method without copying, and hashes primitives through a
 * small array. Subclasses implement the array and segment forms and the stream, and override
 * {@link #hashLong} / {@link #hashInt} where a specialized path is faster.
 */
public abstract class AbstractHasher32 implements Hasher32 {
    private final HashAlgorithm algorithm;
    private final long seed;

    /** Checks the width and the seed. */
    protected AbstractHasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        this.algorithm = algorithm;
        this.seed = seed;
    }

    @Override
    public final HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final long seed() {
        return seed;
    }

    @Override
    public int hash(ByteBuffer input) {
        if (input.hasArray()) {
            return hash(input.array(), input.arrayOffset() + input.position(), input.remaining());
        }
        return hash(MemorySegment.ofBuffer(input));
    }

    @Override
    public int hashLong(long value) {
        byte[] bytes = new byte[8];
        ByteOrderAccess.putLong(bytes, 0, value);
        return hash(bytes, 0, 8);
    }

    @Override
    public int hashInt(int value) {
        byte[] bytes = new byte[4];
        ByteOrderAccess.putInt(bytes, 0, value);
        return hash(bytes, 0, 4);
    }

    /**
     * Checks an array range as every array method must.
     *
     * @throws IndexOutOfBoundsException naming the range and the array length
     */
    protected static void checkRange(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, input.length);
    }

    @Override
    public String toString() {
        return algorithm.id() + "(seed=" + seed + ", " + getClass().getSimpleName() + ")";
    }
}
