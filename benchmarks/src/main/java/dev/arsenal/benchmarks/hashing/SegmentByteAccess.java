package dev.arsenal.benchmarks.hashing;

import com.dynatrace.hash4j.hashing.ByteAccess;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * hash4j's view of a {@link MemorySegment}. hash4j takes neither segments nor {@code ByteBuffer}s;
 * to hash off-heap memory its users hand {@code hashBytesToLong(T, offset, length, ByteAccess<T>)}
 * an accessor like this one, so this is what the off-heap hash4j numbers include. Reads are
 * little-endian and unaligned, one bounds-checked access per word, as hash4j's own byte-array access
 * does.
 */
enum SegmentByteAccess implements ByteAccess<MemorySegment> {
    INSTANCE;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Override
    public byte getByte(MemorySegment segment, long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset);
    }

    @Override
    public int getInt(MemorySegment segment, long offset) {
        return segment.get(INT, offset);
    }

    @Override
    public long getLong(MemorySegment segment, long offset) {
        return segment.get(LONG, offset);
    }

    @Override
    public void copyToByteArray(MemorySegment segment, long offset, byte[] target, int targetOffset, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, target, targetOffset, length);
    }
}
