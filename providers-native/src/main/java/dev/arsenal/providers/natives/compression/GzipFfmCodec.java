package dev.arsenal.providers.natives.compression;

import static dev.arsenal.providers.natives.compression.GzipFfmBindings.AVAIL_IN;
import static dev.arsenal.providers.natives.compression.GzipFfmBindings.AVAIL_OUT;
import static dev.arsenal.providers.natives.compression.GzipFfmBindings.NEXT_IN;
import static dev.arsenal.providers.natives.compression.GzipFfmBindings.NEXT_OUT;
import static dev.arsenal.providers.natives.compression.GzipFfmBindings.zlibMessage;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CHUNK;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CLEANER;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CRITICAL_INPUT;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.providers.natives.compression.GzipFfmBindings.Handles;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.NativeOutputStream;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * gzip (RFC 1952) through libdeflate for one-shot calls and zlib for streams ({@link
 * GzipFfmBindings}).
 *
 * <p>One-shot compression is {@code libdeflate_gzip_compress}: one member, the whole input in one
 * call (libdeflate has no streaming), Java arrays in place up to 256 KiB of input, native copies
 * above. One-shot decompression is {@code libdeflate_gzip_decompress_ex}, member after member
 * (it reports the bytes each member took): in place for inputs up to 256 KiB and output ranges up
 * to 4 MiB; above, through native copies whose output is sized by the last member's ISIZE when it
 * is plausible (so one large member). The rest, and every libdeflate failure, go through zlib in
 * 128 KiB chunks, which bounds native memory and knows where and why the input is bad (libdeflate
 * says only "bad data").
 *
 * <p>Streams are zlib's {@code deflate} (windowBits 31: a gzip wrapper) and {@code inflate}, with
 * {@code inflateReset} between members. Compressors and decompressors of libdeflate are kept idle
 * between one-shot calls ({@link IdlePool}); a stream's {@code z_stream} lives in its own arena, freed on {@code close()} or by the
 * cleaner for a stream dropped unclosed.
 */
final class GzipFfmCodec {
    private GzipFfmCodec() {}

