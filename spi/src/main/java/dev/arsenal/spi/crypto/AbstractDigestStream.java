package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What digest streams share: the range checks, direct buffers fed through a small array, and
 * {@code digest} as finish-then-reset. A provider adds {@link #engineUpdate}, {@link #finish} and
 * {@link #reset()}.
 */
public abstract class AbstractDigestStream implements DigestStream {
    private static final int DIRECT_CHUNK = 8192;

    private final int length;
    private byte[] scratch;

    /** @param length the output length, checked against the algorithm already */
    protected AbstractDigestStream(int length) {
        this.length = length;
    }

    @Override
    public final int length() {
        return length;
    }

    @Override
    public final void update(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(input, "input").length);
        engineUpdate(input, offset, length);
    }

    @Override
    public void update(ByteBuffer input) {
        if (input.hasArray()) {
            engineUpdate(input.array(), input.arrayOffset() + input.position(), input.remaining());
            input.position(input.limit());
            return;
        }
        if (scratch == null) {
            scratch = new byte[DIRECT_CHUNK];
        }
        while (input.hasRemaining()) {
            int n = Math.min(scratch.length, input.remaining());
            input.get(scratch, 0, n);
            engineUpdate(scratch, 0, n);
        }
    }

    @Override
    public final byte[] digest() {
        byte[] out = new byte[length];
        finish(out, 0);
        reset();
        return out;
    }

    @Override
    public final int digest(byte[] out, int offset) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(out, "out").length);
        finish(out, offset);
        reset();
        return length;
    }

    /** Adds a range already checked. */
    protected abstract void engineUpdate(byte[] input, int offset, int length);

    /** Writes the digest, {@link #length()} bytes, at {@code offset} (checked); {@link #reset()} follows. */
    protected abstract void finish(byte[] out, int offset);
}
