package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

/**
 * The Huffman coding of a compressed literals section (RFC 8878, 4.2): reads a tree description,
 * keeps its decoding table for the treeless literals of later blocks, and decodes one stream or
 * four.
 *
 * <p>A tree description gives each symbol a weight (0 for an absent symbol); the last symbol's
 * weight is implied, completing the sum of {@code 2^(weight-1)} to a power of two, {@code
 * 2^maxBits}. A symbol of weight {@code w} has a code of {@code maxBits + 1 - w} bits.
 *
 * <pre>
 *  header &lt; 128: FSE-compressed weights          header &gt;= 128: direct weights
 * +--------+------------------+--------------+    +--------+------+------+-- ... --+
 * | header | FSE table (4.1.1)| bit stream   |    | header | w0|w1| w2|w3|         |
 * |        | accuracy log &lt;= 6| two states   |    |        | 4 bits each, high    |
 * +--------+------------------+--------------+    +--------+ nibble first --------+
 *           header bytes in all                              header - 127 weights
 * </pre>
 *
 * <p>The table has {@code 2^maxBits} entries, indexed by the next {@code maxBits} bits of the
 * stream: the symbols of weight 1 first (one entry each), then weight 2 (two entries each) and so
 * on, each weight's symbols in increasing order; an entry packs the symbol (bits 0-7) and its code
 * length (bits 8-11). Four streams (the jump table gives the sizes of the first three) decode a
 * quarter of the literals each, rounded up, the fourth the rest; every stream must end exactly
 * where its literals do.
 */
final class ZstdHuffmanDecoder {
    /** The longest code (4.2.1). */
    static final int MAX_BITS = ZstdFormat.MAX_HUFFMAN_BITS;

    private final int[] table = new int[1 << MAX_BITS];
    private int maxBits;
    private boolean present;

    private final byte[] weights = new byte[ZstdFormat.MAX_LITERAL_SYMBOLS];
    private final int[] rankCount = new int[MAX_BITS + 2];
    private final int[] rankStart = new int[MAX_BITS + 2];
    private final ZstdFseTable weightTable = new ZstdFseTable(ZstdFseTable.SYMBOLS);
    private final ZstdBitReader reader = new ZstdBitReader();

    /** Whether a table was read (in this frame, or from the dictionary). */
    boolean hasTable() {
        return present;
    }

    /** Forgets the table: a new frame without dictionary. */
    void clear() {
        present = false;
    }

    /** Lets go of the last input array. */
    void release() {
        reader.release();
    }

    /** Takes {@code other}'s table (a dictionary's, at the start of a frame). */
    void copyFrom(ZstdHuffmanDecoder other) {
        present = other.present;
        maxBits = other.maxBits;
        if (present) {
            System.arraycopy(other.table, 0, table, 0, 1 << maxBits);
        }
    }

    /**
     * Reads a tree description from {@code in[ip, end)} and builds the table.
     *
     * @param origin the offset in the compressed input of {@code in[0]}
     * @return the bytes of the description
     */
    int readTree(byte[] in, int ip, int end, long origin) {
        if (ip >= end) {
            throw malformed(origin + ip, "truncated input: the Huffman tree description is missing");
        }
        int header = in[ip] & 0xFF;
        int size;
        int count;
        if (header < 128) {
            size = header;
            if (size > end - ip - 1) {
                throw malformed(
                        origin + end,
                        "truncated input: the Huffman tree description needs " + (size - (end - ip - 1))
                                + " more bytes");
            }
            count = readCompressedWeights(in, ip + 1, ip + 1 + size, origin);
        } else {
            count = header - 127;
            size = (count + 1) / 2;
            if (size > end - ip - 1) {
                throw malformed(
                        origin + end,
                        "truncated input: the Huffman tree description needs " + (size - (end - ip - 1))
                                + " more bytes");
            }
            for (int i = 0; i < count; i++) {
                int b = in[ip + 1 + (i >>> 1)];
                weights[i] = (byte) ((i & 1) == 0 ? (b >>> 4) & 0xF : b & 0xF);
            }
        }
        build(count, origin + ip);
        return 1 + size;
    }

