package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;

/**
 * An FSE decoding table (RFC 8878, 4.1): literal lengths, match lengths and offsets of the sequences
 * section, and the Huffman weights of a literals section. Built from a table description in the
 * input ({@link #read}), from a predefined distribution ({@link #predefined}), or as one symbol
 * ({@link #rle}).
 *
 * <p>A state is an index into the table; its entry gives the symbol's value and the next state.
 * Each entry packs, so that a decoder needs one load per state:
 *
 * <pre>
 *  63           48 47     40 39     32 31                              0
 * +---------------+---------+---------+---------------------------------+
 * |  next base    | nbBits  |  extra  |  value                          |
 * +---------------+---------+---------+---------------------------------+
 *  next state = next base + (nbBits bits read from the stream)
 *  value, extra: the symbol's baseline and extra bits (sequences, {@link #LITERAL_LENGTHS} ...),
 *                or the symbol itself and 0 (Huffman weights, {@link #SYMBOLS})
 * </pre>
 *
 * <p>An offset's value for code 31 is 2<sup>31</sup>, negative as an {@code int}: the sequence
 * decoder compares offsets unsigned, and such an offset never fits a window.
 */
final class ZstdFseTable {
    /** Literal length codes 0-35 to their baseline and extra bits. */
    static final Alphabet LITERAL_LENGTHS = new Alphabet(
            "literal lengths",
            ZstdFormat.MAX_LITERAL_LENGTH_CODE,
            ZstdFormat.MAX_LITERAL_LENGTH_LOG,
            ZstdFormat.LITERAL_LENGTH_BASE,
            ZstdFormat.LITERAL_LENGTH_BITS);

    /** Match length codes 0-52 to their baseline and extra bits. */
    static final Alphabet MATCH_LENGTHS = new Alphabet(
            "match lengths",
            ZstdFormat.MAX_MATCH_LENGTH_CODE,
            ZstdFormat.MAX_MATCH_LENGTH_LOG,
            ZstdFormat.MATCH_LENGTH_BASE,
            ZstdFormat.MATCH_LENGTH_BITS);

    /** Offset codes 0-31: code N stands for 2<sup>N</sup> plus N extra bits. */
    static final Alphabet OFFSETS = offsets();

    /** Huffman weights 0-12 (12 is refused later, as libzstd does): the symbol is the value. */
    static final Alphabet SYMBOLS = symbols(12, 6);

    static final ZstdFseTable PREDEFINED_LITERAL_LENGTHS = predefined(
            LITERAL_LENGTHS, ZstdFormat.PREDEFINED_LITERAL_LENGTHS, ZstdFormat.PREDEFINED_LITERAL_LENGTHS_LOG);
    static final ZstdFseTable PREDEFINED_MATCH_LENGTHS =
            predefined(MATCH_LENGTHS, ZstdFormat.PREDEFINED_MATCH_LENGTHS, ZstdFormat.PREDEFINED_MATCH_LENGTHS_LOG);
    static final ZstdFseTable PREDEFINED_OFFSETS =
            predefined(OFFSETS, ZstdFormat.PREDEFINED_OFFSETS, ZstdFormat.PREDEFINED_OFFSETS_LOG);

    /** The smallest accuracy log a description can state (its low 4 bits plus 5). */
    private static final int MIN_LOG = 5;

    /**
     * What a table's symbols mean: a name for messages, the largest symbol and accuracy log, and
     * each symbol's baseline value and extra bits.
     */
    record Alphabet(String name, int maxSymbol, int maxLog, int[] base, int[] extra) {}

    private final Alphabet alphabet;
    /** The entries, {@code 1 << log} of them used. */
    final long[] entries;
    /** The accuracy log: the table has {@code 1 << log} states. */
    int log;

    // Scratch of the description and the build.
    private final short[] counts;
    private final int[] next;
    private final byte[] symbolAt;

