package dev.arsenal.providers.java.compression;

import dev.arsenal.spi.IdlePool;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ4 HC, levels 2 to 12: the block compressor that searches harder, as liblz4's {@code
 * LZ4_compress_HC} (1.9.4) parses at those levels, written here from the block format in plain
 * Java. It writes the same block format as {@link Lz4FastEncoder}, which the same decoders read at
 * the same speed; it only spends more time finding longer matches.
 *
 * <p>Match finding: a hash of 4 bytes (15 bits) heads a chain of every earlier position with that
 * hash within 64 KiB, linked by 16-bit distances in a table indexed by position modulo 65536. A
 * search walks the chain newest first for at most the level's number of candidates (liblz4's: 2 at
 * level 2, 4 at 3, doubling to 256 at 9; 96, 512 and 16384 at 10 to 12), keeps the longest match, and
 * extends it backward too when the caller allows it to start earlier (a "wider" match: one that
 * starts before the position asked for and is longer than a given length). Before comparing a
 * candidate's 4 bytes it compares the 2 bytes where a longer match than the best so far would end,
 * which rejects most candidates at once. From 129 candidates on it crosses runs of one byte value a
 * run at a time instead of a byte at a time, and the optimal parser's searches jump to the chain,
 * among the positions of a new best match, that reaches back farthest ({@link Lz4HcMatcher#widerMatch}).
 *
 * <p>Levels 2 to 9 parse greedily with a lookahead ({@link #parse}): with a match at {@code ip} the
 * parser looks for a longer one starting inside it (from its end less 2), and if it finds one, for a
 * third inside that; it then writes the first match cut short where the second starts (keeping at
 * least one full token's worth, 18 bytes, where it can), or drops a match that the others cover.
 * Levels 10 to 12 price every position of a stretch of up to 4096 bytes by the cheapest way to reach
 * it in output bytes and write the cheapest path ({@link #parseOptimal}).
 *
 * <p>The blocks are liblz4's byte for byte: those of {@code lz4 -3} to {@code -12} for each Calgary
 * and Canterbury file ({@code Lz4ToolInteropTest}). Speed, 64 KiB blocks of those corpora: level 9 at
 * about 20 MB/s, 0.55 of lz4-java's JNI liblz4; level 12 at about 6 MB/s, 0.7 of it.
 *
 * <p>The match finder is {@link Lz4HcMatcher}, from {@link IdlePool} as the fast compressor's
 * tables.
 */
final class Lz4HcEncoder {
    /** The lowest level, and the highest, of this encoder. */
    static final int MIN_LEVEL = 2;

    static final int MAX_LEVEL = 12;

    /** The first level of the optimal parser. */
    static final int FIRST_OPTIMAL_LEVEL = 10;

    private static final int MIN_MATCH = Lz4FastEncoder.MIN_MATCH;
    private static final int LAST_LITERALS = Lz4FastEncoder.LAST_LITERALS;
    private static final int LAST_MATCH_START = Lz4FastEncoder.LAST_MATCH_START;
    private static final int MAX_DISTANCE = Lz4FastEncoder.MAX_DISTANCE;
    private static final int MASK = 15;

    /** A match length that fills the token's 4 bits exactly (15 + 4 - 1): no length byte follows. */
    private static final int OPTIMAL_MATCH = MASK - 1 + MIN_MATCH;

    /** The optimal parser weighs at most this many positions at once (liblz4's {@code LZ4_OPT_NUM}). */
    static final int OPT_NUM = 1 << 12;

    /** Positions past the last match that the optimal parser prices as literals. */
    static final int TRAILING_LITERALS = 3;

    /** Candidates a search looks at, by level (liblz4's {@code clTable}). */
    private static final int[] ATTEMPTS = {0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 96, 512, 16_384};

    /**
     * For the optimal parser, by level: a match this long is written at once, without weighing the
     * positions inside it (liblz4's {@code targetLength}).
     */
    private static final int[] SUFFICIENT = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 128, OPT_NUM - 1};

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private static final IdlePool<Lz4HcMatcher> MATCHERS = IdlePool.of(IdlePool.SHARED, Lz4HcMatcher::new);

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
            Lz4HcMatcher m = MATCHERS.take();
            try {
                m.start(input, offset, ATTEMPTS[level], level >= FIRST_OPTIMAL_LEVEL);
                end = level >= FIRST_OPTIMAL_LEVEL
                        ? parseOptimal(
                                m, input, offset, length, output, outputOffset, limit, SUFFICIENT[level], level == 12)
                        : parse(m, input, offset, length, output, outputOffset, limit);
            } finally {
                m.finish();
                MATCHERS.give(m, true); // cleared by start() before each use
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
    private static int parse(Lz4HcMatcher m, byte[] input, int offset, int length, byte[] output, int op, int limit) {
        int end = offset + length;
        int lastMatchStart = end - LAST_MATCH_START;
        int matchEnd = end - LAST_LITERALS;
        int anchor = offset;
        int ip = offset;
        main:
        while (ip <= lastMatchStart) {
            int ml = m.widerMatch(ip, ip, matchEnd, MIN_MATCH - 1, false);
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
                        ml2 = m.widerMatch(ip + ml - 2, ip, matchEnd, ml, false);
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
                    ml3 = m.widerMatch(start2 + ml2 - 3, start2, matchEnd, ml2, false);
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
     * liblz4's optimal parser (levels 10 to 12, {@code LZ4HC_compress_optimal}): from a match at
     * {@code ip}, prices every position up to its end (and past it, as the matches found there
     * reach) by the cheapest sequence of literals and matches in output bytes, searching for matches
     * at each position whose price could still improve; then writes the cheapest path to the last
     * match's end. A match of {@code sufficient} bytes or more is written at once. {@code fullUpdate}
     * (level 12) searches more positions and for any match, not only those reaching past the last.
     *
     * @return the end of the block in {@code output}, or -1 if it passes {@code limit}
     */
    private static int parseOptimal(
            Lz4HcMatcher m,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int op,
            int limit,
            int sufficient,
            boolean fullUpdate) {
        int[] price = m.price;
        int[] offsets = m.offsets;
        int[] lengths = m.lengths;
        int[] literals = m.literals;
        int end = offset + length;
        int lastMatchStart = end - LAST_MATCH_START;
        int matchEnd = end - LAST_LITERALS;
        int anchor = offset;
        int ip = offset;
        while (ip <= lastMatchStart) {
            int before = ip - anchor;
            int firstLength = m.longerMatch(ip, matchEnd, MIN_MATCH - 1);
            if (firstLength == 0) {
                ip++;
                continue;
            }
            int firstOffset = ip - m.matchPos;
            if (firstLength > sufficient) {
                op = sequence(input, anchor, ip, ip - firstOffset, firstLength, output, op, limit);
                if (op < 0) {
                    return -1;
                }
                ip += firstLength;
                anchor = ip;
                continue;
            }
            // The first positions: literals; then the first match's.
            for (int pos = 0; pos < MIN_MATCH; pos++) {
                set(m, pos, literalsPrice(before + pos), 0, 1, before + pos);
            }
            for (int ml = MIN_MATCH; ml <= firstLength; ml++) {
                set(m, ml, sequencePrice(before, ml), firstOffset, ml, before);
            }
            int last = firstLength;
            trailingLiterals(m, last);
            int bestLength = 0;
            int bestOffset = 0;
            int cur = 1;
            boolean immediate = false;
            for (; cur < last; cur++) {
                int at = ip + cur;
                if (at > lastMatchStart) {
                    break;
                }
                if (fullUpdate) {
                    // Not worth a search if the next position costs no more (unless a short match
                    // from here would still be cheaper some positions on).
                    if (price[cur + 1] <= price[cur] && price[cur + MIN_MATCH] < price[cur] + 3) {
                        continue;
                    }
                } else if (price[cur + 1] <= price[cur]) {
                    continue;
                }
                int newLength = m.longerMatch(at, matchEnd, fullUpdate ? MIN_MATCH - 1 : last - cur);
                if (newLength == 0) {
                    continue;
                }
                int newOffset = at - m.matchPos;
                if (newLength > sufficient || newLength + cur >= OPT_NUM) {
                    // Long enough: write the path to here, then this match.
                    bestLength = newLength;
                    bestOffset = newOffset;
                    last = cur + 1;
                    immediate = true;
                    break;
                }
                // Literals after cur, continuing its run of literals.
                int baseLiterals = literals[cur];
                for (int lit = 1; lit < MIN_MATCH; lit++) {
                    int p = price[cur] - literalsPrice(baseLiterals) + literalsPrice(baseLiterals + lit);
                    int pos = cur + lit;
                    if (p < price[pos]) {
                        set(m, pos, p, 0, 1, baseLiterals + lit);
                    }
                }
                // The match at cur, at every length.
                for (int ml = MIN_MATCH; ml <= newLength; ml++) {
                    int pos = cur + ml;
                    int ll;
                    int p;
                    if (lengths[cur] == 1) {
                        ll = literals[cur];
                        p = (cur > ll ? price[cur - ll] : 0) + sequencePrice(ll, ml);
                    } else {
                        ll = 0;
                        p = price[cur] + sequencePrice(0, ml);
                    }
                    if (pos > last + TRAILING_LITERALS || p <= price[pos]) {
                        if (ml == newLength && last < pos) {
                            last = pos;
                        }
                        set(m, pos, p, newOffset, ml, ll);
                    }
                }
                trailingLiterals(m, last);
            }
            if (!immediate) {
                bestLength = lengths[last];
                bestOffset = offsets[last];
                cur = last - bestLength;
            }
            // Walk the cheapest path back from its last step, turning it forward.
            int pos = cur;
            int selectedLength = bestLength;
            int selectedOffset = bestOffset;
            while (true) {
                int nextLength = lengths[pos];
                int nextOffset = offsets[pos];
                lengths[pos] = selectedLength;
                offsets[pos] = selectedOffset;
                selectedLength = nextLength;
                selectedOffset = nextOffset;
                if (nextLength > pos) {
                    break;
                }
                pos -= nextLength;
            }
            // Write it.
            for (int r = 0; r < last; ) {
                int ml = lengths[r];
                if (ml == 1) {
                    ip++;
                    r++;
                    continue;
                }
                op = sequence(input, anchor, ip, ip - offsets[r], ml, output, op, limit);
                if (op < 0) {
                    return -1;
                }
                r += ml;
                ip += ml;
                anchor = ip;
            }
        }
        return lastLiterals(input, anchor, end, output, op, limit);
    }

    private static void set(Lz4HcMatcher m, int pos, int price, int offset, int length, int literals) {
        m.price[pos] = price;
        m.offsets[pos] = offset;
        m.lengths[pos] = length;
        m.literals[pos] = literals;
    }

    /** Prices the {@link #TRAILING_LITERALS} positions after {@code last} as literals after it. */
    private static void trailingLiterals(Lz4HcMatcher m, int last) {
        for (int lit = 1; lit <= TRAILING_LITERALS; lit++) {
            set(m, last + lit, m.price[last] + literalsPrice(lit), 0, 1, lit);
        }
    }

    /** The output bytes of {@code n} literals: themselves and their length bytes. */
    private static int literalsPrice(int n) {
        return n < MASK ? n : n + 1 + (n - MASK) / 255;
    }

    /** The output bytes of a sequence: token, offset, literals, and the match's length bytes. */
    private static int sequencePrice(int literals, int matchLength) {
        int price = 1 + 2 + literalsPrice(literals);
        if (matchLength >= MASK + MIN_MATCH) {
            price += 1 + (matchLength - MASK - MIN_MATCH) / 255;
        }
        return price;
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
}
