package dev.arsenal.engine;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher64;
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
final class LiveHasher64 implements Hasher64, LiveHasher {
    private final HashAlgorithm algorithm;
    private final long seed;
    private volatile Hasher64 target;

    LiveHasher64(HashAlgorithm algorithm, long seed, Hasher64 target) {
        this.algorithm = algorithm;
        this.seed = seed;
        this.target = target;
    }

    @Override
    public void retarget(SelectingRuntime selection) {
        target = LiveRuntime.orUnavailable(Hasher64.class, algorithm, seed, () -> selection.hasher64(algorithm, seed));
    }

    private Hasher64 retry(Hasher64 failed, LinkageError e) {
        Hasher64 now = target;
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
    public long hash(byte[] input) {
        Hasher64 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public long hash(byte[] input, int offset, int length) {
        Hasher64 t = target;
        try {
            return t.hash(input, offset, length);
        } catch (LinkageError e) {
            return retry(t, e).hash(input, offset, length);
        }
    }

    @Override
    public long hash(ByteBuffer input) {
        Hasher64 t = target;
        int position = input.position();
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            input.position(position);
            return retry(t, e).hash(input);
        }
    }

    @Override
    public long hash(MemorySegment input) {
        Hasher64 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public long hashLong(long value) {
        Hasher64 t = target;
        try {
            return t.hashLong(value);
        } catch (LinkageError e) {
            return retry(t, e).hashLong(value);
        }
    }

    @Override
    public long hashInt(int value) {
        Hasher64 t = target;
        try {
            return t.hashInt(value);
        } catch (LinkageError e) {
            return retry(t, e).hashInt(value);
        }
    }

    @Override
    public HashStream64 newStream() {
        Hasher64 t = target;
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