    private static MemorySegment allocCompressor(Handles h, int level) {
        MemorySegment c;
        try {
            c = (MemorySegment) h.allocCompressor().invokeExact(level);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (c.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_compressor(" + level + ") returned NULL");
        }
        return c;
    }

    private static void freeCompressor(Handles h, MemorySegment c) {
        try {
            h.freeCompressor().invokeExact(c);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** A libdeflate decompressor and the two {@code size_t}s its calls report into. */
    private record DeflateDecoder(MemorySegment decompressor, MemorySegment sizes) {
        static DeflateDecoder allocate(Handles h) {
            MemorySegment d;
            try {
                d = (MemorySegment) h.allocDecompressor().invokeExact();
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (d.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libdeflate_alloc_decompressor returned NULL");
            }
            // GC-managed: only the decompressor needs freeing.
            return new DeflateDecoder(d, Arena.ofAuto().allocate(ValueLayout.JAVA_LONG, 2));
        }

        void free(Handles h) {
            try {
                h.freeDecompressor().invokeExact(decompressor);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    static final class Compressor extends AbstractCompressor {
        private final Handles h;
        /** Idle libdeflate compressors of this level: one costs more to make than 4 KiB to compress. */
        private final IdlePool<MemorySegment> compressors;

        Compressor(Handles h, int level) {
            super(Codec.GZIP, level);
            this.h = h;
            this.compressors = IdlePool.closing(this, () -> allocCompressor(h, level), c -> freeCompressor(h, c));
        }

        /** libdeflate's bound for one member (it needs a compressor to answer). */
        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("negative input length " + inputLength);
            }
            MemorySegment c = compressors.take();
            try {
                return (long) h.gzipCompressBound().invokeExact(c, inputLength);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                compressors.give(c, true);
                Reference.reachabilityFence(this);
            }
        }

        @Override
        protected int compressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            MemorySegment c = compressors.take();
            long r;
            try {
                if (len <= CRITICAL_INPUT) {
                    r = (long) h.gzipCompressHeap()
                            .invokeExact(
                                    c,
                                    MemorySegment.ofArray(in).asSlice(off, len),
                                    (long) len,
                                    MemorySegment.ofArray(out).asSlice(outOff, max),
                                    (long) max);
                } else {
                    long bound = (long) h.gzipCompressBound().invokeExact(c, (long) len);
                    long room = Math.min(max, bound);
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment src = arena.allocate(len);
                        MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                        MemorySegment dst = arena.allocate(Math.max(1, room));
                        r = (long) h.gzipCompress().invokeExact(c, src, (long) len, dst, room);
                        if (r > 0 && r <= room) {
                            MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff, (int) r);
                        }
                    }
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                // libdeflate keeps no state between calls: a compressor is reusable after any result.
                compressors.give(c, true);
                Reference.reachabilityFence(this);
            }
            if (r <= 0 || r > max) {
                throw outputTooSmall(len, max); // libdeflate answers 0 when the member does not fit
            }
            return (int) r;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new CompressingStream(h, level(), out);
        }
    }

    static final class Decompressor extends AbstractDecompressor {
        private final Handles h;
        /** Idle libdeflate decompressors, kept between one-shot calls. */
        private final IdlePool<DeflateDecoder> decoders;

        Decompressor(Handles h) {
            super(Codec.GZIP);
            this.h = h;
            this.decoders = IdlePool.closing(this, () -> DeflateDecoder.allocate(h), i -> i.free(h));
        }

        /**
         * In one libdeflate call when the last member's ISIZE (its size mod 2^32, the input's last
         * four bytes) fits the limit, is possible for the input's length, and is the whole output
         * (one member); else through zlib's stream, with the limit. A claim above 16 times the input
         * (and 4 MiB) is not allocated up front: the stream finds out whether it is true.
         */
        @Override
        public byte[] decompress(byte[] input, int maxLength) {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
            }
            long size = lastMemberSize(input, 0, input.length, maxLength);
            if (size >= 0 && size <= Math.max(NativeChunks.CRITICAL_OUTPUT, 16L * input.length)) {
                byte[] out = new byte[(int) size];
                if (libdeflate(input, 0, input.length, out, 0, out.length) == out.length) {
                    return out;
                }
            }
            return super.decompress(input, maxLength); // streams, with the limit
        }

        @Override
        protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len == 0) {
                throw malformed(0, "empty input: no gzip member", null);
            }
            int n = libdeflate(in, off, len, out, outOff, max);
            if (n >= 0) {
                return n;
            }
            // Failed, or not tried: decode (again) with zlib, which knows where and why. The range
            // may hold bytes of a failed attempt; zlib overwrites from the start, and fails the same.
            return inflateInto(in, off, len, out, outOff, max);
        }

        /**
         * The ISIZE of the last member when it fits {@code max} and deflate can reach it from
         * {@code len} bytes (at most 1032 to 1), else -1. It sizes the output of one libdeflate call
         * without trusting a bomb's claim beyond what the caller allows.
         */
        private static long lastMemberSize(byte[] in, int off, int len, int max) {
            if (len < 18) {
                return -1;
            }
            int end = off + len;
            long size = (in[end - 4] & 0xFFL)
                    | (in[end - 3] & 0xFFL) << 8
                    | (in[end - 2] & 0xFFL) << 16
                    | (in[end - 1] & 0xFFL) << 24;
            return size <= max && size <= 1032L * len ? size : -1;
        }

        /**
         * Every member with libdeflate: in place when the sizes allow a critical call, else through
         * native copies sized by {@link #lastMemberSize} (a larger output, of several members, fails
         * here and goes to zlib). The bytes written, or -1 for any failure or when not tried.
         */
        private int libdeflate(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (NativeChunks.inPlace(len, max)) {
                return libdeflate(
                        h.gzipDecompressExHeap(),
                        MemorySegment.ofArray(in).asSlice(off, len),
                        MemorySegment.ofArray(out).asSlice(outOff, max));
            }
            long room = lastMemberSize(in, off, len, max);
            if (room < 0) {
                return -1;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment src = arena.allocate(len);
                MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                MemorySegment dst = arena.allocate(Math.max(1, room)).asSlice(0, room);
                int n = libdeflate(h.gzipDecompressEx(), src, dst);
                if (n > 0) {
                    MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff, n);
                }
                return n;
            }
        }

