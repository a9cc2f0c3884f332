package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Zstandard's backward bit stream (RFC 8878, 4.1 and 4.2.2): the Huffman streams of literals, the
 * FSE-compressed Huffman weights and the sequences' bit stream. The encoder writes bits upwards from
 * bit 0 of the first byte, then a 1 bit as end marker and zeros up to the byte's end; the decoder
 * starts below that marker and reads downwards, each value's highest bit first.
 *
 * <pre>
 *  in[start]                                          in[end-1]
 *  +--------+--------+---- ... ----+--------+--------+--------+
 *  |        |        |             |        |        |0001xxxx|
 *  +--------+--------+---- ... ----+--------+--------+--------+
 *   last bits read                   &lt;- reading direction --   ^ marker, then the first bit
 *
 *  container: the 8 bytes in[ptr .. ptr+7] as a little-endian long, its top bit in[ptr+7]'s bit 7
 *  +--------------------------------------------------------------+
 *  |&lt;- consumed -&gt;|  next bits  ...                        |
 *  +--------------------------------------------------------------+
 *   bit 63                                                     bit 0
 *  read(n) = (container &lt;&lt; consumed) &gt;&gt;&gt; (64 - n); consumed += n
 * </pre>
 *
 * <p>{@link #reload} moves {@code ptr} down by the whole bytes consumed, so that at most 7 bits of
 * the container are spent and 57 can be read before the next reload; near {@code start} it moves
 * only as far as {@code start}, and the container then runs out: the stream is {@linkplain
 * #finished finished} when exactly all its bits were read ({@code ptr == start}, {@code consumed ==
 * 64}) and {@linkplain #overflowed overflowed} when more were read than it holds (the reads return
 * zeros, or for {@code consumed} beyond 64 bits of no meaning: callers decide on the stream's end,
 * never on such bits). A stream shorter than 8 bytes is loaded once, its bytes at the bottom of the
 * container and the empty top counted as consumed.
 *
 * <p>The hot loops (4-stream Huffman decoding, sequences) keep {@code bits}, {@code consumed} and
 * {@code ptr} in local variables with the same rules, started from an instance's fields.
 */
final class ZstdBitReader {
    /** Little-endian 8-byte reads. */
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] in;
    private int start;

    /** The lowest byte of the container, in {@code in}. */
    int ptr;

    /** Bits of the container already read, from its top. */
    int consumed;

    /** The container. */
    long bits;

    /**
     * Starts reading {@code in[start, end)} backwards.
     *
     * @return false if the range is empty or its last byte is 0 (no end marker): the caller names
     *     the stream in its message
     */
    boolean init(byte[] in, int start, int end) {
        this.in = in;
        this.start = start;
        if (end <= start) {
            return false;
        }
        int last = in[end - 1] & 0xFF;
        if (last == 0) {
            return false;
        }
        // The marker and the zeros above it are consumed.
        int marker = Integer.numberOfLeadingZeros(last) - 24 + 1;
        if (end - start >= 8) {
            ptr = end - 8;
            bits = (long) LONG.get(in, ptr);
            consumed = marker;
        } else {
            ptr = start;
            long b = 0;
            for (int i = end - 1; i >= start; i--) {
                b = b << 8 | (in[i] & 0xFF);
            }
            bits = b;
            consumed = marker + 8 * (8 - (end - start));
        }
        return true;
    }

    /** Lets go of the input array. */
    void release() {
        in = null;
    }

    /** Continues a stream of {@code in} from {@code start} that a hot loop read with local variables. */
    void resume(byte[] in, int start, int ptr, int consumed, long bits) {
        this.in = in;
        this.start = start;
        this.ptr = ptr;
        this.consumed = consumed;
        this.bits = bits;
    }

    /** Reads {@code n} bits, 0 to 57 since the last {@link #reload}; 0 bits read as 0. */
    int read(int n) {
        int v = (int) ((bits << consumed) >>> 1 >>> (63 - n));
        consumed += n;
        return v;
    }

    /** The next {@code n} bits (1 to 57), without reading them. */
    int peek(int n) {
        return (int) ((bits << consumed) >>> (64 - n));
    }

    /** Skips {@code n} bits that {@link #peek} returned. */
    void skip(int n) {
        consumed += n;
    }

    /** Refills the container: at most 7 bits of it are spent afterwards, unless the stream runs out. */
    void reload() {
        if (consumed > 64) {
            return; // overflowed: nothing to refill
        }
        int back = consumed >>> 3;
        if (ptr - back < start) {
            back = ptr - start;
        }
        if (back > 0) {
            ptr -= back;
            consumed -= back << 3;
            bits = (long) LONG.get(in, ptr);
        }
    }

    /** Whether exactly every bit of the stream was read. */
    boolean finished() {
        return ptr == start && consumed == 64;
    }

    /** Whether more bits were read than the stream holds. */
    boolean overflowed() {
        return ptr == start && consumed > 64;
    }

    /** Bits not yet read (negative once overflowed). */
    long remaining() {
        return 8L * (ptr - start) + 64 - consumed;
    }
}
