package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A base for {@link Hasher32} implementations: it routes {@link ByteBuffer}s to the array or
 * segment method without copying, and hashes primitives through a small array. Subclasses
 * implement the array and segment forms and the stream, and override {@link #hashLong} / {@link
 * #hashInt} where a specialized path is faster.
 */
public abstract class AbstractHasher32 extends AbstractHasher implements Hasher32 {
    /** Checks the width and the seed. */
    protected AbstractHasher32(HashAlgorithm algorithm, long seed) {
        super(algorithm, seed, 32);
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
        return hash(bytesOf(value), 0, 8);
    }

    @Override
    public int hashInt(int value) {
        return hash(bytesOf(value), 0, 4);
    }
}
