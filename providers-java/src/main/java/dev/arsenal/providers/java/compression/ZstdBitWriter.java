package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes the bit streams of zstd's entropy coders (RFC 8878 section 4.1 and 4.2): values are put
 * from the lowest bit of the first byte upwards, little-endian; a decoder reads them back from the
 * stream's end, last written first. A stream that a decoder reads backwards ends with a 1 bit
 * after its last value ({@link #finishWithMark}), so that the decoder finds where the bits start;
 * the table descriptions of FSE are read forwards and end at the next byte ({@link #finish}).
 *
 * <pre>
 *   put(a, 3); put(b, 5); put(c, 4); finishWithMark()
 *
 *   byte 0            byte 1
 *   7 6 5 4 3 2 1 0   7 6 5 4 3 2 1 0
 *   b b b b b a a a   0 0 0 1 c c c c
 *                           ^ the mark: a backward reader starts below it, with c
 * </pre>
 *
 * <p>This writer, with its state in fields, serves the small streams (table descriptions, Huffman
 * weights). The hot loops (literals in {@link ZstdHuffmanEncoder}, sequences in {@link
 * ZstdSequenceEncoder}) keep the same state in local variables, which C2 keeps in registers, and
 * use {@link #LONG} directly.
 *
 * <p>Bytes are stored 8 at a time: the array needs 8 bytes of room after {@code limit}, the most
 * the stream may take; a stream that would pass {@code limit} is reported as -1, never written past
 * the room.
 */
final class ZstdBitWriter {
    /** Stores 8 bytes at a time, little-endian as the format. */
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] out;
    private int position;
    private int limit;
    private long container;
    private int bits;
    private boolean overflow;

    /** Starts a stream at {@code out[position]} that may end at {@code limit} at most. */
    ZstdBitWriter start(byte[] out, int position, int limit) {
        this.out = out;
        this.position = position;
        this.limit = limit;
        this.container = 0;
        this.bits = 0;
        this.overflow = false;
        return this;
    }

    /** Puts the low {@code n} bits of {@code value} (n at most 56 minus what is held: flush first). */
    void put(long value, int n) {
        container |= (value & ((1L << n) - 1)) << bits;
        bits += n;
    }

    /** Stores the whole bytes held; keeps fewer than 8 bits. */
    void flush() {
        if (position > limit) {
            overflow = true;
            position = limit; // keeps writing in the room after limit; the result is -1 anyway
        }
        LONG.set(out, position, container);
        int n = bits >>> 3;
        position += n;
        container = n == 8 ? 0 : container >>> (n << 3);
        bits &= 7;
    }

    /** Ends a stream read forwards: the last byte padded with zeros. Returns its end, or -1. */
    int finish() {
        flush();
        if (bits > 0) {
            position++;
        }
        return overflow || position > limit ? -1 : position;
    }

    /** Ends a stream read backwards: a 1 bit, then zeros to the byte. Returns its end, or -1. */
    int finishWithMark() {
        put(1, 1);
        return finish();
    }
}
