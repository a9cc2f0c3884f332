package dev.arsenal.providers.natives.hashing;

import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.Availability;
import java.lang.foreign.AddressLayout;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FFM bindings to the system's libxxhash (0.8.x): the library and one method handle per C
 * function, bound once per class loader in a holder, in the style of aircompressor's {@code
 * Lz4Native}. Binding never throws: a failure is stored as an {@link Availability} with a one-line
 * cause ({@link #isAvailable()}, {@link #unavailabilityCause()}), and only a caller that asks for
 * the {@link #handles()} of an unavailable library gets an exception.
 *
 * <p>Where the library comes from: the file named by the system property {@value #PATH_PROPERTY}
 * if it is set (and nothing else then), otherwise the loader's search for {@code libxxhash.so.0},
 * then {@code libxxhash.so} (on macOS {@code libxxhash.dylib}, then {@code libxxhash.0.dylib}; a
 * Homebrew library outside the loader's default directories needs the property or {@code
 * DYLD_LIBRARY_PATH}).
 *
 * <p>Every hashing handle is {@linkplain Linker.Option#critical(boolean) critical with heap
 * access}: the functions never call back into Java, so a {@code byte[]} segment is passed in place,
 * with no copy and no arena. A critical call holds off safepoints (and so the GC) while it runs;
 * callers keep each call to at most {@link #CRITICAL_CHUNK} bytes and stream larger inputs. The
 * handles call global-scope addresses of the symbols, so a call acquires no arena session.
 *
 * <p>The streaming states are allocated from Java, so their sizes are the C structs of xxHash 0.8
 * ({@code xxhash.h}, {@code XXH_STATIC_LINKING_ONLY}), checked against the library's {@code
 * XXH_versionNumber()} when binding (0.8.x only). On x86-64 and aarch64 (LP64):
 *
 * <pre>
 * XXH32_state_t, 48 bytes, align 4      XXH64_state_t, 88 bytes, align 8
 *   0  total_len_32  u32                   0  total_len  u64
 *   4  large_len     u32                   8  v[4]       u64 x 4
 *   8  v[4]          u32 x 4              40  mem64[4]   u64 x 4
 *  24  mem32[4]      u32 x 4              72  memsize    u32
 *  40  memsize       u32                  76  reserved32 u32
 *  44  reserved      u32                  80  reserved64 u64
 *
 * XXH3_state_t, 576 bytes, align 64 (the 64-bit and 128-bit streams share it)
 *   0  acc[8]            u64 x 8     (aligned 64)
 *  64  customSecret[192] bytes       (aligned 64; derived from the seed by reset_withSeed)
 * 256  buffer[256]       bytes       (aligned 64)
 * 512  bufferedSize u32, useSeed u32, nbStripesSoFar, totalLen, nbStripesPerBlock, secretLimit,
 *      seed, reserved64  (64-bit each from 520), extSecret pointer at 568
 * </pre>
 *
 * {@code XXH3_*_reset_withSeed} reads {@code seed} and {@code extSecret} before it writes them, so
 * the state must start zeroed: {@link Arena#allocate} guarantees that.
 */
@SuppressWarnings("restricted") // loading libraries and binding functions is this class's job
final class XxhashBindings {
    private static final String LIBRARY = "libxxhash";

    /** The system property naming the library file to load instead of searching: {@value}. */
    static final String PATH_PROPERTY = "arsenal.native.xxhash.path";

    /**
     * The most bytes passed to one critical call: 256 KiB, some 10-40 µs of hashing, so that a
     * safepoint (a GC) never waits longer for a hashing thread. Larger inputs are streamed.
     */
    static final int CRITICAL_CHUNK = 256 * 1024;

    /** {@code sizeof(XXH32_state_t)}. */
    static final long XXH32_STATE_SIZE = 48;
    /** {@code sizeof(XXH64_state_t)}. */
    static final long XXH64_STATE_SIZE = 88;
    /** {@code sizeof(XXH3_state_t)}. */
    static final long XXH3_STATE_SIZE = 576;
    /** {@code alignof(XXH3_state_t)}; 8 is enough for the other two. */
    static final long XXH3_STATE_ALIGN = 64;

    /** {@code XXH128_hash_t}: {@code {uint64 low64; uint64 high64;}}. */
    static final StructLayout HASH128 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("low64"), ValueLayout.JAVA_LONG.withName("high64"));

    /** {@code XXH_OK}; every {@code XXH_errorcode} other than this is {@code XXH_ERROR}. */
    static final int XXH_OK = 0;

    /** The oldest and the first unsupported {@code XXH_versionNumber()}: 0.8.0 and 0.9.0. */
    private static final int MIN_VERSION = 800;

    private static final int MAX_VERSION_EXCLUSIVE = 900;

    /**
     * The bound functions. A record so that HotSpot trusts its fields as constants: reached from
     * the holder's {@code static final}, every handle folds into the call site and the downcall
     * stub is inlined.
     */
    record Handles(
            MethodHandle xxh32,
            MethodHandle xxh64,
            MethodHandle xxh3_64,
            MethodHandle xxh3_128,
            MethodHandle xxh32Reset,
            MethodHandle xxh32Update,
            MethodHandle xxh32Digest,
            MethodHandle xxh64Reset,
            MethodHandle xxh64Update,
            MethodHandle xxh64Digest,
            MethodHandle xxh3_64Reset,
            MethodHandle xxh3_64Update,
            MethodHandle xxh3_64Digest,
            MethodHandle xxh3_128Reset,
            MethodHandle xxh3_128Update,
            MethodHandle xxh3_128Digest) {}

    /** Bound on first use, once per class loader. */
    private static final class Holder {
        static final NativeBinding<Handles> BINDING = bindConfigured(System.getProperty(PATH_PROPERTY));
    }

    /**
     * A per-thread 16-byte native buffer for the {@code XXH128_hash_t} that {@code
     * XXH3_128bits_withSeed} returns by value: no arena per call. Each thread
     * that hashes XXH3-128 in one shot (virtual threads included) gets one on its first call, from
     * {@link Arena#ofAuto()}, freed by the GC after the thread.
     *
     * <p>The per-thread value is a JDK allocator, not one of this bundle's classes (a lambda here
     * would be): a thread's value must not reach this class loader, or an uninstalled bundle could
     * never be collected while the thread lives.
     */
    private static final ThreadLocal<SegmentAllocator> RESULT128 =
            ThreadLocal.withInitial(() -> reusing(Arena.ofAuto().allocate(HASH128)));

    private XxhashBindings() {}

    /** The process-wide binding (per class loader), made on first use. */
    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    /** Whether the process-wide binding succeeded. */
    static boolean isAvailable() {
        return Holder.BINDING.handles() != null;
    }

    /** Why the process-wide binding failed; empty if it did not. */
    static String unavailabilityCause() {
        return Holder.BINDING.availability().cause();
    }

    /**
     * The process-wide handles.
     *
     * @throws IllegalStateException with the cause if libxxhash could not be bound
     */
    static Handles handles() {
        return Holder.BINDING.require(LIBRARY);
    }

    /**
     * An allocator that hands out {@code buffer} again and again, for return values of its size
     * (the linker asks for exactly the returned struct's layout): the JDK's {@link
     * SegmentAllocator#prefixAllocator}, whose per-call slice escape analysis removes once the call
     * is compiled. A JDK class on purpose: a lambda of this bundle kept in a thread-local would keep
     * the bundle's class loader alive after it is uninstalled.
     */
    static SegmentAllocator reusing(MemorySegment buffer) {
        return SegmentAllocator.prefixAllocator(buffer);
    }

    /** A reusable allocator for one {@link #HASH128} return value, owned by the calling thread. */
    static SegmentAllocator result128() {
        return RESULT128.get();
    }

    /**
     * Binds as the system property says: {@code path} (the property's value) if not null or
     * blank, else the platform's library names. Not cached.
     */
    static NativeBinding<Handles> bindConfigured(String path) {
        return bind(NativeLibrary.openConfigured(LIBRARY, PATH_PROPERTY, path, defaultNames()));
    }

    /** Binds the library file at {@code path}. Not cached; never throws. */
    static NativeBinding<Handles> bind(Path path) {
        return bind(NativeLibrary.open(LIBRARY, path, ""));
    }

    /**
     * Binds the first of {@code names} the system loader finds ({@code dlopen} search: {@code
     * LD_LIBRARY_PATH}, the ld.so cache, the default directories). Not cached; never throws.
     */
    static NativeBinding<Handles> bindNames(List<String> names) {
        return bind(NativeLibrary.openFirst(LIBRARY, names));
    }

    private static NativeBinding<Handles> bind(NativeLibrary.Result opened) {
        return NativeBinding.bind(LIBRARY, opened, l -> bindSymbols(l.lookup(), l.arena(), l.library()));
    }

    /** The names to search on this OS. */
    static List<String> defaultNames() {
        return NativeLibrary.names("xxhash", "0");
    }

    /**
     * Looks up every symbol before creating any handle, then checks the version: a library that is
     * not libxxhash (or too old) is reported by the first symbol it lacks and never called. The
     * library is unloaded ({@code arena} closed) unless the binding succeeds; if this throws, by
     * {@link NativeBinding#bind}.
     */
    private static NativeBinding<Handles> bindSymbols(SymbolLookup lookup, Arena arena, String library) {
        String[] names = {
            "XXH_versionNumber",
            "XXH32",
            "XXH64",
            "XXH3_64bits_withSeed",
            "XXH3_128bits_withSeed",
            "XXH32_reset",
            "XXH32_update",
            "XXH32_digest",
            "XXH64_reset",
            "XXH64_update",
            "XXH64_digest",
            "XXH3_64bits_reset_withSeed",
            "XXH3_64bits_update",
            "XXH3_64bits_digest",
            "XXH3_128bits_reset_withSeed",
            "XXH3_128bits_update",
            "XXH3_128bits_digest"
        };
        MemorySegment[] symbols = new MemorySegment[names.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Optional<MemorySegment> symbol = lookup.find(names[i]);
            if (symbol.isPresent()) {
                symbols[i] = symbol.get();
            } else {
                missing.add(names[i]);
            }
        }
        if (!missing.isEmpty()) {
            arena.close();
            return NativeBinding.unavailable(
                    "libxxhash at " + library + " lacks the symbol " + missing.getFirst()
                            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
                            + ": not libxxhash, or older than 0.8.0",
                    null);
        }
        Linker linker = Linker.nativeLinker();
        int version;
        try {
            MethodHandle versionNumber = linker.downcallHandle(symbols[0], FunctionDescriptor.of(ValueLayout.JAVA_INT));
            version = (int) versionNumber.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        String versionText = (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
        if (version < MIN_VERSION || version >= MAX_VERSION_EXCLUSIVE) {
            arena.close();
            return NativeBinding.unavailable(
                    "libxxhash " + versionText + " at " + library + " is not 0.8.x, whose stable XXH3 and"
                            + " state layouts this binding is written for",
                    null);
        }
        // Call the functions through global-scope addresses: a symbol from the shared arena would
        // make every call acquire and release that arena's session, an atomic pair that costs
        // more than the rest of a short call. Safe because the arena is never closed once bound.
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = MemorySegment.ofAddress(symbols[i].address());
        }
        Linker.Option critical = Linker.Option.critical(true);
        ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG; // size_t on LP64 (Linux, macOS)
        AddressLayout ptr = ValueLayout.ADDRESS;
        ValueLayout.OfInt u32 = ValueLayout.JAVA_INT;
        ValueLayout.OfLong u64 = ValueLayout.JAVA_LONG;
        ValueLayout.OfInt errorCode = ValueLayout.JAVA_INT;
        FunctionDescriptor oneShot64 = FunctionDescriptor.of(u64, ptr, sizeT, u64);
        FunctionDescriptor reset64 = FunctionDescriptor.of(errorCode, ptr, u64);
        FunctionDescriptor update = FunctionDescriptor.of(errorCode, ptr, ptr, sizeT);
        FunctionDescriptor digest64 = FunctionDescriptor.of(u64, ptr);
        Handles handles = new Handles(
                linker.downcallHandle(symbols[1], FunctionDescriptor.of(u32, ptr, sizeT, u32), critical),
                linker.downcallHandle(symbols[2], oneShot64, critical),
                linker.downcallHandle(symbols[3], oneShot64, critical),
                linker.downcallHandle(symbols[4], FunctionDescriptor.of(HASH128, ptr, sizeT, u64), critical),
                linker.downcallHandle(symbols[5], FunctionDescriptor.of(errorCode, ptr, u32), critical),
                linker.downcallHandle(symbols[6], update, critical),
                linker.downcallHandle(symbols[7], FunctionDescriptor.of(u32, ptr), critical),
                linker.downcallHandle(symbols[8], reset64, critical),
                linker.downcallHandle(symbols[9], update, critical),
                linker.downcallHandle(symbols[10], digest64, critical),
                linker.downcallHandle(symbols[11], reset64, critical),
                linker.downcallHandle(symbols[12], update, critical),
                linker.downcallHandle(symbols[13], digest64, critical),
                linker.downcallHandle(symbols[14], reset64, critical),
                linker.downcallHandle(symbols[15], update, critical),
                linker.downcallHandle(symbols[16], FunctionDescriptor.of(HASH128, ptr), critical));
        // The arena stays open: the library is never unloaded while the handles may be used.
        return NativeBinding.available(handles, "libxxhash " + versionText + " (" + library + ")");
    }

    /**
     * Throws if a state function returned {@code XXH_ERROR}; it does only for a null state or a
     * null input with a non-zero length, which these bindings never pass.
     */
    static void check(int errorCode, String function) {
        if (errorCode != XXH_OK) {
            throw new IllegalStateException(function + " returned XXH_ERROR (" + errorCode + ")");
        }
    }

    /**
     * Feeds {@code input} to a libxxhash {@code *_update} function ({@code XXH_errorcode f(state*,
     * const void*, size_t)}: the four share that signature) in critical calls of at most {@link
     * #CRITICAL_CHUNK} bytes, so a safepoint never waits behind one huge call.
     */
    static void updateInChunks(MethodHandle update, String function, MemorySegment state, MemorySegment input) {
        long size = input.byteSize();
        try {
            for (long position = 0; position < size; position += CRITICAL_CHUNK) {
                long n = Math.min(CRITICAL_CHUNK, size - position);
                check((int) update.invokeExact(state, input.asSlice(position, n), n), function);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Rethrows what {@code invokeExact} threw: unchecked as is, anything else wrapped. */
    static RuntimeException rethrow(Throwable t) {
        return NativeLibrary.rethrow(t);
    }
}
