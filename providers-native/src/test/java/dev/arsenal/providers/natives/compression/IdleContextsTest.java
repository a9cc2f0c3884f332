package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The idle-context pool of the zstd providers: reuse, closing on failure and overflow, and after its owner. */
class IdleContextsTest {
    /** A context that counts how often it was closed. */
    static final class Ctx {
        final AtomicInteger closed = new AtomicInteger();
    }

    @Test
    void aContextGivenBackAfterSuccessIsTakenAgainAndAFailedOneIsClosed() {
        AtomicInteger made = new AtomicInteger();
        IdleContexts<Ctx> pool = IdleContexts.of(
                new Object(),
                () -> {
                    made.incrementAndGet();
                    return new Ctx();
                },
                c -> c.closed.incrementAndGet());
        Ctx first = pool.take();
        pool.release(first, true);
        assertSame(first, pool.take(), "reused, not made again");
        assertEquals(1, made.get());
        pool.release(first, false);
        assertEquals(1, first.closed.get(), "a context whose call failed is closed");
        assertNotSame(first, pool.take(), "and never handed out again");
    }

    @Test
    void moreContextsThanSlotsAreClosedNotKept() {
        IdleContexts<Ctx> pool = IdleContexts.of(new Object(), Ctx::new, c -> c.closed.incrementAndGet());
        List<Ctx> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taken.add(pool.take());
        }
        taken.forEach(c -> pool.release(c, true));
        long closed = taken.stream().filter(c -> c.closed.get() == 1).count();
        int kept = Math.min(4, Runtime.getRuntime().availableProcessors());
        assertEquals(10 - kept, closed, "all but the slots' worth closed at once");
        assertTrue(taken.stream().allMatch(c -> c.closed.get() <= 1), "none closed twice");
    }

    @Test
    void idleContextsAreClosedOnceTheOwnerIsUnreachable() throws InterruptedException {
        AtomicInteger closed = new AtomicInteger();
        Object owner = new Object();
        IdleContexts<Ctx> pool = IdleContexts.of(owner, Ctx::new, c -> closed.incrementAndGet());
        pool.release(pool.take(), true);
        owner = null;
        // Bounded by a count of collections, generous for a busy machine; it ends at the first close.
        for (int i = 0; i < 3000 && closed.get() == 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, closed.get(), "the cleaner closed the idle context");
    }
}
