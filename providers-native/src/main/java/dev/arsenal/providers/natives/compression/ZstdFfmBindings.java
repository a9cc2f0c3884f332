package dev.arsenal.providers.natives.compression;

import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The FFM bindings to the system's libzstd (1.4.0 or later, for {@code ZSTD_compress2} and the
 * advanced parameters): one method handle per function, bound once per class loader. Binding never
 * throws; a failure is an {@link Availability} with its cause. The library is the file named by
 * {@value #PATH_PROPERTY}, else {@code libzstd.so.1}, {@code libzstd.so} ({@code libzstd.dylib},
 * {@code libzstd.1.dylib} on macOS).
 *
 * <p>Calls on heap arrays are {@linkplain Linker.Option#critical(boolean) critical}: the array is
 * passed in place, and the call holds off safepoints while it runs, so callers pass at most {@link
 * NativeChunks#CRITICAL_INPUT} bytes that way and stream larger inputs through native buffers.
 */
@SuppressWarnings("restricted") // binding functions is this class's job
final class ZstdFfmBindings {
    /** The system property naming the library file to load instead of searching: {@value}. */
    static final String PATH_PROPERTY = "arsenal.native.zstd.path";

    /** {@code ZSTD_inBuffer} and {@code ZSTD_outBuffer}: {@code {void* ptr; size_t size; size_t pos;}}. */
    static final StructLayout BUFFER = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("ptr"),
            ValueLayout.JAVA_LONG.withName("size"),
            ValueLayout.JAVA_LONG.withName("pos"));

    static final VarHandle BUFFER_SIZE = BUFFER.varHandle(MemoryLayout.PathElement.groupElement("size"));
    static final VarHandle BUFFER_POS = BUFFER.varHandle(MemoryLayout.PathElement.groupElement("pos"));

    /** {@code ZSTD_c_compressionLevel}, {@code ZSTD_c_contentSizeFlag}, {@code ZSTD_c_checksumFlag}. */
    static final int C_LEVEL = 100;

    static final int C_CONTENT_SIZE = 200;
    /** {@code ZSTD_c_windowLog}. */
    static final int C_WINDOW_LOG = 101;

    /**
     * The window of levels 20 to 22: 8 MiB ({@code 2^23}) instead of up to 128 MiB, so that every
     * Arsenal decoder, the pure-Java one included, reads what this writes (as zstd-jni's provider
     * does).
     */
    static final int ULTRA_WINDOW_LOG = 23;

    static final int C_CHECKSUM = 201;

    /** {@code ZSTD_e_continue}, {@code ZSTD_e_flush}, {@code ZSTD_e_end}. */
    static final int E_CONTINUE = 0;

    static final int E_FLUSH = 1;

    static final int E_END = 2;

    /** {@code ZSTD_CONTENTSIZE_ERROR}: (0ULL - 2). */
    static final long CONTENTSIZE_ERROR = -2L;

    /**
     * The bound functions; a record, so that its fields fold to constants from the holder. {@code
     * dictionaries} are bound apart ({@link ZstdFfmDictionaries#bind}): a libzstd without them
     * loses dictionaries and training, not the provider.
     */
    record Handles(
            MethodHandle compressBound,
            MethodHandle isError,
            MethodHandle getErrorName,
            MethodHandle createCCtx,
            MethodHandle freeCCtx,
            MethodHandle setParameter,
            MethodHandle compress2,
            MethodHandle compressStream2,
            MethodHandle createDCtx,
            MethodHandle freeDCtx,
            MethodHandle decompressDCtx,
            MethodHandle decompressStream,
            MethodHandle decompressBound,
            MethodHandle compress2Heap,
            MethodHandle decompressDCtxHeap,
            MethodHandle setPledgedSrcSize,
            ZstdFfmDictionaries.Handles dictionaries) {}

    private static final class Holder {
        static final NativeBinding<Handles> BINDING = bind(System.getProperty(PATH_PROPERTY));
    }

    private ZstdFfmBindings() {}

    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    static Handles handles() {
        return Holder.BINDING.require("libzstd");
    }

    static NativeBinding<Handles> bind(String path) {
        return NativeBinding.bind(
                "libzstd", PATH_PROPERTY, path, NativeLibrary.names("zstd", "1"), ZstdFfmBindings::bindSymbols);
    }

    private static NativeBinding<Handles> bindSymbols(NativeLibrary.Loaded l) {
        return NativeBinding.versioned(
                l,
                "libzstd",
                10400,
                List.of(
                        "ZSTD_versionNumber",
                        // The level range (-7 to 22) is Codec.ZSTD's; these two are required, never called.
                        "ZSTD_minCLevel",
                        "ZSTD_maxCLevel",
                        "ZSTD_compressBound",
                        "ZSTD_isError",
                        "ZSTD_getErrorName",
                        "ZSTD_createCCtx",
                        "ZSTD_freeCCtx",
                        "ZSTD_CCtx_setParameter",
                        "ZSTD_compress2",
                        "ZSTD_compressStream2",
                        "ZSTD_createDCtx",
                        "ZSTD_freeDCtx",
                        "ZSTD_decompressDCtx",
                        "ZSTD_decompressStream",
                        "ZSTD_decompressBound",
                        "ZSTD_CCtx_setPledgedSrcSize"),
                s -> handles(s, l.lookup()));
    }

    /**
     * The handles of the symbols {@link #bindSymbols} found, in its order, and the dictionary
     * functions found in {@code lookup} (what is missing there disables only dictionaries).
     */
    private static Handles handles(MemorySegment[] s, SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG; // size_t on LP64
        ValueLayout.OfInt cint = ValueLayout.JAVA_INT;
        ValueLayout ptr = ValueLayout.ADDRESS;
        Linker.Option critical = Linker.Option.critical(true);
        FunctionDescriptor fourArgs = FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr, sizeT);
        return new Handles(
                linker.downcallHandle(s[3], FunctionDescriptor.of(sizeT, sizeT)),
                linker.downcallHandle(s[4], FunctionDescriptor.of(cint, sizeT)),
                linker.downcallHandle(s[5], FunctionDescriptor.of(ptr, sizeT)),
                linker.downcallHandle(s[6], FunctionDescriptor.of(ptr)),
                linker.downcallHandle(s[7], FunctionDescriptor.of(sizeT, ptr)),
                linker.downcallHandle(s[8], FunctionDescriptor.of(sizeT, ptr, cint, cint)),
                linker.downcallHandle(s[9], fourArgs),
                linker.downcallHandle(s[10], FunctionDescriptor.of(sizeT, ptr, ptr, ptr, cint)),
                linker.downcallHandle(s[11], FunctionDescriptor.of(ptr)),
                linker.downcallHandle(s[12], FunctionDescriptor.of(sizeT, ptr)),
                linker.downcallHandle(s[13], fourArgs),
                linker.downcallHandle(s[14], FunctionDescriptor.of(sizeT, ptr, ptr, ptr)),
                linker.downcallHandle(s[15], FunctionDescriptor.of(sizeT, ptr, sizeT), critical),
                linker.downcallHandle(s[9], fourArgs, critical),
                linker.downcallHandle(s[13], fourArgs, critical),
                linker.downcallHandle(s[16], FunctionDescriptor.of(sizeT, ptr, ValueLayout.JAVA_LONG)),
                ZstdFfmDictionaries.bind(lookup));
    }

    /** Whether a {@code size_t} result is an error code. */
    static boolean isError(Handles h, long code) {
        try {
            return (int) h.isError().invokeExact(code) != 0;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** {@code ZSTD_getErrorName(code)}. */
    static String errorName(Handles h, long code) {
        try {
            MemorySegment name = (MemorySegment) h.getErrorName().invokeExact(code);
            return name.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Allocates a {@code ZSTD_inBuffer}/{@code ZSTD_outBuffer} over {@code data} in {@code arena}. */
    static MemorySegment buffer(Arena arena, MemorySegment data, long size) {
        MemorySegment b = arena.allocate(BUFFER);
        b.set(ValueLayout.ADDRESS, 0, data);
        BUFFER_SIZE.set(b, 0L, size);
        BUFFER_POS.set(b, 0L, 0L);
        return b;
    }

    static long pos(MemorySegment buffer) {
        return (long) BUFFER_POS.get(buffer, 0L);
    }

    static void resetBuffer(MemorySegment buffer, long size) {
        BUFFER_SIZE.set(buffer, 0L, size);
        BUFFER_POS.set(buffer, 0L, 0L);
    }
}
