package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ4 HC, levels 2 to 9: the block compressor that searches harder, as liblz4's {@code
 * LZ4_compress_HC} parses up to its level 9 (hash chains, and its lookahead of up to three
 * overlapping matches), written here from the block format in plain Java. It writes the same block
 * format as {@link Lz4FastEncoder}, which the same decoders read at the same speed; it only spends more
 * time finding longer matches.
 *
 * <p>Match finding: a hash of 4 bytes (15 bits) heads a chain of every earlier position with that
 * hash within 64 KiB, linked by 16-bit distances in a table indexed by position modulo 65536. A
 * search walks the chain newest first for at most the level's number of candidates (liblz4's: 2 at
 * level 2, 4 at 3, doubling to 256 at 9), keeps the longest match, and extends it backward too when
 * the caller allows it to start earlier (a "wider" match: one that starts before the position asked
 * for and is longer than a given length). Before comparing a candidate's 4 bytes it compares the 2
 * bytes where a longer match than the best so far would end, which rejects most candidates at once.
 *
 * <p>The parse looks ahead: with a match at {@code ip} it looks for a longer one starting inside it
 * (from its end less 2), and if it finds one, for a third inside that; it then writes the first match
 * cut short where the second starts (keeping at least one full token's worth, 18 bytes, where it can),
 * or drops a match that the others cover. That is liblz4's {@code LZ4HC_compress_hashChain}; its
 * pattern analysis for long runs at level 9 (a shortcut for speed) is left out here.
 *
 * <p>Positions are kept as indexes from 65536 on (position - offset + 65536), so that an empty hash
 * entry, 0, is always out of reach; the hash heads are cleared per call (128 KiB), the chain is not
 * (a chain entry is written when its position is entered, before any search can reach it). Tables
 * come from {@link IdleTables}, as the fast compressor's.
 */
final class Lz4HcEncoder {
    /** The lowest level, and the highest, of this encoder. */
    static final int MIN_LEVEL = 2;

    static final int MAX_LEVEL = 9;

    private static final int MIN_MATCH = Lz4FastEncoder.MIN_MATCH;
    private static final int LAST_LITERALS = Lz4FastEncoder.LAST_LITERALS;
    private static final int LAST_MATCH_START = Lz4FastEncoder.LAST_MATCH_START;
    private static final int MAX_DISTANCE = Lz4FastEncoder.MAX_DISTANCE;
    private static final int MASK = 15;

    /** A match length that fills the token's 4 bits exactly (15 + 4 - 1): no length byte follows. */
    private static final int OPTIMAL_MATCH = MASK - 1 + MIN_MATCH;

    private static final int HASH_BITS = 15;

    /** The index of the input's first position: an empty hash entry (0) is below every position's. */
    private static final int FIRST = 65_536;

    /** Candidates a search looks at, by level (liblz4's {@code clTable}). */
    private static final int[] ATTEMPTS = {0, 0, 2, 4, 8, 16, 32, 64, 128, 256};

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private static final IdleTables<Matcher> MATCHERS = new IdleTables<>(Matcher::new);

    private Lz4HcEncoder() {}

    /**
     * Compresses {@code input[offset, offset + length)} into one block at {@code
     * output[outputOffset]} at {@code level} ({@link #MIN_LEVEL} to {@link #MAX_LEVEL}).
     *
     * @return the block's length, or -1 if it does not fit {@code maxOutput} bytes
     */
    static int compress(
            int level, byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException(
                    "LZ4 HC levels are " + MIN_LEVEL + " to " + MAX_LEVEL + ", not " + level);
        }
        if (length > Lz4FastEncoder.MAX_INPUT) {
            throw new IllegalArgumentException("an LZ4 block holds at most " + Lz4FastEncoder.MAX_INPUT
                    + " bytes (LZ4_MAX_INPUT_SIZE), not " + length);
        }
        int limit = outputOffset + maxOutput;
        int end;
        if (length < Lz4FastEncoder.MIN_LENGTH) {
            end = lastLiterals(input, offset, offset + length, output, outputOffset, limit);
        } else {
            Matcher m = MATCHERS.take();
            try {
                m.start(input, offset, ATTEMPTS[level]);
                end = parse(m, input, offset, length, output, outputOffset, limit);
            } finally {
                m.input = null;
                MATCHERS.give(m);
            }
        }
        return end < 0 ? -1 : end - outputOffset;
    }

    /**
     * liblz4's hash-chain parse: up to three overlapping matches at a time, the first cut where the
     * second starts. A loop of two states, as liblz4's labels: {@code second}, looking for a longer
     * match starting inside the first; then looking for a third inside the second.
     *
     * @return the end of the block in {@code output}, or -1 if it passes {@code limit}
     */
    private static int parse(Matcher m, byte[] input, int offset, int length, byte[] output, int op, int limit) {
        int end = offset + length;
        int lastMatchStart = end - LAST_MATCH_START;
        int matchEnd = end - LAST_LITERALS;
        int anchor = offset;
        int ip = offset;
        main:
        while (ip <= lastMatchStart) {
            int ml = m.widerMatch(ip, ip, matchEnd, MIN_MATCH - 1);
            if (ml < MIN_MATCH) {
                ip++;
                continue;
            }
            int ref = m.matchPos;
            // The first match as found, in case it moves on and the next one starts inside it.
            int start0 = ip;
            int ref0 = ref;
            int ml0 = ml;
            int start2 = 0;
            int ref2 = 0;
            int ml2 = 0;
            boolean second = true;
            while (true) {
                if (second) {
                    if (ip + ml <= lastMatchStart) {
                        ml2 = m.widerMatch(ip + ml - 2, ip, matchEnd, ml);
                        start2 = m.matchStart;
                        ref2 = m.matchPos;
                    } else {
                        ml2 = ml;
                    }
                    if (ml2 == ml) {
                        // No longer match inside the first: write it.
                        op = sequence(input, anchor, ip, ref, ml, output, op, limit);
                        if (op < 0) {
                            return -1;
                        }
                        ip += ml;
                        anchor = ip;
                        continue main;
                    }
                    if (start0 < ip && start2 < ip + ml0) {
                        // The first match had moved on, and the second starts inside the original
                        // one: back to the original.
                        ip = start0;
                        ref = ref0;
                        ml = ml0;
                    }
                    if (start2 - ip < 3) {
                        // The first match would keep under 3 bytes: drop it for the second.
                        ip = start2;
                        ref = ref2;
                        ml = ml2;
                        continue;
                    }
                    second = false;
                }
                // A second match, longer, starting 3 or more bytes into the first. Let the first keep
                // up to 18 bytes (a token without length bytes); the second starts after them.
                if (start2 - ip < OPTIMAL_MATCH) {
                    int newMl = Math.min(ml, OPTIMAL_MATCH);
                    if (ip + newMl > start2 + ml2 - MIN_MATCH) {
                        newMl = start2 - ip + ml2 - MIN_MATCH;
                    }
                    int correction = newMl - (start2 - ip);
                    if (correction > 0) {
                        start2 += correction;
                        ref2 += correction;
                        ml2 -= correction;
                    }
                }
                int start3;
                int ref3;
                int ml3;
                if (start2 + ml2 <= lastMatchStart) {
                    ml3 = m.widerMatch(start2 + ml2 - 3, start2, matchEnd, ml2);
                    start3 = m.matchStart;
                    ref3 = m.matchPos;
                } else {
                    ml3 = ml2;
                    start3 = start2;
                    ref3 = ref2;
                }
                if (ml3 == ml2) {
                    // No longer third match: write the first, cut where the second starts, and the second.
                    if (start2 < ip + ml) {
                        ml = start2 - ip;
                    }
                    op = sequence(input, anchor, ip, ref, ml, output, op, limit);
                    if (op < 0) {
                        return -1;
                    }
                    anchor = ip + ml;
                    op = sequence(input, anchor, start2, ref2, ml2, output, op, limit);
                    if (op < 0) {
                        return -1;
                    }
                    ip = start2 + ml2;
                    anchor = ip;
                    continue main;
                }
                if (start3 < ip + ml + 3) {
                    // No room for the second match between the first and the third: drop it.
                    if (start3 >= ip + ml) {
                        // The first ends before the third: write it; the third becomes the first.
                        if (start2 < ip + ml) {
                            int correction = ip + ml - start2;
                            start2 += correction;
                            ref2 += correction;
                            ml2 -= correction;
                            if (ml2 < MIN_MATCH) {
                                start2 = start3;
                                ref2 = ref3;
                                ml2 = ml3;
                            }
                        }
                        op = sequence(input, anchor, ip, ref, ml, output, op, limit);
                        if (op < 0) {
                            return -1;
                        }
                        anchor = ip + ml;
                        ip = start3;
                        ref = ref3;
                        ml = ml3;
                        start0 = start2;
                        ref0 = ref2;
                        ml0 = ml2;
                        second = true;
                        continue;
                    }
                    start2 = start3;
                    ref2 = ref3;
                    ml2 = ml3;
                    continue;
                }
                // Three ascending matches: write the first, cut so that the second keeps its start.
                if (start2 < ip + ml) {
                    if (start2 - ip < OPTIMAL_MATCH) {
                        ml = Math.min(ml, OPTIMAL_MATCH);
                        if (ip + ml > start2 + ml2 - MIN_MATCH) {
                            ml = start2 - ip + ml2 - MIN_MATCH;
                        }
                        int correction = ml - (start2 - ip);
                        if (correction > 0) {
                            start2 += correction;
                            ref2 += correction;
                            ml2 -= correction;
                        }
                    } else {
                        ml = start2 - ip;
                    }
                }
                op = sequence(input, anchor, ip, ref, ml, output, op, limit);
                if (op < 0) {
                    return -1;
                }
                anchor = ip + ml;
                // The second becomes the first, the third the second; look for a new third.
                ip = start2;
                ref = ref2;
                ml = ml2;
                start2 = start3;
                ref2 = ref3;
                ml2 = ml3;
            }
        }
        return lastLiterals(input, anchor, end, output, op, limit);
    }

    /**
     * Writes a sequence: the literals {@code input[anchor, ip)} and a match of {@code length} bytes
     * at {@code ip} from {@code ref}, if the block has room for them and the last sequence after
     * them (a token and 5 literals).
     *
     * @return the end of the sequence in {@code output}, or -1 if that room is not there
     */
    private static int sequence(
            byte[] input, int anchor, int ip, int ref, int length, byte[] output, int op, int limit) {
        int literals = ip - anchor;
        int extra = length - MIN_MATCH;
        int literalBytes = literals < MASK ? 0 : 1 + (literals - MASK) / 255;
        int matchBytes = extra < MASK ? 0 : 1 + (extra - MASK) / 255;
        if (1 + literalBytes + literals + 2 + matchBytes + 1 + LAST_LITERALS > limit - op) {
            return -1;
        }
        int token = op++;
        if (literals < MASK) {
            output[token] = (byte) (literals << 4);
        } else {
            output[token] = (byte) (MASK << 4);
            op = writeLength(output, op, literals - MASK);
        }
        System.arraycopy(input, anchor, output, op, literals);
        op += literals;
        SHORT.set(output, op, (short) (ip - ref));
        op += 2;
        if (extra < MASK) {
            output[token] |= (byte) extra;
            return op;
        }
        output[token] |= (byte) MASK;
        return writeLength(output, op, extra - MASK);
    }

    /** Writes the last sequence, the literals {@code input[anchor, end)}; -1 if it passes {@code limit}. */
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

    /**
     * The hash chains of one call and its search's results. Not thread-safe: one call at a time,
     * through {@link IdleTables}.
     */
    static final class Matcher {
        /** The newest index of each hash, 0 if none. */
        private final int[] heads = new int[1 << HASH_BITS];
        /** For each index modulo 65536, the distance back to the previous index of its hash (at most 65535). */
        private final char[] chain = new char[1 << 16];

        private byte[] input;
        /** The position of index 0: the input's offset less {@link #FIRST}. */
        private int base;
        /** The next index to enter in the chains. */
        private int next;

        private int attempts;

        /** The last search's match: where it starts in the input, and where it copies from. */
        int matchStart;

        int matchPos;

        void start(byte[] input, int offset, int attempts) {
            Arrays.fill(heads, 0);
            this.input = input;
            this.base = offset - FIRST;
            this.next = FIRST;
            this.attempts = attempts;
        }

        private int hash(int p) {
            return ((int) INT.get(input, p) * -1_640_531_535) >>> (32 - HASH_BITS);
        }

        /** Enters every position before {@code ip} not entered yet. */
        private void insert(int ip) {
            int target = ip - base;
            for (int idx = next; idx < target; idx++) {
                int h = hash(idx + base);
                chain[idx & 0xFFFF] = (char) Math.min(idx - heads[h], MAX_DISTANCE);
                heads[h] = idx;
            }
            next = Math.max(next, target);
        }

        /**
         * The longest match of more than {@code longest} bytes that covers {@code ip}, found among
         * the candidates of {@code ip}'s chain: it may start before {@code ip} (as far back as {@code
         * lowLimit}) and ends by {@code highLimit}. Sets {@link #matchStart} and {@link #matchPos} if
         * it finds one.
         *
         * @return its length, or {@code longest} if there is none
         */
        int widerMatch(int ip, int lowLimit, int highLimit, int longest) {
            byte[] in = input;
            int lookBack = ip - lowLimit;
            insert(ip);
            int ipIdx = ip - base;
            int lowest = Math.max(FIRST, ipIdx - MAX_DISTANCE);
            int lowPosition = FIRST + base;
            int bytes = (int) INT.get(in, ip);
            int idx = heads[hash(ip)];
            for (int n = attempts; idx >= lowest && n > 0; n--) {
                int candidate = idx + base;
                // Only a candidate that matches where a longer match would end can beat the best.
                if ((short) SHORT.get(in, lowLimit + longest - 1)
                                == (short) SHORT.get(in, candidate - lookBack + longest - 1)
                        && (int) INT.get(in, candidate) == bytes) {
                    int back = 0;
                    while (back < lookBack
                            && candidate - back > lowPosition
                            && in[ip - back - 1] == in[candidate - back - 1]) {
                        back++;
                    }
                    int length = MIN_MATCH + count(in, ip + MIN_MATCH, candidate + MIN_MATCH, highLimit) + back;
                    if (length > longest) {
                        longest = length;
                        matchPos = candidate - back;
                        matchStart = ip - back;
                    }
                }
                idx -= chain[idx & 0xFFFF];
            }
            return longest;
        }
    }

    /** How many bytes from {@code p} on equal those from {@code q} on, up to {@code limit}. */
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
}
