package dev.arsenal.providers.natives.compression;

import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.spi.Availability;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FFM bindings of {@code native-gzip}: the system's libdeflate ({@code libdeflate.so.0}) for
 * one-shot calls, and the system's zlib ({@code libz.so.1}) for streams, which libdeflate does not
 * have. Both are required (the engine picks one provider per codec for one-shot calls and streams
 * alike); binding never throws, a failure is an {@link Availability} naming the library that is
 * missing. {@value #DEFLATE_PATH_PROPERTY} and {@value #ZLIB_PATH_PROPERTY} name other files.
 *
 * <p>The handles ending in {@code Heap} are {@linkplain Linker.Option#critical(boolean) critical},
 * for Java arrays passed in place (at most {@link NativeChunks#CRITICAL_INPUT} bytes of input).
 *
 * <pre>
 * z_stream on LP64 (Linux x86-64 and aarch64, macOS): 112 bytes; uInt is 32 bits, uLong 64
 *  0          8        12    16         24          32        36    40          48
 * +----------+--------+-----+----------+-----------+---------+-----+-----------+
 * | next_in  |avail_in| pad | total_in | next_out  |avail_out| pad | total_out |
 * +----------+--------+-----+----------+-----------+---------+-----+-----------+
 *  48     56      64       72      80       88          92    96      104        112
 * +------+-------+--------+-------+--------+-----------+-----+-------+----------+
 * | msg  | state | zalloc | zfree | opaque | data_type | pad | adler | reserved |
 * +------+-------+--------+-------+--------+-----------+-----+-------+----------+
 * </pre>
 * (Windows is LLP64, where uLong is 32 bits: not this layout; the probe refuses it.)
 */
@SuppressWarnings("restricted") // binding functions is this class's job
final class GzipFfmBindings {
    /** The system property naming libdeflate's file: {@value}. */
    static final String DEFLATE_PATH_PROPERTY = "arsenal.native.deflate.path";

    /** The system property naming zlib's file: {@value}. */
    static final String ZLIB_PATH_PROPERTY = "arsenal.native.z.path";

    /** {@code z_stream}, drawn in the class comment. */
    static final StructLayout Z_STREAM = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("next_in"),
            ValueLayout.JAVA_INT.withName("avail_in"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("total_in"),
            ValueLayout.ADDRESS.withName("next_out"),
            ValueLayout.JAVA_INT.withName("avail_out"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("total_out"),
            ValueLayout.ADDRESS.withName("msg"),
            ValueLayout.ADDRESS.withName("state"),
            ValueLayout.ADDRESS.withName("zalloc"),
            ValueLayout.ADDRESS.withName("zfree"),
            ValueLayout.ADDRESS.withName("opaque"),
            ValueLayout.JAVA_INT.withName("data_type"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("adler"),
            ValueLayout.JAVA_LONG.withName("reserved"));

    static final VarHandle NEXT_IN = field("next_in");
    static final VarHandle AVAIL_IN = field("avail_in");
    static final VarHandle NEXT_OUT = field("next_out");
    static final VarHandle AVAIL_OUT = field("avail_out");
    static final VarHandle MSG = field("msg");

    /** zlib's return codes and flush values. */
    static final int Z_OK = 0;

    static final int Z_STREAM_END = 1;
    static final int Z_NEED_DICT = 2;
    static final int Z_BUF_ERROR = -5;
    static final int Z_NO_FLUSH = 0;
    static final int Z_SYNC_FLUSH = 2;
    static final int Z_FINISH = 4;

    /** {@code Z_DEFLATED}, the one method; windowBits 15 + 16: gzip wrapper; memLevel 8 (zlib's default). */
    static final int Z_DEFLATED = 8;

    static final int GZIP_WINDOW_BITS = 31;
    static final int MEM_LEVEL = 8;

    /** libdeflate's results: SUCCESS, BAD_DATA, SHORT_OUTPUT, INSUFFICIENT_SPACE. */
    static final int LIBDEFLATE_SUCCESS = 0;

    static final int LIBDEFLATE_BAD_DATA = 1;
    static final int LIBDEFLATE_SHORT_OUTPUT = 2;
    static final int LIBDEFLATE_INSUFFICIENT_SPACE = 3;

    private static VarHandle field(String name) {
        return Z_STREAM.varHandle(MemoryLayout.PathElement.groupElement(name));
    }

    /** The bound functions; a record, so that its fields fold to constants from the holder. */
    record Handles(
            MethodHandle allocCompressor,
            MethodHandle freeCompressor,
            MethodHandle gzipCompress,
            MethodHandle gzipCompressHeap,
            MethodHandle gzipCompressBound,
            MethodHandle allocDecompressor,
            MethodHandle freeDecompressor,
            MethodHandle gzipDecompressEx,
            MethodHandle gzipDecompressExHeap,
            MemorySegment zlibVersion,
            MethodHandle deflateInit2,
            MethodHandle deflate,
            MethodHandle deflateEnd,
            MethodHandle inflateInit2,
            MethodHandle inflate,
            MethodHandle inflateEnd,
            MethodHandle inflateReset) {}

    private static final class Holder {
        static final NativeBinding<Handles> BINDING =
                bind(System.getProperty(DEFLATE_PATH_PROPERTY), System.getProperty(ZLIB_PATH_PROPERTY));
    }

    private GzipFfmBindings() {}

    static NativeBinding<Handles> binding() {
        return Holder.BINDING;
    }

    static Handles handles() {
        return Holder.BINDING.require("native-gzip");
    }

    /**
     * Opens libdeflate, then zlib, and binds both (two libraries: not {@link NativeBinding#bind}'s
     * one); after any failure neither stays loaded.
     */
    static NativeBinding<Handles> bind(String deflatePath, String zlibPath) {
        if (ValueLayout.ADDRESS.byteSize() != 8
                || System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("windows")) {
            return NativeBinding.unavailable(
                    "zlib's z_stream is bound for LP64 Unix only, not " + System.getProperty("os.name") + " with "
                            + ValueLayout.ADDRESS.byteSize() * 8 + "-bit pointers",
                    null);
        }
        NativeLibrary.Result deflate = NativeLibrary.openConfigured(
                "libdeflate", DEFLATE_PATH_PROPERTY, deflatePath, NativeLibrary.names("deflate", "0"));
        if (deflate instanceof NativeLibrary.Failed f) {
            return NativeBinding.failed(f);
        }
        NativeLibrary.Result zlib =
                NativeLibrary.openConfigured("zlib", ZLIB_PATH_PROPERTY, zlibPath, NativeLibrary.names("z", "1"));
        NativeLibrary.Loaded d = (NativeLibrary.Loaded) deflate;
        if (zlib instanceof NativeLibrary.Failed f) {
            d.arena().close();
            return NativeBinding.failed(new NativeLibrary.Failed(
                    f.cause() + " (libdeflate was found; streams need zlib)", f.error(), f.misconfigured()));
        }
        NativeLibrary.Loaded z = (NativeLibrary.Loaded) zlib;
        try {
            NativeBinding<Handles> b = bindSymbols(d, z);
            if (b.handles() == null) {
                d.arena().close();
                z.arena().close();
            }
            return b;
        } catch (RuntimeException | Error e) {
            d.arena().close();
            z.arena().close();
            return NativeBinding.unavailable("binding libdeflate and zlib failed: " + e, e);
        }
    }

    private static NativeBinding<Handles> bindSymbols(NativeLibrary.Loaded d, NativeLibrary.Loaded z) {
        List<String> missing = new ArrayList<>();
        Optional<MemorySegment[]> fd = NativeLibrary.symbols(
                d.lookup(),
                missing,
                "libdeflate_alloc_compressor",
                "libdeflate_free_compressor",
                "libdeflate_gzip_compress",
                "libdeflate_gzip_compress_bound",
                "libdeflate_alloc_decompressor",
                "libdeflate_free_decompressor",
                "libdeflate_gzip_decompress_ex");
        if (fd.isEmpty()) {
            return NativeBinding.unavailable(
                    "libdeflate at " + d.library() + " lacks the symbol " + missing.getFirst()
                            + ": not libdeflate, or older than 1.0",
                    null);
        }
        Optional<MemorySegment[]> fz = NativeLibrary.symbols(
                z.lookup(),
                missing,
                "zlibVersion",
                "deflateInit2_",
                "deflate",
                "deflateEnd",
                "inflateInit2_",
                "inflate",
                "inflateEnd",
                "inflateReset");
        if (fz.isEmpty()) {
            return NativeBinding.unavailable(
                    "zlib at " + z.library() + " lacks the symbol " + missing.getFirst() + ": not zlib", null);
        }
        MemorySegment[] s = fd.get();
        MemorySegment[] t = fz.get();
        Linker linker = Linker.nativeLinker();
        ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG; // size_t on LP64
        ValueLayout.OfInt cint = ValueLayout.JAVA_INT;
        ValueLayout ptr = ValueLayout.ADDRESS;
        MemorySegment version;
        try {
            version = (MemorySegment)
                    linker.downcallHandle(t[0], FunctionDescriptor.of(ptr)).invokeExact();
        } catch (Throwable e) {
            throw NativeLibrary.rethrow(e);
        }
        String versionText = version.equals(MemorySegment.NULL)
                ? "?"
                : version.reinterpret(64).getString(0);
        if (!versionText.startsWith("1.")) {
            return NativeBinding.unavailable("zlib " + versionText + " at " + z.library() + " is not zlib 1.x", null);
        }
        Linker.Option critical = Linker.Option.critical(true);
        // libdeflate_gzip_compress(c, in, in_nbytes, out, out_nbytes_avail)
        FunctionDescriptor compress = FunctionDescriptor.of(sizeT, ptr, ptr, sizeT, ptr, sizeT);
        // libdeflate_gzip_decompress_ex(d, in, in_nbytes, out, out_nbytes_avail, &in_read, &out_written)
        FunctionDescriptor decompress = FunctionDescriptor.of(cint, ptr, ptr, sizeT, ptr, sizeT, ptr, ptr);
        Handles h = new Handles(
                linker.downcallHandle(s[0], FunctionDescriptor.of(ptr, cint)),
                linker.downcallHandle(s[1], FunctionDescriptor.ofVoid(ptr)),
                linker.downcallHandle(s[2], compress),
                linker.downcallHandle(s[2], compress, critical),
                linker.downcallHandle(s[3], FunctionDescriptor.of(sizeT, ptr, sizeT)),
                linker.downcallHandle(s[4], FunctionDescriptor.of(ptr)),
                linker.downcallHandle(s[5], FunctionDescriptor.ofVoid(ptr)),
                linker.downcallHandle(s[6], decompress),
                linker.downcallHandle(s[6], decompress, critical),
                version,
                // deflateInit2_(strm, level, method, windowBits, memLevel, strategy, version, sizeof)
                linker.downcallHandle(t[1], FunctionDescriptor.of(cint, ptr, cint, cint, cint, cint, cint, ptr, cint)),
                linker.downcallHandle(t[2], FunctionDescriptor.of(cint, ptr, cint)),
                linker.downcallHandle(t[3], FunctionDescriptor.of(cint, ptr)),
                // inflateInit2_(strm, windowBits, version, sizeof)
                linker.downcallHandle(t[4], FunctionDescriptor.of(cint, ptr, cint, ptr, cint)),
                linker.downcallHandle(t[5], FunctionDescriptor.of(cint, ptr, cint)),
                linker.downcallHandle(t[6], FunctionDescriptor.of(cint, ptr)),
                linker.downcallHandle(t[7], FunctionDescriptor.of(cint, ptr)));
        // The arenas stay open: the libraries are never unloaded while the handles may be used.
        return NativeBinding.available(
                h, "libdeflate (" + d.library() + "), zlib " + versionText + " (" + z.library() + ")");
    }

    /** zlib's message in {@code strm}, or its return code's name. */
    static String zlibMessage(MemorySegment strm, int code) {
        MemorySegment msg = (MemorySegment) MSG.get(strm, 0L);
        if (!msg.equals(MemorySegment.NULL)) {
            return msg.reinterpret(256).getString(0);
        }
        return switch (code) {
            case Z_NEED_DICT -> "a preset dictionary is needed";
            case -2 -> "stream error";
            case -3 -> "data error";
            case -4 -> "out of memory";
            case Z_BUF_ERROR -> "no progress possible";
            case -6 -> "incompatible zlib version";
            default -> "zlib error " + code;
        };
    }
}
