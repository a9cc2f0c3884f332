package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdBitWriter.LONG;

import java.util.Arrays;

/**
 * The Huffman code of a block's literals (RFC 8878 section 4.2): code lengths from the byte
 * counts, limited to 11 bits ({@link #build}); the tree description, the code lengths as weights
 * compressed with FSE or written 4 bits each ({@link #writeDescription}); the literals coded in one
 * stream or four ({@link #encode1}, {@link #encode4}).
 *
 * <p>A code is described by weights alone: weight {@code w = maxBits + 1 - length}, 0 for an
 * absent byte, the last present byte's weight left out (the decoder completes the sum to a power
 * of 2). So the code must be complete (Kraft sum exactly 1), and its codes are canonical: longer
 * codes first, within a length in byte order, as the decoder's table is filled.
 *
 * <pre>
 *  a decoder's table of maxBits = 3, for lengths  a:1  b:2  c:3  d:3
 *  index  000 001 010 011 100 101 110 111          codes: c = 000, d = 001, b = 01, a = 1
 *  byte    c   d   b   b   a   a   a   a
 * </pre>
 *
 * <p>A stream is read backwards by the decoder, first literal first, so it is written from the
 * last literal to the first. Each literal's code is looked up as one int, {@code code << 4 |
 * length}.
 */
final class ZstdHuffmanEncoder {
    /** The longest code (11 bits). */
    static final int MAX_BITS = ZstdFormat.MAX_HUFFMAN_BITS;

    /** The largest table log of the weights' FSE table (6). */
    private static final int MAX_WEIGHT_TABLE_LOG = 6;

    /** Ciura's gaps for {@link #sort}, which sorts 256 values at most. */
    private static final int[] SHELL_GAPS = {132, 57, 23, 10, 4, 1};

    /** Per byte value: {@code code << 4 | length}, 0 if absent. */
    final int[] codes = new int[256];

    /** The longest code of the current table: the decoder's table log. */
    int maxBits;

    /** The largest byte value present; its weight is the one left out of the description. */
    int maxSymbol;

    private final int[] lengths = new int[256];
    private final int[] sorted = new int[256];
    private final int[] nodeCount = new int[512];
    private final int[] parent = new int[512];
    private final int[] depth = new int[512];
    private final int[] perLength = new int[MAX_BITS + 2];
    private final int[] nextCode = new int[MAX_BITS + 2];
    private final byte[] weights = new byte[256];
    private final int[] weightCounts = new int[MAX_BITS + 1];
    private final short[] weightNormalized = new short[MAX_BITS + 1];
    private final ZstdFseEncoder weightTable = new ZstdFseEncoder(MAX_BITS + 1);
    private final ZstdBitWriter bits = new ZstdBitWriter();

    /**
     * Builds the code of {@code counts[0..maxSymbol]}, at least two of them non-zero: a Huffman
     * tree from the counts sorted (two queues: leaves and joined nodes, both in increasing count),
     * then, if it is deeper than 11, lengths cut to 11 and the code made whole again.
     */
    void build(int[] counts, int maxSymbol) {
        this.maxSymbol = maxSymbol;
        int n = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            if (counts[s] != 0) {
                sorted[n++] = counts[s] << 8 | s; // counts of a block fit 17 bits
            }
        }
        sort(sorted, n);
        for (int i = 0; i < n; i++) {
            nodeCount[i] = sorted[i] >>> 8;
        }
        int leaf = 0;
        int joined = n;
        for (int node = n; node < 2 * n - 1; node++) {
            int a = leaf < n && (joined >= node || nodeCount[leaf] <= nodeCount[joined]) ? leaf++ : joined++;
            int b = leaf < n && (joined >= node || nodeCount[leaf] <= nodeCount[joined]) ? leaf++ : joined++;
            nodeCount[node] = nodeCount[a] + nodeCount[b];
            parent[a] = node;
            parent[b] = node;
        }
        int root = 2 * n - 2;
        depth[root] = 0;
        int longest = 0;
        for (int i = root - 1; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        for (int i = 0; i < n; i++) {
            longest = Math.max(longest, depth[i]);
        }
        if (longest > MAX_BITS) {
            limitLengths(n);
            longest = 0;
            for (int i = 0; i < n; i++) {
                longest = Math.max(longest, depth[i]);
            }
        }
        maxBits = longest;
        Arrays.fill(lengths, 0, maxSymbol + 1, 0);
        for (int i = 0; i < n; i++) {
            lengths[sorted[i] & 0xFF] = depth[i];
        }
        assignCodes();
    }

