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
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

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
@SuppressWarnings("restricted") // binding functions is this class's job
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

    /** The bound functions; a record, so that its fields fold to constants from the holder. */
    record Handles(
            MethodHandle compressFast,
            MethodHandle compressHc,
            MethodHandle decompressSafe,
            MethodHandle compressFastHeap,
            MethodHandle compressHcHeap,
            MethodHandle decompressSafeHeap,
            MethodHandle isError,
            MethodHandle getErrorName,
            MethodHandle createCCtx,
            MethodHandle freeCCtx,
            MethodHandle compressBegin,
            MethodHandle compressBound,
            MethodHandle compressUpdate,
            MethodHandle compressEnd,
            MethodHandle compressFrameBound,
            MethodHandle compressFrame,
            MethodHandle compressFrameHeap,
            MethodHandle createDCtx,
            MethodHandle freeDCtx,
            MethodHandle decompress,
            MethodHandle decompressHeap,
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
        return NativeBinding.bind(
                "liblz4", PATH_PROPERTY, path, NativeLibrary.names("lz4", "1"), Lz4FfmBindings::bindSymbols);
    }

    private static NativeBinding<Handles> bindSymbols(NativeLibrary.Loaded l) {
        return NativeBinding.versioned(
                l,
                "liblz4",
                10802,
                List.of(
                        "LZ4_versionNumber",
                        "LZ4_compress_fast",
                        "LZ4_compress_HC",
                        "LZ4_decompress_safe",
                        "LZ4F_isError",
                        "LZ4F_getErrorName",
                        "LZ4F_createCompressionContext",
                        "LZ4F_freeCompressionContext",
                        "LZ4F_compressBegin",
                        "LZ4F_compressBound",
                        "LZ4F_compressUpdate",
                        "LZ4F_compressEnd",
                        "LZ4F_compressFrameBound",
                        "LZ4F_compressFrame",
                        "LZ4F_createDecompressionContext",
                        "LZ4F_freeDecompressionContext",
                        "LZ4F_decompress",
                        "LZ4F_flush"),
                Lz4FfmBindings::handles);
    }

    /** The handles of the symbols {@link #bindSymbols} found, in its order. */
    private static Handles handles(MemorySegment[] s) {
        Linker linker = Linker.nativeLinker();
        ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG; // size_t on LP64
        ValueLayout.OfInt cint = ValueLayout.JAVA_INT;
        ValueLayout ptr = ValueLayout.ADDRESS;
        Linker.Option critical = Linker.Option.critical(true);
        // LZ4_compress_fast(src, dst, srcSize, dstCapacity, acceleration); _HC(..., level)
        FunctionDescriptor block = FunctionDescriptor.of(cint, ptr, ptr, cint, cint, cint);
        // LZ4_decompress_safe(src, dst, compressedSize, dstCapacity)
        FunctionDescriptor safe = FunctionDescriptor.of(cint, ptr, ptr, cint, cint);
        // LZ4F_compressFrame(dst, dstCapacity, src, srcSize, prefs)
        FunctionDescriptor frame = FunctionDescriptor.of(sizeT, ptr, sizeT, ptr, sizeT, ptr);
        // LZ4F_decompress(dctx, dst, &dstSize, src, &srcSize, options)
        FunctionDescriptor decompress = FunctionDescriptor.of(sizeT, ptr, ptr, ptr, ptr, ptr, ptr);
        return new Handles(
                linker.downcallHandle(s[1], block),
                linker.downcallHandle(s[2], block),
                linker.downcallHandle(s[3], safe),
                linker.downcallHandle(s[1], block, critical),
                linker.downcallHandle(s[2], block, critical),
                linker.downcallHandle(s[3], safe, critical),
                linker.downcallHandle(s[4], FunctionDescriptor.of(cint, sizeT)),
                linker.downcallHandle(s[5], FunctionDescriptor.of(ptr, sizeT)),
                linker.downcallHandle(s[6], FunctionDescriptor.of(sizeT, ptr, cint)),
                linker.downcallHandle(s[7], FunctionDescriptor.of(sizeT, ptr)),
                linker.downcallHandle(s[8], FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr)),
                linker.downcallHandle(s[9], FunctionDescriptor.of(sizeT, sizeT, ptr)),
                linker.downcallHandle(s[10], FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr, sizeT, ptr)),
                linker.downcallHandle(s[11], FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr)),
                linker.downcallHandle(s[12], FunctionDescriptor.of(sizeT, sizeT, ptr)),
                linker.downcallHandle(s[13], frame),
                linker.downcallHandle(s[13], frame, critical),
                linker.downcallHandle(s[14], FunctionDescriptor.of(sizeT, ptr, cint)),
                linker.downcallHandle(s[15], FunctionDescriptor.of(sizeT, ptr)),
                linker.downcallHandle(s[16], decompress),
                linker.downcallHandle(s[16], decompress, critical),
                linker.downcallHandle(s[17], FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr)));
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
