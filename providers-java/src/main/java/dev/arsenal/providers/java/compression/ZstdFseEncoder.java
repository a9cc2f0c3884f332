package dev.arsenal.providers.java.compression;

/**
 * One FSE (tANS) encoding table of RFC 8878 section 4.1, and what makes one: a distribution
 * normalized from symbol counts ({@link #normalize}), its description in a frame ({@link
 * #writeDescription}) and the table ({@link #build}).
 *
 * <p>A decoder's table has {@code 2^tableLog} cells; a symbol of normalized count {@code n} owns
 * {@code n} of them, spread over the table by the RFC's rule. Encoding runs backwards: the state
 * {@code x} (a value in {@code [2^tableLog, 2^(tableLog+1))}, the cell plus the table size) gives
 * up its low {@code k} bits so that {@code x >> k} falls in {@code [n, 2n)}, and the next state is
 * the cell that the decoder, reading those {@code k} bits, leaves for {@code x}. Per symbol that is
 * two numbers ({@link #deltaBits} and {@link #deltaFindState}) and one lookup:
 *
 * <pre>
 *   k     = (x + deltaBits[s]) >>> 16          // n.. bits or one fewer, without a branch
 *   put(x, k)
 *   x     = nextState[(x >>> k) + deltaFindState[s]]
 * </pre>
 *
 * A symbol of count -1 ("less than 1", as in the predefined distributions) owns one cell at the
 * table's end and is coded as count 1. An RLE table ({@link #buildRle}) has one cell and codes its
 * symbol in 0 bits.
 */
final class ZstdFseEncoder {
    /** The largest table log here: the sequences' literal and match lengths (9). */
    static final int MAX_TABLE_LOG = 9;

    /** The smallest table log a description can state (5). */
    static final int MIN_TABLE_LOG = 5;

    /**
     * For a symbol whose exact share of the table is {@code n + f} cells ({@code n} whole, {@code
     * f} the fraction, in 1/65536), rounding up to {@code n + 1} pays when {@code f} exceeds this:
     * the bits it saves on the symbol, {@code (n + f) log2((n + 1) / n)} per table's worth of
     * symbols, against the {@code 1 / ln 2} the largest symbol, which gives up the cell, loses. So
     * {@code f > 1 / ln(1 + 1/n) - n}: 0.443 for one cell, approaching 0.5 as {@code n} grows.
     */
    private static final long[] ROUND_UP = new long[64];

    /** log2(i) in 1/256 of a bit, for costs: i from 0 (unused) to 2^MAX_TABLE_LOG. */
    static final int[] LOG2_256 = new int[(1 << MAX_TABLE_LOG) + 1];

    static {
        for (int n = 1; n < ROUND_UP.length; n++) {
            ROUND_UP[n] = Math.round((1 / Math.log1p(1.0 / n) - n) * 65536);
        }
        for (int i = 1; i < LOG2_256.length; i++) {
            LOG2_256[i] = (int) Math.round(Math.log(i) / Math.log(2) * 256);
        }
    }

    /** The cell's state ({@code tableSize + cell}) by symbol, each symbol's cells in order. */
    final char[] nextState = new char[1 << MAX_TABLE_LOG];

    /** Per symbol: what added to a state gives the bits to put, in the high 16 bits. */
    final int[] deltaBits;

    /** Per symbol: where its cells start in {@link #nextState}, less its count. */
    final int[] deltaFindState;

    /** Per symbol: where its cells start in {@link #nextState}. */
    private final int[] start;

    /** Scratch of {@link #build}: the symbol of each cell, and where each symbol's next cell goes. */
    private final byte[] cellSymbol = new byte[1 << MAX_TABLE_LOG];

    private final int[] fill;

    /** The table's log; 0 for an RLE table. */
    int tableLog;

    /** A table for symbols 0 to {@code symbols - 1}. */
    ZstdFseEncoder(int symbols) {
        deltaBits = new int[symbols];
        deltaFindState = new int[symbols];
        start = new int[symbols];
        fill = new int[symbols];
    }

