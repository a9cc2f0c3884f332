package dev.arsenal.providers.natives.compression;

import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.buffer;
import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.errorName;
import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.isError;
import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.pos;
import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.resetBuffer;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CHUNK;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CLEANER;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CRITICAL_INPUT;
import static dev.arsenal.providers.natives.ffm.NativeChunks.CRITICAL_OUTPUT;
import static dev.arsenal.providers.natives.ffm.NativeChunks.free;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.providers.natives.compression.ZstdFfmBindings.Handles;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import dev.arsenal.providers.natives.ffm.NativeOutputStream;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;

/**
 * Zstandard through the system's libzstd ({@link ZstdFfmBindings}): the compressor, the
 * decompressor and their streams. Small one-shot calls pass the Java arrays in place (critical
 * downcalls); larger ones, and streams, go through native buffers in chunks, so that no call holds
 * off the GC for long. One-shot calls take a context from {@link IdlePool} (a few kept per
 * compressor or decompressor, freed by a cleaner when it becomes unreachable; a failed call frees
 * its context); streams make their own and free it on {@code close()}, or by a {@link Cleaner} for
 * a stream that was dropped unclosed. Options and
 * dictionaries are {@link ZstdFfmDictionaries}' setups, made once per compressor or decompressor
 * and applied to each context; every call and stream keeps its setup, and so the digested
 * dictionary its context references, reachable.
 */
final class ZstdFfmCodec {
    private ZstdFfmCodec() {}

    private static MemorySegment call(MethodHandle h) {
        try {
            return (MemorySegment) h.invokeExact();
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * A compression context set up for {@code level}, with the content size and a checksum unless
     * {@code setup} turns them off, and {@code setup}'s dictionary.
     */
    static MemorySegment newCCtx(Handles h, int level, ZstdFfmDictionaries.CompressionSetup setup) {
        MemorySegment cctx = call(h.createCCtx());
        if (cctx.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("ZSTD_createCCtx returned NULL");
        }
        try {
            check(h, (long) h.setParameter().invokeExact(cctx, ZstdFfmBindings.C_LEVEL, level), "level " + level);
            check(h, (long) h.setParameter().invokeExact(cctx, ZstdFfmBindings.C_CHECKSUM, 1), "checksum flag");
            check(h, (long) h.setParameter().invokeExact(cctx, ZstdFfmBindings.C_CONTENT_SIZE, 1), "content size");
            if (level > 19) {
                check(
                        h,
                        (long) h.setParameter()
                                .invokeExact(cctx, ZstdFfmBindings.C_WINDOW_LOG, ZstdFfmBindings.ULTRA_WINDOW_LOG),
                        "window log");
            }
            setup.apply(h, cctx);
        } catch (Throwable t) {
            free(h.freeCCtx(), cctx);
            throw NativeLibrary.rethrow(t);
        }
        return cctx;
    }

    private static void check(Handles h, long code, String what) {
        if (isError(h, code)) {
            throw new IllegalStateException("libzstd refused " + what + ": " + errorName(h, code));
        }
    }

    static final class Compressor extends AbstractCompressor {
        private final Handles h;
        private final ZstdFfmDictionaries.CompressionSetup setup;
        /** Idle contexts: making one costs more than compressing 4 KiB; see {@link IdlePool}. */
        private final IdlePool<MemorySegment> contexts;

        Compressor(Handles h, int level) {
            this(h, level, CompressionOptions.defaults());
        }

        /** With {@code options}; a dictionary is digested here, once. */
        Compressor(Handles h, int level, CompressionOptions options) {
            super(Codec.ZSTD, level);
            this.h = h;
            this.setup = ZstdFfmDictionaries.CompressionSetup.of(h.dictionaries(), level, options);
            ZstdFfmDictionaries.CompressionSetup s = setup; // captured instead of this
            this.contexts = IdlePool.closing(this, () -> newCCtx(h, level, s), c -> free(h.freeCCtx(), c));
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("negative input length " + inputLength);
            }
            try {
                return (long) h.compressBound().invokeExact(inputLength);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }

        @Override
        protected int compressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            MemorySegment cctx = contexts.take();
            boolean done = false;
            try {
                long r;
                if (len <= CRITICAL_INPUT) {
                    r = (long) h.compress2Heap()
                            .invokeExact(
                                    cctx,
                                    MemorySegment.ofArray(out).asSlice(outOff, max),
                                    (long) max,
                                    MemorySegment.ofArray(in).asSlice(off, len),
                                    (long) len);
                } else {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment src = arena.allocate(len);
                        MemorySegment.copy(in, off, src, ValueLayout.JAVA_BYTE, 0, len);
                        MemorySegment dst = arena.allocate(max);
                        r = (long) h.compress2().invokeExact(cctx, dst, (long) max, src, (long) len);
                        if (!isError(h, r)) {
                            MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff, (int) r);
                        }
                    }
                }
                if (isError(h, r)) {
                    String name = errorName(h, r);
                    if (name.contains("too small")) {
                        throw outputTooSmall(len, max);
                    }
                    throw new IllegalStateException("libzstd: " + name);
                }
                done = true;
                return (int) r;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                contexts.give(cctx, done);
                Reference.reachabilityFence(setup); // its dictionary outlives the context
            }
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new CompressingStream(h, level(), out, setup, -1);
        }

