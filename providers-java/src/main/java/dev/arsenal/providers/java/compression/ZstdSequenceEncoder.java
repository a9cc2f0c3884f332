package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdBitWriter.LONG;

import java.util.Arrays;

/**
 * Writes a block's sequences section (RFC 8878 3.1.1.3.2) from a {@link ZstdSequenceStore}:
 *
 * <pre>
 *  +-----------+-------+----------+----------+----------+--------------------------+
 *  | count     | modes | LL table | OF table | ML table | bitstream (read backward) |
 *  | 1-3 bytes | 1     | if FSE-compressed or RLE      |                          |
 *  +-----------+-------+----------+----------+----------+--------------------------+
 *  modes: LL mode &lt;&lt; 6 | OF mode &lt;&lt; 4 | ML mode &lt;&lt; 2   (0 predefined, 1 RLE, 2 compressed)
 * </pre>
 *
 * Each sequence's literal length, match length and offset value become a code (a symbol of an FSE
 * table) and extra bits. Per field the cheapest table is taken, by the bits it would cost: the
 * predefined distribution (nothing to write), RLE (one byte, 0 bits a symbol, for one code only)
 * or a distribution of this block's codes (its description written first). Repeating the
 * previous block's table is not used.
 *
 * <p>The bitstream holds the last sequence first (the decoder reads it backwards): the three
 * states start at the last sequence's codes; then per sequence, from the second last to the first,
 * the offset, match and literal length states are advanced and the literal length, match length
 * and offset extra bits put; at the end the match length, offset and literal length states, which
 * the decoder reads first.
 */
final class ZstdSequenceEncoder {
    /** The literal length codes of lengths 0 to 63; longer ones are {@code highBit + 19}. */
    private static final byte[] LITERAL_LENGTH_CODE = codes(ZstdFormat.LITERAL_LENGTH_BASE, 64, 0);

    /** The match length codes of lengths 3 to 130 (index: length - 3); longer: {@code highBit + 36}. */
    private static final byte[] MATCH_LENGTH_CODE = codes(ZstdFormat.MATCH_LENGTH_BASE, 128, 3);

    private static final ZstdFseEncoder PREDEFINED_LL =
            ZstdFseEncoder.of(ZstdFormat.PREDEFINED_LITERAL_LENGTHS, ZstdFormat.PREDEFINED_LITERAL_LENGTHS_LOG);
    private static final ZstdFseEncoder PREDEFINED_ML =
            ZstdFseEncoder.of(ZstdFormat.PREDEFINED_MATCH_LENGTHS, ZstdFormat.PREDEFINED_MATCH_LENGTHS_LOG);
    private static final ZstdFseEncoder PREDEFINED_OF =
            ZstdFseEncoder.of(ZstdFormat.PREDEFINED_OFFSETS, ZstdFormat.PREDEFINED_OFFSETS_LOG);

    private final ZstdFseEncoder literalLengthTable = new ZstdFseEncoder(ZstdFormat.MAX_LITERAL_LENGTH_CODE + 1);
    private final ZstdFseEncoder matchLengthTable = new ZstdFseEncoder(ZstdFormat.MAX_MATCH_LENGTH_CODE + 1);
    private final ZstdFseEncoder offsetTable = new ZstdFseEncoder(ZstdFormat.MAX_OFFSET_CODE + 1);

    private final byte[] literalLengthCodes;
    private final byte[] matchLengthCodes;
    private final byte[] offsetCodes;
    private final int[] counts = new int[ZstdFormat.MAX_MATCH_LENGTH_CODE + 1];
    private final short[] normalized = new short[ZstdFormat.MAX_MATCH_LENGTH_CODE + 1];
    private final ZstdBitWriter bits = new ZstdBitWriter();

    /** The table the last {@link #writeTable} chose, and its mode. */
    private ZstdFseEncoder chosen;

    private int chosenMode;

    /** An encoder for blocks of at most {@code maxSequences} sequences. */
    ZstdSequenceEncoder(int maxSequences) {
        literalLengthCodes = new byte[maxSequences];
        matchLengthCodes = new byte[maxSequences];
        offsetCodes = new byte[maxSequences];
    }

    private static byte[] codes(int[] base, int n, int first) {
        byte[] codes = new byte[n];
        int code = 0;
        for (int v = 0; v < n; v++) {
            while (code + 1 < base.length && base[code + 1] <= v + first) {
                code++;
            }
            codes[v] = (byte) code;
        }
        return codes;
    }

