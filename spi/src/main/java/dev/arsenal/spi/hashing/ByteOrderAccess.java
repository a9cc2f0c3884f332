package dev.arsenal.spi.hashing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes on {@code byte[]}, shared by providers and the base classes. */
public final class ByteOrderAccess {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteOrderAccess() {}

    /** Reads 8 little-endian bytes at {@code offset}. */
    public static long getLong(byte[] b, int offset) {
        return (long) LONG_LE.get(b, offset);
    }

    /** Reads 4 little-endian bytes at {@code offset}, as a signed int. */
    public static int getInt(byte[] b, int offset) {
        return (int) INT_LE.get(b, offset);
    }

    /** Writes 8 little-endian bytes at {@code offset}. */
    public static void putLong(byte[] b, int offset, long value) {
        LONG_LE.set(b, offset, value);
    }

    /** Writes 4 little-endian bytes at {@code offset}. */
    public static void putInt(byte[] b, int offset, int value) {
        INT_LE.set(b, offset, value);
    }
}
