package dev.arsenal.spi.compression;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The base of decoders' input streams: {@code read()} goes through {@code read(b, off, len)},
 * whose range is checked and whose zero length is answered here, so that a subclass implements only
 * {@link #readChunk}.
 */
public abstract class ChunkedInputStream extends InputStream {
    private final byte[] one = new byte[1];

    /** For subclasses. */
    protected ChunkedInputStream() {}

    @Override
    public final int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : readChunk(b, off, len);
    }

    /**
     * Reads up to {@code len} bytes (at least one, {@code len > 0}, the range checked) into {@code
     * b} from {@code off}, or returns -1 at the end of the stream.
     */
    protected abstract int readChunk(byte[] b, int off, int len) throws IOException;
}
