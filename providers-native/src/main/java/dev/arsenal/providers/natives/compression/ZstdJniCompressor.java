package dev.arsenal.providers.natives.compression;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * Zstandard through zstd-jni at one level, writing what the {@code zstd} command writes by default:
 * one frame with the content size and an XXH64 content checksum ({@code ZSTD_compress2} with {@code
 * ZSTD_c_contentSizeFlag} and {@code ZSTD_c_checksumFlag}). A stream records the content size when
 * it is given one ({@link #compressing(OutputStream, long)}), as {@code zstd} does for a file, and
 * otherwise has the checksum but no content size, as {@code zstd} reading a pipe.
 *
 * <p>Levels are libzstd's: 1 to 19 as the command, 20 to 22 what it calls {@code --ultra}, and
 * negative levels -1 to -7 its {@code --fast=1} to {@code --fast=7}. Levels 20 to 22 keep the
 * window at 8 MiB ({@code windowLog} 23, level 19's): libzstd would use up to 128 MiB there, as
 * {@code zstd --ultra -22} does, but RFC 8878 asks decoders to support only 8 MiB, and the
 * pure-Java decoder refuses more ("Window size too large"), so a frame with a larger window would
 * break the promise that every provider's output decodes with every other. They still search
 * harder than 19 within that window. Level 0 is libzstd's "default level", which is 3: the frames are level 3's, while
 * {@link #level()} says 0.
 *
 * <p>{@link CompressionOptions} turn the checksum and the content size off and add a dictionary.
 * A dictionary is digested once, here, into a {@link ZstdDictCompress} at this level ({@code
 * ZSTD_createCDict}), which every call's context references ({@code ZSTD_CCtx_refCDict}): the
 * digest is read-only, so the calls of many threads share it. A {@link Cleaner} closes it when this
 * compressor becomes unreachable; the streams this compressor makes reference it, so it is never
 * freed under one. The digest sets the search tables' parameters, while the window stays the
 * context's: levels 20 to 22 keep their 8 MiB with a dictionary too.
 *
 * <p>A libzstd context is not thread-safe and holds native memory only {@code close()} frees (no
 * cleaner, no finalizer). Making one costs more than compressing 4 KiB, so calls take one from
 * {@link IdlePool} (a few kept per compressor, closed when it becomes unreachable) and give it
 * back; {@code ZSTD_compress2} starts every frame afresh with the context's parameters.
 */
final class ZstdJniCompressor extends AbstractCompressor {
    private static final Cleaner CLEANER = Cleaner.create();

    private final boolean checksum;
    private final boolean contentSize;
    /** The digested dictionary, or null. */
    private final ZstdDictCompress digested;

    private final IdlePool<ZstdCompressCtx> contexts;

    ZstdJniCompressor(int level) {
        this(level, CompressionOptions.defaults());
    }

    ZstdJniCompressor(int level, CompressionOptions options) {
        super(Codec.ZSTD, level);
        this.checksum = options.checksum();
        this.contentSize = options.contentSize();
        byte[] dictionary = options.dictionary().orElse(null);
        if (dictionary != null) {
            ZstdDictCompress d;
            try {
                d = new ZstdDictCompress(dictionary, level);
            } catch (ZstdException | IllegalStateException e) { // "ZSTD_createCDict failed"
                throw new IllegalArgumentException("libzstd refused the dictionary: " + e.getMessage(), e);
            }
            CLEANER.register(this, d::close);
            this.digested = d;
        } else {
            this.digested = null;
        }
        int lvl = level;
        boolean sum = checksum;
        boolean size = contentSize;
        ZstdDictCompress dict = digested;
        this.contexts = IdlePool.closing(this, () -> context(lvl, sum, size, dict), ZstdCompressCtx::close);
    }

    @Override
    public long maxCompressedLength(long inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
        }
        return Zstd.compressBound(inputLength);
    }

    /** The largest window this compressor uses, as a log: 8 MiB, what every decoder must support. */
    static final int MAX_WINDOW_LOG = 23;

    /** The level from which libzstd's window would exceed {@link #MAX_WINDOW_LOG}. */
    private static final int FIRST_WIDE_LEVEL = 20;

    /** A context with these settings; static, so that the pool's factory does not hold the compressor. */
    private static ZstdCompressCtx context(int level, boolean checksum, boolean contentSize, ZstdDictCompress dict) {
        ZstdCompressCtx ctx =
                new ZstdCompressCtx().setLevel(level).setChecksum(checksum).setContentSize(contentSize);
        if (level >= FIRST_WIDE_LEVEL) {
            ctx.setWindowLog(MAX_WINDOW_LOG);
        }
        if (dict != null) {
            ctx.loadDict(dict);
        }
        return ctx;
    }

    @Override
    protected int compressArrays(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
        ZstdCompressCtx ctx = contexts.take();
        boolean done = false;
        try {
            int n = ctx.compressByteArray(output, outputOffset, maxOutputLength, input, offset, length);
            done = true;
            return n;
        } catch (ZstdException e) {
            throw failed(e, length, maxOutputLength);
        } finally {
            contexts.give(ctx, done);
            Reference.reachabilityFence(this); // the cleaner must not free the digest mid-call
        }
    }

    /** Direct buffers go to libzstd in place; anything else through the array form. */
    @Override
    public void compress(ByteBuffer input, ByteBuffer output) {
        if (!input.isDirect() || !output.isDirect() || output.isReadOnly()) {
            super.compress(input, output);
            return;
        }
        int n = compressDirect(
                input, input.position(), input.remaining(), output, output.position(), output.remaining());
        input.position(input.limit());
        output.position(output.position() + n);
    }

    /** Native segments go to libzstd in place; anything else through the array form. */
    @Override
    public long compress(MemorySegment input, MemorySegment output) {
        if (!input.isNative()
                || !output.isNative()
                || output.isReadOnly()
                || input.byteSize() > Integer.MAX_VALUE
                || output.byteSize() > Integer.MAX_VALUE) {
            return super.compress(input, output);
        }
        return compressDirect(
                input.asByteBuffer(), 0, (int) input.byteSize(), output.asByteBuffer(), 0, (int) output.byteSize());
    }

    private int compressDirect(
            ByteBuffer input, int offset, int length, ByteBuffer output, int outputOffset, int room) {
        ZstdCompressCtx ctx = contexts.take();
        boolean done = false;
        try {
            int n = ctx.compressDirectByteBuffer(output, outputOffset, room, input, offset, length);
            done = true;
            return n;
        } catch (ZstdException e) {
            throw failed(e, length, room);
        } finally {
            contexts.give(ctx, done);
            Reference.reachabilityFence(this);
        }
    }

    private RuntimeException failed(ZstdException e, long length, long room) {
        if (ZstdJniBindings.isOutputTooSmall(e.getErrorCode())) {
            IllegalArgumentException tooSmall = outputTooSmall(length, room);
            tooSmall.initCause(e);
            return tooSmall;
        }
        return new IllegalStateException("zstd-jni failed to compress at level " + level() + ": " + e.getMessage(), e);
    }

    /**
     * zstd-jni's stream at this level, with a checksum unless the options said no, and the
     * dictionary; {@code close()} ends the frame and closes {@code out}. The stream references this
     * compressor, so that the digested dictionary outlives it.
     */
    @Override
    protected OutputStream newStream(OutputStream out) {
        try {
            ZstdOutputStreamNoFinalizer stream = new OwnedStream(out, level(), this);
            stream.setChecksum(checksum);
            if (level() >= FIRST_WIDE_LEVEL) {
                stream.setWindowLog(MAX_WINDOW_LOG);
            }
            if (digested != null) {
                stream.setDict(digested);
            }
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException("zstd-jni could not start a stream at level " + level(), e);
        }
    }

    /**
     * A frame whose size libzstd is promised: zstd-jni's stream has no way to pledge one, so this
     * stream drives a context of its own ({@link ZstdCompressCtx#compressByteBufferStream}, that is
     * {@code ZSTD_compressStream2}) after {@code ZSTD_CCtx_setPledgedSrcSize}. libzstd writes the
     * size unless the options turned it off, and fails the frame if the count differs. The context
     * is closed with the stream.
     */
    @Override
    protected OutputStream newStream(OutputStream out, long contentSize) {
        ZstdCompressCtx ctx = context(level(), checksum, this.contentSize, digested);
        try {
            ctx.setPledgedSrcSize(contentSize);
        } catch (ZstdException e) {
            ctx.close();
            throw new IllegalStateException(
                    "libzstd refused the content size " + contentSize + ": " + e.getMessage(), e);
        }
        return new SizedStream(out, ctx, this);
    }

    /** One frame through a context of its own; see {@link #newStream(OutputStream, long)}. */
    private static final class SizedStream extends ChunkedOutputStream {
        /** libzstd's {@code ZSTD_CStreamInSize()}: one block, what a call takes at once best. */
        private static final int IN = 128 << 10;

        private static final ByteBuffer NO_INPUT = ByteBuffer.allocate(0);

        private final OutputStream out;
        private final ZstdCompressCtx ctx;

        @SuppressWarnings("unused") // held for reachability only: the context references its dictionary
        private final ZstdJniCompressor owner;

        private final ByteBuffer dst = ByteBuffer.allocate((int) ZstdOutputStreamNoFinalizer.recommendedCOutSize());

        SizedStream(OutputStream out, ZstdCompressCtx ctx, ZstdJniCompressor owner) {
            super("zstd", IN);
            this.out = out;
            this.ctx = ctx;
            this.owner = owner;
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                drive(src, EndDirective.CONTINUE);
            }
        }

        /** One {@code ZSTD_compressStream2} call; writes what it produced. Whether it is done. */
        private boolean drive(ByteBuffer src, EndDirective directive) throws IOException {
            dst.clear();
            boolean done;
            try {
                done = ctx.compressByteBufferStream(dst, src, directive);
            } catch (ZstdException e) {
                throw new IOException("libzstd: " + e.getMessage(), e);
            }
            out.write(dst.array(), 0, dst.position());
            return done;
        }

        @Override
        protected void flushWritten() throws IOException {
            while (!drive(NO_INPUT, EndDirective.FLUSH)) {
                // until libzstd holds nothing more of what was written
            }
            out.flush();
        }

        @Override
        protected void closeOnce() throws IOException {
            try (out) {
                while (!drive(NO_INPUT, EndDirective.END)) {
                    // until the frame is complete
                }
            } finally {
                ctx.close();
            }
        }
    }

    /** zstd-jni's stream, keeping its compressor (and so the digested dictionary) reachable. */
    private static final class OwnedStream extends ZstdOutputStreamNoFinalizer {
        @SuppressWarnings("unused") // held for reachability only
        private final ZstdJniCompressor owner;

        OwnedStream(OutputStream out, int level, ZstdJniCompressor owner) throws IOException {
            super(out, level);
            this.owner = owner;
        }
    }
}
