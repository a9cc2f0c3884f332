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

/**
 * The FFM bindings to the system's liblz4 (1.8.2 or later, for the {@code LZ4F_preferences_t}
 * drawn below): the block functions ({@code LZ4_compress_fast}, {@code LZ4_compress_HC}, {@code
 * LZ4_decompress_safe}) and the frame functions ({@code LZ4F_*}). Bound once per class loader;
 * binding never throws, a failure is an {@link Availability} with its cause. The library is the
 * file named by {@value #PATH_PROPERTY}, else {@code liblz4.so.1}, {@code liblz4.so}.
 *
 * <p>The handles ending in {@code Heap} are {@linkplain Linker.Option#critical(boolean) critical}:
 * Java arrays are passed in place and the call holds off safepoints, so callers give them at most
 * {@link NativeChunks#CRITICAL_INPUT} bytes of input.
 *
 * <pre>
 * LZ4F_preferences_t (56 bytes, the same on every LP64 and ILP32 ABI: no pointers, no longs)
 *  0               4            8                  12          16                     24       28             32
 * +---------------+------------+------------------+-----------+----------------------+--------+--------------+
 * | blockSizeID   | blockMode  | contentChecksum  | frameType | contentSize (u64)    | dictID | blockChecksum|  frameInfo
 * +---------------+------------+------------------+-----------+----------------------+--------+--------------+
 * 32              36           40                 44 .. 56
 * +---------------+------------+------------------+----------------+
 * | level (int)   | autoFlush  | favorDecSpeed    | reserved[3]    |
 * +---------------+------------+------------------+----------------+
 * </pre>
 */
@SuppressWarnings("restricted") // reinterpret: the error names are C strings
final class Lz4FfmBindings {
    /** The system property naming the library file to load instead of searching: {@value}. */
    static final String PATH_PROPERTY = "arsenal.native.lz4.path";