    /**
     * Writes the sequences section of {@code store} at {@code out[position]}; {@code out} has 8
     * bytes of room after {@code limit}.
     *
     * @return its end, or -1 if it would pass {@code limit}
     */
    int encode(ZstdSequenceStore store, byte[] out, int position, int limit) {
        int n = store.count;
        if (position + 4 > limit) {
            return -1;
        }
        int p = position;
        if (n < 128) {
            out[p++] = (byte) n;
        } else if (n < 0x7F00) {
            out[p++] = (byte) ((n >>> 8) + 128);
            out[p++] = (byte) n;
        } else {
            out[p++] = (byte) 255;
            out[p++] = (byte) (n - 0x7F00);
            out[p++] = (byte) ((n - 0x7F00) >>> 8);
        }
        if (n == 0) {
            return p;
        }
        computeCodes(store);
        int modes = p++;

        p = writeTable(
                literalLengthCodes,
                n,
                ZstdFormat.MAX_LITERAL_LENGTH_CODE,
                PREDEFINED_LL,
                ZstdFormat.PREDEFINED_LITERAL_LENGTHS,
                ZstdFormat.MAX_LITERAL_LENGTH_LOG,
                literalLengthTable,
                out,
                p,
                limit);
        if (p < 0) {
            return -1;
        }
        ZstdFseEncoder ll = chosen;
        int llMode = chosenMode;
        p = writeTable(
                offsetCodes,
                n,
                ZstdFormat.MAX_OFFSET_CODE,
                PREDEFINED_OF,
                ZstdFormat.PREDEFINED_OFFSETS,
                ZstdFormat.MAX_OFFSET_LOG,
                offsetTable,
                out,
                p,
                limit);
        if (p < 0) {
            return -1;
        }
        ZstdFseEncoder of = chosen;
        int ofMode = chosenMode;
        p = writeTable(
                matchLengthCodes,
                n,
                ZstdFormat.MAX_MATCH_LENGTH_CODE,
                PREDEFINED_ML,
                ZstdFormat.PREDEFINED_MATCH_LENGTHS,
                ZstdFormat.MAX_MATCH_LENGTH_LOG,
                matchLengthTable,
                out,
                p,
                limit);
        if (p < 0) {
            return -1;
        }
        ZstdFseEncoder ml = chosen;
        out[modes] = (byte) (llMode << 6 | ofMode << 4 | chosenMode << 2);
        return writeBitstream(store, ll, of, ml, out, p, limit);
    }

    private void computeCodes(ZstdSequenceStore store) {
        int n = store.count;
        int[] lls = store.literalLengths;
        int[] mls = store.matchLengths;
        int[] ofs = store.offsetValues;
        byte[] llc = literalLengthCodes;
        byte[] mlc = matchLengthCodes;
        byte[] ofc = offsetCodes;
        for (int i = 0; i < n; i++) {
            int ll = lls[i];
            llc[i] = ll < 64 ? LITERAL_LENGTH_CODE[ll] : (byte) (ZstdFseEncoder.highBit(ll) + 19);
            int ml = mls[i] - ZstdFormat.MIN_MATCH;
            mlc[i] = ml < 128 ? MATCH_LENGTH_CODE[ml] : (byte) (ZstdFseEncoder.highBit(ml) + 36);
            ofc[i] = (byte) ZstdFseEncoder.highBit(ofs[i]);
        }
    }

    /**
     * Chooses the table of one field by cost, writes its description if it has one, and leaves it
     * in {@link #chosen} and its mode in {@link #chosenMode}.
     *
     * @return the end of the description, or -1 past {@code limit}
     */
    private int writeTable(
            byte[] codes,
            int n,
            int maxCode,
            ZstdFseEncoder predefined,
            short[] predefinedNormalized,
            int maxLog,
            ZstdFseEncoder table,
            byte[] out,
            int position,
            int limit) {
        int[] c = counts;
        Arrays.fill(c, 0, maxCode + 1, 0);
        for (int i = 0; i < n; i++) {
            c[codes[i]]++;
        }
        int maxSymbol = maxCode;
        while (c[maxSymbol] == 0) {
            maxSymbol--;
        }
        if (c[maxSymbol] == n) {
            // One code only: RLE costs a byte and no bits, unless the few symbols are cheaper
            // predefined (zstd keeps 2 sequences or fewer predefined too).
            long predefinedCost = ZstdFseEncoder.cost(c, maxSymbol, predefinedNormalized, predefined.tableLog);
            if (n > 2 || predefinedCost == Long.MAX_VALUE) {
                table.buildRle(maxSymbol);
                out[position] = (byte) maxSymbol;
                chosen = table;
                chosenMode = ZstdFormat.MODE_RLE;
                return position + 1;
            }
            chosen = predefined;
            chosenMode = ZstdFormat.MODE_PREDEFINED;
            return position;
        }
        long predefinedCost = ZstdFseEncoder.cost(c, maxSymbol, predefinedNormalized, predefined.tableLog);
        int tableLog = ZstdFseEncoder.optimalTableLog(maxLog, n, maxSymbol);
        ZstdFseEncoder.normalize(c, maxSymbol, n, tableLog, normalized);
        int end = ZstdFseEncoder.writeDescription(normalized, maxSymbol, tableLog, bits, out, position, limit);
        if (end < 0) {
            if (predefinedCost == Long.MAX_VALUE) {
                return -1;
            }
            chosen = predefined;
            chosenMode = ZstdFormat.MODE_PREDEFINED;
            return position;
        }
        long compressedCost = ((long) (end - position) << 11) + ZstdFseEncoder.cost(c, maxSymbol, normalized, tableLog);
        if (predefinedCost <= compressedCost) {
            chosen = predefined;
            chosenMode = ZstdFormat.MODE_PREDEFINED;
            return position;
        }
        table.build(normalized, maxSymbol, tableLog);
        chosen = table;
        chosenMode = ZstdFormat.MODE_COMPRESSED;
        return end;
    }

