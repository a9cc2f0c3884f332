package dev.arsenal.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.Set;

/**
 * Off-heap memory that holds a secret (a key, a password, a shared secret) for as long as it is
 * open, and none of it after: {@link #close()} zeroes it and gives it back, and so does a Cleaner
 * if the buffer becomes unreachable unclosed. The API never copies it to the heap; what the caller
 * copies out is the caller's to clear. Thread-safe: the segment is shared, and closing it while
 * another thread reads it makes that read throw, never read freed memory.
 *
 * <p>What else protects it depends on the provider ({@link #protections()}): the JDK's (no native
 * code) only zeroes; the native ones lock it in RAM ({@code mlock}: never written to swap) and
 * keep it out of core dumps ({@code madvise(MADV_DONTDUMP)}), and libsodium's puts it between guard
 * pages. Locking is limited per process ({@code ulimit -l}, RLIMIT_MEMLOCK); past the limit the
 * memory is still given, unlocked, and {@link #protections()} says so: a limit is reported, never
 * fatal.
 *
 * <pre>{@code
 * try (SecretBuffer key = Crypto.secretBuffer(32)) {
 *     source.read(key.segment());                      // fill it without a heap copy
 *     ...
 * }                                                    // zeroed and freed here
 * }</pre>
 */
public interface SecretBuffer extends AutoCloseable {
    /** What protects a buffer's memory besides being zeroed. */
    enum Protection {
        /** Locked in RAM ({@code mlock}): never written to swap. */
        LOCKED,
        /** Left out of core dumps ({@code madvise(MADV_DONTDUMP)}). */
        EXCLUDED_FROM_CORE_DUMPS,
        /** Between pages that fault when touched, and after a canary checked when freed (libsodium). */
        GUARD_PAGES
    }

    /**
     * The memory, zeroed when the buffer was made; valid until {@link #close()}.
     *
     * @throws IllegalStateException if the buffer is closed
     */
    MemorySegment segment();

    /** The size in bytes. */
    long byteSize();

    /** What protects the memory besides zeroing; empty for the JDK's provider. */
    Set<Protection> protections();

    /** Whether {@link #close()} has not been called. */
    boolean isOpen();

    /** Zeroes the memory and gives it back; later calls do nothing. */
    @Override
    void close();

    /** Whether the two buffers hold the same bytes; see {@link #equal(MemorySegment, MemorySegment)}. */
    default boolean contentEquals(SecretBuffer other) {
        return equal(segment(), Objects.requireNonNull(other, "other").segment());
    }

    /**
     * Whether {@code a} and {@code b} hold the same bytes, compared in time that depends on their
     * length only (their lengths are not secret: of different lengths, false at once).
     */
    static boolean equal(MemorySegment a, MemorySegment b) {
        long n = a.byteSize();
        if (n != b.byteSize()) {
            return false;
        }
        long or = 0;
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            or |= a.get(ValueLayout.JAVA_LONG_UNALIGNED, i) ^ b.get(ValueLayout.JAVA_LONG_UNALIGNED, i);
        }
        for (; i < n; i++) {
            or |= a.get(ValueLayout.JAVA_BYTE, i) ^ b.get(ValueLayout.JAVA_BYTE, i);
        }
        return or == 0;
    }
}
