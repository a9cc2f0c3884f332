package dev.arsenal.providers.java.hashing;

import dev.arsenal.spi.hashing.AbstractHashStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * How the hashers read a {@link MemorySegment}. A writable heap segment over a {@code byte[]} is
 * handed to the array code (the fastest path: {@code VarHandle} reads the JIT turns into plain
 * loads); any other segment (native, read-only, or over another array type) is read through the
 * little-endian unaligned layouts below, and streams copy it through a small array.
 */
final class Segments {
    /** 8 little-endian bytes at any alignment. */
    static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** 4 little-endian bytes at any alignment. */
    static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The size of the copy buffer streams use for segments that are not a {@code byte[]}. */
    static final int CHUNK = 4096;

    private Segments() {}

    /**
     * The {@code byte[]} behind a writable heap segment, or {@code null}; the segment starts at
     * index {@link MemorySegment#address()} of that array. ({@link MemorySegment#heapBase()} is
     * empty for read-only segments, which then take the general path.)
     */
    static byte[] array(MemorySegment segment) {
        if (segment.isNative()) {
            return null;
        }
        return segment.heapBase().orElse(null) instanceof byte[] array ? array : null;
    }

    static long getLong(MemorySegment s, long offset) {
        return s.get(LONG_LE, offset);
    }

    static int getInt(MemorySegment s, long offset) {
        return s.get(INT_LE, offset);
    }

    static int getUnsignedByte(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }

    /**
     * Feeds a segment to a stream's array method: directly when it is a {@code byte[]}, else in
     * copies of at most {@link #CHUNK} bytes through {@code chunk}. Streams give the same digest for
     * any split, so the chunking does not show in the result.
     *
     * @param chunk a buffer of {@link #CHUNK} bytes owned by the stream, or {@code null} to have one
     *     made
     * @return the buffer used, for the stream to keep
     */
    static byte[] feed(AbstractHashStream stream, MemorySegment input, byte[] chunk) {
        byte[] array = array(input);
        if (array != null) {
            stream.update(array, (int) input.address(), (int) input.byteSize());
            return chunk;
        }
        long size = input.byteSize();
        if (size == 0) {
            return chunk;
        }
        byte[] buffer = chunk != null ? chunk : new byte[CHUNK];
        for (long position = 0; position < size; ) {
            int n = (int) Math.min(CHUNK, size - position);
            MemorySegment.copy(input, ValueLayout.JAVA_BYTE, position, buffer, 0, n);
            stream.update(buffer, 0, n);
            position += n;
        }
        return buffer;
    }

    /**
     * Feeds a segment to a JDK checksum: a {@code byte[]} directly, a native segment as direct
     * buffers (the intrinsic reads them in place), anything else copied through a small array.
     */
    static void feed(Checksum checksum, MemorySegment input) {
        byte[] array = Segments.array(input);
        if (array != null) {
            checksum.update(array, (int) input.address(), (int) input.byteSize());
            return;
        }
        long size = input.byteSize();
        if (input.isNative()) {
            for (long position = 0; position < size; ) {
                long n = Math.min(1L << 30, size - position);
                checksum.update(input.asSlice(position, n).asByteBuffer());
                position += n;
            }
            return;
        }
        byte[] chunk = new byte[(int) Math.min(Segments.CHUNK, size)];
        for (long position = 0; position < size; ) {
            int n = (int) Math.min(chunk.length, size - position);
            MemorySegment.copy(input, ValueLayout.JAVA_BYTE, position, chunk, 0, n);
            checksum.update(chunk, 0, n);
            position += n;
        }
    }
}