        /**
         * A frame whose size libzstd is promised ({@code ZSTD_CCtx_setPledgedSrcSize}): it writes
         * the size unless the options turned {@code ZSTD_c_contentSizeFlag} off, and fails the
         * frame if the count differs.
         */
        @Override
        protected OutputStream newStream(OutputStream out, long contentSize) {
            return new CompressingStream(h, level(), out, setup, contentSize);
        }
    }

    static final class Decompressor extends AbstractDecompressor {
        private final Handles h;
        private final ZstdFfmDictionaries.DecompressionSetup setup;
        /** Idle contexts of the one-shot form; streams make their own. */
        private final IdlePool<MemorySegment> contexts;

        Decompressor(Handles h) {
            this(h, CompressionOptions.defaults());
        }

        /** With {@code options}' dictionary, digested here, once. */
        Decompressor(Handles h, CompressionOptions options) {
            super(Codec.ZSTD);
            this.h = h;
            this.setup = ZstdFfmDictionaries.DecompressionSetup.of(h.dictionaries(), options);
            ZstdFfmDictionaries.DecompressionSetup s = setup; // captured instead of this
            this.contexts = IdlePool.closing(this, () -> newDCtx(h, s), c -> free(h.freeDCtx(), c));
        }

        /** A decompression context referencing the dictionary; the caller keeps this reachable. */
        MemorySegment newDCtx() {
            return newDCtx(h, setup);
        }

        private static MemorySegment newDCtx(Handles h, ZstdFfmDictionaries.DecompressionSetup setup) {
            MemorySegment dctx = call(h.createDCtx());
            if (dctx.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("ZSTD_createDCtx returned NULL");
            }
            try {
                setup.apply(h, dctx);
            } catch (Throwable t) {
                free(h.freeDCtx(), dctx);
                throw NativeLibrary.rethrow(t);
            }
            return dctx;
        }

        /** The reason for libzstd's {@code errorName}; {@code frame} starts the input, or is null. */
        String reason(String errorName, MemorySegment frame) {
            return setup.reason(h, errorName, frame);
        }

        @Override
        public byte[] decompress(byte[] input, int maxLength) {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
            }
            if (input.length > 0 && input.length <= CRITICAL_INPUT) {
                long bound;
                try {
                    bound = (long) h.decompressBound().invokeExact(MemorySegment.ofArray(input), (long) input.length);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                if (bound != ZstdFfmBindings.CONTENTSIZE_ERROR
                        && bound >= 0
                        && bound <= Math.min(maxLength, CRITICAL_OUTPUT)) {
                    byte[] out = new byte[(int) bound];
                    int n = decompressArrays(input, 0, input.length, out, 0, out.length);
                    return n == out.length ? out : Arrays.copyOf(out, n);
                }
            }
            return super.decompress(input, maxLength); // streams, with the limit
        }

        @Override
        protected int decompressArrays(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            ZstdFrameCheck check = new ZstdFrameCheck();
            check.feed(in, off, len);
            if (check.violationAt() >= 0) {
                throw malformed(check.violationAt(), check.violation(), null);
            }
            if (len > 0 && NativeChunks.inPlace(len, max)) {
                MemorySegment dctx = contexts.take();
                boolean done = false;
                try {
                    long r = (long) h.decompressDCtxHeap()
                            .invokeExact(
                                    dctx,
                                    MemorySegment.ofArray(out).asSlice(outOff, max),
                                    (long) max,
                                    MemorySegment.ofArray(in).asSlice(off, len),
                                    (long) len);
                    if (!isError(h, r)) {
                        done = true;
                        return (int) r;
                    }
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                } finally {
                    contexts.give(dctx, done);
                    Reference.reachabilityFence(this);
                }
                // Failed: decode again in chunks, which knows where and why.
            }
            return streamInto(in, off, len, out, outOff, max);
        }

        /** Decodes in native chunks into {@code out}; throws with the input offset on failure. */
        private int streamInto(byte[] in, int off, int len, byte[] out, int outOff, int max) {
            if (len == 0) {
                throw malformed(0, "empty input: no zstd frame", null);
            }
            MemorySegment dctx = newDCtx();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment src = arena.allocate(Math.min(len, CHUNK));
                MemorySegment dst = arena.allocate(CHUNK);
                MemorySegment inBuf = buffer(arena, src, 0);
                MemorySegment outBuf = buffer(arena, dst, CHUNK);
                int written = 0;
                int synced = 0; // written when the last frame ended
                ZstdFrameCheck sizes = new ZstdFrameCheck();
                sizes.feed(in, off, len);
                long last = 0;
                boolean frameDone = false;
                for (int fed = 0; fed < len; ) {
                    int chunk = Math.min(len - fed, (int) src.byteSize());
                    MemorySegment.copy(in, off + fed, src, ValueLayout.JAVA_BYTE, 0, chunk);
                    resetBuffer(inBuf, chunk);
                    while (true) {
                        resetBuffer(outBuf, CHUNK);
                        long before = pos(inBuf);
                        last = (long) h.decompressStream().invokeExact(dctx, outBuf, inBuf);
                        if (isError(h, last)) {
                            throw malformed(
                                    fed + pos(inBuf),
                                    reason(
                                            errorName(h, last),
                                            MemorySegment.ofArray(in).asSlice(off, len)),
                                    null);
                        }
                        int produced = (int) pos(outBuf);
                        boolean progressed = pos(inBuf) != before || produced > 0;
                        frameDone = frameEnded(last, frameDone, progressed);
                        if (produced > max - written) {
                            throw tooLarge(fed + pos(inBuf), max);
                        }
                        MemorySegment.copy(dst, ValueLayout.JAVA_BYTE, 0, out, outOff + written, produced);
                        written += produced;
                        if (frameDone && progressed) {
                            checkSizes(sizes, fed + pos(inBuf), written - synced);
                            synced = written;
                        }
                        if (pos(inBuf) == chunk && produced < CHUNK) {
                            break;
                        }
                    }
                    fed += chunk;
                }
                if (!frameDone) {
                    throw malformed(len, "truncated input: the frame needs more bytes", null);
                }
                return written;
            } catch (MalformedInputException e) {
                throw e;
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            } finally {
                free(h.freeDCtx(), dctx);
                Reference.reachabilityFence(this);
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new DecompressingStream(h, in, this);
        }

        MalformedInputException fail(long offset, String reason) {
            return malformed(offset, reason, null);
        }

        /**
         * At the end of a frame (libzstd answered 0) at input offset {@code position}: the frames
         * that ended there must have produced the content sizes they declare. libzstd's streaming
         * decoder does not check a frame that ends with an empty block ({@link ZstdFrameCheck}).
         */
        void checkSizes(ZstdFrameCheck sizes, long position, long produced) {
            long expected = sizes.expectedUpTo(position);
            if (expected >= 0 && expected != produced) {
                throw malformed(position, "the frame holds " + produced + " bytes, its header says " + expected, null);
            }
        }
    }

    /**
     * Whether the input so far ends on a frame boundary, after a decompressStream call that
     * answered {@code result}: 0 means a frame was completed and flushed. A call that neither read
     * input nor wrote output (after a frame ended exactly at a full output buffer, libzstd already
     * answers for the next frame) changes nothing.
     */
    static boolean frameEnded(long result, boolean before, boolean progressed) {
        return progressed ? result == 0 : before || result == 0;
    }

    /** libzstd's error names, as reasons a reader understands. */
    static String reason(String errorName) {
        return switch (errorName) {
            case "Unknown frame descriptor" -> "not a zstd frame (unknown magic number)";
            case "Restored data doesn't match checksum" -> "checksum mismatch: the data is corrupted";
            case "Data corruption detected" -> "corrupted data";
            case "Frame requires too much memory for decoding" ->
                "the frame's window is larger than the decoder allows (128 MiB)";
            default -> errorName;
        };
    }

    private static final class CompressingStream extends NativeOutputStream {
        private final Handles h;
        /** Held so that the dictionary {@code cctx} references lives as long as this stream. */
        private final ZstdFfmDictionaries.CompressionSetup setup;

        private final MemorySegment cctx;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final MemorySegment inBuf;
        private final MemorySegment outBuf;
        private final Cleaner.Cleanable cleanable;

        /** A frame over {@code out}; {@code contentSize} is pledged to libzstd unless it is -1. */
        CompressingStream(
                Handles h, int level, OutputStream out, ZstdFfmDictionaries.CompressionSetup setup, long contentSize) {
            super("zstd", out);
            this.h = h;
            this.setup = setup;
            Arena arena = Arena.ofShared();
            this.cctx = newCCtx(h, level, setup);
            this.cleanable = CLEANER.register(this, new NativeChunks.Release(h.freeCCtx(), cctx, arena));
            if (contentSize >= 0) {
                try {
                    check(h, (long) h.setPledgedSrcSize().invokeExact(cctx, contentSize), "the content size");
                } catch (Throwable t) {
                    cleanable.clean();
                    throw NativeLibrary.rethrow(t);
                }
            }
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(CHUNK);
            this.inBuf = buffer(arena, src, 0);
            this.outBuf = buffer(arena, dst, CHUNK);
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            MemorySegment.copy(b, off, src, ValueLayout.JAVA_BYTE, 0, len);
            resetBuffer(inBuf, len);
            while (pos(inBuf) < len) {
                drive(ZstdFfmBindings.E_CONTINUE);
            }
        }

        /** One compressStream2 call; writes what it produced. Returns libzstd's "left to flush". */
        private long drive(int directive) throws IOException {
            resetBuffer(outBuf, CHUNK);
            long r;
            try {
                r = (long) h.compressStream2().invokeExact(cctx, outBuf, inBuf, directive);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
            if (isError(h, r)) {
                throw new IOException("libzstd: " + errorName(h, r));
            }
            emit(dst, (int) pos(outBuf));
            return r;
        }

        @Override
        protected void flushLibrary() throws IOException {
            resetBuffer(inBuf, 0);
            while (drive(ZstdFfmBindings.E_FLUSH) != 0) {
                // until libzstd holds nothing more of what was written
            }
        }

        @Override
        protected void finish() throws IOException {
            resetBuffer(inBuf, 0);
            while (drive(ZstdFfmBindings.E_END) != 0) {
                // flush until the frame is complete
            }
        }

        @Override
        protected void release() {
            cleanable.clean();
        }
    }

    private static final class DecompressingStream extends ChunkedInputStream {
        private final Handles h;
        private final InputStream in;
        private final Decompressor owner;
        private final MemorySegment dctx;
        private final MemorySegment src;
        private final MemorySegment dst;
        private final MemorySegment inBuf;
        private final MemorySegment outBuf;
        private final byte[] transfer = new byte[CHUNK];
        private final Cleaner.Cleanable cleanable;
        private long consumed; // compressed bytes before the current input chunk
        private int inSize;
        private long last; // libzstd's last answer
        private boolean frameDone; // the last frame begun is complete
        private int outPos; // decoded bytes in dst not yet read: [outPos, outLimit)
        private int outLimit;
        private boolean eof;
        private boolean pending;
        private boolean any;
        private boolean closed;
        /** The frame and block headers of what was fed to libzstd, for the checks libzstd skips. */
        private final ZstdFrameCheck check = new ZstdFrameCheck();

        private long decoded; // bytes libzstd produced
        private long synced; // decoded when the last frame ended

        DecompressingStream(Handles h, InputStream in, Decompressor owner) {
            this.h = h;
            this.in = in;
            this.owner = owner;
            Arena arena = Arena.ofShared();
            this.dctx = owner.newDCtx(); // the owner, held, holds the dictionary dctx references
            this.cleanable = CLEANER.register(this, new NativeChunks.Release(h.freeDCtx(), dctx, arena));
            this.src = arena.allocate(CHUNK);
            this.dst = arena.allocate(CHUNK);
            this.inBuf = buffer(arena, src, 0);
            this.outBuf = buffer(arena, dst, CHUNK);
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            if (outPos < outLimit) {
                return serve(b, off, len);
            }
            while (true) {
                if (!eof && pos(inBuf) == inSize && !pending) {
                    consumed += inSize;
                    int n = in.readNBytes(transfer, 0, CHUNK);
                    if (n == 0) {
                        eof = true;
                        inSize = 0;
                        resetBuffer(inBuf, 0);
                        if (!any) {
                            throw new IOException(owner.fail(0, "empty input: no zstd frame"));
                        }
                    } else {
                        any = true;
                        check.feed(transfer, 0, n);
                        if (check.violationAt() >= 0) {
                            throw new IOException(owner.fail(check.violationAt(), check.violation()));
                        }
                        MemorySegment.copy(transfer, 0, src, ValueLayout.JAVA_BYTE, 0, n);
                        inSize = n;
                        resetBuffer(inBuf, n);
                    }
                }
                if (eof && frameDone && !pending) {
                    return -1; // every frame complete and flushed
                }
                // Always a whole chunk of room (tiny output buffers leave libzstd's end-of-frame
                // answer ambiguous); what the caller cannot take yet is served from it later.
                resetBuffer(outBuf, CHUNK);
                long before = pos(inBuf);
                try {
                    last = (long) h.decompressStream().invokeExact(dctx, outBuf, inBuf);
                } catch (Throwable t) {
                    throw NativeLibrary.rethrow(t);
                }
                if (isError(h, last)) {
                    throw new IOException(owner.fail(consumed + pos(inBuf), owner.reason(errorName(h, last), null)));
                }
                int produced = (int) pos(outBuf);
                boolean progressed = pos(inBuf) != before || produced > 0;
                frameDone = frameEnded(last, frameDone, progressed);
                decoded += produced;
                if (frameDone && progressed) {
                    try {
                        owner.checkSizes(check, consumed + pos(inBuf), decoded - synced);
                    } catch (MalformedInputException e) {
                        throw new IOException(e);
                    }
                    synced = decoded;
                }
                // A full output buffer may leave more to flush before more input is needed.
                pending = produced == CHUNK;
                if (produced > 0) {
                    outPos = 0;
                    outLimit = produced;
                    return serve(b, off, len);
                }
                if (eof && !pending) {
                    if (!frameDone) {
                        throw new IOException(owner.fail(consumed, "truncated input: the frame needs more bytes"));
                    }
                    return -1;
                }
            }
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
}
