package dev.arsenal.providers.java.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link Lz4HcEncoder}'s match finder: the hash chains of one call, its searches, and their
 * results; with the optimal parser's prices. Not thread-safe: one call at a time, through {@link
 * IdlePool}.
 *
 * <p>A hash of 4 bytes (15 bits) heads a chain of every earlier position with that hash within 64
 * KiB, linked by 16-bit distances in a table indexed by position modulo 65536. Positions are kept as
 * indexes from 65536 on (position - offset + 65536), so that an empty hash entry, 0, is always out
 * of reach; the hash heads are cleared per call (128 KiB), the chain is not (a chain entry is written
 * when its position is entered, before any search can reach it).
 */
final class Lz4HcMatcher {
    private static final int MIN_MATCH = Lz4FastEncoder.MIN_MATCH;
    private static final int MAX_DISTANCE = Lz4FastEncoder.MAX_DISTANCE;
    private static final int HASH_BITS = 15;

    /** The index of the input's first position: an empty hash entry (0) is below every position's. */
    private static final int FIRST = 65_536;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

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
    /** Whether searches analyze runs of a pattern (liblz4: from 129 candidates on). */
    private boolean patterns;

    /**
     * The optimal parser's positions, relative to where it starts: the cheapest way there found
     * so far (its price in bytes, and the step that reaches it: a match's offset and length, or a
     * literal, length 1) and the literals before it.
     */
    int[] price;

    int[] offsets;
    int[] lengths;
    int[] literals;

    /** The last search's match: where it starts in the input, and where it copies from. */
    int matchStart;

    int matchPos;

    /**
     * Starts a call on {@code input} from {@code offset}: clears the hash heads, and takes the
     * level's candidates per search and whether it is the optimal parser's (pattern analysis always,
     * and the prices).
     */
    void start(byte[] input, int offset, int attempts, boolean optimal) {
        Arrays.fill(heads, 0);
        this.input = input;
        this.base = offset - FIRST;
        this.next = FIRST;
        this.attempts = attempts;
        this.patterns = attempts > 128 || optimal;
        if (optimal && price == null) {
            price = new int[Lz4HcEncoder.OPT_NUM + Lz4HcEncoder.TRAILING_LITERALS];
            offsets = new int[Lz4HcEncoder.OPT_NUM + Lz4HcEncoder.TRAILING_LITERALS];
            lengths = new int[Lz4HcEncoder.OPT_NUM + Lz4HcEncoder.TRAILING_LITERALS];
            literals = new int[Lz4HcEncoder.OPT_NUM + Lz4HcEncoder.TRAILING_LITERALS];
        }
    }

    /** Drops the input, so that an idle matcher does not keep it reachable. */
    void finish() {
        input = null;
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
     * For the optimal parser: the longest match at {@code ip} (not before it) of more than
     * {@code minLength} bytes, its source in {@link #matchPos} (liblz4's {@code
     * LZ4HC_FindLongerMatch}).
     *
     * @return its length, or 0 if there is none
     */
    int longerMatch(int ip, int highLimit, int minLength) {
        int length = widerMatch(ip, ip, highLimit, minLength, true);
        return length > minLength ? length : 0;
    }

