package dev.arsenal.engine;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher32;
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
final class LiveHasher32 implements Hasher32, LiveHasher {
    private final HashAlgorithm algorithm;
    private final long seed;
    private volatile Hasher32 target;

    LiveHasher32(HashAlgorithm algorithm, long seed, Hasher32 target) {
        this.algorithm = algorithm;
        this.seed = seed;
        this.target = target;
    }

    @Override
    public void retarget(SelectingRuntime selection) {
        target = LiveRuntime.orUnavailable(Hasher32.class, algorithm, seed, () -> selection.hasher32(algorithm, seed));
    }

    private Hasher32 retry(Hasher32 failed, LinkageError e) {
        Hasher32 now = target;
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
    public int hash(byte[] input) {
        Hasher32 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        Hasher32 t = target;
        try {
            return t.hash(input, offset, length);
        } catch (LinkageError e) {
            return retry(t, e).hash(input, offset, length);
        }
    }

    @Override
    public int hash(ByteBuffer input) {
        Hasher32 t = target;
        int position = input.position();
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            input.position(position);
            return retry(t, e).hash(input);
        }
    }

    @Override
    public int hash(MemorySegment input) {
        Hasher32 t = target;
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, e).hash(input);
        }
    }

    @Override
    public int hashLong(long value) {
        Hasher32 t = target;
        try {
            return t.hashLong(value);
        } catch (LinkageError e) {
            return retry(t, e).hashLong(value);
        }
    }

    @Override
    public int hashInt(int value) {
        Hasher32 t = target;
        try {
            return t.hashInt(value);
        } catch (LinkageError e) {
            return retry(t, e).hashInt(value);
        }
    }

    @Override
    public HashStream32 newStream() {
        Hasher32 t = target;
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
