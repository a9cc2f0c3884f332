package dev.arsenal.providers.natives.compression;

import dev.arsenal.providers.natives.ffm.NativeBinder;
import dev.arsenal.providers.natives.ffm.NativeBinding;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.Symbol;
import dev.arsenal.spi.Availability;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

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
@SuppressWarnings("restricted") // reinterpret: zlib's messages are C strings
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

    /** libdeflate, which has no version function: its gzip functions are 1.0's. */
    private static final NativeBinder LIBDEFLATE = new NativeBinder("libdeflate", NativeBinder.Version.none("1.0"));

    /** zlib 1.x, for the {@code z_stream} drawn above. */
    private static final NativeBinder ZLIB =
            new NativeBinder("zlib", NativeBinder.Version.text("zlibVersion", "1.", "zlib 1.x"));

    /**
     * The bound functions of both libraries, and zlib's version string, which {@code
     * deflateInit2_} and {@code inflateInit2_} are given; a record, so that its fields fold to
     * constants from the holder.
     */
    record Handles(Libdeflate libdeflate, Zlib zlib, MemorySegment zlibVersion) {}

    /** libdeflate's one-shot gzip functions. */
    record Libdeflate(
            @Symbol("struct libdeflate_compressor* libdeflate_alloc_compressor(int compression_level)")
            MethodHandle allocCompressor,

            @Symbol("void libdeflate_free_compressor(struct libdeflate_compressor* compressor)")
            MethodHandle freeCompressor,

            @Symbol("size_t libdeflate_gzip_compress(struct libdeflate_compressor* compressor, const void* in,"
                    + " size_t in_nbytes, void* out, size_t out_nbytes_avail)")
            MethodHandle gzipCompress,

            @Symbol(sameAs = "gzipCompress", critical = true)
            MethodHandle gzipCompressHeap,

            @Symbol("size_t libdeflate_gzip_compress_bound(struct libdeflate_compressor* compressor,"
                    + " size_t in_nbytes)")
            MethodHandle gzipCompressBound,

            @Symbol("struct libdeflate_decompressor* libdeflate_alloc_decompressor(void)")
            MethodHandle allocDecompressor,

            @Symbol("void libdeflate_free_decompressor(struct libdeflate_decompressor* decompressor)")
            MethodHandle freeDecompressor,

            @Symbol("enum libdeflate_result libdeflate_gzip_decompress_ex(struct libdeflate_decompressor* d,"
                    + " const void* in, size_t in_nbytes, void* out, size_t out_nbytes_avail,"
                    + " size_t* actual_in_nbytes_ret, size_t* actual_out_nbytes_ret)")
            MethodHandle gzipDecompressEx,

            @Symbol(sameAs = "gzipDecompressEx", critical = true)
            MethodHandle gzipDecompressExHeap) {}

    /** zlib's stream functions ({@code deflateInit2} and {@code inflateInit2} are macros over these). */
    record Zlib(
            @Symbol("const char* zlibVersion(void)") MethodHandle zlibVersion,

            @Symbol("int deflateInit2_(z_stream* strm, int level, int method, int windowBits, int memLevel,"
                    + " int strategy, const char* version, int stream_size)")
            MethodHandle deflateInit2,

            @Symbol("int deflate(z_stream* strm, int flush)")
            MethodHandle deflate,

            @Symbol("int deflateEnd(z_stream* strm)") MethodHandle deflateEnd,

            @Symbol("int inflateInit2_(z_stream* strm, int windowBits, const char* version, int stream_size)")
            MethodHandle inflateInit2,

            @Symbol("int inflate(z_stream* strm, int flush)")
            MethodHandle inflate,

            @Symbol("int inflateEnd(z_stream* strm)") MethodHandle inflateEnd,
            @Symbol("int inflateReset(z_stream* strm)") MethodHandle inflateReset) {}

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
     * Opens libdeflate, then zlib, and binds both (two libraries, so two bindings joined); after
     * any failure neither stays loaded.
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
            NativeBinding<Libdeflate> bd = LIBDEFLATE.bind(d, Libdeflate.class); // unloads d if refused
            if (bd.handles() == null) {
                z.arena().close();
                return NativeBinding.unavailable(bd.availability().cause(), null);
            }
            NativeBinding<Zlib> bz = ZLIB.bind(z, Zlib.class); // unloads z if refused
            if (bz.handles() == null) {
                d.arena().close();
                return NativeBinding.unavailable(bz.availability().cause(), null);
            }
            MemorySegment version = (MemorySegment) bz.handles().zlibVersion().invokeExact();
            // The arenas stay open: the libraries are never unloaded while the handles may be used.
            return NativeBinding.available(
                    new Handles(bd.handles(), bz.handles(), version), bd.library() + ", " + bz.library());
        } catch (Throwable e) {
            for (NativeLibrary.Loaded l : List.of(d, z)) {
                if (l.arena().scope().isAlive()) {
                    l.arena().close();
                }
            }
            return NativeBinding.unavailable("binding libdeflate and zlib failed: " + e, e);
        }
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