    /**
     * Decodes FSE-compressed weights (4.2.1.2): two states share one table and one bit stream, and
     * take turns; when an update reads past the stream's start, the other state's symbol is the
     * last weight.
     */
    private int readCompressedWeights(byte[] in, int start, int end, long origin) {
        int p = start + weightTable.read(in, start, end, origin);
        ZstdBitReader r = reader;
        if (!r.init(in, p, end)) {
            throw malformed(origin + p, "the Huffman weights' bit stream is empty or lacks its end marker");
        }
        long[] e = weightTable.entries;
        int log = weightTable.log;
        int state1 = r.read(log);
        int state2 = r.read(log);
        r.reload();
        if (r.remaining() < 0) {
            throw malformed(origin + p, "truncated Huffman weights: the bit stream ends inside its initial states");
        }
        int count = 0;
        int limit = ZstdFormat.MAX_LITERAL_SYMBOLS - 1; // 255 weights; the 256th is implied
        while (true) {
            if (count > limit - 2) {
                throw malformed(origin + p, "more than " + limit + " Huffman weights");
            }
            long e1 = e[state1];
            weights[count++] = (byte) ZstdFseTable.value(e1);
            state1 = ZstdFseTable.nextBase(e1) + r.read(ZstdFseTable.stateBits(e1));
            r.reload();
            if (r.overflowed()) {
                weights[count++] = (byte) ZstdFseTable.value(e[state2]);
                return count;
            }
            long e2 = e[state2];
            weights[count++] = (byte) ZstdFseTable.value(e2);
            state2 = ZstdFseTable.nextBase(e2) + r.read(ZstdFseTable.stateBits(e2));
            r.reload();
            if (r.overflowed()) {
                weights[count++] = (byte) ZstdFseTable.value(e[state1]);
                return count;
            }
        }
    }