    /** An empty table for {@code alphabet}, to be filled by {@link #read} or {@link #rle}. */
    ZstdFseTable(Alphabet alphabet) {
        this.alphabet = alphabet;
        this.entries = new long[1 << alphabet.maxLog];
        this.counts = new short[alphabet.maxSymbol + 1];
        this.next = new int[alphabet.maxSymbol + 1];
        this.symbolAt = new byte[1 << alphabet.maxLog];
    }

    static int value(long entry) {
        return (int) entry;
    }

    static int extraBits(long entry) {
        return (int) (entry >>> 32) & 0xFF;
    }

    static int stateBits(long entry) {
        return (int) (entry >>> 40) & 0xFF;
    }

    static int nextBase(long entry) {
        return (int) (entry >>> 48);
    }

    /** The table of one symbol: every state decodes to it and reads no bits (RLE mode). */
    void rle(int symbol, long origin, int at) {
        if (symbol > alphabet.maxSymbol) {
            throw malformed(
                    origin + at,
                    "RLE mode symbol " + symbol + " is above the largest of " + alphabet.name + " ("
                            + alphabet.maxSymbol + ")");
        }
        log = 0;
        entries[0] = entry(symbol, 0, 0);
    }

    /**
     * Reads a table description (4.1.1) from {@code in[ip, end)} and builds the table.
     *
     * <pre>
     *  bit 0 (first byte, LSB first)
     *  +---------+----------------+----------------+-- ... --+-------------+
     *  | log - 5 | P(symbol 0)+1  | P(symbol 1)+1  |         | 2-bit zero  |  then padding to a byte
     *  | 4 bits  | nbBits or      | (fewer bits as |         | runs after  |
     *  |         | nbBits - 1     |  points remain)|         | a P of 0    |
     *  +---------+----------------+----------------+-- ... --+-------------+
     * </pre>
     *
     * @param origin the offset in the compressed input of {@code in[0]}, for messages
     * @return the bytes of the description
     */
    int read(byte[] in, int ip, int end, long origin) {
        if (ip >= end) {
            throw malformed(origin + ip, "truncated input: the " + alphabet.name + " table description is missing");
        }
        int log = (in[ip] & 0xF) + MIN_LOG;
        if (log > alphabet.maxLog) {
            throw malformed(
                    origin + ip,
                    "accuracy log " + log + " of the " + alphabet.name + " table is above its maximum of "
                            + alphabet.maxLog);
        }
        long available = 8L * (end - ip);
        int bitPos = 4;
        int remaining = (1 << log) + 1;
        int threshold = 1 << log;
        int nbBits = log + 1;
        int symbol = 0;
        boolean previousZero = false;
        while (remaining > 1 && symbol <= alphabet.maxSymbol) {
            if (previousZero) {
                int zeroesTo = symbol;
                int repeat;
                do {
                    repeat = bitsAt(in, ip, end, bitPos, 2);
                    bitPos += 2;
                    zeroesTo += repeat;
                } while (repeat == 3 && bitPos <= available);
                if (zeroesTo > alphabet.maxSymbol) {
                    throw malformed(
                            origin + ip,
                            "the " + alphabet.name + " table description's run of zero probabilities passes symbol "
                                    + alphabet.maxSymbol);
                }
                while (symbol < zeroesTo) {
                    counts[symbol++] = 0;
                }
            }
            int max = 2 * threshold - 1 - remaining;
            int count = bitsAt(in, ip, end, bitPos, nbBits - 1);
            if (count < max) {
                bitPos += nbBits - 1;
            } else {
                count = bitsAt(in, ip, end, bitPos, nbBits);
                if (count >= threshold) {
                    count -= max;
                }
                bitPos += nbBits;
            }
            count--; // the probability; -1 stands for "less than 1" and takes one state
            remaining -= Math.abs(count);
            counts[symbol++] = (short) count;
            previousZero = count == 0;
            if (remaining < 1) {
                break; // cannot happen by construction; refused below
            }
            while (remaining < threshold) {
                nbBits--;
                threshold >>= 1;
            }
            if (bitPos > available) {
                break;
            }
        }
        int bytes = (bitPos + 7) >>> 3;
        if (bitPos > available) {
            throw malformed(
                    origin + end,
                    "truncated input: the " + alphabet.name + " table description needs " + (bytes - (end - ip))
                            + " more bytes");
        }
        if (remaining != 1) {
            throw malformed(
                    origin + ip,
                    "the " + alphabet.name + " table description's probabilities do not add up to 2^" + log);
        }
        build(symbol, log);
        return bytes;
    }

