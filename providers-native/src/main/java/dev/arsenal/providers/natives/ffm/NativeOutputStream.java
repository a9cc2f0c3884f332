package dev.arsenal.providers.natives.ffm;

import dev.arsenal.spi.compression.ChunkedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What the FFM codecs' compressing streams share: the input cut into chunks of at most {@link
 * NativeChunks#CHUNK} bytes for the library, its output copied from native memory to the target
 * stream, and a close that finishes the frame, closes the target and frees the native state once,
 * whatever fails. {@link #flush} makes everything written so far decodable (the frame stays
 * open), as the pure-Java providers' streams do. Subclasses drive their library: {@link
 * #writeChunk} (given at most {@link NativeChunks#CHUNK} bytes), {@link #flushLibrary}, {@link
 * #finish}, {@link #release}.
 */
public abstract class NativeOutputStream extends ChunkedOutputStream {
    private final OutputStream out;
    /** Where native output passes on its way to {@code out}; grown if a call writes more. */
    private byte[] transfer = new byte[NativeChunks.CHUNK];

    /**
     * A stream writing to {@code out}.
     *
     * @param name what it writes ("zstd"), for the message when it is used after close
     */
    protected NativeOutputStream(String name, OutputStream out) {
        super(name, NativeChunks.CHUNK);
        this.out = out;
    }

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
    protected final void flushWritten() throws IOException {
        flushLibrary();
        out.flush();
    }

    /** Finishes the frame, closes the target and frees the native state, also when one fails. */
    @Override
    protected final void closeOnce() throws IOException {
        try {
            finish();
            out.close();
        } finally {
            release();
        }
    }
}
