package dev.arsenal.spi.compression;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A compressing stream held to the content size it was made for ({@link
 * AbstractCompressor#compressing(OutputStream, long)}). The write that passes the size throws, and
 * so does {@code close()} after fewer bytes. From the moment the count is wrong, the frame's bytes
 * stop reaching the target ({@link Gate}): the frame's stream is still closed (its resources freed,
 * its own complaint attached as suppressed), but its end is dropped, so what the target holds is an
 * incomplete frame that every decoder refuses, never a complete one of other bytes than were
 * written (a library told a size may well end a valid frame of what it accepted before the error).
 */
final class SizedOutputStream extends OutputStream {
    private final String codec;
    private final OutputStream frame;
    private final Gate gate;
    private final long size;
    private long written;
    private boolean closed;

    /** {@code frame} writes to {@code gate}, which this stream shuts when the count goes wrong. */
    SizedOutputStream(String codec, OutputStream frame, Gate gate, long size) {
        this.codec = codec;
        this.frame = frame;
        this.gate = gate;
        this.size = size;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed || !gate.open) {
            frame.write(b, off, len); // closed: the frame's stream says so; shut: dropped
            return;
        }
        if (len > size - written) {
            gate.open = false;
            throw new IOException(codec + ": " + (written + len) + " bytes written to a stream made for " + size
                    + " (the content size the frame was begun with); the frame is left incomplete");
        }
        written += len;
        frame.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        frame.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!gate.open || written == size) {
            frame.close(); // a write already said what was wrong
            return;
        }
        gate.open = false;
        IOException wrong = new IOException(codec + ": closed after " + written + " bytes, the stream was made for "
                + size + " (the content size the frame was begun with); the frame is left incomplete");
        try {
            frame.close();
        } catch (IOException e) {
            wrong.addSuppressed(e);
        }
        throw wrong;
    }

    /** Passes the frame's bytes to the target until shut; flushes and closes it always. */
    static final class Gate extends OutputStream {
        private final OutputStream target;
        private boolean open = true;

        Gate(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (open) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (open) {
                target.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
