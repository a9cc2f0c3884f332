package dev.arsenal.providers.java.compression;

import dev.arsenal.spi.IdlePool;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ4's fast block compressor, level 1: the parse of liblz4's {@code LZ4_compress_fast} at
 * acceleration 1, written here from the block format, in plain Java with {@link VarHandle} array
 * views (no {@code sun.misc.Unsafe}).
 *
 * <p>The parse is greedy: a hash table maps the bytes at a position to the last position that hashed
 * alike. From the end of the last match on, each position is looked up and entered; a candidate whose
 * 4 bytes equal the position's, at most 65535 back, is a match, extended forward 8 bytes at a time
 * (the first differing byte is the lowest set bit of the XOR of two little-endian longs) and backward
 * over the literals before it. After 64 misses in a row the search steps 2 positions at a time, after
 * 128 3 at a time and so on, so that incompressible data costs little; a match puts it back to 1.
 * After a match the position 2 before its end is entered and its end tried at once, which makes runs
 * of sequences without literals cheap. The block's end rules: the last 5 bytes are literals and the
 * last match starts at least 12 bytes before the end, so a block under 13 bytes is all literals.
 *
 * <p>Two tables, as liblz4 has them, each cleared at the start of a call (an empty entry is a
 * candidate at the input's first position, as in liblz4's zeroed table), which makes the output
 * liblz4's byte for byte: the {@code lz4} tool's blocks of each Calgary and Canterbury file (one block
 * of up to 4 MiB each) are the blocks written here.
 *
 * <ul>
 *   <li>inputs under 64 KiB + 11 bytes: 4 bytes hashed to 13 bits, positions in 16-bit entries (16
 *       KiB). Every position is less than 65536 after the first, so no distance check.
 *   <li>larger inputs: 5 bytes (a little-endian long's low 5) hashed to 12 bits, positions in int
 *       entries (16 KiB), the distance checked once the bytes match. 13 bits made 1 MiB blocks of
 *       the Calgary and Canterbury corpora 5% smaller, and ran about 10% slower here (a 32 KiB
 *       table).
 * </ul>
 *
 * <p>What the speed came from (Calgary + Canterbury in 64 KiB blocks, against aircompressor's
 * {@code Unsafe} code on the same machine, which writes 2% more bytes: its 12-bit table finds fewer
 * matches): a 32 KiB int table not cleared between calls (its entries told from a former call's by
 * a per-call base, and the distance checked on every candidate) ran at 0.75 of aircompressor's
 * speed, and at 0.5 for 4 KiB blocks; the 16 KiB table cleared per call, the distance checked only
 * once the bytes match, 0.88; each sequence written in the loop rather than through helper methods
 * returning -1 on overflow, and lengths of 255 and more written in line rather than by a call C2 did
 * not inline, 0.95; room checks without a division, fewer values live in the loop, and a position's
 * bytes read once for its hash and its comparison, 1.0. JMH ({@code Lz4BlockBenchmark}, a quiet
 * run): 1.00 at 64 KiB, 0.87 at 4 KiB, 0.95 at 1 MiB, 0.99 on the Canterbury files, 0.98 on the
 * Calgary files. The sequence code is the same in both parse loops for that reason: each loop keeps
 * its own registers.
 *
 * <p>The output is checked before each write against the end of the range given: a check before a
 * sequence's literals counts what the block needs at least from there (the literals, their length
 * bytes, the match offset, and the last sequence's token and 5 literals), one before the match's
 * length bytes the same, so the encoder fails (returns -1) exactly when its parse does not fit, never
 * writes past the range, and needs no scratch copy of the bound. Literals are copied 8 bytes at a
 * time into room those checks guarantee.
 *
 * <p>Tables come from {@link IdlePool}: a call takes one and gives it back, so that compressors are
 * safe to share between threads and a call allocates nothing.
 */
final class Lz4FastEncoder {
    /** A match is at least 4 bytes long. */
    static final int MIN_MATCH = 4;

    /** The block's last bytes, always literals. */
    static final int LAST_LITERALS = 5;

    /** How far before the end the last match starts at the latest. */
    static final int LAST_MATCH_START = 12;

    /** Shorter blocks are literals only: a match needs {@link #LAST_MATCH_START} + 1 bytes. */
    static final int MIN_LENGTH = LAST_MATCH_START + 1;

    /** The farthest a match reaches back. */
    static final int MAX_DISTANCE = 65_535;

    /** The longest block: liblz4's {@code LZ4_MAX_INPUT_SIZE}. */
    static final int MAX_INPUT = 0x7E00_0000;

    /** Inputs shorter than this take the 16-bit table (liblz4's {@code LZ4_64Klimit}). */
    static final int SMALL_INPUT = 65_536 + LAST_MATCH_START - 1;

    /** A length's value in the token that says more bytes follow. */
    private static final int MASK = 15;

    /** After 2 to the this many misses in a row the search step grows by one. */
    private static final int SKIP_TRIGGER = 6;

    /** The small table's hash bits: 8192 16-bit entries, 16 KiB. */
    private static final int HASH_BITS = 13;

    /** The large table's hash bits: 4096 int entries, 16 KiB. */
    private static final int LARGE_HASH_BITS = 12;

    private static final int PRIME4 = -1_640_531_535; // 2654435761, Knuth's golden ratio multiplier
    private static final long PRIME5 = 889_523_592_379L;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** The idle tables of every fast compressor. */
    private static final IdlePool<Tables> TABLES = IdlePool.of(IdlePool.SHARED, Tables::new);

    private Lz4FastEncoder() {}

    /** A call's hash tables, one of each kind, each made when first needed. */
    static final class Tables {
        private char[] small;
        private int[] large;

        /** The table of positions under 65536, cleared. */
        char[] small() {
            if (small == null) {
                small = new char[1 << HASH_BITS];
            } else {
                Arrays.fill(small, (char) 0);
            }
            return small;
        }

        /** The table of int positions, cleared. */
        int[] large() {
            if (large == null) {
                large = new int[1 << LARGE_HASH_BITS];
            } else {
                Arrays.fill(large, 0);
            }
            return large;
        }
    }

    /**
     * Compresses {@code input[offset, offset + length)} into one block at {@code
     * output[outputOffset]}, with tables from the shared idle ones.
     *
     * @return the block's length, or -1 if it does not fit {@code maxOutput} bytes (the range's bytes
     *     may then have changed)
     * @throws IllegalArgumentException if {@code length} is above {@link #MAX_INPUT}
     */
    static int compress(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        if (length > MAX_INPUT) {
            throw new IllegalArgumentException(
                    "an LZ4 block holds at most " + MAX_INPUT + " bytes (LZ4_MAX_INPUT_SIZE), not " + length);
        }
        int limit = outputOffset + maxOutput;
        int end;
        if (length < MIN_LENGTH) {
            end = lastLiterals(input, offset, offset + length, output, outputOffset, limit);
        } else {
            Tables tables = TABLES.take();
            try {
                end = length < SMALL_INPUT
                        ? compressSmall(tables.small(), input, offset, length, output, outputOffset, limit)
                        : compressLarge(tables.large(), input, offset, length, output, outputOffset, limit);
            } finally {
                TABLES.give(tables, true); // the compressors clear what they use
            }
        }
        return end < 0 ? -1 : end - outputOffset;
    }

    /**
     * The parse of an input of {@link #MIN_LENGTH} to {@link #SMALL_INPUT} - 1 bytes with a cleared
     * table of 16-bit positions (counted from {@code offset}).
     *
     * @return the end of the block in {@code output}, or -1 if it passes {@code limit}
     */
    private static int compressSmall(
            char[] table, byte[] input, int offset, int length, byte[] output, int op, int limit) {
        // The end and the match limit follow from this: fewer values to keep in registers.
        int lastMatchStart = offset + length - LAST_MATCH_START;
        int anchor = offset;
        table[hash4(input, offset)] = 0;
        int ip = offset + 1;
        search:
        while (true) {
            // Find a match: one candidate per position, each position entered, the step growing. The
            // 4 bytes at a position are read once, for its hash and its comparison.
            int ref;
            int next = ip;
            int nextBytes = (int) INT.get(input, next);
            int step = 1;
            int misses = 1 << SKIP_TRIGGER;
            int bytes;
            do {
                bytes = nextBytes;
                ip = next;
                next += step;
                step = misses++ >>> SKIP_TRIGGER;
                if (next > lastMatchStart + 1) {
                    break search;
                }
                int h = (bytes * PRIME4) >>> (32 - HASH_BITS);
                ref = offset + table[h];
                table[h] = (char) (ip - offset);
                nextBytes = (int) INT.get(input, next);
            } while ((int) INT.get(input, ref) != bytes);

            while (ip > anchor && ref > offset && input[ip - 1] == input[ref - 1]) {
                ip--;
                ref--;
            }
            int token = op;
            int literals = ip - anchor;
            if (literals + (literals >>> 7) + 10 > limit - op && !literalsFit(literals, limit - op)) {
                return -1;
            }
            if (literals < MASK) {
                output[op++] = (byte) (literals << 4);
            } else {
                output[op++] = (byte) (MASK << 4);
                int rest = literals - MASK;
                while (rest >= 255) {
                    output[op++] = (byte) 255;
                    rest -= 255;
                }
                output[op++] = (byte) rest;
            }
            int stop = op + literals;
            do {
                LONG.set(output, op, (long) LONG.get(input, anchor));
                op += 8;
                anchor += 8;
            } while (op < stop);
            op = stop;
            // The match, then as long as the position after it matches too, matches without literals.
            while (true) {
                int extra = count(
                        input, ip + MIN_MATCH, ref + MIN_MATCH, lastMatchStart + LAST_MATCH_START - LAST_LITERALS);
                SHORT.set(output, op, (short) (ip - ref));
                op += 2;
                if ((extra >>> 7) + 7 > limit - op && !matchFits(extra, limit - op)) {
                    return -1;
                }
                if (extra < MASK) {
                    output[token] |= (byte) extra;
                } else {
                    output[token] |= (byte) MASK;
                    int rest = extra - MASK;
                    while (rest >= 255) {
                        output[op++] = (byte) 255;
                        rest -= 255;
                    }
                    output[op++] = (byte) rest;
                }
                ip += MIN_MATCH + extra;
                anchor = ip;
                if (ip > lastMatchStart) {
                    break search;
                }
                table[hash4(input, ip - 2)] = (char) (ip - 2 - offset);
                int h = hash4(input, ip);
                ref = offset + table[h];
                table[h] = (char) (ip - offset);
                if ((int) INT.get(input, ref) != (int) INT.get(input, ip)) {
                    break;
                }
                // Room: match left 6 bytes (the last token and 5 literals); a token and offset take 3.
                token = op;
                output[op++] = 0;
            }
            ip++;
        }
        return lastLiterals(input, anchor, lastMatchStart + LAST_MATCH_START, output, op, limit);
    }

    /**
     * The parse of an input of {@link #SMALL_INPUT} bytes or more with a cleared table of int
     * positions (counted from {@code offset}; an empty entry is position 0), a candidate's distance
     * checked once its bytes match.
     *
     * <p>The same parse as {@link #compressSmall} written out a second time on purpose, as liblz4
     * does with its table types: the table's element type, the hash and the distance check are in
     * the innermost loop, where one method over both tables would add a type test or a wider
     * table, and these loops already hold more live values than registers (the class comment has
     * the measurements). A change to one parse belongs in the other.
     *
     * @return the end of the block in {@code output}, or -1 if it passes {@code limit}
     */
    private static int compressLarge(
            int[] table, byte[] input, int offset, int length, byte[] output, int op, int limit) {
        int lastMatchStart = offset + length - LAST_MATCH_START;
        int anchor = offset;
        table[hash5(input, offset)] = 0;
        int ip = offset + 1;
        search:
        while (true) {
            // As in the small parse, the bytes at a position are read once, for its hash and its
            // comparison (8 here: the hash takes 5).
            int ref;
            int next = ip;
            long nextBytes = (long) LONG.get(input, next);
            int step = 1;
            int misses = 1 << SKIP_TRIGGER;
            long bytes;
            do {
                bytes = nextBytes;
                ip = next;
                next += step;
                step = misses++ >>> SKIP_TRIGGER;
                if (next > lastMatchStart + 1) {
                    break search;
                }
                int h = (int) ((bytes << 24) * PRIME5 >>> (64 - LARGE_HASH_BITS));
                ref = offset + table[h];
                table[h] = ip - offset;
                nextBytes = (long) LONG.get(input, next);
            } while ((int) INT.get(input, ref) != (int) bytes || ip - ref > MAX_DISTANCE);

            while (ip > anchor && ref > offset && input[ip - 1] == input[ref - 1]) {
                ip--;
                ref--;
            }
            int token = op;
            int literals = ip - anchor;
            if (literals + (literals >>> 7) + 10 > limit - op && !literalsFit(literals, limit - op)) {
                return -1;
            }
            if (literals < MASK) {
                output[op++] = (byte) (literals << 4);
            } else {
                output[op++] = (byte) (MASK << 4);
                int rest = literals - MASK;
                while (rest >= 255) {
                    output[op++] = (byte) 255;
                    rest -= 255;
                }
                output[op++] = (byte) rest;
            }
            int stop = op + literals;
            do {
                LONG.set(output, op, (long) LONG.get(input, anchor));
                op += 8;
                anchor += 8;
            } while (op < stop);
            op = stop;
            while (true) {
                int extra = count(
                        input, ip + MIN_MATCH, ref + MIN_MATCH, lastMatchStart + LAST_MATCH_START - LAST_LITERALS);
                SHORT.set(output, op, (short) (ip - ref));
                op += 2;
                if ((extra >>> 7) + 7 > limit - op && !matchFits(extra, limit - op)) {
                    return -1;
                }
                if (extra < MASK) {
                    output[token] |= (byte) extra;
                } else {
                    output[token] |= (byte) MASK;
                    int rest = extra - MASK;
                    while (rest >= 255) {
                        output[op++] = (byte) 255;
                        rest -= 255;
                    }
                    output[op++] = (byte) rest;
                }
                ip += MIN_MATCH + extra;
                anchor = ip;
                if (ip > lastMatchStart) {
                    break search;
                }
                table[hash5(input, ip - 2)] = ip - 2 - offset;
                int h = hash5(input, ip);
                ref = offset + table[h];
                table[h] = ip - offset;
                if (ip - ref > MAX_DISTANCE || (int) INT.get(input, ref) != (int) INT.get(input, ip)) {
                    break;
                }
                token = op;
                output[op++] = 0;
            }
            ip++;
        }
        return lastLiterals(input, anchor, lastMatchStart + LAST_MATCH_START, output, op, limit);
    }

    /**
     * Whether {@code room} bytes hold a sequence's token, {@code literals} literals and their length
     * bytes, and what must follow: the match offset and the last sequence (a token and 5 literals, a
     * match ending 5 bytes before the end at the latest). The parse loops first check a bound that
     * needs no division, {@code literals + literals / 128 + 10}, and call this only when it fails.
     */
    private static boolean literalsFit(int literals, int room) {
        int lengthBytes = literals < MASK ? 0 : 1 + (literals - MASK) / 255;
        return 1 + lengthBytes + literals + 2 + 1 + LAST_LITERALS <= room;
    }

    /**
     * Whether {@code room} bytes after a match's offset hold its length bytes ({@code extra} is the
     * length less {@link #MIN_MATCH}) and the last sequence (a token and 5 literals). The parse loops
     * first check {@code extra / 128 + 7}.
     */
    private static boolean matchFits(int extra, int room) {
        int lengthBytes = extra < MASK ? 0 : 1 + (extra - MASK) / 255;
        return lengthBytes + 1 + LAST_LITERALS <= room;
    }

    /** liblz4's {@code LZ4_hash4}: the 4 bytes at {@code p} to {@link #HASH_BITS} bits. */
    private static int hash4(byte[] input, int p) {
        return ((int) INT.get(input, p) * PRIME4) >>> (32 - HASH_BITS);
    }

    /**
     * liblz4's {@code LZ4_hash5}: the 5 bytes at {@code p} to {@link #LARGE_HASH_BITS} bits; reads 8 bytes,
     * so {@code p} is 8 or more before the end (a position the parse enters is 11 or more).
     */
    private static int hash5(byte[] input, int p) {
        return (int) ((((long) LONG.get(input, p)) << 24) * PRIME5 >>> (64 - LARGE_HASH_BITS));
    }

    /**
     * How many bytes from {@code p} on equal those from {@code q} on ({@code q < p}), up to {@code
     * limit}: 8 at a time, the first differing byte found by the lowest set bit of their XOR (in a
     * little-endian long the lowest byte is the first).
     */
    private static int count(byte[] input, int p, int q, int limit) {
        int n = 0;
        for (int last = limit - p - 8; n <= last; n += 8) {
            long diff = (long) LONG.get(input, p + n) ^ (long) LONG.get(input, q + n);
            if (diff != 0) {
                return n + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
        }
        while (p + n < limit && input[p + n] == input[q + n]) {
            n++;
        }
        return n;
    }

    /**
     * Writes the last sequence, the literals {@code input[anchor, end)}, at {@code op}.
     *
     * @return the end of the block in {@code output}, or -1 if it passes {@code limit}
     */
    private static int lastLiterals(byte[] input, int anchor, int end, byte[] output, int op, int limit) {
        int literals = end - anchor;
        int lengthBytes = literals < MASK ? 0 : 1 + (literals - MASK) / 255;
        if (1 + lengthBytes + literals > limit - op) {
            return -1;
        }
        if (literals < MASK) {
            output[op++] = (byte) (literals << 4);
        } else {
            output[op++] = (byte) (MASK << 4);
            op = writeLength(output, op, literals - MASK);
        }
        System.arraycopy(input, anchor, output, op, literals);
        return op + literals;
    }

    /** Writes the bytes of the last literals' length past its token's 15: 255s, then the rest. */
    private static int writeLength(byte[] output, int op, int rest) {
        if (rest >= 255) {
            int n = rest / 255;
            Arrays.fill(output, op, op + n, (byte) 255);
            op += n;
            rest -= n * 255;
        }
        output[op++] = (byte) rest;
        return op;
    }
}