        /** Every member of {@code src} into {@code dst} with {@code call}: the bytes written, or -1. */
        private int libdeflate(MethodHandle call, MemorySegment src, MemorySegment dst) {
            DeflateDecoder decoder = decoders.take();
            MemorySegment sizes = decoder.sizes(); // in read, out written
            try {
                long len = src.byteSize();
                long max = dst.byteSize();
                long fed = 0;
                long written = 0;
                while (fed < len) {
                    int r = (int) call.invokeExact(
                            decoder.decompressor(),
                            src.asSlice(fed),
                            len - fed,
                            dst.asSlice(written),
                            max - written,
                            sizes,
                            sizes.asSlice(8));
                    if (r != GzipFfmBindings.LIBDEFLATE_SUCCESS) {
                        return -1;
                    }
                    long read = sizes.getAtIndex(ValueLayout.JAVA_LONG, 0);
                    long wrote = sizes.getAtIndex(ValueLayout.JAVA_LONG, 1);
                    if (read <= 0 || read > len - fed || wrote < 0 || wrote > max - written) {
                        throw new IllegalStateException(
                                "libdeflate reported " + read + " bytes read, " + wrote + " written");
                    }
                    fed += read;
                    written += wrote;
                }
                return (int) written;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                // libdeflate keeps no state between calls: a decompressor is reusable after any result.
                decoders.give(decoder, true);
                Reference.reachabilityFence(this);
            }
        }

        /** Every member with zlib in native chunks, bounded by {@code max}. */
        private int inflateInto(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            try (DecompressingStream s = new DecompressingStream(h, new ByteArrayInputStream(in, off, len), this)) {
                int written = 0;
                while (written < max) {
                    int n = s.read(out, outOff + written, max - written);
                    if (n < 0) {
                        return written;
                    }
                    written += n;
                }
                if (s.read(new byte[1], 0, 1) >= 0) {
                    throw tooLarge(-1, max);
                }
                return written;
            } catch (IOException e) {
                if (e.getCause() instanceof MalformedInputException m) {
                    throw m;
                }
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new DecompressingStream(h, in, this);
        }

        MalformedInputException fail(long offset, String reason) {
            return malformed(offset, reason, null);
        }
    }

    /** A stream's z_stream, ended once: by close() or, for a dropped stream, by the cleaner. */
    private record State(MethodHandle end, MemorySegment strm, Arena arena) implements Runnable {
        @Override
        public void run() {
            try {
                int ignored = (int) end.invokeExact(strm);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                arena.close();
            }
        }
    }

    /** One gzip member through zlib's deflate. */
    private static final class CompressingStream extends NativeOutputStream {
        private final Handles h;
        private final MemorySegment strm;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final Cleaner.Cleanable cleanable;

