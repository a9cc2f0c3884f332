package dev.arsenal.providers.natives.ffm;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * What the FFM codecs' compressing streams share: the input cut into chunks of at most {@link
 * NativeChunks#CHUNK} bytes for the library, its output copied from native memory to the target
 * stream, and a close that finishes the frame, closes the target and frees the native state once,
 * whatever fails. {@link #flush} makes everything written so far decodable (the frame stays
 * open), as the pure-Java providers' streams do. Subclasses drive their library: {@link
 * #writeChunk}, {@link #flushLibrary}, {@link #finish}, {@link #release}.
 */
public abstract class NativeOutputStream extends OutputStream {
    private final OutputStream out;
    /** Where native output passes on its way to {@code out}; grown if a call writes more. */
    private byte[] transfer = new byte[NativeChunks.CHUNK];

    private boolean closed;

    /** A stream writing to {@code out}. */
    protected NativeOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            int chunk = Math.min(len, NativeChunks.CHUNK);
            writeChunk(b, off, chunk);
            off += chunk;
            len -= chunk;
        }
    }

    /** Compresses {@code b[off, off + len)}, at most {@link NativeChunks#CHUNK} bytes. */
    protected abstract void writeChunk(byte[] b, int off, int len) throws IOException;

    /** Writes out what the library holds of the input so far, so that it decodes; the frame stays open. */
    protected abstract void flushLibrary() throws IOException;

    /** Ends the frame (or member): writes what the library still holds, and its trailer. */
    protected abstract void finish() throws IOException;

    /** Frees the native state; called once, by {@link #close}. */
    protected abstract void release();

    /** Writes the first {@code n} bytes of {@code output}, which the library just wrote. */
    protected final void emit(MemorySegment output, int n) throws IOException {
        if (n > transfer.length) {
            transfer = new byte[n];
        }
        MemorySegment.copy(output, ValueLayout.JAVA_BYTE, 0, transfer, 0, n);
        out.write(transfer, 0, n);
    }

    /** Everything written so far reaches the target and decodes there; the frame stays open. */
    @Override
    public final void flush() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        flushLibrary();
        out.flush();
    }

    /** Finishes the frame, closes the target and frees the native state, also when one fails. */
    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            finish();
            out.close();
        } finally {
            closed = true;
            release();
        }
    }
}
