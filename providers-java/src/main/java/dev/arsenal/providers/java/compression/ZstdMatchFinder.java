package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the match finders of {@link ZstdFrameEncoder} share: how positions are kept in their
 * tables, hashing, and counting how far a match goes.
 *
 * <p>A finder fills a {@link ZstdSequenceStore} with the sequences of one block, {@code
 * src[start, end)}; the bytes before {@code start} down to {@code lowest} are the window it may
 * match against. Tables hold <em>indices</em>, not array positions: index = position − {@code
 * base}. A context's indices only grow, from frame to frame and as a stream's buffer slides
 * (which changes {@code base}), so an index left in a table by an earlier frame is below the
 * current frame's {@code lowest} and is ignored without the tables being cleared; index 0 means
 * empty. Every candidate is checked against the bytes before it is used, so a stale entry can
 * cost a lookup but never a wrong match. {@link #reduce} moves all indices down when they near
 * {@link #MAX_INDEX}.
 *
 * <p>Matches stay inside the block: the decoder decodes a block alone. The last 8 bytes of a
 * block are not searched (a hash reads 8 bytes), and a match starts no later than 8 bytes before
 * the block's end, so literals can be copied 8 bytes at a time.
 */
abstract sealed class ZstdMatchFinder permits ZstdFastMatchFinder, ZstdDoubleFastMatchFinder, ZstdLazyMatchFinder {
    static final VarHandle LONG = ZstdBitWriter.LONG;
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Indices are moved down before they pass this (2^30: far from overflow at any block size). */
    static final int MAX_INDEX = 1 << 30;

    /** A multiplier that spreads its input's low bytes over the product's high bits. */
    private static final long PRIME = 0x9E3779B185EBCA87L;

    /** zstd's search strength: after 2^8 literals without a match, step 2 bytes, then 3... */
    static final int SKIP_LOG = 8;

    /** The finder of a strategy. */
    static ZstdMatchFinder of(ZstdEncoderParameters.Strategy strategy) {
        return switch (strategy) {
            case FAST -> new ZstdFastMatchFinder();
            case DOUBLE_FAST -> new ZstdDoubleFastMatchFinder();
            case GREEDY, LAZY, LAZY2 -> new ZstdLazyMatchFinder();
        };
    }

    /**
     * Finds the sequences of {@code src[start, end)} and adds them, and the last literals, to
     * {@code store}, whose repeat offsets are the decoder's at {@code start}.
     *
     * @param base what to subtract from a position to get its index
     * @param lowest the lowest index a match may start at (the frame's start, or the window's)
     */
    abstract void find(
            ZstdEncoderParameters parameters,
            byte[] src,
            int base,
            int start,
            int end,
            int lowest,
            ZstdSequenceStore store);

    /** Subtracts {@code by} from every index held, those below it becoming 0 (empty). */
    abstract void reduce(int by);

    static void reduce(int[] table, int by) {
        for (int i = 0; i < table.length; i++) {
            int v = table[i];
            table[i] = v > by ? v - by : 0;
        }
    }

    /** An array of {@code 2^log} ints, {@code table} if big enough (larger ones serve smaller logs). */
    static int[] sized(int[] table, int log) {
        return table.length >= 1 << log ? table : new int[1 << log];
    }

    /** The hash of the low {@code bytes} bytes of {@code v} (4 to 8), {@code bits} wide. */
    static int hash(long v, int bytes, int bits) {
        return (int) (((v << (64 - 8 * bytes)) * PRIME) >>> (64 - bits));
    }

    /**
     * How many bytes from {@code p} equal those from {@code match} ({@code match < p}), not counting
     * past {@code end}: 8 at a time, the first difference found by its lowest set bit.
     */
    static int matchLength(byte[] src, int p, int match, int end) {
        int start = p;
        while (p <= end - 8) {
            long diff = (long) LONG.get(src, p) ^ (long) LONG.get(src, match);
            if (diff != 0) {
                return p - start + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
            p += 8;
            match += 8;
        }
        while (p < end && src[p] == src[match]) {
            p++;
            match++;
        }
        return p - start;
    }

    static long read8(byte[] src, int p) {
        return (long) LONG.get(src, p);
    }

    static int read4(byte[] src, int p) {
        return (int) INT.get(src, p);
    }
}
