package dev.arsenal.benchmarks.compression;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The system's libzstd, liblz4 and libdeflate called directly through FFM, as the {@code
 * direct-libzstd}, {@code direct-liblz4} and {@code direct-libdeflate} implementations: the
 * libraries Arsenal's {@code native-zstd}, {@code native-lz4} and {@code native-gzip} wrap, in
 * their fastest form (one context kept per thread, Java arrays passed in place by critical
 * downcalls at every size), so that each wrapper is measured against what it wraps.
 */
final class SystemLibraries {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout SIZE_T = ValueLayout.JAVA_LONG;
    private static final ValueLayout INT = ValueLayout.JAVA_INT;
    private static final ValueLayout PTR = ValueLayout.ADDRESS;
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);

    private SystemLibraries() {}

    private static SymbolLookup library(String name) {
        try {
            return SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not measured: " + name + " is not installed here", e);
        }
    }

    private static MethodHandle function(SymbolLookup lib, String name, FunctionDescriptor type, boolean heap) {
        MemorySegment symbol =
                lib.find(name).orElseThrow(() -> new IllegalStateException("not measured: no symbol " + name));
        return heap ? LINKER.downcallHandle(symbol, type, CRITICAL) : LINKER.downcallHandle(symbol, type);
    }

    private static MemorySegment heap(byte[] array, int length) {
        return MemorySegment.ofArray(array).asSlice(0, length);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** libzstd: {@code ZSTD_compress2} and {@code ZSTD_decompressDCtx}, checksum and content size on. */
    static final class Zstd implements BlockCodec {
        private static final SymbolLookup LIB = library("libzstd.so.1");
        private static final MethodHandle BOUND =
                function(LIB, "ZSTD_compressBound", FunctionDescriptor.of(SIZE_T, SIZE_T), false);
        private static final MethodHandle IS_ERROR =
                function(LIB, "ZSTD_isError", FunctionDescriptor.of(INT, SIZE_T), false);
        private static final MethodHandle COMPRESS =
                function(LIB, "ZSTD_compress2", FunctionDescriptor.of(SIZE_T, PTR, PTR, SIZE_T, PTR, SIZE_T), true);
        private static final MethodHandle DECOMPRESS = function(
                LIB, "ZSTD_decompressDCtx", FunctionDescriptor.of(SIZE_T, PTR, PTR, SIZE_T, PTR, SIZE_T), true);
        private final MemorySegment cctx;
        private final MemorySegment dctx;

        Zstd(int level) {
            try {
                cctx = (MemorySegment) function(LIB, "ZSTD_createCCtx", FunctionDescriptor.of(PTR), false)
                        .invokeExact();
                dctx = (MemorySegment) function(LIB, "ZSTD_createDCtx", FunctionDescriptor.of(PTR), false)
                        .invokeExact();
                MethodHandle set =
                        function(LIB, "ZSTD_CCtx_setParameter", FunctionDescriptor.of(SIZE_T, PTR, INT, INT), false);
                check((long) set.invokeExact(cctx, 100, level)); // ZSTD_c_compressionLevel
                check((long) set.invokeExact(cctx, 200, 1)); // ZSTD_c_contentSizeFlag
                check((long) set.invokeExact(cctx, 201, 1)); // ZSTD_c_checksumFlag
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private static long check(long r) throws Throwable {
            if ((int) IS_ERROR.invokeExact(r) != 0) {
                throw new IllegalStateException("libzstd error " + r);
            }
            return r;
        }

        @Override
        public int maxCompressedLength(int length) {
            try {
                return Math.toIntExact((long) BOUND.invokeExact((long) length));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            try {
                return (int) check((long) COMPRESS.invokeExact(
                        cctx, heap(output, output.length), (long) output.length, heap(input, length), (long) length));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            try {
                return (int) check((long) DECOMPRESS.invokeExact(
                        dctx, heap(output, originalLength), (long) originalLength, heap(input, length), (long) length));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public String toString() {
            return "libzstd ZSTD_compress2 / ZSTD_decompressDCtx (FFM, contexts reused)";
        }
    }

    /** liblz4 raw blocks: {@code LZ4_compress_default} (or {@code LZ4_compress_HC}) and {@code LZ4_decompress_safe}. */
    static final class Lz4Block implements BlockCodec {
        private static final SymbolLookup LIB = library("liblz4.so.1");
        private static final MethodHandle BOUND =
                function(LIB, "LZ4_compressBound", FunctionDescriptor.of(INT, INT), false);
        private static final MethodHandle FAST =
                function(LIB, "LZ4_compress_default", FunctionDescriptor.of(INT, PTR, PTR, INT, INT), true);
        private static final MethodHandle HC =
                function(LIB, "LZ4_compress_HC", FunctionDescriptor.of(INT, PTR, PTR, INT, INT, INT), true);
        private static final MethodHandle DECOMPRESS =
                function(LIB, "LZ4_decompress_safe", FunctionDescriptor.of(INT, PTR, PTR, INT, INT), true);
        private final int level;

        Lz4Block(int level) {
            this.level = level;
        }

        @Override
        public int maxCompressedLength(int length) {
            try {
                return (int) BOUND.invokeExact(length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            try {
                int n = level == 1
                        ? (int) FAST.invokeExact(
                                heap(input, length), heap(output, output.length), length, output.length)
                        : (int) HC.invokeExact(
                                heap(input, length), heap(output, output.length), length, output.length, level);
                if (n <= 0) {
                    throw new IllegalStateException("liblz4 compression failed: " + n);
                }
                return n;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            try {
                int n = (int) DECOMPRESS.invokeExact(
                        heap(input, length), heap(output, originalLength), length, originalLength);
                if (n < 0) {
                    throw new IllegalStateException("liblz4: malformed block at " + -n);
                }
                return n;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public String toString() {
            return "liblz4 LZ4_compress_" + (level == 1 ? "default" : "HC") + " / LZ4_decompress_safe (FFM)";
        }
    }

    /** libdeflate: {@code libdeflate_gzip_compress} and {@code libdeflate_gzip_decompress}, one (de)compressor kept. */
    static final class Gzip implements BlockCodec {
        private static final SymbolLookup LIB = library("libdeflate.so.0");
        private static final MethodHandle BOUND =
                function(LIB, "libdeflate_gzip_compress_bound", FunctionDescriptor.of(SIZE_T, PTR, SIZE_T), false);
        private static final MethodHandle COMPRESS = function(
                LIB, "libdeflate_gzip_compress", FunctionDescriptor.of(SIZE_T, PTR, PTR, SIZE_T, PTR, SIZE_T), true);
        private static final MethodHandle DECOMPRESS = function(
                LIB,
                "libdeflate_gzip_decompress",
                FunctionDescriptor.of(INT, PTR, PTR, SIZE_T, PTR, SIZE_T, PTR),
                true);
        private final MemorySegment compressor;
        private final MemorySegment decompressor;

        Gzip(int level) {
            try {
                compressor = (MemorySegment)
                        function(LIB, "libdeflate_alloc_compressor", FunctionDescriptor.of(PTR, INT), false)
                                .invokeExact(level);
                decompressor = (MemorySegment)
                        function(LIB, "libdeflate_alloc_decompressor", FunctionDescriptor.of(PTR), false)
                                .invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int maxCompressedLength(int length) {
            try {
                return Math.toIntExact((long) BOUND.invokeExact(compressor, (long) length));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int compress(byte[] input, int length, byte[] output) {
            try {
                long n = (long) COMPRESS.invokeExact(
                        compressor, heap(input, length), (long) length, heap(output, output.length), (long)
                                output.length);
                if (n == 0) {
                    throw new IllegalStateException("libdeflate: the output did not fit");
                }
                return (int) n;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public int decompress(byte[] input, int length, byte[] output, int originalLength) {
            try {
                // No actual_out_nbytes: libdeflate then requires the output to be exactly originalLength.
                int r = (int) DECOMPRESS.invokeExact(
                        decompressor,
                        heap(input, length),
                        (long) length,
                        heap(output, originalLength),
                        (long) originalLength,
                        MemorySegment.NULL);
                if (r != 0) {
                    throw new IllegalStateException("libdeflate_gzip_decompress: result " + r);
                }
                return originalLength;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public String toString() {
            return "libdeflate libdeflate_gzip_compress / libdeflate_gzip_decompress (FFM, kept)";
        }
    }
}
