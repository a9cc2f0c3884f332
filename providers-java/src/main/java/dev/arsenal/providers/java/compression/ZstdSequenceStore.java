package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdBitWriter.LONG;

/**
 * A block's sequences as the match finders find them, before entropy coding: the literals copied
 * out in one array, and per sequence its literal length, match length and offset value.
 *
 * <p>The offset value is what the block will carry (RFC 8878 3.1.1.5): 1 to 3 for one of the three
 * repeat offsets, the offset plus 3 otherwise. {@link #add} turns a match finder's offset into it
 * with the repeat offsets the decoder will hold at that point, and updates them as the decoder
 * will, so match finders deal in offsets only. With a literal length of 0 the codes shift: 1 is the
 * second repeat offset, 2 the third, 3 the first less one.
 *
 * <pre>
 *  literal length &gt; 0:  offset == rep[0] -&gt; 1   rep[1] -&gt; 2   rep[2] -&gt; 3    else offset + 3
 *  literal length == 0: offset == rep[1] -&gt; 1   rep[2] -&gt; 2   rep[0]-1 -&gt; 3  else offset + 3
 *  then the offset used moves to rep[0] (1 with a literal run leaves them as they are)
 * </pre>
 *
 * The repeat offsets live on from block to block of a frame, but only through blocks that are
 * written compressed: {@link #begin} keeps them, {@link #rollBack} restores them when a block is
 * written raw or as RLE instead.
 */
final class ZstdSequenceStore {
    /** Literal bytes are copied 8 at a time, up to 7 past the run's end. */
    private static final int COPY_SLACK = 8;

    final byte[] literals;
    int literalCount;

    final int[] literalLengths;
    final int[] matchLengths;
    final int[] offsetValues;
    int count;

    /** The repeat offsets as the decoder will hold them after the sequences so far. */
    final int[] rep = new int[3];

    private final int[] kept = new int[3];

    /** A store for blocks of up to {@code blockSize} bytes. */
    ZstdSequenceStore(int blockSize) {
        literals = new byte[blockSize + COPY_SLACK];
        int most = blockSize / ZstdFormat.MIN_MATCH + 1;
        literalLengths = new int[most];
        matchLengths = new int[most];
        offsetValues = new int[most];
    }

    /** A frame's start: the repeat offsets 1, 4 and 8. */
    void startFrame() {
        System.arraycopy(ZstdFormat.INITIAL_REPEAT_OFFSETS, 0, rep, 0, 3);
    }

    /** A block's start: no sequences, the repeat offsets kept for {@link #rollBack}. */
    void begin() {
        literalCount = 0;
        count = 0;
        System.arraycopy(rep, 0, kept, 0, 3);
    }

    /** The block is not written with these sequences: the repeat offsets as they were. */
    void rollBack() {
        System.arraycopy(kept, 0, rep, 0, 3);
    }

    /**
     * Adds a sequence: {@code literalLength} literals from {@code src[literalStart]}, then a match
     * of {@code matchLength} bytes {@code offset} back. The literals must be followed by at least 8
     * readable bytes in {@code src} (the match is): they are copied 8 at a time.
     */
    void add(byte[] src, int literalStart, int literalLength, int offset, int matchLength) {
        byte[] lits = literals;
        int to = literalCount;
        for (int i = 0; i < literalLength; i += 8) {
            LONG.set(lits, to + i, (long) LONG.get(src, literalStart + i));
        }
        literalCount = to + literalLength;
        int[] r = rep;
        int value;
        if (literalLength != 0) {
            if (offset == r[0]) {
                value = 1;
            } else if (offset == r[1]) {
                value = 2;
                r[1] = r[0];
                r[0] = offset;
            } else {
                value = offset == r[2] ? 3 : offset + 3;
                r[2] = r[1];
                r[1] = r[0];
                r[0] = offset;
            }
        } else if (offset == r[1]) {
            value = 1;
            r[1] = r[0];
            r[0] = offset;
        } else {
            value = offset == r[2] ? 2 : offset == r[0] - 1 ? 3 : offset + 3;
            r[2] = r[1];
            r[1] = r[0];
            r[0] = offset;
        }
        int n = count++;
        literalLengths[n] = literalLength;
        matchLengths[n] = matchLength;
        offsetValues[n] = value;
    }

    /** Adds the block's last literals, after its last match (or all of it, without a match). */
    void addLast(byte[] src, int start, int length) {
        System.arraycopy(src, start, literals, literalCount, length);
        literalCount += length;
    }
}
