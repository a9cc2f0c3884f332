package dev.arsenal.benchmarks.hashing;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * What the hashing benchmarks share: the input, one Arsenal provider reached by forced
 * configuration (never by class name), and a check that an implementation computes the same function
 * as the reference before it is measured.
 *
 * <p>Everything here runs in {@code @Setup}; an exception thrown from it makes JMH report that one
 * benchmark as failed, with the message, and go on with the others. That is how an unavailable
 * provider or a wrong result shows up: never as a number measured for something else.
 */
final class Hashers {
    private Hashers() {}

    /** Off-heap input is aligned as a cache line, so no implementation gains or loses by where it starts. */
    static final long ALIGNMENT = 64;

    /** Lengths around every branch of XXH64 (32-byte stripes) and XXH3 (0, 1-3, 4-8, 9-16, 17-128, 129-240, longer; 1 KiB blocks). */
    private static final int[] PROBE_LENGTHS = {
        0, 1, 3, 4, 8, 9, 16, 17, 31, 32, 33, 128, 129, 240, 241, 1024, 1025, 16391
    };

    /** {@code size} random bytes, the same in every benchmark and fork. */
    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(42).nextBytes(bytes);
        return bytes;
    }

    /** A copy of {@code bytes} off the heap, {@link #ALIGNMENT}-aligned, living as long as {@code arena}. */
    static MemorySegment offHeapCopy(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(Math.max(1, bytes.length), ALIGNMENT);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, segment, 0, bytes.length);
        return segment.asSlice(0, bytes.length);
    }

    /** A copy of {@code bytes} in a direct buffer, {@link #ALIGNMENT}-aligned, position 0, limit its length. */
    static ByteBuffer directCopy(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length + 2 * (int) ALIGNMENT)
                .alignedSlice((int) ALIGNMENT)
                .slice(0, bytes.length);
        buffer.put(0, bytes);
        return buffer;
    }

    /**
     * The seed-0 hasher of one Arsenal provider, from a runtime built with the defaults and {@code
     * arsenal.provider.<algorithm>=<providerId>}: the provider's own hasher as the engine hands it
     * out, with no compile-time link to the provider's classes.
     *
     * @throws IllegalStateException naming the provider, with the runtime's reason, when the provider
     *     is absent, unavailable on this machine or failed its self-test
     */
    static Hasher64 forced(HashAlgorithm algorithm, String providerId) {
        try {
            return Arsenal.create(Configuration.defaults().withForcedProvider(algorithm, providerId))
                    .hasher64(algorithm, 0);
        } catch (ProviderUnavailableException e) {
            throw new IllegalStateException(
                    "not measured: provider '" + providerId + "' cannot serve " + algorithm.id() + " here: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * What the default runtime chose for {@code algorithm} and why, for the fork's output: the
     * numbers of {@code arsenalSelected} mean little without it.
     */
    static String describeSelection(HashAlgorithm algorithm) {
        return Arsenal.runtime()
                .report()
                .decision(algorithm.id())
                .map(d -> d.provider().orElse("no provider") + " (" + d.reason() + ")")
                .orElse("no decision recorded");
    }

    /**
     * Checks {@code name} against {@code reference} for every probe length, on a {@code byte[]} and,
     * unless {@code offHeap} is null, on an aligned off-heap segment.
     *
     * @throws IllegalStateException naming the implementation, the length, the input form and both
     *     values at the first disagreement
     */
    static void verify(
            String name,
            ToLongFunction<byte[]> reference,
            ToLongFunction<byte[]> heap,
            ToLongFunction<MemorySegment> offHeap) {
        SplittableRandom random = new SplittableRandom(7);
        try (Arena arena = Arena.ofConfined()) {
            for (int length : PROBE_LENGTHS) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                long expected = reference.applyAsLong(bytes);
                check(name, "byte[]", length, expected, heap.applyAsLong(bytes));
                if (offHeap != null) {
                    check(name, "off-heap", length, expected, offHeap.applyAsLong(offHeapCopy(arena, bytes)));
                }
            }
        }
    }

    private static void check(String name, String form, int length, long expected, long actual) {
        if (actual != expected) {
            throw new IllegalStateException(String.format(
                    "not measured: %s disagrees with the reference on %d bytes (%s): expected %016x, got %016x",
                    name, length, form, expected, actual));
        }
    }
}