    /** A table built from a fixed distribution (the predefined ones). */
    static ZstdFseEncoder of(short[] normalized, int tableLog) {
        ZstdFseEncoder table = new ZstdFseEncoder(normalized.length);
        table.build(normalized, normalized.length - 1, tableLog);
        return table;
    }

    /** The state that starts encoding (the last symbol of a stream): the symbol's first cell. */
    int initialState(int symbol) {
        // The first cell reads the most bits, at least 1 if the symbol is not alone: the Huffman
        // weights' decoder knows the stream's end by reading past it (RFC 8878 4.2.1.2).
        return nextState[start[symbol]];
    }

    /**
     * Builds the table of {@code normalized[0..maxSymbol]}, which sums to {@code 2^tableLog}
     * (count -1 standing for 1).
     */
    void build(short[] normalized, int maxSymbol, int tableLog) {
        this.tableLog = tableLog;
        int size = 1 << tableLog;
        int mask = size - 1;
        // Symbols of count -1 take the last cells, one each, from the end backwards.
        int high = size - 1;
        for (int s = 0; s <= maxSymbol; s++) {
            if (normalized[s] == -1) {
                cellSymbol[high--] = (byte) s;
            }
        }
        // The others are spread by the RFC's step, which visits every cell once.
        int step = (size >>> 1) + (size >>> 3) + 3;
        int position = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            for (int i = 0; i < normalized[s]; i++) {
                cellSymbol[position] = (byte) s;
                do {
                    position = (position + step) & mask;
                } while (position > high);
            }
        }
        // Each symbol's cells, in cell order, from where its range starts.
        int total = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            int n = normalized[s];
            start[s] = total;
            if (n == 0) {
                // Never coded; a value that makes a mistake visible in the output.
                deltaBits[s] = ((tableLog + 1) << 16) - size;
                deltaFindState[s] = 0;
            } else if (n == 1 || n == -1) {
                deltaBits[s] = (tableLog << 16) - size;
                deltaFindState[s] = total - 1;
                total++;
            } else {
                int maxBits = tableLog - (31 - Integer.numberOfLeadingZeros(n - 1));
                deltaBits[s] = (maxBits << 16) - (n << maxBits);
                deltaFindState[s] = total - n;
                total += n;
            }
        }
        System.arraycopy(start, 0, fill, 0, maxSymbol + 1);
        for (int cell = 0; cell < size; cell++) {
            int s = cellSymbol[cell];
            nextState[fill[s]++] = (char) (size + cell);
        }
    }

    /** Makes this the table of one symbol, coded in 0 bits (RLE mode). */
    void buildRle(int symbol) {
        tableLog = 0;
        nextState[0] = 1;
        start[symbol] = 0;
        deltaBits[symbol] = 0;
        deltaFindState[symbol] = -1;
    }

    /**
     * The table log for {@code total} symbols of at most {@code maxSymbol}: fewer cells when few
     * symbols are counted (a smaller description, the same precision the counts can give), enough
     * for every symbol to have cells.
     */
    static int optimalTableLog(int maxTableLog, int total, int maxSymbol) {
        int log = Math.min(maxTableLog, highBit(total - 1) - 2);
        log = Math.max(log, Math.min(highBit(total) + 1, highBit(maxSymbol) + 2));
        return Math.max(MIN_TABLE_LOG, Math.min(maxTableLog, log));
    }

    /**
     * Scales {@code counts[0..maxSymbol]}, which sum to {@code total}, to a distribution over
     * {@code 2^tableLog} cells in {@code normalized}: every counted symbol at least one cell, the
     * others rounded by {@link #ROUND_UP}, the difference to the table size given to the largest.
     * When that would cost the largest more than half its cells (many rare symbols, each rounded up
     * to 1), cells are taken one at a time from where they cost least.
     */
    static void normalize(int[] counts, int maxSymbol, int total, int tableLog, short[] normalized) {
        int scale = 62 - tableLog;
        long step = (1L << 62) / total;
        int distributed = 0;
        int largest = 0;
        int largestCount = 0;
        for (int s = 0; s <= maxSymbol; s++) {
            int c = counts[s];
            if (c == 0) {
                normalized[s] = 0;
                continue;
            }
            long scaled = c * step; // c / total in 62-bit fixed point: at most 2^62
            int n = (int) (scaled >>> scale);
            if (n == 0) {
                n = 1;
            } else {
                long fraction = (scaled - ((long) n << scale)) >>> (scale - 16);
                if (fraction > (n < ROUND_UP.length ? ROUND_UP[n] : 32768)) {
                    n++;
                }
            }
            normalized[s] = (short) n;
            distributed += n;
            if (c > largestCount) {
                largestCount = c;
                largest = s;
            }
        }
        int rest = (1 << tableLog) - distributed;
        if (rest >= 0 || -rest < normalized[largest] >> 1) {
            normalized[largest] += (short) rest;
            return;
        }
        // Too many cells handed out: take them back where a cell less costs the fewest bits,
        // count * log2(n / (n - 1)).
        while (rest < 0) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int s = 0; s <= maxSymbol; s++) {
                int n = normalized[s];
                if (n > 1) {
                    long cost = (long) counts[s] * (LOG2_256[n] - LOG2_256[n - 1]);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = s;
                    }
                }
            }
            normalized[best]--;
            rest++;
        }
    }

    /**
     * The cost in 1/256 bits of coding {@code counts[0..maxSymbol]} with {@code normalized} (of
     * {@code tableLog}), or {@link Long#MAX_VALUE} if a counted symbol has no cell: each symbol
     * costs about {@code tableLog - log2(n)} bits.
     */
    static long cost(int[] counts, int maxSymbol, short[] normalized, int tableLog) {
        if (maxSymbol >= normalized.length) {
            return Long.MAX_VALUE;
        }
        long bits = 0;
        int whole = tableLog << 8;
        for (int s = 0; s <= maxSymbol; s++) {
            int c = counts[s];
            if (c != 0) {
                int n = normalized[s];
                if (n == 0) {
                    return Long.MAX_VALUE;
                }
                bits += (long) c * (whole - LOG2_256[n < 0 ? 1 : n]);
            }
        }
        return bits;
    }

    /**
     * Writes the description of {@code normalized[0..maxSymbol]} (RFC 8878 4.1.1) at {@code
     * out[position]}: the table log less 5 in 4 bits, then each count plus one, in as few bits as
     * the cells still unassigned allow, a run of zero counts after a zero as 2-bit repeat flags. It
     * ends with the last symbol whose count completes the table.
     *
     * @return the end of the description, or -1 if it would pass {@code limit}
     */
    static int writeDescription(
            short[] normalized, int maxSymbol, int tableLog, ZstdBitWriter bits, byte[] out, int position, int limit) {
        bits.start(out, position, limit);
        bits.put(tableLog - MIN_TABLE_LOG, 4);
        int remaining = (1 << tableLog) + 1;
        int threshold = 1 << tableLog;
        int width = tableLog + 1;
        boolean afterZero = false;
        int s = 0;
        while (remaining > 1 && s <= maxSymbol) {
            if (afterZero) {
                int from = s;
                while (normalized[s] == 0) {
                    s++;
                }
                int zeros = s - from;
                while (zeros >= 24) {
                    bits.put(0xFFFF, 16);
                    bits.flush();
                    zeros -= 24;
                }
                while (zeros >= 3) {
                    bits.put(3, 2);
                    zeros -= 3;
                }
                bits.put(zeros, 2);
                bits.flush();
            }
            int n = normalized[s++];
            // Values below `small` fit in width - 1 bits; the decoder reads those first.
            int small = 2 * threshold - 1 - remaining;
            remaining -= Math.abs(n);
            int value = n + 1;
            if (value >= threshold) {
                value += small;
            }
            bits.put(value, value < small ? width - 1 : width);
            bits.flush();
            afterZero = n == 0;
            while (remaining < threshold) {
                width--;
                threshold >>= 1;
            }
        }
        return bits.finish();
    }

    static int highBit(int v) {
        return 31 - Integer.numberOfLeadingZeros(v);
    }
}
