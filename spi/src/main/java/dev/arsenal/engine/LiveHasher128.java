package dev.arsenal.engine;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.Hasher128;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The hasher a {@link LiveRuntime} hands out: it calls whatever the latest selection chose, and
 * the runtime points it elsewhere when providers come or go. The cost per call is one volatile read
 * of {@code target} (a plain load on x86 and a load-acquire on ARM), with no shared counter and no
 * lock: a call that read the old target finishes on it, the next one goes to the new one.
 *
 * <p>A call that began on a provider whose bundle has just been refreshed away can meet a class the
 * old class loader can no longer load; it is then repeated once on the current target (the same
 * function, so the same result). Streams are the provider's own and stay with it.
 */
final class LiveHasher128 implements Hasher128, LiveHasher {
    private final HashAlgorithm algorithm;
    private final long seed;
    private volatile Hasher128 target;

    LiveHasher128(HashAlgorithm algorithm, long seed, Hasher128 target) {
        this.algorithm = algorithm;
        this.seed = seed;
        this.target = target;
    }

    @Override
    public void retarget(SelectingRuntime selection) {
        target =
                LiveRuntime.orUnavailable(Hasher128.class, algorithm, seed, () -> selection.hasher128(algorithm, seed));
    }

    private Hasher128 retry(Hasher128 failed, LinkageError e) {
        Hasher128 now = target;
        if (now == failed) {
            throw e;
        }
        return now;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Hash128 hash(byte[] input) {
        Hasher128 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public Hash128 hash(byte[] input, int offset, int length) {
        Hasher128 t = target;
        try {
            return t.hash(input, offset, length);
        } catch (LinkageError e) {
            return retry(t, e).hash(input, offset, length);
        }
    }

    @Override
    public Hash128 hash(ByteBuffer input) {
        Hasher128 t = target;
        int position = input.position();
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            input.position(position);
            return retry(t, e).hash(input);
        }
    }

    @Override
    public Hash128 hash(MemorySegment input) {
        Hasher128 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public Hash128 hashLong(long value) {
        Hasher128 t = target;
        try {
            return t.hashLong(value);
        } catch (LinkageError e) {
            return retry(t, e).hashLong(value);
        }
    }

    @Override
    public Hash128 hashInt(int value) {
        Hasher128 t = target;
        try {
            return t.hashInt(value);
        } catch (LinkageError e) {
            return retry(t, e).hashInt(value);
        }
    }

    @Override
    public HashStream128 newStream() {
        Hasher128 t = target;
        try {
            return t.newStream();
        } catch (LinkageError e) {
            return retry(t, e).newStream();
        }
    }

    @Override
    public String toString() {
        return "live " + target;
    }
}
