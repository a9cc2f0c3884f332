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
 * gzip (RFC 1952) through libdeflate for one-shot compression and zlib for the rest ({@link
 * GzipFfmBindings}).
 *
 * <p>One-shot compression is {@code libdeflate_gzip_compress}: one member, the whole input in one
 * call (libdeflate has no streaming), Java arrays in place up to 256 KiB of input, native copies
 * above. Decompression, one-shot and streamed, is zlib's, in 128 KiB chunks: zlib is the
 * reference decoder of deflate, and libdeflate accepts streams that zlib refuses (in 20,000 mutated
 * members of the differential test, three whose Huffman code lengths zlib calls invalid ("invalid
 * literal/length code") decoded with libdeflate to the right bytes), so a provider that decoded
 * with libdeflate would give another verdict than java-compression (the JDK's zlib) and the {@code
 * gzip} tool on the same bytes. zlib also says where and why the input is bad (libdeflate says only
 * "bad data"). After a complete member, bytes that do not start another are {@link
 * #TRAILING_DATA}, at the offset of the first of them, as java-compression reports them.
 *
 * <p>Streams are zlib's {@code deflate} (windowBits 31: a gzip wrapper) and {@code inflate}, with
 * {@code inflateReset} between members. Compressors of libdeflate are kept idle between one-shot
 * calls ({@link IdlePool}); a stream's {@code z_stream} lives in its own arena, freed on {@code close()} or by the
 * cleaner for a stream dropped unclosed.
 */
final class GzipFfmCodec {
    private GzipFfmCodec() {}

    private static MemorySegment allocCompressor(Handles h, int level) {
        MemorySegment c;
        try {
            c = (MemorySegment) h.libdeflate().allocCompressor().invokeExact(level);
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
            h.libdeflate().freeCompressor().invokeExact(c);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
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
                return (long) h.libdeflate().gzipCompressBound().invokeExact(c, inputLength);
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
                    r = (long) h.libdeflate()
                            .gzipCompressHeap()
                            .invokeExact(
                                    c,
                                    MemorySegment.ofArray(in).asSlice(off, len),
                                    (long) len,
                                    MemorySegment.ofArray(out).asSlice(outOff, max),
                                    (long) max);
                } else {
                    long bound = (long) h.libdeflate().gzipCompressBound().invokeExact(c, (long) len);
                    long room = Math.min(max, bound);
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment src = arena.allocate(len);
                        MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                        MemorySegment dst = arena.allocate(Math.max(1, room));
                        r = (long) h.libdeflate().gzipCompress().invokeExact(c, src, (long) len, dst, room);
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

        Decompressor(Handles h) {
            super(Codec.GZIP);
            this.h = h;
        }

        @Override
        protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len == 0) {
                throw malformed(0, "empty input: no gzip member", null);
            }
            return inflateInto(in, off, len, out, outOff, max);
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
                rc = (int) h.zlib()
                        .deflateInit2()
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
            this.cleanable = CLEANER.register(this, new State(h.zlib().deflateEnd(), strm, arena));
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
                rc = (int) h.zlib().deflate().invokeExact(strm, flush);
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
                rc = (int) h.zlib()
                        .inflateInit2()
                        .invokeExact(strm, GzipFfmBindings.GZIP_WINDOW_BITS, h.zlibVersion(), (int)
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
            this.cleanable = CLEANER.register(this, new State(h.zlib().inflateEnd(), strm, arena));
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
                    rc = (int) h.zlib().inflate().invokeExact(strm, GzipFfmBindings.Z_NO_FLUSH);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                int produced = CHUNK - (int) AVAIL_OUT.get(strm, 0L);
                if (rc == GzipFfmBindings.Z_STREAM_END) {
                    memberDone = true;
                } else if (rc != GzipFfmBindings.Z_OK && rc != GzipFfmBindings.Z_BUF_ERROR) {
                    String message = zlibMessage(strm, rc);
                    if (memberStart > 0 && message.equals("incorrect header check")) {
                        throw new IOException(
                                MalformedInputException.trailingData(Codec.GZIP, memberStart, TRAILING_DATA));
                    }
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
                        if (memberStart > 0 && offset() - memberStart < 2) { // a byte after a member
                            throw new IOException(
                                    MalformedInputException.trailingData(Codec.GZIP, memberStart, TRAILING_DATA));
                        }
                        throw new IOException(owner.fail(offset(), "truncated input: the member needs more bytes"));
                    }
                    throw new IllegalStateException("zlib made no progress at offset " + offset());
                }
            }
        }

        private void nextMember() {
            try {
                int rc = (int) h.zlib().inflateReset().invokeExact(strm);
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

    /**
     * The reason for bytes after a complete member that do not start another, at the offset of the
     * first: java-compression's words, so that every provider reports them alike.
     */
    static final String TRAILING_DATA = "trailing data after the last gzip member (not a gzip member)";

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
