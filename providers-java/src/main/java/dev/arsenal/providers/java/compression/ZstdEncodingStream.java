package dev.arsenal.providers.java.compression;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A compressing stream that writes one Zstandard frame: the content size in the header if it was
 * given (the caller checks that it holds), blocks of 128 KiB as the input fills them, matches reaching back a whole window across
 * blocks, an XXH64 checksum at the end.
 *
 * <p>{@link #flush} writes what was written so far as a block (a short one if needed) and flushes
 * the target, so that a reader decodes everything up to there, and the frame goes on (zstd's
 * {@code ZSTD_e_flush}); {@link #close} writes the last block, the checksum, and closes the target.
 * A full block is held back until more input comes, so that the last block carries the last-block
 * flag without an empty block after it. An empty stream is a frame with one empty last block.
 *
 * <p>The input is kept in a buffer of the window and what is not compressed yet. It grows by
 * doubling up to twice the window (4 MiB at level 3); when full, the last window's worth of bytes
 * slides to its start, one copy of the window per window of input. Buffer, tables and scratch
 * belong to a context from the compressor's {@link IdlePool}, taken when the stream
 * is made and given back when it is closed, so a stream after the first allocates almost nothing.
 */
final class ZstdEncodingStream extends ChunkedOutputStream {
    private static final int BLOCK = ZstdFrameEncoder.BLOCK_SIZE;

    /** The buffer a new context starts with; doubled as the input needs. */
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final OutputStream out;
    private final IdlePool<ZstdFrameEncoder> pool;
    private final ZstdFrameEncoder frame;
    private final HashStream64 checksum =
            new JavaHashingProvider().hasher64(HashAlgorithm.XXH64, 0).newStream();
    private final int windowSize;
    private final int capacity;
    private final byte[] block;
    private byte[] buffer;

    /** The bytes held in {@link #buffer}. */
    private int end;

    /** The first byte of {@link #buffer} not compressed yet. */
    private int pending;

    private boolean headerWritten;

    /** The content size for the header, or -1 for none. */
    private final long contentSize;

    /** A frame over {@code out} of unknown size, with a context from {@code pool}. */
    ZstdEncodingStream(OutputStream out, IdlePool<ZstdFrameEncoder> pool) {
        this(out, pool, -1);
    }

    /** A frame over {@code out} whose header records {@code contentSize}, or none if it is -1. */
    ZstdEncodingStream(OutputStream out, IdlePool<ZstdFrameEncoder> pool, long contentSize) {
        super("zstd", BLOCK);
        this.out = out;
        this.pool = pool;
        this.contentSize = contentSize;
        this.frame = pool.take();
        frame.startStream();
        windowSize = frame.parameters().windowSize();
        capacity = 2 * Math.max(windowSize, 2 * BLOCK);
        buffer = frame.streamWindow != null ? frame.streamWindow : new byte[INITIAL_BUFFER];
        if (frame.streamOut == null) {
            frame.streamOut = new byte[ZstdFrameEncoder.MAX_HEADER + 3 + BLOCK + 4];
        }
        block = frame.streamOut;
    }

    @Override
    protected void writeChunk(byte[] b, int off, int len) throws IOException {
        checksum.update(b, off, len);
        while (len > 0) {
            if (end - pending == BLOCK) {
                emit(false); // a full block, and more input: it is not the last
            }
            if (end == buffer.length) {
                makeRoom();
            }
            int n = Math.min(len, Math.min(BLOCK - (end - pending), buffer.length - end));
            System.arraycopy(b, off, buffer, end, n);
            end += n;
            off += n;
            len -= n;
        }
    }

    /** Grows the buffer up to {@link #capacity}, then slides the last window to its start. */
    private void makeRoom() {
        if (buffer.length < capacity) {
            byte[] larger = new byte[Math.min(capacity, buffer.length * 2)];
            System.arraycopy(buffer, 0, larger, 0, end);
            buffer = larger;
            return;
        }
        // Less than a block is pending, so more than a window lies before it.
        int shift = pending - windowSize;
        System.arraycopy(buffer, shift, buffer, 0, end - shift);
        end -= shift;
        pending -= shift;
        frame.slid(shift);
    }

    /** Writes the pending input as a block (the header first, once), and the checksum if last. */
    private void emit(boolean last) throws IOException {
        int o = 0;
        if (!headerWritten) {
            o = frame.writeHeader(contentSize, block, 0, block.length);
            headerWritten = true;
        }
        if (pending < end || last) {
            o = pending < end
                    ? frame.writeBlock(buffer, pending, end, last, block, o, block.length)
                    : ZstdFrameEncoder.writeBlockHeader(block, o, 0, ZstdFormat.BLOCK_RAW, true);
            pending = end;
        }
        if (last) {
            ZstdFrameEncoder.writeInt(block, o, (int) checksum.digest());
            o += 4;
        }
        out.write(block, 0, o);
    }

    /** Writes what was written so far as a block, so that it decodes; the frame stays open. */
    @Override
    protected void flushWritten() throws IOException {
        if (pending < end || !headerWritten) {
            emit(false);
        }
        out.flush();
    }

    /** Ends the frame (last block, checksum), closes the target, gives the context back. */
    @Override
    protected void closeOnce() throws IOException {
        boolean done = false;
        try (out) {
            emit(true);
            done = true;
        } finally {
            frame.streamWindow = buffer;
            pool.give(frame, done);
        }
    }
}