    /** Completes the weights with the implied last one and fills the table (4.2.1.3). */
    private void build(int count, long at) {
        java.util.Arrays.fill(rankCount, 0);
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int w = weights[i];
            if (w > MAX_BITS) {
                throw malformed(at, "Huffman weight " + w + " is above the maximum of " + MAX_BITS);
            }
            if (w > 0) {
                sum += 1 << (w - 1);
                rankCount[w]++;
            }
        }
        if (sum == 0) {
            throw malformed(at, "every Huffman weight is 0");
        }
        int bits = 32 - Integer.numberOfLeadingZeros(sum); // highest bit of sum, plus one
        if (bits > MAX_BITS) {
            throw malformed(at, "the Huffman weights need codes of " + bits + " bits, above " + MAX_BITS);
        }
        int rest = (1 << bits) - sum;
        if (Integer.bitCount(rest) != 1) {
            throw malformed(at, "the Huffman weights leave " + rest + " code points, not a power of two");
        }
        int last = Integer.numberOfTrailingZeros(rest) + 1;
        weights[count] = (byte) last;
        rankCount[last]++;
        if (rankCount[1] < 2 || (rankCount[1] & 1) != 0) {
            // A complete code has an even number of longest codes, two at least (libzstd refuses the rest too).
            throw malformed(at, "the Huffman weights give " + rankCount[1] + " longest codes, not an even number >= 2");
        }
        int position = 0;
        for (int w = 1; w <= bits; w++) {
            rankStart[w] = position;
            position += rankCount[w] << (w - 1);
        }
        for (int s = 0; s <= count; s++) {
            int w = weights[s];
            if (w > 0) {
                int length = 1 << (w - 1);
                int entry = s | (bits + 1 - w) << 8;
                int from = rankStart[w];
                java.util.Arrays.fill(table, from, from + length, entry);
                rankStart[w] = from + length;
            }
        }
        maxBits = bits;
        present = true;
    }

    /** Decodes one stream, {@code in[start, end)}, to {@code n} literals at {@code out[op]}. */
    void decodeOne(byte[] in, int start, int end, byte[] out, int op, int n, long origin) {
        ZstdBitReader r = reader;
        if (!r.init(in, start, end)) {
            throw malformed(origin + start, "the Huffman stream is empty or lacks its end marker");
        }
        decodeTail(r, out, op, op + n, origin + start, "the Huffman stream");
    }

    /**
     * Decodes the four streams of {@code in[start, end)} (jump table first) to {@code n} literals
     * at {@code out[op]}. The four advance together, five literals each per turn, while every stream
     * has 8 bytes to refill from; each then finishes alone.
     */
    void decodeFour(byte[] in, int start, int end, byte[] out, int op, int n, long origin) {
        if (end - start < 10) {
            throw malformed(origin + start, "4 Huffman streams need 10 bytes at least, not " + (end - start));
        }
        if (n < 6) {
            throw malformed(origin + start, "4 Huffman streams need 6 literals at least, not " + n);
        }
        int start1 = start + 6;
        int start2 = start1 + ((in[start] & 0xFF) | (in[start + 1] & 0xFF) << 8);
        int start3 = start2 + ((in[start + 2] & 0xFF) | (in[start + 3] & 0xFF) << 8);
        int start4 = start3 + ((in[start + 4] & 0xFF) | (in[start + 5] & 0xFF) << 8);
        if (start4 >= end) {
            throw malformed(
                    origin + start,
                    "the Huffman jump table's stream sizes reach " + (start4 - end + 1)
                            + " bytes past the literals section");
        }
        int quarter = (n + 3) / 4;
        int o1 = op;
        int o2 = o1 + quarter;
        int o3 = o2 + quarter;
        int o4 = o3 + quarter;
        int oEnd = op + n;

        ZstdBitReader r = reader;
        if (!r.init(in, start1, start2)) {
            throw emptyStream(1, origin + start1);
        }
        int p1 = r.ptr, c1 = r.consumed;
        long b1 = r.bits;
        if (!r.init(in, start2, start3)) {
            throw emptyStream(2, origin + start2);
        }
        int p2 = r.ptr, c2 = r.consumed;
        long b2 = r.bits;
        if (!r.init(in, start3, start4)) {
            throw emptyStream(3, origin + start3);
        }
        int p3 = r.ptr, c3 = r.consumed;
        long b3 = r.bits;
        if (!r.init(in, start4, end)) {
            throw emptyStream(4, origin + start4);
        }
        int p4 = r.ptr, c4 = r.consumed;
        long b4 = r.bits;

        int[] t = table;
        int shift = 64 - maxBits;
        // Each turn reads at most 5 codes of 11 bits per stream after a refill leaves <= 7 bits spent
        // (62 bits). Stream 4 has the fewest literals, so its room bounds the others'.
        while (oEnd - o4 >= 5) {
            int q1 = p1 - (c1 >>> 3);
            int q2 = p2 - (c2 >>> 3);
            int q3 = p3 - (c3 >>> 3);
            int q4 = p4 - (c4 >>> 3);
            if ((q1 - start1 | q2 - start2 | q3 - start3 | q4 - start4) < 0) {
                break; // a stream is near its start: finish each alone
            }
            p1 = q1;
            p2 = q2;
            p3 = q3;
            p4 = q4;
            c1 &= 7;
            c2 &= 7;
            c3 &= 7;
            c4 &= 7;
            b1 = (long) ZstdBitReader.LONG.get(in, p1);
            b2 = (long) ZstdBitReader.LONG.get(in, p2);
            b3 = (long) ZstdBitReader.LONG.get(in, p3);
            b4 = (long) ZstdBitReader.LONG.get(in, p4);
            for (int k = 0; k < 5; k++) {
                int e1 = t[(int) ((b1 << c1) >>> shift)];
                int e2 = t[(int) ((b2 << c2) >>> shift)];
                int e3 = t[(int) ((b3 << c3) >>> shift)];
                int e4 = t[(int) ((b4 << c4) >>> shift)];
                out[o1 + k] = (byte) e1;
                out[o2 + k] = (byte) e2;
                out[o3 + k] = (byte) e3;
                out[o4 + k] = (byte) e4;
                c1 += e1 >>> 8;
                c2 += e2 >>> 8;
                c3 += e3 >>> 8;
                c4 += e4 >>> 8;
            }
            o1 += 5;
            o2 += 5;
            o3 += 5;
            o4 += 5;
        }
        r.resume(in, start1, p1, c1, b1);
        decodeTail(r, out, o1, op + quarter, origin + start1, "Huffman stream 1");
        r.resume(in, start2, p2, c2, b2);
        decodeTail(r, out, o2, op + 2 * quarter, origin + start2, "Huffman stream 2");
        r.resume(in, start3, p3, c3, b3);
        decodeTail(r, out, o3, op + 3 * quarter, origin + start3, "Huffman stream 3");
        r.resume(in, start4, p4, c4, b4);
        decodeTail(r, out, o4, oEnd, origin + start4, "Huffman stream 4");
    }

    /**
     * Decodes {@code out[op, stop)} from {@code r} and checks the stream's end: after each refill,
     * as many codes as the container surely holds (one at least: codes past the stream's start read
     * zeros, and the overflow shows at the end).
     */
    private void decodeTail(ZstdBitReader r, byte[] out, int op, int stop, long at, String what) {
        int[] t = table;
        int bits = maxBits;
        int shift = 64 - bits;
        while (op < stop) {
            r.reload();
            long container = r.bits;
            int c = r.consumed;
            int n = Math.min(stop - op, Math.max(1, (64 - c) / bits));
            for (int k = 0; k < n; k++) {
                int e = t[(int) ((container << c) >>> shift)];
                out[op++] = (byte) e;
                c += e >>> 8;
            }
            r.consumed = c;
        }
        if (!r.finished()) {
            long left = r.remaining();
            throw malformed(
                    at,
                    left < 0
                            ? what + " ends " + -left + " bits before its literals do"
                            : what + " has " + left + " bits left after its literals");
        }
    }

    private static RuntimeException emptyStream(int stream, long at) {
        return malformed(at, "Huffman stream " + stream + " is empty or lacks its end marker");
    }
}
