package dev.arsenal.providers.java.compression;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few idle match-finder tables of one kind (the LZ4 encoders' hash tables), kept between calls so
 * that a call allocates nothing: a call {@link #take takes} an idle table if there is one and {@link
 * #give gives} it back when done. Shared by every compressor of the JVM (a table holds no settings,
 * and the encoders clear what they use), so that short-lived compressors find tables too.
 *
 * <p>Lock-free: {@link #take} empties a slot with {@code getAndSet(null)}, {@link #give} fills an
 * empty one with {@code compareAndSet(null, t)} (both volatile), so a table is only ever in one slot
 * or in one caller's hands, and that caller's writes to it happen before the next taker's reads (the
 * volatile write of {@code give} and the volatile read of {@code take}). More callers than slots
 * make tables of their own and drop them, which is correct, only slower. No {@code ThreadLocal}: a
 * table per virtual thread would be a table per task. Each thread starts its search at a slot of its
 * own, so that two threads seldom contend for one slot.
 *
 * <p>The same idea as the native provider's {@code IdleContexts}, without its {@code Cleaner}: these
 * tables are plain heap arrays, which the collector frees.
 */
final class IdleTables<T> {
    /** Two per processor, at most 16: enough for every thread that compresses at once, mostly. */
    private static final int SLOTS = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());

    private final AtomicReferenceArray<T> idle = new AtomicReferenceArray<>(SLOTS);
    private final Supplier<T> factory;

    IdleTables(Supplier<T> factory) {
        this.factory = factory;
    }

    /** An idle table, or a new one. */
    T take() {
        int start = start();
        for (int i = 0; i < SLOTS; i++) {
            T t = idle.getAndSet((start + i) % SLOTS, null);
            if (t != null) {
                return t;
            }
        }
        return factory.get();
    }

    /**
     * Gives back a table after a call: kept if a slot is free, dropped otherwise. Call it once the
     * call no longer touches the table, also after an exception (the encoders clear a table before
     * they use it).
     */
    void give(T table) {
        int start = start();
        for (int i = 0; i < SLOTS; i++) {
            if (idle.compareAndSet((start + i) % SLOTS, null, table)) {
                return;
            }
        }
    }

    private static int start() {
        return (int) (Thread.currentThread().threadId() % SLOTS);
    }
}
