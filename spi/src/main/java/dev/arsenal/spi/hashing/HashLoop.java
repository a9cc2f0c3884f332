package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import java.util.function.LongUnaryOperator;

/**
 * The timed loop of a calibration, for one hasher. The engine's calibrator defines a fresh copy of this
 * class per provider in a throwaway class loader, so each copy's call site sees a single hasher
 * class: the JIT inlines it (and removes a {@code Hash128} result's allocation) for every provider
 * alike, as JMH's per-benchmark forks would, instead of favoring whichever provider ran first at a
 * shared site.
 *
 * <p>It implements a JDK interface and takes only API types, so a copy defined outside this
 * (possibly named, non-exported) package can still be called.
 */
public final class HashLoop implements LongUnaryOperator {
    private final Object hasher;
    private final byte[] data;

    /**
     * A loop hashing {@code data} with {@code hasher} (a Hasher32, 64 or 128); {@code data} is 16
     * bytes longer than the largest size, since each call starts at another offset (0-15) so the
     * JIT cannot hoist an identical call out of the loop.
     */
    public HashLoop(Object hasher, byte[] data) {
        this.hasher = hasher;
        this.data = data;
    }

    /**
     * Hashes the first {@code size} bytes {@code calls} times.
     *
     * @param sizeAndCalls {@code size << 32 | calls}
     * @return a value depending on every hash, so the work cannot be dropped
     */
    @Override
    public long applyAsLong(long sizeAndCalls) {
        int size = (int) (sizeAndCalls >>> 32);
        int calls = (int) sizeAndCalls;
        long acc = 0;
        if (hasher instanceof Hasher64 h) {
            for (int i = 0; i < calls; i++) {
                acc += h.hash(data, i & 15, size);
            }
        } else if (hasher instanceof Hasher32 h) {
            for (int i = 0; i < calls; i++) {
                acc += h.hash(data, i & 15, size);
            }
        } else {
            Hasher128 h = (Hasher128) hasher;
            for (int i = 0; i < calls; i++) {
                acc += h.hash(data, i & 15, size).low();
            }
        }
        return acc;
    }
}
