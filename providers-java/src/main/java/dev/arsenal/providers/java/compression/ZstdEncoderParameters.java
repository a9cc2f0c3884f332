package dev.arsenal.providers.java.compression;

/**
 * What a zstd compression level means to the encoder: the window, the match finder and the sizes
 * of its tables. The numbers are zstd's own ({@code clevels.h} of zstd 1.5: four rows per level,
 * by input size), so that a level here compresses about as the {@code zstd} tool's level does;
 * {@link #forLevel} then shrinks them to the input, as zstd's {@code ZSTD_adjustCParams} does.
 *
 * <p>Levels and their match finders:
 *
 * <pre>
 *  level    strategy     finder                                        zstd's name
 *  -7..-1   fast         one hash table, 2 positions of every 8..2      fast, "acceleration"
 *   1.. 2   fast         one hash table                                 fast
 *   3.. 4   double fast  a table of 8-byte and one of short hashes      dfast
 *   5       greedy       hash chains, first match taken                 greedy
 *   6.. 7   lazy         hash chains, one position of look-ahead        lazy
 *   8.. 9   lazy2        hash chains, two positions of look-ahead       lazy2
 * </pre>
 *
 * That is for large inputs and streams; zstd's rows for inputs up to 256, 128 and 16 KiB move
 * some levels to the next finder (2 to double fast up to 256 KiB, 4 to greedy, 6 and 7 to lazy2
 * up to 16 KiB...), and this encoder follows them. zstd 1.5 searches levels 5 to 12 with its "row" match finder and small inputs at level 9 with a
 * binary tree; hash chains of the same depth find about the same matches, so the table's search
 * depths are kept. Negative levels use zstd's "base for negative levels" row and, as zstd does,
 * leave literals raw (no Huffman coding): they trade ratio for speed.
 *
 * @param windowLog log2 of the window: how far back a match may reach (10 to 22 here)
 * @param chainLog log2 of the hash chain table (lazy), or of the short-match table (double fast)
 * @param hashLog log2 of the (long-match, for double fast) hash table
 * @param searchLog log2 of the number of chain links a lazy search follows
 * @param minMatch the bytes a hash covers, and the shortest match searched for (4 to 7)
 * @param acceleration at a negative level, its opposite: the fast finder tries 2 positions of every
 *     {@code acceleration + 1} (0 at the other levels)
 * @param strategy the match finder
 */
