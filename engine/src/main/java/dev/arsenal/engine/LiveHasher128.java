package dev.arsenal.engine;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.Hasher128;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The hasher a {@link LiveRuntime} hands out: it calls whatever the latest selection chose, and
 * the runtime points it elsewhere when providers come or go. It routes by size itself, as a {@link
 * TieredHasher128} does (a single-provider choice has {@code small == large}), so that a call costs
 * what a tiered call costs: a comparison and one load of the chosen hasher from this object, with
 * no shared counter and no lock. The fields are volatile, so a new choice is seen by the next call
 * even in a loop the JIT compiled; a call that read the old hasher finishes on it.
 *
 * <p>The three fields are written one after the other, so a call racing with an update may pair
 * the new crossover with the old hasher: harmless, since every candidate computes the same
 * function (their self-tests passed).
 *
 * <p>A call that began on a provider whose bundle has just been refreshed away can meet a class the
 * old class loader can no longer load; it is then repeated once on the current choice. Streams are
 * the provider's own and stay with it.
 *
 * <p>It holds its runtime strongly ({@code owner}) and the runtime holds it weakly: a hasher kept
 * by the application keeps receiving new choices, and one it dropped costs nothing.
 */
final class LiveHasher128 implements Hasher128, LiveHasher {
    private final HashAlgorithm algorithm;
    private final long seed;
    /** Kept so that the runtime, which holds its hashers weakly, lives as long as they do. */
    private final LiveRuntime owner;

    private volatile Hasher128 small;
    private volatile Hasher128 large;
    private volatile int crossover;

    LiveHasher128(HashAlgorithm algorithm, long seed, LiveRuntime owner, SelectingRuntime selection) {
        this.algorithm = algorithm;
        this.seed = seed;
        this.owner = owner;
        retarget(selection);
    }

    @Override
    public void retarget(SelectingRuntime selection) {
        point(LiveRuntime.orUnavailable(Hasher128.class, algorithm, seed, () -> selection.hasher128(algorithm, seed)));
    }

    @Override
    public void close(String reason) {
        point(LiveRuntime.unavailable(Hasher128.class, algorithm, seed, reason));
    }

    private void point(Hasher128 chosen) {
        if (chosen instanceof TieredHasher128 tiered) {
            small = tiered.small();
            large = tiered.large();
            crossover = tiered.crossover();
        } else {
            small = chosen;
            large = chosen;
            crossover = 0;
        }
    }

    private Hasher128 forLength(long length) {
        return length < crossover ? small : large;
    }

    /** The current choice for {@code length}, if it is not {@code failed}; else {@code e}. */
    private Hasher128 retry(Hasher128 failed, long length, LinkageError e) {
        Hasher128 now = forLength(length);
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
        Hasher128 t = forLength(input.length);
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, input.length, e).hash(input);
        }
    }

    @Override
    public Hash128 hash(byte[] input, int offset, int length) {
        Hasher128 t = forLength(length);
        try {
            return t.hash(input, offset, length);
        } catch (LinkageError e) {
            return retry(t, length, e).hash(input, offset, length);
        }
    }

    @Override
    public Hash128 hash(ByteBuffer input) {
        int position = input.position();
        Hasher128 t = forLength(input.remaining());
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            input.position(position);
            return retry(t, input.remaining(), e).hash(input);
        }
    }

    @Override
    public Hash128 hash(MemorySegment input) {
        Hasher128 t = forLength(input.byteSize());
        try {
            return t.hash(input);
        } catch (LinkageError e) {
            return retry(t, input.byteSize(), e).hash(input);
        }
    }

    @Override
    public Hash128 hashLong(long value) {
        Hasher128 t = small;
        try {
            return t.hashLong(value);
        } catch (LinkageError e) {
            return retry(t, 0, e).hashLong(value);
        }
    }

    @Override
    public Hash128 hashInt(int value) {
        Hasher128 t = small;
        try {
            return t.hashInt(value);
        } catch (LinkageError e) {
            return retry(t, 0, e).hashInt(value);
        }
    }

    @Override
    public HashStream128 newStream() {
        Hasher128 t = large;
        try {
            return t.newStream();
        } catch (LinkageError e) {
            return retry(t, Long.MAX_VALUE, e).newStream();
        }
    }

    @Override
    public String toString() {
        Hasher128 s = small;
        Hasher128 l = large;
        return "live " + (s == l ? String.valueOf(l) : s + " below " + crossover + " bytes, else " + l);
    }
}