        CompressingStream(Handles h, int level, OutputStream out) {
            super("gzip", out);
            this.h = h;
            Arena arena = Arena.ofShared();
            this.strm = arena.allocate(GzipFfmBindings.Z_STREAM); // zeroed: default allocator
            int rc;
            try {
                rc = (int) h.deflateInit2()
                        .invokeExact(
                                strm,
                                level,
                                GzipFfmBindings.Z_DEFLATED,
                                GzipFfmBindings.GZIP_WINDOW_BITS,
                                GzipFfmBindings.MEM_LEVEL,
                                0, // Z_DEFAULT_STRATEGY
                                h.zlibVersion(),
                                (int) GzipFfmBindings.Z_STREAM.byteSize());
            } catch (Throwable t) {
                arena.close();
                throw NativeLibrary.rethrow(t);
            }
            if (rc != GzipFfmBindings.Z_OK) {
                String message = zlibMessage(strm, rc);
                arena.close();
                throw new IllegalStateException("zlib deflateInit2 failed: " + message);
            }
            this.cleanable = CLEANER.register(this, new State(h.deflateEnd(), strm, arena));
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(CHUNK);
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            MemorySegment.copy(b, off, src, ValueLayout.JAVA_BYTE, 0, len);
            NEXT_IN.set(strm, 0L, src);
            AVAIL_IN.set(strm, 0L, len);
            // Until zlib took the whole chunk and left room: it then holds nothing to write.
            while (drive(GzipFfmBindings.Z_NO_FLUSH) == 0 || (int) AVAIL_IN.get(strm, 0L) > 0) {
                // more output
            }
        }

        /** One deflate call into an empty dst; writes what it produced and returns the room left. */
        private int drive(int flush) throws IOException {
            NEXT_OUT.set(strm, 0L, dst);
            AVAIL_OUT.set(strm, 0L, CHUNK);
            int rc;
            try {
                rc = (int) h.deflate().invokeExact(strm, flush);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (rc != GzipFfmBindings.Z_OK && rc != GzipFfmBindings.Z_STREAM_END && rc != GzipFfmBindings.Z_BUF_ERROR) {
                throw new IOException("zlib deflate: " + zlibMessage(strm, rc));
            }
            int room = (int) AVAIL_OUT.get(strm, 0L);
            emit(dst, CHUNK - room);
            return rc == GzipFfmBindings.Z_STREAM_END ? -1 : room;
        }

        /** A sync flush: the bytes so far end on a byte boundary and decode; the member stays open. */
        @Override
        protected void flushLibrary() throws IOException {
            AVAIL_IN.set(strm, 0L, 0);
            while (drive(GzipFfmBindings.Z_SYNC_FLUSH) == 0) {
                // the output filled: more is pending
            }
        }

        @Override
        protected void finish() throws IOException {
            AVAIL_IN.set(strm, 0L, 0);
            while (drive(GzipFfmBindings.Z_FINISH) >= 0) {
                // until Z_STREAM_END: the trailer is written
            }
        }

        @Override
        protected void release() {
            cleanable.clean();
        }
    }

    /**
     * Members read through zlib's inflate in 128 KiB chunks; after each member ({@code
     * Z_STREAM_END}), more input is another member ({@code inflateReset}). The input must end
     * where a member ends, else it is truncated.
     */
    private static final class DecompressingStream extends ChunkedInputStream {
        private final Handles h;
        private final InputStream in;
        private final Decompressor owner;
        private final MemorySegment strm;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final byte[] transfer = new byte[CHUNK];
        private final Cleaner.Cleanable cleanable;
        private long consumed; // compressed bytes before the current src chunk
        private int inSize;
        private int outPos; // decoded bytes in dst not yet read: [outPos, outLimit)
        private int outLimit;
        private long memberStart; // the offset of the member being decoded
        private boolean memberDone;
        private boolean eof;
        private boolean any;
        private boolean closed;

        DecompressingStream(Handles h, InputStream in, Decompressor owner) {
            this.h = h;
            this.in = in;
            this.owner = owner;
            Arena arena = Arena.ofShared();
            this.strm = arena.allocate(GzipFfmBindings.Z_STREAM); // zeroed: default allocator, no input
            int rc;
            try {
                rc = (int) h.inflateInit2().invokeExact(strm, GzipFfmBindings.GZIP_WINDOW_BITS, h.zlibVersion(), (int)
                        GzipFfmBindings.Z_STREAM.byteSize());
            } catch (Throwable t) {
                arena.close();
                throw NativeLibrary.rethrow(t);
            }
            if (rc != GzipFfmBindings.Z_OK) {
                String message = zlibMessage(strm, rc);
                arena.close();
                throw new IllegalStateException("zlib inflateInit2 failed: " + message);
            }
            this.cleanable = CLEANER.register(this, new State(h.inflateEnd(), strm, arena));
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(CHUNK);
        }

