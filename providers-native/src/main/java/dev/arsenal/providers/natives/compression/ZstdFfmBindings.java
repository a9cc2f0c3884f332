package dev.arsenal.providers.natives.compression;

import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

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
@SuppressWarnings("restricted") // reinterpret: the error names are C strings
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
     * libzstd 1.4.0 or later, and its enums. The level range (-7 to 22) is {@code Codec.ZSTD}'s:
     * {@code ZSTD_minCLevel} and {@code ZSTD_maxCLevel} are not called.
     */
    private static final NativeBinder BINDER = new NativeBinder(
                    "libzstd", NativeBinder.Version.number("ZSTD_versionNumber", 10400))
            .withType("ZSTD_cParameter", "int")
            .withType("ZSTD_EndDirective", "int");

    /**
     * The bound functions; a record, so that its fields fold to constants from the holder. The
     * dictionary functions and the dictionary builder are optional groups ({@link
     * ZstdFfmDictionaries}): a libzstd without them loses dictionaries or training, not the
     * provider.
     */
    record Handles(
            @Symbol("size_t ZSTD_compressBound(size_t srcSize)")
            MethodHandle compressBound,

            @Symbol("unsigned ZSTD_isError(size_t code)") MethodHandle isError,

            @Symbol("const char* ZSTD_getErrorName(size_t code)")
            MethodHandle getErrorName,

            @Symbol("ZSTD_CCtx* ZSTD_createCCtx(void)") MethodHandle createCCtx,
            @Symbol("size_t ZSTD_freeCCtx(ZSTD_CCtx* cctx)") MethodHandle freeCCtx,

            @Symbol("size_t ZSTD_CCtx_setParameter(ZSTD_CCtx* cctx, ZSTD_cParameter param, int value)")
            MethodHandle setParameter,

            @Symbol("size_t ZSTD_compress2(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,"
                    + " size_t srcSize)")
            MethodHandle compress2,

            @Symbol("size_t ZSTD_compressStream2(ZSTD_CCtx* cctx, ZSTD_outBuffer* output, ZSTD_inBuffer* input,"
                    + " ZSTD_EndDirective endOp)")
            MethodHandle compressStream2,

            @Symbol("ZSTD_DCtx* ZSTD_createDCtx(void)") MethodHandle createDCtx,
            @Symbol("size_t ZSTD_freeDCtx(ZSTD_DCtx* dctx)") MethodHandle freeDCtx,

            @Symbol("size_t ZSTD_decompressDCtx(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,"
                    + " size_t srcSize)")
            MethodHandle decompressDCtx,

            @Symbol("size_t ZSTD_decompressStream(ZSTD_DStream* zds, ZSTD_outBuffer* output,"
                    + " ZSTD_inBuffer* input)")
            MethodHandle decompressStream,
            // Reads at most a frame's headers: critical, so that heap arrays pass in place.
            @Symbol(value = "unsigned long long ZSTD_decompressBound(const void* src, size_t srcSize)", critical = true)
            MethodHandle decompressBound,

            @Symbol(sameAs = "compress2", critical = true) MethodHandle compress2Heap,

            @Symbol(sameAs = "decompressDCtx", critical = true)
            MethodHandle decompressDCtxHeap,

            @Symbol("size_t ZSTD_CCtx_setPledgedSrcSize(ZSTD_CCtx* cctx, unsigned long long pledgedSrcSize)")
            MethodHandle setPledgedSrcSize,

            NativeBinding<ZstdFfmDictionaries.Dictionaries> dictionaries,
            NativeBinding<ZstdFfmDictionaries.Training> training) {}

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
        return BINDER.bind(PATH_PROPERTY, path, NativeLibrary.names("zstd", "1"), Handles.class);
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