    /** The sequences' bitstream; see the class comment for the order. */
    private int writeBitstream(
            ZstdSequenceStore store,
            ZstdFseEncoder llTable,
            ZstdFseEncoder ofTable,
            ZstdFseEncoder mlTable,
            byte[] out,
            int position,
            int limit) {
        int n = store.count;
        int[] lls = store.literalLengths;
        int[] mls = store.matchLengths;
        int[] ofs = store.offsetValues;
        byte[] llc = literalLengthCodes;
        byte[] mlc = matchLengthCodes;
        byte[] ofc = offsetCodes;
        int[] llBase = ZstdFormat.LITERAL_LENGTH_BASE;
        int[] llBits = ZstdFormat.LITERAL_LENGTH_BITS;
        int[] mlBase = ZstdFormat.MATCH_LENGTH_BASE;
        int[] mlBits = ZstdFormat.MATCH_LENGTH_BITS;
        char[] llNext = llTable.nextState;
        int[] llDelta = llTable.deltaBits;
        int[] llFind = llTable.deltaFindState;
        char[] mlNext = mlTable.nextState;
        int[] mlDelta = mlTable.deltaBits;
        int[] mlFind = mlTable.deltaFindState;
        char[] ofNext = ofTable.nextState;
        int[] ofDelta = ofTable.deltaBits;
        int[] ofFind = ofTable.deltaFindState;

        int last = n - 1;
        int llState = llTable.initialState(llc[last]);
        int mlState = mlTable.initialState(mlc[last]);
        int ofState = ofTable.initialState(ofc[last]);

        // 7 bits left after a flush; a sequence adds at most 26 bits of states and 16 of literal
        // length, flush, then 16 of match length and 31 of offset, flush: within 64.
        long container = 0;
        int bits = 0;
        int p = position;
        int code = llc[last];
        container |= (long) (lls[last] - llBase[code]) << bits;
        bits += llBits[code];
        code = mlc[last];
        container |= (long) (mls[last] - mlBase[code]) << bits;
        bits += mlBits[code];
        LONG.set(out, p, container);
        p += bits >>> 3;
        container >>>= bits & ~7;
        bits &= 7;
        code = ofc[last];
        container |= (long) (ofs[last] & ((1 << code) - 1)) << bits;
        bits += code;
        LONG.set(out, p, container);
        p += bits >>> 3;
        container >>>= bits & ~7;
        bits &= 7;

        for (int i = last - 1; i >= 0; i--) {
            int llCode = llc[i];
            int mlCode = mlc[i];
            int ofCode = ofc[i];
            int k = (ofState + ofDelta[ofCode]) >>> 16;
            container |= (long) (ofState & ((1 << k) - 1)) << bits;
            bits += k;
            ofState = ofNext[(ofState >>> k) + ofFind[ofCode]];
            k = (mlState + mlDelta[mlCode]) >>> 16;
            container |= (long) (mlState & ((1 << k) - 1)) << bits;
            bits += k;
            mlState = mlNext[(mlState >>> k) + mlFind[mlCode]];
            k = (llState + llDelta[llCode]) >>> 16;
            container |= (long) (llState & ((1 << k) - 1)) << bits;
            bits += k;
            llState = llNext[(llState >>> k) + llFind[llCode]];
            container |= (long) (lls[i] - llBase[llCode]) << bits;
            bits += llBits[llCode];
            LONG.set(out, p, container);
            p += bits >>> 3;
            container >>>= bits & ~7;
            bits &= 7;
            container |= (long) (mls[i] - mlBase[mlCode]) << bits;
            bits += mlBits[mlCode];
            container |= (long) (ofs[i] & ((1 << ofCode) - 1)) << bits;
            bits += ofCode;
            LONG.set(out, p, container);
            p += bits >>> 3;
            container >>>= bits & ~7;
            bits &= 7;
            if (p > limit) {
                return -1;
            }
        }
        container |= (long) (mlState & ((1 << mlTable.tableLog) - 1)) << bits;
        bits += mlTable.tableLog;
        container |= (long) (ofState & ((1 << ofTable.tableLog) - 1)) << bits;
        bits += ofTable.tableLog;
        container |= (long) (llState & ((1 << llTable.tableLog) - 1)) << bits;
        bits += llTable.tableLog;
        container |= 1L << bits; // the end mark
        bits++;
        LONG.set(out, p, container);
        p += (bits + 7) >>> 3;
        return p > limit ? -1 : p;
    }
}