        private int availIn() {
            return (int) AVAIL_IN.get(strm, 0L);
        }

        private long offset() {
            return consumed + inSize - availIn();
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (outPos < outLimit) {
                return serve(b, off, len);
            }
            while (true) {
                if (availIn() == 0 && !eof) {
                    consumed += inSize;
                    int n = in.readNBytes(transfer, 0, CHUNK);
                    inSize = n;
                    NEXT_IN.set(strm, 0L, src);
                    AVAIL_IN.set(strm, 0L, n);
                    if (n == 0) {
                        eof = true;
                        if (!any) {
                            throw new IOException(owner.fail(0, "empty input: no gzip member"));
                        }
                    } else {
                        any = true;
                        MemorySegment.copy(transfer, 0, src, ValueLayout.JAVA_BYTE, 0, n);
                    }
                }
                if (memberDone) {
                    if (availIn() > 0) {
                        memberStart = offset();
                        nextMember(); // another member follows
                    } else if (eof) {
                        return -1;
                    } else {
                        continue;
                    }
                }
                NEXT_OUT.set(strm, 0L, dst);
                AVAIL_OUT.set(strm, 0L, CHUNK);
                int before = availIn();
                int rc;
                try {
                    rc = (int) h.inflate().invokeExact(strm, GzipFfmBindings.Z_NO_FLUSH);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                int produced = CHUNK - (int) AVAIL_OUT.get(strm, 0L);
                if (rc == GzipFfmBindings.Z_STREAM_END) {
                    memberDone = true;
                } else if (rc != GzipFfmBindings.Z_OK && rc != GzipFfmBindings.Z_BUF_ERROR) {
                    String message = zlibMessage(strm, rc);
                    // zlib reads the header's first bytes before it judges them: name the member's start.
                    // After a trailer field, the field's own offset.
                    long at = HEADER_ERRORS.contains(message)
                            ? memberStart
                            : message.endsWith("data check") || message.endsWith("length check")
                                    ? offset() - 4
                                    : offset();
                    throw new IOException(owner.fail(at, reason(message)));
                }
                if (produced > 0) {
                    outPos = 0;
                    outLimit = produced;
                    return serve(b, off, len);
                }
                if (!memberDone && availIn() == before && (eof || availIn() > 0)) {
                    if (eof) {
                        throw new IOException(owner.fail(offset(), "truncated input: the member needs more bytes"));
                    }
                    throw new IllegalStateException("zlib made no progress at offset " + offset());
                }
            }
        }

        private void nextMember() {
            try {
                int rc = (int) h.inflateReset().invokeExact(strm);
                if (rc != GzipFfmBindings.Z_OK) {
                    throw new IllegalStateException("zlib inflateReset failed: " + rc);
                }
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            memberDone = false;
        }

        /** Copies decoded bytes not yet read into {@code b}. */
        private int serve(byte[] b, int off, int len) {
            int n = Math.min(len, outLimit - outPos);
            MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, outPos, b, off, n);
            outPos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                cleanable.clean();
                in.close();
            }
        }
    }

    /** zlib's messages about a gzip header. */
    private static final java.util.Set<String> HEADER_ERRORS =
            java.util.Set.of("incorrect header check", "unknown compression method", "unknown header flags set");

    /** zlib's messages, as reasons a reader understands. */
    static String reason(String message) {
        return switch (message) {
            case "incorrect header check" -> "not a gzip member (bad magic number or header)";
            case "incorrect data check" -> "CRC-32 mismatch: the data is corrupted";
            case "incorrect length check" -> "length mismatch: the data is corrupted";
            default -> message;
        };
    }
}