    /** {@code n} bits (up to 24) from bit {@code bitPos} of {@code in[ip, end)}, zeros past the end. */
    private static int bitsAt(byte[] in, int ip, int end, int bitPos, int n) {
        int p = ip + (bitPos >>> 3);
        int v = 0;
        for (int i = 0; i < 4 && p + i < end; i++) {
            v |= (in[p + i] & 0xFF) << (8 * i);
        }
        return (v >>> (bitPos & 7)) & ((1 << n) - 1);
    }

    /**
     * Builds the decoding table from {@code counts[0, symbols)} (4.1.1): "less than 1" symbols take
     * the last states, one each; the others are spread with the step {@code 5/8 size + 3}, skipping
     * those; then each state's next-state baseline and bit count follow from how many states its
     * symbol has.
     */
    private void build(int symbols, int log) {
        int size = 1 << log;
        int high = size - 1;
        for (int s = 0; s < symbols; s++) {
            if (counts[s] == -1) {
                symbolAt[high--] = (byte) s;
                next[s] = 1;
            } else {
                next[s] = counts[s];
            }
        }
        int step = (size >>> 1) + (size >>> 3) + 3;
        int mask = size - 1;
        int position = 0;
        for (int s = 0; s < symbols; s++) {
            for (int i = 0; i < counts[s]; i++) {
                symbolAt[position] = (byte) s;
                do {
                    position = (position + step) & mask;
                } while (position > high);
            }
        }
        // position == 0 here: the counts fill the table exactly (checked by read).
        for (int state = 0; state < size; state++) {
            int s = symbolAt[state] & 0xFF;
            int n = next[s]++;
            int bits = log - (31 - Integer.numberOfLeadingZeros(n));
            entries[state] = entry(s, bits, (n << bits) - size);
        }
        this.log = log;
    }

    private long entry(int symbol, int stateBits, int nextBase) {
        return (alphabet.base[symbol] & 0xFFFF_FFFFL)
                | (long) alphabet.extra[symbol] << 32
                | (long) stateBits << 40
                | (long) nextBase << 48;
    }

    private static ZstdFseTable predefined(Alphabet alphabet, short[] distribution, int log) {
        ZstdFseTable t = new ZstdFseTable(alphabet);
        System.arraycopy(distribution, 0, t.counts, 0, distribution.length);
        t.build(distribution.length, log);
        return t;
    }

    private static Alphabet offsets() {
        int n = ZstdFormat.MAX_OFFSET_CODE + 1;
        int[] base = new int[n];
        int[] extra = new int[n];
        for (int code = 0; code < n; code++) {
            base[code] = 1 << code; // code 31: 2^31, read unsigned
            extra[code] = code;
        }
        return new Alphabet("offsets", ZstdFormat.MAX_OFFSET_CODE, ZstdFormat.MAX_OFFSET_LOG, base, extra);
    }

    private static Alphabet symbols(int maxSymbol, int maxLog) {
        int[] base = new int[maxSymbol + 1];
        for (int s = 0; s <= maxSymbol; s++) {
            base[s] = s;
        }
        return new Alphabet("Huffman weights", maxSymbol, maxLog, base, new int[maxSymbol + 1]);
    }

    static MalformedInputException malformed(long at, String reason) {
        return new MalformedInputException(Codec.ZSTD, at, reason);
    }
}
