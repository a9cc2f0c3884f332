package dev.arsenal.providers.natives.hashing;

import static dev.arsenal.providers.natives.hashing.XxhashBindings.CRITICAL_CHUNK;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.check;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.handles;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.rethrow;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.updateInChunks;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * XXH32 through libxxhash: {@code XXH32()} for inputs up to {@link XxhashBindings#CRITICAL_CHUNK}
 * bytes, one critical downcall on the array or segment in place; larger inputs and streams go
 * through {@code XXH32_reset} / {@code XXH32_update} / {@code XXH32_digest} on an {@code
 * XXH32_state_t} allocated from Java. The seed is the low 32 bits of {@link #seed()}, which {@link
 * HashAlgorithm#checkSeed} allows signed or unsigned.
 */
final class Xxh32Native extends AbstractHasher32 {
    private final int seed;

    /** Requires {@link XxhashBindings#isAvailable()}. */
    Xxh32Native(long seed) {
        super(HashAlgorithm.XXH32, seed);
        this.seed = (int) seed;
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hash(MemorySegment.ofArray(input).asSlice(offset, length));
    }

    @Override
    public int hash(MemorySegment input) {
        long size = input.byteSize();
        if (size > CRITICAL_CHUNK) {
            try (Arena arena = Arena.ofConfined()) {
                Stream stream = new Stream(seed, arena);
                stream.update(input);
                return stream.digest();
            }
        }
        try {
            return (int) handles().xxh32().invokeExact(input, size, seed);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public HashStream32 newStream() {
        return new Stream(seed, Arena.ofAuto());
    }

    /** An {@code XXH32_state_t} in memory from {@code arena}; freed with it. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final int seed;
        private final MemorySegment state;

        Stream(int seed, Arena arena) {
            this.seed = seed;
            this.state = arena.allocate(XxhashBindings.XXH32_STATE_SIZE, 8);
            reset();
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            update(MemorySegment.ofArray(input).asSlice(offset, length));
        }

        @Override
        public void update(MemorySegment input) {
            updateInChunks(handles().xxh32Update(), "XXH32_update", state, input);
        }

        @Override
        public int digest() {
            try {
                return (int) handles().xxh32Digest().invokeExact(state);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public void reset() {
            try {
                check((int) handles().xxh32Reset().invokeExact(state, seed), "XXH32_reset");
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
