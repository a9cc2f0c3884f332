package dev.arsenal.spi;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few idle objects of one kind kept between calls, so that a call does not pay for making one:
 * a library context (making a libzstd context costs more than compressing 4 KiB with it; zstd-jni's
 * advice is to reuse contexts, one thread at a time), an encoder's tables (a zstd level-3 context
 * holds 1.7 MiB), a decoder's buffers. A call {@link #take takes} an idle object if there is one and
 * {@link #give gives} it back when done. Every provider that keeps such objects uses this class, so
 * that there is one pool to trust.
 *
 * <p>Lock-free: {@link #take} empties a slot with {@code getAndSet(null)}, {@link #give} fills an
 * empty one with {@code compareAndSet(null, o)} (both volatile), so an object is only ever in one
 * slot or in one caller's hands, and what a caller wrote to it happens-before the next taker's use
 * (the volatile write of {@code give}, the volatile read of {@code take}). More callers at once than
 * slots make objects of their own and let them go ({@link #closing}: close them), which is correct,
 * only slower. Each thread starts its search at a slot of its own, so two threads seldom contend for
 * one slot. No {@code ThreadLocal}: with virtual threads that would be an object per task.
 *
 * <p>Objects that hold native memory come from {@link #closing}: one not kept is closed at once,
 * one whose call failed too (its state is not worth trusting), and the idle ones when the pool's
 * owner becomes unreachable (a {@link Cleaner}). Plain heap objects come from {@link #of} and are
 * left to the collector.
 */
public final class IdlePool<T> {
    /**
     * The slots of a pool that belongs to one compressor or decompressor: one per processor, at most
     * four (more threads than that rarely call one object at once).
     */
    public static final int PER_OWNER = slots(1, 4);

    /**
     * The slots of a pool shared by every user of a kind of object in the JVM (an encoder's tables,
     * which hold no settings): two per processor, at most 16.
     */
    public static final int SHARED = slots(2, 16);

    private final AtomicReferenceArray<T> idle;
    private final Supplier<? extends T> factory;
    private final Consumer<? super T> closer;

    private IdlePool(int slots, Supplier<? extends T> factory, Consumer<? super T> closer) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1: " + slots);
        }
        this.idle = new AtomicReferenceArray<>(slots);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.closer = closer;
    }

    /** A pool of {@code slots} heap objects made by {@code factory}; those not kept go to the collector. */
    public static <T> IdlePool<T> of(int slots, Supplier<? extends T> factory) {
        return new IdlePool<>(slots, factory, null);
    }

    /** {@link #closing(Object, int, Supplier, Consumer)} with {@link #PER_OWNER} slots. */
    public static <T> IdlePool<T> closing(Object owner, Supplier<? extends T> factory, Consumer<? super T> closer) {
        return closing(owner, PER_OWNER, factory, closer);
    }

    /**
     * A pool of {@code slots} objects that must be closed: {@code closer} closes those not kept, those
     * given back after a failure, and the idle ones once {@code owner} is unreachable. {@code factory}
     * and {@code closer} must not capture {@code owner}, or it would never become unreachable.
     */
    public static <T> IdlePool<T> closing(
            Object owner, int slots, Supplier<? extends T> factory, Consumer<? super T> closer) {
        IdlePool<T> pool = new IdlePool<>(slots, factory, Objects.requireNonNull(closer, "closer"));
        Cleaners.CLEANER.register(owner, pool::closeIdle);
        return pool;
    }

    /**
     * {@code perProcessor} slots per processor, at most {@code max}: enough for every thread that
     * calls at once, mostly.
     */
    public static int slots(int perProcessor, int max) {
        return Math.max(1, Math.min(max, perProcessor * Runtime.getRuntime().availableProcessors()));
    }

    /** An idle object, or a new one from the factory. */
    public T take() {
        int slots = idle.length();
        int start = start(slots);
        for (int i = 0; i < slots; i++) {
            T o = idle.getAndSet((start + i) % slots, null);
            if (o != null) {
                return o;
            }
        }
        return factory.get();
    }

    /**
     * Gives back an object after a call, once the call no longer touches it (in a {@code finally}, so
     * that no exception leaks one): kept if {@code reusable} and a slot is free; otherwise closed
     * (a {@link #closing} pool) or dropped. Pass false when the call failed and the object's state
     * cannot be trusted; an object its user resets before each use may be given back after a
     * failure too.
     */
    public void give(T object, boolean reusable) {
        if (reusable) {
            int slots = idle.length();
            int start = start(slots);
            for (int i = 0; i < slots; i++) {
                if (idle.compareAndSet((start + i) % slots, null, object)) {
                    return;
                }
            }
        }
        if (closer != null) {
            closer.accept(object);
        }
    }

    private void closeIdle() {
        for (int i = 0; i < idle.length(); i++) {
            T o = idle.getAndSet(i, null);
            if (o != null) {
                closer.accept(o);
            }
        }
    }

    private static int start(int slots) {
        return (int) (Thread.currentThread().threadId() % slots);
    }

    /** The cleaner's thread starts only when a pool of closable objects is first made. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
