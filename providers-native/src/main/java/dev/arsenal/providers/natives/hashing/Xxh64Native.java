package dev.arsenal.providers.natives.hashing;

import static dev.arsenal.providers.natives.hashing.XxhashBindings.CRITICAL_CHUNK;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.check;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.handles;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.rethrow;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.updateInChunks;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher64;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * XXH64 through libxxhash: {@code XXH64()} for inputs up to {@link XxhashBindings#CRITICAL_CHUNK}
 * bytes, one critical downcall on the array or segment in place; larger inputs and streams go
 * through {@code XXH64_reset} / {@code XXH64_update} / {@code XXH64_digest} on an {@code
 * XXH64_state_t} allocated from Java.
 */
final class Xxh64Native extends AbstractHasher64 {
    private final long seed;

    /** Requires {@link XxhashBindings#isAvailable()}. */
    Xxh64Native(long seed) {
        super(HashAlgorithm.XXH64, seed);
        this.seed = seed;
    }

    @Override
    public long hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hash(MemorySegment.ofArray(input).asSlice(offset, length));
    }

    @Override
    public long hash(MemorySegment input) {
        long size = input.byteSize();
        if (size > CRITICAL_CHUNK) {
            try (Arena arena = Arena.ofConfined()) {
                Stream stream = new Stream(seed, arena);
                stream.update(input);
                return stream.digest();
            }
        }
        try {
            return (long) handles().xxh64().invokeExact(input, size, seed);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public HashStream64 newStream() {
        return new Stream(seed, Arena.ofAuto());
    }

    /** An {@code XXH64_state_t} in memory from {@code arena}; freed with it. */
    static final class Stream extends AbstractHashStream implements HashStream64 {
        private final long seed;
        private final MemorySegment state;

        Stream(long seed, Arena arena) {
            this.seed = seed;
            this.state = arena.allocate(XxhashBindings.XXH64_STATE_SIZE, 8);
            reset();
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            update(MemorySegment.ofArray(input).asSlice(offset, length));
        }

        @Override
        public void update(MemorySegment input) {
            updateInChunks(handles().xxh64Update(), "XXH64_update", state, input);
        }

        @Override
        public long digest() {
            try {
                return (long) handles().xxh64Digest().invokeExact(state);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public void reset() {
            try {
                check((int) handles().xxh64Reset().invokeExact(state, seed), "XXH64_reset");
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
