package dev.arsenal.spi.hashing;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A base for hash streams of any width: it turns single bytes, primitives and {@link ByteBuffer}s
 * into calls of the two bulk methods a subclass implements, {@link #update(byte[], int, int)} and
 * {@link #update(MemorySegment)}. Subclasses add the width's {@code digest()} and implement the
 * width's stream interface.
 */
public abstract class AbstractHashStream {
    private final byte[] scratch = new byte[8];

    /** For subclasses. */
    protected AbstractHashStream() {}

    /** Adds {@code length} bytes of {@code input} from {@code offset}. */
    public abstract void update(byte[] input, int offset, int length);

    /** Adds the segment's bytes. */
    public abstract void update(MemorySegment input);

    /** Adds the low 8 bits of {@code b}. */
    public void update(int b) {
        scratch[0] = (byte) b;
        update(scratch, 0, 1);
    }

    /** Adds the whole array. */
    public void update(byte[] input) {
        update(input, 0, input.length);
    }

    /** Adds the buffer's remaining bytes and moves its position to its limit. */
    public void update(ByteBuffer input) {
        int remaining = input.remaining();
        if (input.hasArray()) {
            update(input.array(), input.arrayOffset() + input.position(), remaining);
        } else {
            update(MemorySegment.ofBuffer(input));
        }
        input.position(input.limit());
    }

    /** Adds the 8 little-endian bytes of {@code value}. */
    public void putLong(long value) {
        ByteOrderAccess.putLong(scratch, 0, value);
        update(scratch, 0, 8);
    }

    /** Adds the 4 little-endian bytes of {@code value}. */
    public void putInt(int value) {
        ByteOrderAccess.putInt(scratch, 0, value);
        update(scratch, 0, 4);
    }

    /**
     * Checks an array range as every array method must.
     *
     * @throws IndexOutOfBoundsException naming the range and the array length
     */
    protected static void checkRange(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, input.length);
    }
}
