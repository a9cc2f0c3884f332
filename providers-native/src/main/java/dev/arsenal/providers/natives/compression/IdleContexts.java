package dev.arsenal.providers.natives.compression;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few idle library contexts of one compressor or decompressor, kept between calls. Making a
 * libzstd context costs more than compressing 4 KiB with it (it allocates and initializes its
 * tables), so a call takes an idle one if there is one and gives it back when done; zstd-jni's own
 * advice is to reuse contexts, which are not thread-safe, one thread at a time. libdeflate's
 * compressors and decompressors are kept the same way ({@code native-gzip}).
 *
 * <p>Lock-free: {@link #take} empties a slot with {@code getAndSet(null)}, {@link #give} fills an
 * empty one with {@code compareAndSet(null, c)} (both volatile), so a context is only ever in one
 * slot or one caller's hands. More threads than slots make and close contexts of their own, which is
 * correct, only slower. A context whose call failed is closed, not given back. When the owner becomes
 * unreachable, the {@link Cleaner} closes what is idle; the pool must not reference the owner (its
 * factory captures only settings), or the owner would never become unreachable.
 */
final class IdleContexts<C> {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int SLOTS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final AtomicReferenceArray<C> idle = new AtomicReferenceArray<>(SLOTS);
    private final Supplier<C> factory;
    private final Consumer<C> closer;

    private IdleContexts(Supplier<C> factory, Consumer<C> closer) {
        this.factory = factory;
        this.closer = closer;
    }

    /**
     * A pool for {@code owner}, whose idle contexts are closed with {@code closer} once {@code owner}
     * is unreachable. {@code factory} and {@code closer} must not capture {@code owner}.
     */
    static <C> IdleContexts<C> of(Object owner, Supplier<C> factory, Consumer<C> closer) {
        IdleContexts<C> pool = new IdleContexts<>(factory, closer);
        CLEANER.register(owner, pool::closeIdle);
        return pool;
    }

    /** An idle context, or a new one. */
    C take() {
        for (int i = 0; i < SLOTS; i++) {
            C c = idle.getAndSet(i, null);
            if (c != null) {
                return c;
            }
        }
        return factory.get();
    }

    /**
     * Gives back a context after a call: kept if the call {@code succeeded} and a slot is free,
     * closed otherwise (after a failure its state is not worth trusting again). Call it in a {@code
     * finally}, so that no exception leaks a context's native memory.
     */
    void release(C context, boolean succeeded) {
        if (succeeded) {
            for (int i = 0; i < SLOTS; i++) {
                if (idle.compareAndSet(i, null, context)) {
                    return;
                }
            }
        }
        closer.accept(context);
    }

    private void closeIdle() {
        for (int i = 0; i < SLOTS; i++) {
            C c = idle.getAndSet(i, null);
            if (c != null) {
                closer.accept(c);
            }
        }
    }
}
