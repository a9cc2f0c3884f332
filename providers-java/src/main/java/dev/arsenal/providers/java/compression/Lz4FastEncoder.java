package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ4's fast block compressor, level 1: the parse of liblz4's {@code LZ4_compress_fast} at
 * acceleration 1, written here from the block format (greedy, one candidate per position), in plain
 * Java with {@link VarHandle} array views (no {@code sun.misc.Unsafe}).
 *
 * <p>The parse: a hash table maps 4 input bytes to the last position they were seen at. From the
 * end of the last match on, each position is looked up and entered; a candidate whose 4 bytes equal
 * the position's, at most 65535 back, is a match, extended forward 8 bytes at a time and backward
 * over the literals before it. After 64 misses in a row the search steps 2 positions at a time, after
 * 128 3 at a time and so on, so that incompressible data costs little; a match puts it back to 1.
 * After a match the position 2 before its end is entered and its end tried at once, which makes runs
 * of sequences without literals cheap. The block's end rules: the last 5 bytes are literals and the
 * last match starts at least 12 bytes before the end, so a block under 13 bytes is all literals.
 *
 * <p>The table as liblz4 sizes it, which makes the output byte for byte liblz4's (and the {@code lz4}
 * tool's, for a file of one block): inputs under 64 KiB + 11 bytes hash 4 bytes to 13 bits, the
 * others 5 bytes (a little-endian long's low 5) to 12 bits, whose table stays in the L1 cache.
 *
 * <p>The table is reused from call to call without clearing it. An entry is a <em>ticket</em>, a
 * position counted from a base that each call moves on by its input length plus 64 KiB, so that an
 * entry a former call left is always more than 65535 tickets back and fails the distance check
 * that every candidate takes anyway:
 *
 * <pre>
 *  tickets   0 ...... base1 [ call 1: base1 + i ) gap 64 KiB  base2 [ call 2: base2 + i ) gap ...
 *  entry  =  base + (position - offset);  position = entry - base + offset
 * </pre>
 *
 * Clearing an 8192-entry table would cost about as much as compressing 2 KiB. Near the top of the
 * int range the table is cleared once and the base starts again.
 *
 * <p>The output is checked before each write against the end of the range given: a check before a
 * sequence's literals counts what the block needs at least from there (the literals, their length
 * bytes, the match offset, and the last sequence's token and 5 literals), one before the match's
 * length bytes the same, so the encoder fails (returns -1) exactly when its parse does not fit, never
 * writes past the range, and needs no scratch copy of the bound. Literals are copied 8 bytes at a
 * time into room those checks guarantee.
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

    /** Inputs shorter than this take the 13-bit table (liblz4's {@code LZ4_64Klimit}). */
    static final int SMALL_INPUT = 65_536 + LAST_MATCH_START - 1;

    /** A length's value in the token that says more bytes follow. */
    private static final int MASK = 15;

    /** After 2 to the this many misses in a row the search step grows by one. */
    private static final int SKIP_TRIGGER = 6;

    private static final int SMALL_HASH_BITS = 13;
    private static final int LARGE_HASH_BITS = 12;

    private static final int PRIME4 = -1_640_531_535; // 2654435761, Knuth's golden ratio multiplier
    private static final long PRIME5 = 889_523_592_379L;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** The idle tables of every fast compressor. */
    private static final IdleTables<Table> TABLES = new IdleTables<>(Table::new);

    private Lz4FastEncoder() {}

    /** A hash table of tickets (see the class comment) and the base of the next call. */
    static final class Table {
        final int[] tickets = new int[1 << SMALL_HASH_BITS];
        /** The next call's base: above every entry by more than 65535. */
        private int next = MAX_DISTANCE + 1;

        /** The base of a call on {@code length} bytes (at most {@link #MAX_INPUT}). */
        int reserve(int length) {
            if (next > Integer.MAX_VALUE - MAX_DISTANCE - 1 - length) {
                Arrays.fill(tickets, 0);
                next = MAX_DISTANCE + 1;
            }
            int base = next;
            next = base + length + MAX_DISTANCE + 1;
            return base;
        }
    }

    /**
     * Compresses {@code input[offset, offset + length)} into one block at {@code
     * output[outputOffset]}, with a table from the shared idle ones.
     *
     * @return the block's length, or -1 if it does not fit {@code maxOutput} bytes (the range may then
     *     hold anything)
     */
    static int compress(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        if (length < MIN_LENGTH) {
            int n = lastLiterals(input, offset, offset + length, output, outputOffset, outputOffset + maxOutput);
            return n < 0 ? -1 : n - outputOffset;
        }
        Table table = TABLES.take();
        try {
            return compress(table, input, offset, length, output, outputOffset, maxOutput);
        } finally {
            TABLES.give(table);
        }
    }

    /** {@link #compress(byte[], int, int, byte[], int, int)} with {@code table}. */
    static int compress(
            Table table, byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        if (length > MAX_INPUT) {
            throw new IllegalArgumentException(
                    "an LZ4 block holds at most " + MAX_INPUT + " bytes (LZ4_MAX_INPUT_SIZE), not " + length);
        }
        int end = offset + length;
        int limit = outputOffset + maxOutput;
        int op = outputOffset;
        int anchor = offset;
        if (length < MIN_LENGTH) {
            int n = lastLiterals(input, anchor, end, output, op, limit);
            return n < 0 ? -1 : n - outputOffset;
        }
        boolean small = length < SMALL_INPUT;
        int hashShift = small ? 32 - SMALL_HASH_BITS : 64 - LARGE_HASH_BITS;
        int[] tickets = table.tickets;
        // ticket = position + shift; a position is a candidate only 1 to 65535 tickets back.
        int shift = table.reserve(length) - offset;
        int lastMatchStart = end - LAST_MATCH_START;
        int matchEnd = end - LAST_LITERALS;

        tickets[hash(input, offset, small, hashShift)] = offset + shift;
        int ip = offset + 1;
        int h = hash(input, ip, small, hashShift);
        search:
        while (true) {
            // Find a match from ip on: one candidate per position, the step growing with the misses.
            int ref;
            int next = ip;
            int step = 1;
            int misses = 1 << SKIP_TRIGGER;
            while (true) {
                ip = next;
                next += step;
                step = misses++ >>> SKIP_TRIGGER;
                if (next > lastMatchStart + 1) {
                    break search;
                }
                int seen = tickets[h];
                int ticket = ip + shift;
                tickets[h] = ticket;
                h = hash(input, next, small, hashShift);
                // Unsigned: 0 to 65535 back (never 0: ip was not entered yet); older calls' are farther.
                if ((ticket - seen) >>> 16 == 0 && (int) INT.get(input, seen - shift) == (int) INT.get(input, ip)) {
                    ref = seen - shift;
                    break;
                }
            }
            // Extend backward over the literals.
            while (ip > anchor && ref > offset && input[ip - 1] == input[ref - 1]) {
                ip--;
                ref--;
            }

            // The literals: the block needs them, their length bytes, the offset, then at least a token
            // and 5 literals (a match ends 5 bytes before the end at the latest).
            int literals = ip - anchor;
            int token = op++;
            int lengthBytes = literals < MASK ? 0 : 1 + (literals - MASK) / 255;
            if (lengthBytes + literals + 2 + 1 + LAST_LITERALS > limit - op) {
                return -1;
            }
            if (literals < MASK) {
                output[token] = (byte) (literals << 4);
            } else {
                output[token] = (byte) (MASK << 4);
                op = writeLength(output, op, literals - MASK);
            }
            // 8 bytes at a time: up to 7 bytes past the literals, within the room checked above, and
            // reading no further than 8 bytes past ip, 12 bytes or more before the end.
            for (int i = 0; i < literals; i += 8) {
                LONG.set(output, op + i, (long) LONG.get(input, anchor + i));
            }
            op += literals;

            // The match, then as long as the position after it matches too, sequences without literals.
            while (true) {
                SHORT.set(output, op, (short) (ip - ref));
                op += 2;
                int extra = count(input, ip + MIN_MATCH, ref + MIN_MATCH, matchEnd);
                ip += MIN_MATCH + extra;
                // Its length bytes, then at least the last token and 5 literals.
                int matchBytes = extra < MASK ? 0 : 1 + (extra - MASK) / 255;
                if (matchBytes + 1 + LAST_LITERALS > limit - op) {
                    return -1;
                }
                if (extra < MASK) {
                    output[token] |= (byte) extra;
                } else {
                    output[token] |= (byte) MASK;
                    op = writeLength(output, op, extra - MASK);
                }
                anchor = ip;
                if (ip > lastMatchStart) {
                    break search;
                }
                tickets[hash(input, ip - 2, small, hashShift)] = ip - 2 + shift;
                int hh = hash(input, ip, small, hashShift);
                int seen = tickets[hh];
                int ticket = ip + shift;
                tickets[hh] = ticket;
                if ((ticket - seen) >>> 16 != 0 || (int) INT.get(input, seen - shift) != (int) INT.get(input, ip)) {
                    break;
                }
                ref = seen - shift;
                // Room: the check above left 6 bytes, and this token and offset take 3.
                token = op++;
                output[token] = 0;
            }
            ip++;
            h = hash(input, ip, small, hashShift);
        }
        int n = lastLiterals(input, anchor, end, output, op, limit);
        return n < 0 ? -1 : n - outputOffset;
    }

    /**
     * The hash of the bytes at {@code p}: 4 bytes for a small input, 5 (of a long, so {@code p} is 8
     * bytes or more before the end) for a large one.
     */
    private static int hash(byte[] input, int p, boolean small, int shift) {
        if (small) {
            return ((int) INT.get(input, p) * PRIME4) >>> shift;
        }
        return (int) ((((long) LONG.get(input, p)) << 24) * PRIME5 >>> shift);
    }

    /**
     * How many bytes from {@code p} on equal those from {@code q} on ({@code q < p}), up to {@code
     * limit}: 8 at a time, the first differing byte found by the lowest set bit of their XOR
     * (little-endian: the lowest byte is the first).
     */
    private static int count(byte[] input, int p, int q, int limit) {
        int start = p;
        while (p <= limit - 8) {
            long diff = (long) LONG.get(input, p) ^ (long) LONG.get(input, q);
            if (diff != 0) {
                return p - start + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
            p += 8;
            q += 8;
        }
        while (p < limit && input[p] == input[q]) {
            p++;
            q++;
        }
        return p - start;
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

    /** Writes the bytes of a length past its token's 15: 255s, then the rest. */
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