    /** {@code LZ4F_preferences_t}, drawn in the class comment. */
    static final StructLayout PREFERENCES = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("blockSizeID"),
            ValueLayout.JAVA_INT.withName("blockMode"),
            ValueLayout.JAVA_INT.withName("contentChecksumFlag"),
            ValueLayout.JAVA_INT.withName("frameType"),
            ValueLayout.JAVA_LONG.withName("contentSize"),
            ValueLayout.JAVA_INT.withName("dictID"),
            ValueLayout.JAVA_INT.withName("blockChecksumFlag"),
            ValueLayout.JAVA_INT.withName("compressionLevel"),
            ValueLayout.JAVA_INT.withName("autoFlush"),
            ValueLayout.JAVA_INT.withName("favorDecSpeed"),
            MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT).withName("reserved"));

    /** {@code LZ4F_VERSION}, the API version the contexts are created for. */
    static final int LZ4F_VERSION = 100;

    /** {@code LZ4F_max64KB}: 64 KiB blocks, as {@code java-compression}'s streams. */
    static final int BLOCK_64KB = 4;

    /** {@code LZ4F_blockIndependent}. */
    static final int BLOCK_INDEPENDENT = 1;

    /** {@code LZ4HC_CLEVEL_MAX}, and {@code LZ4_MAX_INPUT_SIZE} (0x7E000000). */
    static final int MAX_LEVEL = 12;

    static final int MAX_INPUT_SIZE = 0x7E00_0000;

    /** liblz4 1.8.2 or later, and its error code type. */
    private static final NativeBinder BINDER = new NativeBinder(
                    "liblz4", NativeBinder.Version.number("LZ4_versionNumber", 10802))
            .withType("LZ4F_errorCode_t", "size_t");

    /** The bound functions; a record, so that its fields fold to constants from the holder. */
    record Handles(
            @Symbol("int LZ4_compress_fast(const char* src, char* dst, int srcSize, int dstCapacity,"
                    + " int acceleration)")
            MethodHandle compressFast,

            @Symbol("int LZ4_compress_HC(const char* src, char* dst, int srcSize, int dstCapacity,"
                    + " int compressionLevel)")
            MethodHandle compressHc,

            @Symbol("int LZ4_decompress_safe(const char* src, char* dst, int compressedSize, int dstCapacity)")
            MethodHandle decompressSafe,

            @Symbol(sameAs = "compressFast", critical = true)
            MethodHandle compressFastHeap,

            @Symbol(sameAs = "compressHc", critical = true) MethodHandle compressHcHeap,

            @Symbol(sameAs = "decompressSafe", critical = true)
            MethodHandle decompressSafeHeap,

            @Symbol("unsigned LZ4F_isError(LZ4F_errorCode_t code)")
            MethodHandle isError,

            @Symbol("const char* LZ4F_getErrorName(LZ4F_errorCode_t code)")
            MethodHandle getErrorName,

            @Symbol("LZ4F_errorCode_t LZ4F_createCompressionContext(LZ4F_cctx** cctxPtr, unsigned version)")
            MethodHandle createCCtx,

            @Symbol("LZ4F_errorCode_t LZ4F_freeCompressionContext(LZ4F_cctx* cctx)")
            MethodHandle freeCCtx,

            @Symbol("size_t LZ4F_compressBegin(LZ4F_cctx* cctx, void* dstBuffer, size_t dstCapacity,"
                    + " const LZ4F_preferences_t* prefsPtr)")
            MethodHandle compressBegin,

            @Symbol("size_t LZ4F_compressBound(size_t srcSize, const LZ4F_preferences_t* prefsPtr)")
            MethodHandle compressBound,

            @Symbol("size_t LZ4F_compressUpdate(LZ4F_cctx* cctx, void* dstBuffer, size_t dstCapacity,"
                    + " const void* srcBuffer, size_t srcSize, const LZ4F_compressOptions_t* cOptPtr)")
            MethodHandle compressUpdate,

            @Symbol("size_t LZ4F_compressEnd(LZ4F_cctx* cctx, void* dstBuffer, size_t dstCapacity,"
                    + " const LZ4F_compressOptions_t* cOptPtr)")
            MethodHandle compressEnd,

            @Symbol("size_t LZ4F_compressFrameBound(size_t srcSize, const LZ4F_preferences_t* preferencesPtr)")
            MethodHandle compressFrameBound,

            @Symbol("size_t LZ4F_compressFrame(void* dstBuffer, size_t dstCapacity, const void* srcBuffer,"
                    + " size_t srcSize, const LZ4F_preferences_t* preferencesPtr)")
            MethodHandle compressFrame,

            @Symbol(sameAs = "compressFrame", critical = true)
            MethodHandle compressFrameHeap,

            @Symbol("LZ4F_errorCode_t LZ4F_createDecompressionContext(LZ4F_dctx** dctxPtr, unsigned version)")
            MethodHandle createDCtx,

            @Symbol("LZ4F_errorCode_t LZ4F_freeDecompressionContext(LZ4F_dctx* dctx)")
            MethodHandle freeDCtx,

            @Symbol("size_t LZ4F_decompress(LZ4F_dctx* dctx, void* dstBuffer, size_t* dstSizePtr,"
                    + " const void* srcBuffer, size_t* srcSizePtr, const LZ4F_decompressOptions_t* dOptPtr)")
            MethodHandle decompress,

            @Symbol(sameAs = "decompress", critical = true) MethodHandle decompressHeap,

            @Symbol("size_t LZ4F_flush(LZ4F_cctx* cctx, void* dstBuffer, size_t dstCapacity,"
                    + " const LZ4F_compressOptions_t* cOptPtr)")
            MethodHandle flush) {}

    private static final class Holder {
        static final NativeBinding<Handles> BINDING = bind(System.getProperty(PATH_PROPERTY));
    }

    private Lz4FfmBindings() {}

    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    static Handles handles() {
        return Holder.BINDING.require("liblz4");
    }

    static NativeBinding<Handles> bind(String path) {
        return BINDER.bind(PATH_PROPERTY, path, NativeLibrary.names("lz4", "1"), Handles.class);
    }

    /** Whether an {@code LZ4F_*} result is an error code. */
    static boolean isError(Handles h, long code) {
        try {
            return (int) h.isError().invokeExact(code) != 0;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** {@code LZ4F_getErrorName(code)}, without its {@code ERROR_} prefix. */
    static String errorName(Handles h, long code) {
        try {
            MemorySegment name = (MemorySegment) h.getErrorName().invokeExact(code);
            String s = name.reinterpret(256).getString(0);
            return s.startsWith("ERROR_") ? s.substring(6) : s;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * Preferences in {@code arena}: 64 KiB independent blocks, a content checksum or not, {@code
     * contentSize} (0: unknown, not written), {@code level} (below 3: the fast compressor, as the
     * {@code lz4} command).
     */
    static MemorySegment preferences(Arena arena, int level, long contentSize, boolean checksum) {
        MemorySegment p = arena.allocate(PREFERENCES); // zeroed: linked=0 overwritten below, no dictID
        p.set(ValueLayout.JAVA_INT, 0, BLOCK_64KB);
        p.set(ValueLayout.JAVA_INT, 4, BLOCK_INDEPENDENT);
        p.set(ValueLayout.JAVA_INT, 8, checksum ? 1 : 0);
        p.set(ValueLayout.JAVA_LONG, 16, contentSize);
        p.set(ValueLayout.JAVA_INT, 32, level);
        return p;
    }
}
