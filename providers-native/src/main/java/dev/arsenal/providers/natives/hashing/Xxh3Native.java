package dev.arsenal.providers.natives.hashing;

import static dev.arsenal.providers.natives.hashing.XxhashBindings.CRITICAL_CHUNK;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.check;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.handles;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.rethrow;
import static dev.arsenal.providers.natives.hashing.XxhashBindings.updateInChunks;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher128;
import dev.arsenal.spi.hashing.AbstractHasher64;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * XXH3 (64- and 128-bit) through libxxhash: {@code XXH3_64bits_withSeed} and {@code
 * XXH3_128bits_withSeed} for inputs up to {@link XxhashBindings#CRITICAL_CHUNK} bytes, one
 * critical downcall on the array or segment in place; larger inputs and streams go through the
 * {@code XXH3_state_t} API on a state allocated from Java (576 bytes, 64-byte aligned).
 *
 * <p>{@code XXH3_128bits_withSeed} returns its {@code XXH128_hash_t} by value. The linker writes it
 * into memory the caller's {@link SegmentAllocator} provides: the one-shot path hands it {@link
 * XxhashBindings#result128()}, a 16-byte native buffer per thread, reused by every call on that
 * thread; a stream has its own beside its state. No call allocates native memory or opens an arena.
 */
final class Xxh3Native {
    private Xxh3Native() {}

    /** XXH3 with 64-bit output. Requires {@link XxhashBindings#isAvailable()}. */
    static Hasher64 hasher64(long seed) {
        return new Hasher64Native(seed);
    }

    /** XXH3 with 128-bit output. Requires {@link XxhashBindings#isAvailable()}. */
    static Hasher128 hasher128(long seed) {
        return new Hasher128Native(seed);
    }

    /** {@code low64} and {@code high64} of an {@code XXH128_hash_t} in memory. */
    static Hash128 hash128(MemorySegment result) {
        return new Hash128(result.get(ValueLayout.JAVA_LONG, 8), result.get(ValueLayout.JAVA_LONG, 0));
    }

    private static final class Hasher64Native extends AbstractHasher64 {
        private final long seed;

        Hasher64Native(long seed) {
            super(HashAlgorithm.XXH3_64, seed);
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
                    Stream64 stream = new Stream64(seed, arena);
                    stream.update(input);
                    return stream.digest();
                }
            }
            try {
                return (long) handles().xxh3_64().invokeExact(input, size, seed);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public HashStream64 newStream() {
            return new Stream64(seed, Arena.ofAuto());
        }
    }

    private static final class Hasher128Native extends AbstractHasher128 {
        private final long seed;

        Hasher128Native(long seed) {
            super(HashAlgorithm.XXH3_128, seed);
            this.seed = seed;
        }

        @Override
        public Hash128 hash(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            return hash(MemorySegment.ofArray(input).asSlice(offset, length));
        }

        @Override
        public Hash128 hash(MemorySegment input) {
            long size = input.byteSize();
            if (size > CRITICAL_CHUNK) {
                try (Arena arena = Arena.ofConfined()) {
                    Stream128 stream = new Stream128(seed, arena);
                    stream.update(input);
                    return stream.digest();
                }
            }
            try {
                MemorySegment result =
                        (MemorySegment) handles().xxh3_128().invokeExact(XxhashBindings.result128(), input, size, seed);
                return hash128(result);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public HashStream128 newStream() {
            return new Stream128(seed, Arena.ofAuto());
        }
    }

    /** The {@code XXH3_state_t} both widths share, in memory from an arena; freed with it. */
    private abstract static class State extends AbstractHashStream {
        final long seed;
        final MemorySegment state;
        /** {@code extra} bytes after the state, for a subclass. */
        final MemorySegment extra;

        State(long seed, Arena arena, long extra) {
            this.seed = seed;
            MemorySegment memory =
                    arena.allocate(XxhashBindings.XXH3_STATE_SIZE + extra, XxhashBindings.XXH3_STATE_ALIGN);
            this.state = memory.asSlice(0, XxhashBindings.XXH3_STATE_SIZE);
            this.extra = memory.asSlice(XxhashBindings.XXH3_STATE_SIZE);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            update(MemorySegment.ofArray(input).asSlice(offset, length));
        }

        @Override
        public void update(MemorySegment input) {
            updateInChunks(updateHandle(), updateName(), state, input);
        }

        /** {@code XXH3_64bits_update} or {@code XXH3_128bits_update}. */
        abstract MethodHandle updateHandle();

        /** The update function's name, for errors. */
        abstract String updateName();
    }

    private static final class Stream64 extends State implements HashStream64 {
        Stream64(long seed, Arena arena) {
            super(seed, arena, 0);
            reset();
        }

        @Override
        MethodHandle updateHandle() {
            return handles().xxh3_64Update();
        }

        @Override
        String updateName() {
            return "XXH3_64bits_update";
        }

        @Override
        public long digest() {
            try {
                return (long) handles().xxh3_64Digest().invokeExact(state);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public void reset() {
            try {
                check((int) handles().xxh3_64Reset().invokeExact(state, seed), "XXH3_64bits_reset_withSeed");
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    private static final class Stream128 extends State implements HashStream128 {
        /** Where {@code XXH3_128bits_digest} returns its value: 16 bytes after the state. */
        private final SegmentAllocator result;

        Stream128(long seed, Arena arena) {
            super(seed, arena, XxhashBindings.HASH128.byteSize());
            this.result = XxhashBindings.reusing(extra);
            reset();
        }

        @Override
        MethodHandle updateHandle() {
            return handles().xxh3_128Update();
        }

        @Override
        String updateName() {
            return "XXH3_128bits_update";
        }

        @Override
        public Hash128 digest() {
            try {
                return hash128((MemorySegment) handles().xxh3_128Digest().invokeExact(result, state));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public void reset() {
            try {
                check((int) handles().xxh3_128Reset().invokeExact(state, seed), "XXH3_128bits_reset_withSeed");
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
