package dev.arsenal.spi.compression;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The base of encoders' output streams, as {@link ChunkedInputStream} is of decoders': {@code
 * write(int)} goes through {@code write(b, off, len)}, whose range is checked, whose zero length is
 * answered here and whose longer runs are cut to the subclass's largest chunk; writing to or
 * flushing a closed stream is an {@link IOException} naming the stream, and {@code close()} runs
 * {@link #closeOnce} once. A subclass implements {@link #writeChunk}, {@link #flushWritten} and
 * {@link #closeOnce}.
 */
public abstract class ChunkedOutputStream extends OutputStream {
    private final byte[] one = new byte[1];
    private final String name;
    private final int maxChunk;
    private boolean closed;

    /**
     * A stream whose {@link #writeChunk} takes any length.
     *
     * @param name what the stream writes ("zstd"), for the message "zstd stream is closed"
     */
    protected ChunkedOutputStream(String name) {
        this(name, Integer.MAX_VALUE);
    }

    /**
     * A stream whose {@link #writeChunk} takes at most {@code maxChunk} bytes at a time.
     *
     * @param name what the stream writes ("zstd"), for the message "zstd stream is closed"
     * @param maxChunk the most bytes one {@link #writeChunk} is given, at least 1
     */
    protected ChunkedOutputStream(String name, int maxChunk) {
        if (maxChunk < 1) {
            throw new IllegalArgumentException("maxChunk must be at least 1: " + maxChunk);
        }
        this.name = name;
        this.maxChunk = maxChunk;
    }

    @Override
    public final void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            int chunk = Math.min(len, maxChunk);
            writeChunk(b, off, chunk);
            off += chunk;
            len -= chunk;
        }
    }

    /** Makes everything written so far reach the target and decode there; the frame stays open. */
    @Override
    public final void flush() throws IOException {
        ensureOpen();
        flushWritten();
    }

    /** Runs {@link #closeOnce} the first time; later calls do nothing. */
    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        closeOnce();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(name + " stream is closed");
        }
    }

    /** Compresses {@code b[off, off + len)}: at least 1 and at most the largest chunk bytes, the range checked. */
    protected abstract void writeChunk(byte[] b, int off, int len) throws IOException;

    /** Writes out what is held of the input so far, so that it decodes, and flushes the target. */
    protected abstract void flushWritten() throws IOException;

    /**
     * Ends the frame (or member), closes the target and frees what the stream holds, also when one
     * of them fails. Called once; the stream is already closed to writes.
     */
    protected abstract void closeOnce() throws IOException;
}