    /**
     * The longest match of more than {@code longest} bytes that covers {@code ip}, found among
     * the candidates of {@code ip}'s chain: it may start before {@code ip} (as far back as {@code
     * lowLimit}) and ends by {@code highLimit}. Sets {@link #matchStart} and {@link #matchPos} if
     * it finds one.
     *
     * <p>With {@link #patterns} (from 129 candidates a search on), runs of a 1, 2 or 4-byte
     * pattern, whose chains are links of 1 byte each, are crossed a run at a time: from a
     * candidate inside a run of the pattern at {@code ip} the search goes to where the run would
     * end a match as long as {@code ip}'s run, or to the run's start. With {@code chainSwap} (the
     * optimal parser's searches, forward only), after a new best match the search follows the
     * chain of the position inside it whose previous occurrence is farthest back, which skips
     * candidates that could not be longer. Both as liblz4's {@code
     * LZ4HC_InsertAndGetWiderMatch}.
     *
     * @return its length, or {@code longest} if there is none
     */
    int widerMatch(int ip, int lowLimit, int highLimit, int longest, boolean chainSwap) {
        byte[] in = input;
        int lookBack = ip - lowLimit;
        insert(ip);
        int ipIdx = ip - base;
        int lowest = Math.max(FIRST, ipIdx - MAX_DISTANCE);
        int lowPosition = FIRST + base;
        int pattern = (int) INT.get(in, ip);
        int idx = heads[hash(ip)];
        int chainPos = 0;
        int repeat = UNTESTED;
        int sourcePatternLength = 0;
        // Only a candidate that matches where a longer match would end can beat the best: the 2
        // bytes there, read again when the best grows.
        short tail = (short) SHORT.get(in, lowLimit + longest - 1);
        for (int n = attempts; idx >= lowest && n > 0; ) {
            n--;
            int candidate = idx + base;
            int length = 0;
            if (tail == (short) SHORT.get(in, candidate - lookBack + longest - 1)
                    && (int) INT.get(in, candidate) == pattern) {
                int back = 0;
                while (back < lookBack
                        && candidate - back > lowPosition
                        && in[ip - back - 1] == in[candidate - back - 1]) {
                    back++;
                }
                length = MIN_MATCH + count(in, ip + MIN_MATCH, candidate + MIN_MATCH, highLimit) + back;
                if (length > longest) {
                    longest = length;
                    matchPos = candidate - back;
                    matchStart = ip - back;
                    tail = (short) SHORT.get(in, lowLimit + longest - 1);
                }
            }
            if (chainSwap && length == longest && idx + longest <= ipIdx) {
                // Follow the chain, among the positions of the match, that goes back farthest.
                int farthest = 1;
                int step = 1;
                int accel = 1 << 4;
                for (int pos = 0; pos < longest - MIN_MATCH + 1; pos += step) {
                    int distance = chain[(idx + pos) & 0xFFFF];
                    step = accel++ >>> 4;
                    if (distance > farthest) {
                        farthest = distance;
                        chainPos = pos;
                        accel = 1 << 4;
                    }
                }
                if (farthest > 1) {
                    if (farthest > idx) {
                        break;
                    }
                    idx -= farthest;
                    continue;
                }
            }
            int distanceToNext = chain[idx & 0xFFFF];
            if (patterns && distanceToNext == 1 && chainPos == 0) {
                // The candidate is inside a run of a 1, 2 or 4-byte pattern: maybe the pattern at ip.
                int candidateIdx = idx - 1;
                if (repeat == UNTESTED) {
                    if ((pattern & 0xFFFF) == (pattern >>> 16) && (pattern & 0xFF) == (pattern >>> 24)) {
                        repeat = CONFIRMED;
                        sourcePatternLength = countPattern(in, ip + 4, highLimit, pattern) + 4;
                    } else {
                        repeat = NOT;
                    }
                }
                if (repeat == CONFIRMED && candidateIdx >= lowest) {
                    int matchAt = candidateIdx + base;
                    if ((int) INT.get(in, matchAt) == pattern) {
                        int forward = countPattern(in, matchAt + 4, highLimit, pattern) + 4;
                        int backward = reverseCountPattern(in, matchAt, lowPosition, pattern);
                        backward = candidateIdx - Math.max(candidateIdx - backward, lowest);
                        int segment = backward + forward;
                        if (segment >= sourcePatternLength && forward <= sourcePatternLength) {
                            // The run holds ip's whole run: go where it ends a match of that length.
                            idx = candidateIdx + forward - sourcePatternLength;
                        } else {
                            // To the run's start, where a match is as long as the run at most.
                            idx = candidateIdx - backward;
                            if (lookBack == 0) {
                                int maxLength = Math.min(segment, sourcePatternLength);
                                if (longest < maxLength) {
                                    if (ipIdx - idx > MAX_DISTANCE) {
                                        break;
                                    }
                                    longest = maxLength;
                                    matchPos = idx + base;
                                    matchStart = ip;
                                    tail = (short) SHORT.get(in, lowLimit + longest - 1);
                                }
                                int next = chain[idx & 0xFFFF];
                                if (next > idx) {
                                    break;
                                }
                                idx -= next;
                            }
                        }
                        continue;
                    }
                }
            }
            idx -= chain[(idx + chainPos) & 0xFFFF];
        }
        return longest;
    }

    /** Pattern analysis states of a search (liblz4's {@code repeat_state_e}). */
    private static final int UNTESTED = 0;

    private static final int NOT = 1;

    private static final int CONFIRMED = 2;

    /**
     * How many bytes from {@code p} on, up to {@code limit}, repeat {@code pattern} (4 bytes,
     * little-endian, a repetition of 1, 2 or 4 bytes), 8 at a time.
     */
    private static int countPattern(byte[] input, int p, int limit, int pattern) {
        long pattern8 = (pattern & 0xFFFF_FFFFL) | (long) pattern << 32;
        int start = p;
        while (p < limit - 7) {
            long diff = (long) LONG.get(input, p) ^ pattern8;
            if (diff != 0) {
                return p + (Long.numberOfTrailingZeros(diff) >>> 3) - start;
            }
            p += 8;
        }
        long bytes = pattern8;
        while (p < limit && input[p] == (byte) bytes) {
            p++;
            bytes >>>= 8;
        }
        return p - start;
    }

    /** How many bytes before {@code p}, down to {@code low}, repeat {@code pattern} backward. */
    private static int reverseCountPattern(byte[] input, int p, int low, int pattern) {
        int start = p;
        while (p >= low + 4 && (int) INT.get(input, p - 4) == pattern) {
            p -= 4;
        }
        int shift = 24;
        while (p > low && shift >= 0 && input[p - 1] == (byte) (pattern >>> shift)) {
            p--;
            shift -= 8;
        }
        return start - p;
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