    /**
     * Sorts {@code a[0, n)} in place: Shell sort with Ciura's gaps, since {@code Arrays.sort}
     * allocates (24 bytes a call, the only allocation left of a warmed-up compression).
     */
    private static void sort(int[] a, int n) {
        for (int gap : SHELL_GAPS) {
            for (int i = gap; i < n; i++) {
                int v = a[i];
                int j = i;
                for (; j >= gap && a[j - gap] > v; j -= gap) {
                    a[j] = a[j - gap];
                }
                a[j] = v;
            }
        }
    }

    /**
     * Cuts the leaves' depths ({@code depth[0..n)}, in increasing count) to {@link #MAX_BITS}, then
     * restores the Kraft sum to exactly {@code 2^MAX_BITS}: lengthens the rarest codes that are
     * still shorter than the most (the deepest first) while the code is over-full, then shortens the
     * most frequent codes that fit while it is not full.
     */
    private void limitLengths(int n) {
        int full = 1 << MAX_BITS;
        int kraft = 0;
        for (int i = 0; i < n; i++) {
            depth[i] = Math.min(depth[i], MAX_BITS);
            kraft += 1 << (MAX_BITS - depth[i]);
        }
        while (kraft > full) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (depth[i] < MAX_BITS && (best < 0 || depth[i] > depth[best])) {
                    best = i;
                }
            }
            kraft -= 1 << (MAX_BITS - depth[best] - 1);
            depth[best]++;
        }
        while (kraft < full) {
            for (int i = n - 1; i >= 0; i--) {
                int gain = 1 << (MAX_BITS - depth[i]);
                if (depth[i] > 1 && kraft + gain <= full) {
                    depth[i]--;
                    kraft += gain;
                    break;
                }
            }
        }
    }

    /** Canonical codes from {@link #lengths}: longest first, in byte order within a length. */
    private void assignCodes() {
        Arrays.fill(perLength, 0);
        for (int s = 0; s <= maxSymbol; s++) {
            perLength[lengths[s]]++;
        }
        // Where each length starts in the decoder's table of 2^maxBits cells.
        int next = 0;
        for (int length = maxBits; length >= 1; length--) {
            nextCode[length] = next;
            next += perLength[length] << (maxBits - length);
        }
        for (int s = 0; s <= maxSymbol; s++) {
            int length = lengths[s];
            if (length == 0) {
                codes[s] = 0;
            } else {
                int shift = maxBits - length;
                codes[s] = (nextCode[length] >>> shift) << 4 | length;
                nextCode[length] += 1 << shift;
            }
        }
        for (int s = maxSymbol + 1; s < 256; s++) {
            codes[s] = 0;
        }
    }

    /** The bits the literals counted in {@code counts} take with this code. */
    long cost(int[] counts) {
        long total = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            total += (long) counts[s] * (codes[s] & 15);
        }
        return total;
    }

    /**
     * Writes the tree description at {@code out[position]}: a header byte, then the weights of
     * bytes 0 to {@code maxSymbol - 1} FSE-compressed (header = their size, below 128) or 4 bits
     * each (header = 127 + their number, for 128 weights at most), whichever is shorter.
     *
     * @return the end of the description, or -1 if neither form fits {@code limit}
     */
    int writeDescription(byte[] out, int position, int limit) {
        int count = maxSymbol; // the weights written; maxSymbol's own is implied
        Arrays.fill(weightCounts, 0);
        int maxWeight = 0;
        for (int s = 0; s < count; s++) {
            int w = lengths[s] == 0 ? 0 : maxBits + 1 - lengths[s];
            weights[s] = (byte) w;
            weightCounts[w]++;
            maxWeight = Math.max(maxWeight, w);
        }
        int direct = count <= 128 ? 1 + (count + 1) / 2 : Integer.MAX_VALUE;
        int compressedEnd = count >= 2 && weightCounts[maxWeight] < count
                ? writeCompressedWeights(count, maxWeight, out, position + 1, Math.min(limit, position + 128))
                : -1;
        if (compressedEnd > 0 && compressedEnd - position <= direct) {
            out[position] = (byte) (compressedEnd - position - 1);
            return compressedEnd;
        }
        if (direct == Integer.MAX_VALUE || position + direct > limit) {
            return -1;
        }
        out[position] = (byte) (127 + count);
        for (int i = 0; i < count; i += 2) {
            int low = i + 1 < count ? weights[i + 1] : 0;
            out[position + 1 + i / 2] = (byte) (weights[i] << 4 | low);
        }
        return position + direct;
    }

    /**
     * The weights as an FSE table description and a stream of two states that take turns, the
     * first state the even weights, the second the odd ones (RFC 8878 4.2.1.2). The decoder stops
     * when a state's update reads past the stream's start, so the weights' count is not written.
     */
    private int writeCompressedWeights(int count, int maxWeight, byte[] out, int position, int limit) {
        int tableLog = ZstdFseEncoder.optimalTableLog(MAX_WEIGHT_TABLE_LOG, count, maxWeight);
        ZstdFseEncoder.normalize(weightCounts, maxWeight, count, tableLog, weightNormalized);
        int p = ZstdFseEncoder.writeDescription(weightNormalized, maxWeight, tableLog, bits, out, position, limit);
        if (p < 0) {
            return -1;
        }
        ZstdFseEncoder table = weightTable;
        table.build(weightNormalized, maxWeight, tableLog);
        bits.start(out, p, limit);
        int i = count;
        int even; // encodes weights[0], [2], ...: the state the decoder reads first
        int odd;
        if ((count & 1) != 0) {
            even = table.initialState(weights[--i]);
            odd = table.initialState(weights[--i]);
            even = encode(table, even, weights[--i]);
        } else {
            odd = table.initialState(weights[--i]);
            even = table.initialState(weights[--i]);
        }
        while (i > 0) {
            odd = encode(table, odd, weights[--i]);
            even = encode(table, even, weights[--i]);
            bits.flush();
        }
        bits.put(odd, tableLog);
        bits.put(even, tableLog);
        return bits.finishWithMark();
    }

    private int encode(ZstdFseEncoder table, int state, int symbol) {
        int n = (state + table.deltaBits[symbol]) >>> 16;
        bits.put(state, n);
        return table.nextState[(state >>> n) + table.deltaFindState[symbol]];
    }

    /**
     * Codes {@code src[start, end)} as one stream at {@code out[position]}, last literal first.
     * {@code out} has 8 bytes of room after {@code limit}.
     *
     * @return the stream's end, or -1 if it would pass {@code limit}
     */
    static int encode1(int[] codes, byte[] src, int start, int end, byte[] out, int position, int limit) {
        long container = 0;
        int bits = 0;
        int p = position;
        int i = end;
        // Four codes of at most 11 bits fit beside the 7 bits a flush leaves: flush per four.
        for (int odd = (end - start) & 3; odd > 0; odd--) {
            int c = codes[src[--i] & 0xFF];
            container |= (long) (c >>> 4) << bits;
            bits += c & 15;
        }
        while (i > start) {
            LONG.set(out, p, container);
            p += bits >>> 3;
            container >>>= bits & ~7;
            bits &= 7;
            if (p > limit) {
                return -1;
            }
            int c0 = codes[src[i - 1] & 0xFF];
            int c1 = codes[src[i - 2] & 0xFF];
            int c2 = codes[src[i - 3] & 0xFF];
            int c3 = codes[src[i - 4] & 0xFF];
            i -= 4;
            container |= (long) (c0 >>> 4) << bits;
            bits += c0 & 15;
            container |= (long) (c1 >>> 4) << bits;
            bits += c1 & 15;
            container |= (long) (c2 >>> 4) << bits;
            bits += c2 & 15;
            container |= (long) (c3 >>> 4) << bits;
            bits += c3 & 15;
        }
        container |= 1L << bits; // the end mark
        bits++;
        LONG.set(out, p, container);
        p += (bits + 7) >>> 3;
        return p > limit ? -1 : p;
    }

    /**
     * Codes {@code src[start, end)} as four streams after a jump table of the first three's sizes
     * (2 bytes each, little-endian): a quarter each, rounded up, the last stream the rest. At least
     * 4 literals (each stream needs one); {@code out} has 8 bytes of room after {@code limit}.
     *
     * @return the end, or -1 if it would pass {@code limit}
     */
    static int encode4(int[] codes, byte[] src, int start, int end, byte[] out, int position, int limit) {
        int segment = (end - start + 3) / 4;
        int p = position + 6;
        for (int k = 0; k < 4; k++) {
            int from = start + k * segment;
            int to = k == 3 ? end : from + segment;
            int streamEnd = encode1(codes, src, from, to, out, p, limit);
            if (streamEnd < 0) {
                return -1;
            }
            if (k < 3) {
                int size = streamEnd - p;
                if (size > 0xFFFF) {
                    return -1;
                }
                out[position + 2 * k] = (byte) size;
                out[position + 2 * k + 1] = (byte) (size >>> 8);
            }
            p = streamEnd;
        }
        return p;
    }
}