record ZstdEncoderParameters(
        int windowLog, int chainLog, int hashLog, int searchLog, int minMatch, int acceleration, Strategy strategy) {

    /** The match finders, in order of ratio (and of cost). */
    enum Strategy {
        FAST,
        DOUBLE_FAST,
        GREEDY,
        LAZY,
        LAZY2;

        /** Chain look-ahead positions of the lazy finders: 0 greedy, 1 lazy, 2 lazy2. */
        int depth() {
            return switch (this) {
                case GREEDY -> 0;
                case LAZY -> 1;
                case LAZY2 -> 2;
                case FAST, DOUBLE_FAST -> -1;
            };
        }
    }

    /** The lowest level: the fast finder trying 2 positions of every 8, literals raw. */
    static final int MIN_LEVEL = -7;

    /** The highest level: lazy2 with zstd level 9's tables. */
    static final int MAX_LEVEL = 9;

    /** The level that stands for the default (zstd's level 0 means 3). */
    static final int DEFAULT_LEVEL = 3;

    /** The smallest window the format allows (1 KiB). */
    private static final int MIN_WINDOW_LOG = ZstdFormat.MIN_WINDOW_LOG;

    /** zstd's {@code ZSTD_HASHLOG_MIN}: tables never shrink below 64 entries. */
    private static final int MIN_HASH_LOG = 6;

    private static final Strategy F = Strategy.FAST;
    private static final Strategy D = Strategy.DOUBLE_FAST;
    private static final Strategy G = Strategy.GREEDY;
    private static final Strategy L = Strategy.LAZY;
    private static final Strategy L2 = Strategy.LAZY2;

    /**
     * zstd's rows, index 0 the base of negative levels, then levels 1 to 9: window, chain, hash,
     * search, min match, strategy. Row 0 is for inputs above 256 KiB or of unknown size (streams),
     * then up to 256 KiB, 128 KiB and 16 KiB. zstd's btlazy2 (level 9 up to 16 KiB) is lazy2 here.
     */
    private static final int[][][] ROWS = {
        {
            {19, 12, 13, 1, 6},
            {19, 13, 14, 1, 7},
            {20, 15, 16, 1, 6},
            {21, 16, 17, 1, 5},
            {21, 18, 18, 1, 5},
            {21, 18, 19, 3, 5},
            {21, 18, 19, 3, 5},
            {21, 19, 20, 4, 5},
            {21, 19, 20, 4, 5},
            {22, 20, 21, 4, 5}
        },
        {
            {18, 12, 13, 1, 5},
            {18, 13, 14, 1, 6},
            {18, 14, 14, 1, 5},
            {18, 16, 16, 1, 4},
            {18, 16, 17, 3, 5},
            {18, 17, 18, 5, 5},
            {18, 18, 19, 3, 5},
            {18, 18, 19, 4, 4},
            {18, 18, 19, 4, 4},
            {18, 18, 19, 5, 4}
        },
        {
            {17, 12, 12, 1, 5},
            {17, 12, 13, 1, 6},
            {17, 13, 15, 1, 5},
            {17, 15, 16, 2, 5},
            {17, 17, 17, 2, 4},
            {17, 16, 17, 3, 4},
            {17, 16, 17, 3, 4},
            {17, 16, 17, 3, 4},
            {17, 16, 17, 4, 4},
            {17, 16, 17, 5, 4}
        },
        {
            {14, 12, 13, 1, 5},
            {14, 14, 15, 1, 5},
            {14, 14, 15, 1, 4},
            {14, 14, 15, 2, 4},
            {14, 14, 14, 4, 4},
            {14, 14, 14, 3, 4},
            {14, 14, 14, 4, 4},
            {14, 14, 14, 6, 4},
            {14, 14, 14, 8, 4},
            {14, 15, 14, 5, 4}
        }
    };

    /** The strategies of the rows above, by row and level (index 0: negative levels). */
    private static final Strategy[][] STRATEGIES = {
        {F, F, F, D, D, G, L, L, L2, L2},
        {F, F, D, D, G, G, L, L, L2, L2},
        {F, F, F, D, D, G, L, L2, L2, L2},
        {F, F, F, D, G, L, L2, L2, L2, L2}
    };

    /** Whether literals are Huffman-coded: not at negative levels (zstd leaves them raw there). */
    boolean compressesLiterals() {
        return acceleration == 0;
    }

    /** The window in bytes. */
    int windowSize() {
        return 1 << windowLog;
    }

    /**
     * The parameters by level and input size: {@code [level - MIN_LEVEL][sizeLog]}, the size's
     * log2 rounded up (at least {@link #MIN_HASH_LOG}), index 0 for an unknown size. They depend on
     * the size only through it (zstd's rows change at 16, 128 and 256 KiB), so a call looks them up
     * instead of making a record.
     */
    private static final ZstdEncoderParameters[][] BY_SIZE_LOG =
            new ZstdEncoderParameters[MAX_LEVEL - MIN_LEVEL + 1][32];

    static {
        for (int level = MIN_LEVEL; level <= MAX_LEVEL; level++) {
            ZstdEncoderParameters[] row = BY_SIZE_LOG[level - MIN_LEVEL];
            row[0] = compute(level, -1);
            for (int log = MIN_HASH_LOG; log < row.length; log++) {
                row[log] = compute(level, 1L << log);
            }
        }
    }

    /**
     * The parameters of {@code level} for an input of {@code size} bytes, or -1 if unknown (a
     * stream): zstd's row for the size, the window shrunk to the input (never below 1 KiB) and
     * the tables to the window.
     */
    static ZstdEncoderParameters forLevel(int level, long size) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException(
                    "zstd level " + level + " is outside " + MIN_LEVEL + " to " + MAX_LEVEL + " here");
        }
        int log = size < 0 ? 0 : size <= 1L << MIN_HASH_LOG ? MIN_HASH_LOG : 64 - Long.numberOfLeadingZeros(size - 1);
        return BY_SIZE_LOG[level - MIN_LEVEL][Math.min(log, 31)];
    }

    private static ZstdEncoderParameters compute(int level, long size) {
        if (level == 0) {
            level = DEFAULT_LEVEL;
        }
        int row = size < 0 || size > 256 * 1024 ? 0 : size > 128 * 1024 ? 1 : size > 16 * 1024 ? 2 : 3;
        int column = Math.max(level, 0);
        int[] p = ROWS[row][column];
        int windowLog = p[0];
        int chainLog = p[1];
        int hashLog = p[2];
        if (size >= 0) {
            int sizeLog = size <= 1L << MIN_HASH_LOG ? MIN_HASH_LOG : 64 - Long.numberOfLeadingZeros(size - 1);
            windowLog = Math.min(windowLog, sizeLog);
        }
        // As ZSTD_adjustCParams: tables need no more entries than twice the window has positions.
        hashLog = Math.min(hashLog, windowLog + 1);
        chainLog = Math.min(chainLog, windowLog);
        windowLog = Math.max(windowLog, MIN_WINDOW_LOG);
        return new ZstdEncoderParameters(
                windowLog, chainLog, hashLog, p[3], p[4], level < 0 ? -level : 0, STRATEGIES[row][column]);
    }
}
