package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.SecretBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link SecretBuffer}s of every provider: the memory is a segment of a shared {@link Arena} of
 * its own, so that {@link SecretBuffer#close()} (or the Cleaner, for a buffer dropped unclosed)
 * zeroes it and then closes the arena, after which no thread can reach the memory (a thread
 * reading it at that moment gets an {@link IllegalStateException}, never freed memory); native
 * memory is given back by the segment's cleanup, which runs once the arena is closed.
 */
public final class SecretBuffers {
    private static final Cleaner CLEANER = Cleaner.create();

    private SecretBuffers() {}

    /** A buffer of the JDK's memory ({@link Arena#ofShared()}): zeroed on close, nothing more. */
    public static SecretBuffer ofArena(long byteSize) {
        Arena arena = Arena.ofShared();
        return of(arena, arena.allocate(byteSize, 16), Set.of());
    }

    /**
     * A buffer over {@code segment}, which belongs to {@code arena} (a shared arena of its own) and is
     * zeroed here. A native provider makes it with {@code address.reinterpret(size, arena, cleanup)},
     * whose cleanup unlocks and frees the memory once the arena is closed (the memory is zeroed by
     * then): {@code reinterpret} is a restricted method, called where native access is granted.
     */
    public static SecretBuffer of(Arena arena, MemorySegment segment, Set<SecretBuffer.Protection> protections) {
        segment.fill((byte) 0);
        return new Buffer(arena, segment, protections);
    }

    /** The one implementation. */
    private static final class Buffer implements SecretBuffer {
        private final State state;
        private final Set<Protection> protections;
        private final Cleaner.Cleanable cleanable;

        Buffer(Arena arena, MemorySegment segment, Set<Protection> protections) {
            this.state = new State(arena, segment);
            this.protections =
                    protections.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(protections));
            this.cleanable = CLEANER.register(this, state);
        }

        @Override
        public MemorySegment segment() {
            if (state.closed.get()) {
                throw new IllegalStateException("the secret buffer was closed");
            }
            return state.segment;
        }

        @Override
        public long byteSize() {
            return state.segment.byteSize();
        }

        @Override
        public Set<Protection> protections() {
            return protections;
        }

        @Override
        public boolean isOpen() {
            return !state.closed.get();
        }

        @Override
        public void close() {
            cleanable.clean();
        }

        @Override
        public String toString() {
            return "secret buffer of " + byteSize() + " bytes" + (protections.isEmpty() ? "" : ", " + protections)
                    + (isOpen() ? "" : " (closed)");
        }
    }

    /** What the Cleaner needs, without the buffer: zeroes the memory once, then closes the arena. */
    private record State(Arena arena, MemorySegment segment, AtomicBoolean closed) implements Runnable {
        State(Arena arena, MemorySegment segment) {
            this(arena, segment, new AtomicBoolean());
        }

        @Override
        public void run() {
            if (closed.compareAndSet(false, true)) {
                segment.fill((byte) 0);
                arena.close();
            }
        }
    }
}
