package dev.arsenal.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool of idle objects the providers keep between calls: reuse, closing on failure and overflow,
 * and after its owner; heap pools drop what they do not keep.
 */
class IdlePoolTest {
    /** A context that counts how often it was closed. */
    static final class Ctx {
        final AtomicInteger closed = new AtomicInteger();
    }

    @Test
    void aContextGivenBackAfterSuccessIsTakenAgainAndAFailedOneIsClosed() {
        AtomicInteger made = new AtomicInteger();
        IdlePool<Ctx> pool = IdlePool.closing(
                new Object(),
                () -> {
                    made.incrementAndGet();
                    return new Ctx();
                },
                c -> c.closed.incrementAndGet());
        Ctx first = pool.take();
        pool.give(first, true);
        assertSame(first, pool.take(), "reused, not made again");
        assertEquals(1, made.get());
        pool.give(first, false);
        assertEquals(1, first.closed.get(), "a context whose call failed is closed");
        assertNotSame(first, pool.take(), "and never handed out again");
    }

    @Test
    void moreContextsThanSlotsAreClosedNotKept() {
        IdlePool<Ctx> pool = IdlePool.closing(new Object(), Ctx::new, c -> c.closed.incrementAndGet());
        List<Ctx> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taken.add(pool.take());
        }
        taken.forEach(c -> pool.give(c, true));
        long closed = taken.stream().filter(c -> c.closed.get() == 1).count();
        int kept = IdlePool.PER_OWNER;
        assertEquals(10 - kept, closed, "all but the slots' worth closed at once");
        assertTrue(taken.stream().allMatch(c -> c.closed.get() <= 1), "none closed twice");
    }

    @Test
    void idleContextsAreClosedOnceTheOwnerIsUnreachable() throws InterruptedException {
        AtomicInteger closed = new AtomicInteger();
        Object owner = new Object();
        IdlePool<Ctx> pool = IdlePool.closing(owner, Ctx::new, c -> closed.incrementAndGet());
        pool.give(pool.take(), true);
        owner = null;
        // Bounded by a count of collections, generous for a busy machine; it ends at the first close.
        for (int i = 0; i < 3000 && closed.get() == 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, closed.get(), "the cleaner closed the idle context");
    }

    @Test
    void aHeapPoolKeepsWhatFitsAndDropsTheRest() {
        AtomicInteger made = new AtomicInteger();
        IdlePool<int[]> pool = IdlePool.of(2, () -> {
            made.incrementAndGet();
            return new int[16];
        });
        int[] a = pool.take();
        int[] b = pool.take();
        int[] c = pool.take();
        assertEquals(3, made.get());
        pool.give(a, true);
        pool.give(b, true);
        pool.give(c, true); // no slot left: dropped
        List<int[]> again = List.of(pool.take(), pool.take());
        assertTrue(again.contains(a) && again.contains(b), "the two kept ones come back");
        assertNotSame(c, pool.take());
        assertEquals(4, made.get(), "the dropped one was not kept");
    }

    @Test
    void threadsNeverShareAnObject() throws InterruptedException {
        IdlePool<AtomicInteger> pool = IdlePool.of(IdlePool.slots(2, 16), AtomicInteger::new);
        AtomicInteger clashes = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    AtomicInteger o = pool.take();
                    if (o.incrementAndGet() != 1) {
                        clashes.incrementAndGet(); // another thread holds it too
                    }
                    o.decrementAndGet();
                    pool.give(o, true);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, clashes.get(), "an object is in one caller's hands at a time");
    }
}
