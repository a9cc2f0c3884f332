package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference implementations, as an oracle for tests: the system's libxxhash (XXH32, XXH64,
 * {@code XXH3_64bits_withSeed}, {@code XXH3_128bits_withSeed}) and zlib ({@code crc32}) through
 * FFM, and a bitwise CRC-32C written here from the definition (reflected polynomial 0x82F63B78).
 *
 * <p>Loading never throws: a missing library is recorded, {@link #isAvailable(HashAlgorithm)} says
 * false and {@link #unavailabilityCause(HashAlgorithm)} says why, so that tests can skip with the
 * reason. The JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 *
 * <p>Calls are {@linkplain Linker.Option#critical(boolean) critical} with heap access: the C
 * functions are short, never call back, and may read a {@code byte[]} segment in place.
 */
public final class XxHashReference {
    /** {@code XXH128_hash_t}: {@code {uint64 low64; uint64 high64;}}. */
    private static final StructLayout HASH128 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("low64"), ValueLayout.JAVA_LONG.withName("high64"));

    private record XxHash(MethodHandle xxh32, MethodHandle xxh64, MethodHandle xxh3_64, MethodHandle xxh3_128) {}

    private static final XxHash XXHASH;
    private static final String XXHASH_CAUSE;
    private static final MethodHandle ZLIB_CRC32;
    private static final String ZLIB_CAUSE;

    static {
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(true);
        XxHash xxhash = null;
        String xxhashCause = null;
        try {
            SymbolLookup lib = load("libxxhash.so.0", "libxxhash.so", "libxxhash.dylib", "xxhash.dll");
            xxhash = new XxHash(
                    linker.downcallHandle(
                            lib.findOrThrow("XXH32"),
                            FunctionDescriptor.of(
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_INT),
                            critical),
                    linker.downcallHandle(
                            lib.findOrThrow("XXH64"),
                            FunctionDescriptor.of(
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_LONG),
                            critical),
                    linker.downcallHandle(
                            lib.findOrThrow("XXH3_64bits_withSeed"),
                            FunctionDescriptor.of(
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_LONG),
                            critical),
                    linker.downcallHandle(
                            lib.findOrThrow("XXH3_128bits_withSeed"),
                            FunctionDescriptor.of(
                                    HASH128, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                            critical));
        } catch (RuntimeException | LinkageError e) {
            xxhashCause = "libxxhash not usable: " + e;
        }
        MethodHandle crc32 = null;
        String zlibCause = null;
        try {
            SymbolLookup lib = load("libz.so.1", "libz.so", "libz.dylib", "zlib1.dll");
            // uLong crc32(uLong crc, const Bytef *buf, uInt len)
            crc32 = linker.downcallHandle(
                    lib.findOrThrow("crc32"),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    critical);
        } catch (RuntimeException | LinkageError e) {
            zlibCause = "zlib not usable: " + e;
        }
        XXHASH = xxhash;
        XXHASH_CAUSE = xxhashCause;
        ZLIB_CRC32 = crc32;
        ZLIB_CAUSE = zlibCause;
    }

    private XxHashReference() {}

    private static SymbolLookup load(String... names) {
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            try {
                return SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                failures.add(name);
            }
        }
        throw new IllegalArgumentException("none of " + failures + " could be loaded");
    }

    /** Whether the oracle for every algorithm is there. */
    public static boolean isAvailable() {
        return XXHASH != null && ZLIB_CRC32 != null;
    }

    /** Why some oracle is missing; empty if none is. */
    public static String unavailabilityCause() {
        List<String> causes = new ArrayList<>();
        if (XXHASH_CAUSE != null) {
            causes.add(XXHASH_CAUSE);
        }
        if (ZLIB_CAUSE != null) {
            causes.add(ZLIB_CAUSE);
        }
        return String.join("; ", causes);
    }

    /** Whether the oracle for one algorithm is there (CRC-32C always is). */
    public static boolean isAvailable(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> ZLIB_CRC32 != null;
            case CRC32C -> true;
            default -> XXHASH != null;
        };
    }

    /** Why the oracle for one algorithm is missing; empty if it is there. */
    public static String unavailabilityCause(HashAlgorithm algorithm) {
        return isAvailable(algorithm) ? "" : algorithm == HashAlgorithm.CRC32 ? ZLIB_CAUSE : XXHASH_CAUSE;
    }

    /**
     * The reference hash of the segment's bytes (heap or native), widened to a {@link Hash128}: a
     * 32-bit result as an unsigned value in {@code low}, a 64-bit one in {@code low}, {@code high}
     * 0.
     *
     * @throws IllegalStateException if the oracle for the algorithm is missing
     */
    public static Hash128 hash(HashAlgorithm algorithm, long seed, MemorySegment input) {
        return switch (algorithm) {
            case XXH32 -> new Hash128(0, Integer.toUnsignedLong(xxh32(input, (int) seed)));
            case XXH64 -> new Hash128(0, xxh64(input, seed));
            case XXH3_64 -> new Hash128(0, xxh3_64(input, seed));
            case XXH3_128 -> xxh3_128(input, seed);
            case CRC32 -> new Hash128(0, Integer.toUnsignedLong(crc32(input)));
            case CRC32C -> new Hash128(0, Integer.toUnsignedLong(crc32c(input)));
        };
    }

    /** {@code XXH32(input, size, seed)}. */
    public static int xxh32(MemorySegment input, int seed) {
        try {
            return (int) xxhash().xxh32().invokeExact(input, input.byteSize(), seed);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code XXH64(input, size, seed)}. */
    public static long xxh64(MemorySegment input, long seed) {
        try {
            return (long) xxhash().xxh64().invokeExact(input, input.byteSize(), seed);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code XXH3_64bits_withSeed(input, size, seed)}. */
    public static long xxh3_64(MemorySegment input, long seed) {
        try {
            return (long) xxhash().xxh3_64().invokeExact(input, input.byteSize(), seed);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code XXH3_128bits_withSeed(input, size, seed)}. */
    public static Hash128 xxh3_128(MemorySegment input, long seed) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = (MemorySegment)
                    xxhash().xxh3_128().invokeExact((SegmentAllocator) arena, input, input.byteSize(), seed);
            return new Hash128(result.get(ValueLayout.JAVA_LONG, 8), result.get(ValueLayout.JAVA_LONG, 0));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** zlib's {@code crc32}, fed in pieces that fit its 32-bit length. */
    public static int crc32(MemorySegment input) {
        if (ZLIB_CRC32 == null) {
            throw new IllegalStateException(ZLIB_CAUSE);
        }
        try {
            long crc = 0;
            long size = input.byteSize();
            long position = 0;
            do {
                int n = (int) Math.min(1 << 30, size - position);
                crc = (long) ZLIB_CRC32.invokeExact(crc, input.asSlice(position, n), n);
                position += n;
            } while (position < size);
            return (int) crc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** CRC-32C bit by bit, straight from the definition: reflected, initial and final value all ones. */
    public static int crc32c(MemorySegment input) {
        int crc = ~0;
        long size = input.byteSize();
        for (long i = 0; i < size; i++) {
            crc ^= input.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc >>> 1) ^ (0x82F63B78 & -(crc & 1));
            }
        }
        return ~crc;
    }

    private static XxHash xxhash() {
        if (XXHASH == null) {
            throw new IllegalStateException(XXHASH_CAUSE);
        }
        return XXHASH;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
