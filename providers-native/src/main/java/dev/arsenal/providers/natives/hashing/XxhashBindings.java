package dev.arsenal.providers.natives.hashing;

import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * The FFM bindings to the system's libxxhash (0.8.x): the library and one method handle per C
 * function, declared on {@link Handles} and bound by a {@link NativeBinder} once per class loader
 * in a holder, in the style of aircompressor's {@code Lz4Native}. Binding never throws: a failure is stored as an {@link Availability} with a one-line
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

    /**
     * libxxhash 0.8.x ({@code XXH_versionNumber()} from 800 to before 900), and its types: the
     * hashes, {@code XXH_errorcode} (an enum) and the 128-bit hash returned by value.
     */
    private static final NativeBinder BINDER = new NativeBinder(
                    LIBRARY,
                    NativeBinder.Version.number(
                            "XXH_versionNumber",
                            800,
                            900,
                            "0.8.x, whose stable XXH3 and state layouts this binding is written for"))
            .withType("XXH32_hash_t", "uint32_t")
            .withType("XXH64_hash_t", "uint64_t")
            .withType("XXH128_hash_t", HASH128)
            .withType("XXH_errorcode", "int");

    /**
     * The bound functions, every one critical. A record so that HotSpot trusts its fields as
     * constants: reached from the holder's {@code static final}, every handle folds into the call
     * site and the downcall stub is inlined.
     */
    record Handles(
            @Symbol(value = "XXH32_hash_t XXH32(const void* input, size_t length, XXH32_hash_t seed)", critical = true)
            MethodHandle xxh32,

            @Symbol(value = "XXH64_hash_t XXH64(const void* input, size_t length, XXH64_hash_t seed)", critical = true)
            MethodHandle xxh64,

            @Symbol(
                    value = "XXH64_hash_t XXH3_64bits_withSeed(const void* input, size_t length,"
                            + " XXH64_hash_t seed)",
                    critical = true)
            MethodHandle xxh3_64,

            @Symbol(
                    value = "XXH128_hash_t XXH3_128bits_withSeed(const void* data, size_t len, XXH64_hash_t seed)",
                    critical = true)
            MethodHandle xxh3_128,

            @Symbol(value = "XXH_errorcode XXH32_reset(XXH32_state_t* statePtr, XXH32_hash_t seed)", critical = true)
            MethodHandle xxh32Reset,

            @Symbol(
                    value = "XXH_errorcode XXH32_update(XXH32_state_t* statePtr, const void* input,"
                            + " size_t length)",
                    critical = true)
            MethodHandle xxh32Update,

            @Symbol(value = "XXH32_hash_t XXH32_digest(const XXH32_state_t* statePtr)", critical = true)
            MethodHandle xxh32Digest,

            @Symbol(value = "XXH_errorcode XXH64_reset(XXH64_state_t* statePtr, XXH64_hash_t seed)", critical = true)
            MethodHandle xxh64Reset,

            @Symbol(
                    value = "XXH_errorcode XXH64_update(XXH64_state_t* statePtr, const void* input,"
                            + " size_t length)",
                    critical = true)
            MethodHandle xxh64Update,

            @Symbol(value = "XXH64_hash_t XXH64_digest(const XXH64_state_t* statePtr)", critical = true)
            MethodHandle xxh64Digest,

            @Symbol(
                    value = "XXH_errorcode XXH3_64bits_reset_withSeed(XXH3_state_t* statePtr, XXH64_hash_t seed)",
                    critical = true)
            MethodHandle xxh3_64Reset,

            @Symbol(
                    value = "XXH_errorcode XXH3_64bits_update(XXH3_state_t* statePtr, const void* input,"
                            + " size_t length)",
                    critical = true)
            MethodHandle xxh3_64Update,

            @Symbol(value = "XXH64_hash_t XXH3_64bits_digest(const XXH3_state_t* statePtr)", critical = true)
            MethodHandle xxh3_64Digest,

            @Symbol(
                    value = "XXH_errorcode XXH3_128bits_reset_withSeed(XXH3_state_t* statePtr, XXH64_hash_t seed)",
                    critical = true)
            MethodHandle xxh3_128Reset,

            @Symbol(
                    value = "XXH_errorcode XXH3_128bits_update(XXH3_state_t* statePtr, const void* input,"
                            + " size_t length)",
                    critical = true)
            MethodHandle xxh3_128Update,

            @Symbol(value = "XXH128_hash_t XXH3_128bits_digest(const XXH3_state_t* statePtr)", critical = true)
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
        return BINDER.bind(opened, Handles.class);
    }

    /** The names to search on this OS. */
    static List<String> defaultNames() {
        return NativeLibrary.names("xxhash", "0");
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
