package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

import dev.arsenal.compression.MalformedInputException;
import java.lang.invoke.VarHandle;

/**
 * The sequences section of a compressed block (RFC 8878, 3.1.1.3.2 and 3.1.1.4): its header, the
 * three FSE tables it selects, and the sequences themselves, each decoded from the bit stream and
 * executed at once into the output: copy {@code literalLength} literals, then {@code matchLength}
 * bytes from {@code offset} bytes back.
 *
 * <pre>
 *  number of sequences        modes          tables (LL, OF, ML, as the modes say)   bit stream
 * +--------------------+ +----+----+----+--+ +----------------------------------+ +--------------+
 * | 1, 2 or 3 bytes    | | LL | OF | ML |00| | RLE: 1 byte; FSE: a description | | backward,    |
 * | (0: no sequences,  | +----+----+----+--+ | predefined and repeat: nothing   | | to the block |
 * |  nothing follows)  |  2 bits each         +----------------------------------+ | end          |
 * +--------------------+                                                            +--------------+
 *  bit stream: LL, OF, ML initial states; per sequence: offset, match length, literal length extra
 *  bits, then (not after the last) the LL, ML, OF state updates; every bit read, none left over
 * </pre>
 *
 * <p>A match may reach back {@link #window} bytes of the frame's output, and, while the frame has
 * decoded no more than that, before the frame into the dictionary's content (as libzstd and its
 * encoder do, the dictionary is not limited by the window). In the output array the frame's bytes
 * from {@link #frameLow} are contiguous; a streaming decoder that wrapped its buffer around has the
 * older ones at the end of the previous lap, before {@link #previousLapEnd}.
 *
 * <p>The fast path decodes while the sequence fits with room to spare ({@link #OUTPUT_SLACK} in the
 * output, {@link #LITERAL_SLACK} in the literals' array) and its match lies in that contiguous
 * part: literals copied 16 bytes at a time, matches 16 or 8 at a time, or for offsets below 8 as an
 * 8-byte pattern; the copies run past the sequence's end into the room, which later sequences
 * overwrite. Everything else, and everything malformed, goes through {@link #executeExactly}, which
 * copies exactly and names the problem.
 */
final class ZstdSequenceDecoder {
    /** The output the fast path keeps free after a sequence's end: its copies overshoot by < 16. */
    static final int OUTPUT_SLACK = 32;

    /** The bytes the literals' array keeps after the last literal the fast path copies. */
    static final int LITERAL_SLACK = 32;

    private static final VarHandle LONG = ZstdBitReader.LONG;

    /**
     * For a match offset below 8, how many bits an 8-byte pattern of it turns right to continue 8
     * bytes on: 8 times (8 mod offset).
     */
    private static final int[] PATTERN_TURN = {0, 0, 0, 16, 0, 24, 16, 8};

    private static final int LL = 0;
    private static final int OF = 1;
    private static final int ML = 2;

    private static final ZstdFseTable[] PREDEFINED = {
        ZstdFseTable.PREDEFINED_LITERAL_LENGTHS, ZstdFseTable.PREDEFINED_OFFSETS, ZstdFseTable.PREDEFINED_MATCH_LENGTHS
    };

    /** The tables in use (for repeat mode), or null before the first in a frame without dictionary. */
    private final ZstdFseTable[] current = new ZstdFseTable[3];
    /** Where RLE and FSE-compressed modes build their tables. */
    private final ZstdFseTable[] built = {
        new ZstdFseTable(ZstdFseTable.LITERAL_LENGTHS),
        new ZstdFseTable(ZstdFseTable.OFFSETS),
        new ZstdFseTable(ZstdFseTable.MATCH_LENGTHS)
    };

    private final ZstdBitReader reader = new ZstdBitReader();

    private int rep0;
    private int rep1;
    private int rep2;

    // ---- the frame ----

    /** How far back a match may reach in the frame's output. */
    private int window;

    /** The dictionary's content (empty without one). */
    private byte[] dictionary = new byte[0];

    // ---- the block, set by the block decoder ----

    /** The output array. */
    byte[] out;
    /** The frame's output is contiguous in {@link #out} from here to the current position. */
    int frameLow;
    /** Where the block's output starts in {@link #out}. */
    int blockStart;
    /** The frame's bytes decoded before the block. */
    long producedBefore;
    /** Where the previous lap of a wrapped-around buffer ends in {@link #out}, or -1. */
    int previousLapEnd = -1;
    /** The end of the caller's room in {@link #out}, and its size for messages. */
    int roomEnd;

    long room;
    /** The block may decode up to here: its start plus the block maximum. */
    int blockEnd;
    /** The offset in the compressed input of the block, for messages. */
    long blockAt;

    /** Lets go of the caller's arrays and the dictionary, so that an idle decoder keeps none alive. */
    void release() {
        out = null;
        dictionary = new byte[0];
        reader.release();
        current[LL] = null;
        current[OF] = null;
        current[ML] = null;
    }

    /** Starts a frame: the window, and the dictionary's tables, offsets and content (or none). */
    void startFrame(int window, ZstdDictionary dict) {
        this.window = window;
        if (dict != null && dict.hasTables()) {
            current[LL] = dict.literalLengths;
            current[OF] = dict.offsets;
            current[ML] = dict.matchLengths;
        } else {
            current[LL] = null;
            current[OF] = null;
            current[ML] = null;
        }
        int[] r = dict != null ? dict.repeatOffsets : ZstdFormat.INITIAL_REPEAT_OFFSETS;
        rep0 = r[0];
        rep1 = r[1];
        rep2 = r[2];
        dictionary = dict != null ? dict.content : new byte[0];
    }

    /**
     * Decodes the sequences section {@code in[ip, end)} and executes it with the literals {@code
     * lits[litPos, litEnd)} into {@link #out} from {@code op}, at most to {@code limit}; the
     * literals left after the last sequence follow.
     *
     * @param origin the offset in the compressed input of {@code in[0]}
     * @return the end of the block's output
     */
    int decode(byte[] in, int ip, int end, long origin, byte[] lits, int litPos, int litEnd, int op, int limit) {
        if (ip >= end) {
            throw malformed(origin + ip, "truncated input: the sequences section needs its header");
        }
        int count = in[ip++] & 0xFF;
        if (count >= 128) {
            int more = count == 255 ? 2 : 1;
            if (end - ip < more) {
                throw malformed(origin + end, "truncated input: the number of sequences needs " + more + " more bytes");
            }
            if (count == 255) {
                count = ((in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8) + 0x7F00;
            } else {
                count = ((count - 128) << 8) + (in[ip] & 0xFF);
            }
            ip += more;
        }
        if (count == 0) {
            if (ip != end) {
                throw malformed(origin + ip, (end - ip) + " bytes follow a sequences section without sequences");
            }
            return copyLastLiterals(lits, litPos, litEnd, op, limit, origin + ip);
        }
        if (ip >= end) {
            throw malformed(origin + ip, "truncated input: the sequences section needs its compression modes");
        }
        int modes = in[ip] & 0xFF;
        if ((modes & 3) != 0) {
            throw malformed(origin + ip, "reserved bits of the symbol compression modes are set");
        }
        ip++;
        ip += selectTable(LL, (modes >>> 6) & 3, in, ip, end, origin);
        ip += selectTable(OF, (modes >>> 4) & 3, in, ip, end, origin);
        ip += selectTable(ML, (modes >>> 2) & 3, in, ip, end, origin);
        return execute(in, ip, end, origin, count, lits, litPos, litEnd, op, limit);
    }

    /** Makes the table of {@code kind} current as {@code mode} says; returns the bytes it read. */
    private int selectTable(int kind, int mode, byte[] in, int ip, int end, long origin) {
        switch (mode) {
            case ZstdFormat.MODE_PREDEFINED -> {
                current[kind] = PREDEFINED[kind];
                return 0;
            }
            case ZstdFormat.MODE_RLE -> {
                if (ip >= end) {
                    throw malformed(origin + ip, "truncated input: an RLE mode needs its symbol");
                }
                built[kind].rle(in[ip] & 0xFF, origin, ip);
                current[kind] = built[kind];
                return 1;
            }
            case ZstdFormat.MODE_COMPRESSED -> {
                int n = built[kind].read(in, ip, end, origin);
                current[kind] = built[kind];
                return n;
            }
            default -> {
                if (current[kind] == null) {
                    throw malformed(
                            origin + ip,
                            "repeat mode for " + name(kind) + " with no table before it in the frame or dictionary");
                }
                return 0;
            }
        }
    }

    private static String name(int kind) {
        return kind == LL ? "literal lengths" : kind == OF ? "offsets" : "match lengths";
    }

    /** Decodes and executes {@code count} sequences from the bit stream {@code in[start, end)}. */
    private int execute(
            byte[] in,
            int start,
            int end,
            long origin,
            int count,
            byte[] lits,
            int litPos,
            int litEnd,
            int op,
            int limit) {
        ZstdBitReader r = reader;
        if (!r.init(in, start, end)) {
            throw malformed(origin + start, "the sequences' bit stream is empty or lacks its end marker");
        }
        ZstdFseTable llTable = current[LL];
        ZstdFseTable ofTable = current[OF];
        ZstdFseTable mlTable = current[ML];
        long[] llEntries = llTable.entries;
        long[] ofEntries = ofTable.entries;
        long[] mlEntries = mlTable.entries;
        int p = r.ptr;
        int c = r.consumed;
        long bits = r.bits;
        int llState = (int) ((bits << c) >>> 1 >>> (63 - llTable.log));
        c += llTable.log;
        int ofState = (int) ((bits << c) >>> 1 >>> (63 - ofTable.log));
        c += ofTable.log;
        int mlState = (int) ((bits << c) >>> 1 >>> (63 - mlTable.log));
        c += mlTable.log;

        int rep0 = this.rep0;
        int rep1 = this.rep1;
        int rep2 = this.rep2;
        byte[] out = this.out;
        int frameLow = this.frameLow;
        int window = this.window;
        int litStop = Math.min(litEnd, lits.length - LITERAL_SLACK);
        int opStop = limit - OUTPUT_SLACK;

        for (int left = count; left > 0; left--) {
            // Refill: at most 7 bits spent after it, unless the stream's start is near.
            if (p > start) {
                int q = Math.max(p - (c >>> 3), start);
                c -= (p - q) << 3;
                p = q;
                bits = (long) LONG.get(in, p);
            }
            long le = llEntries[llState];
            long me = mlEntries[mlState];
            long oe = ofEntries[ofState];
            int ofBits = (int) (oe >>> 32) & 0xFF;
            int mlBits = (int) (me >>> 32) & 0xFF;
            int llBits = (int) (le >>> 32) & 0xFF;
            int ofValue = (int) oe + (int) ((bits << c) >>> 1 >>> (63 - ofBits));
            c += ofBits;
            int ml;
            int ll;
            if (ofBits + mlBits + llBits <= 31) {
                // 7 + 31 bits, then 26 for the states: within the 64 of the container.
                ml = (int) me + (int) ((bits << c) >>> 1 >>> (63 - mlBits));
                c += mlBits;
                ll = (int) le + (int) ((bits << c) >>> 1 >>> (63 - llBits));
                c += llBits;
            } else {
                // Large offsets with long lengths: refill between the fields.
                if (p > start) {
                    int q = Math.max(p - (c >>> 3), start);
                    c -= (p - q) << 3;
                    p = q;
                    bits = (long) LONG.get(in, p);
                }
                ml = (int) me + (int) ((bits << c) >>> 1 >>> (63 - mlBits));
                c += mlBits;
                ll = (int) le + (int) ((bits << c) >>> 1 >>> (63 - llBits));
                c += llBits;
                if (p > start) {
                    int q = Math.max(p - (c >>> 3), start);
                    c -= (p - q) << 3;
                    p = q;
                    bits = (long) LONG.get(in, p);
                }
            }

            // Repeat offsets (3.1.1.5).
            int offset;
            if (ofBits > 1) {
                offset = ofValue - 3;
                rep2 = rep1;
                rep1 = rep0;
                rep0 = offset;
            } else {
                int index = ll == 0 ? ofValue : ofValue - 1;
                if (index == 0) {
                    offset = rep0;
                } else {
                    offset = index == 1 ? rep1 : index == 2 ? rep2 : rep0 - 1; // 0 is refused below
                    if (index != 1) {
                        rep2 = rep1;
                    }
                    rep1 = rep0;
                    rep0 = offset;
                }
            }

            if (left > 1) {
                int llNb = (int) (le >>> 40) & 0xFF;
                llState = (int) (le >>> 48) + (int) ((bits << c) >>> 1 >>> (63 - llNb));
                c += llNb;
                int mlNb = (int) (me >>> 40) & 0xFF;
                mlState = (int) (me >>> 48) + (int) ((bits << c) >>> 1 >>> (63 - mlNb));
                c += mlNb;
                int ofNb = (int) (oe >>> 40) & 0xFF;
                ofState = (int) (oe >>> 48) + (int) ((bits << c) >>> 1 >>> (63 - ofNb));
                c += ofNb;
            }

            if (ll <= litStop - litPos
                    && ll + ml <= opStop - op
                    && Integer.compareUnsigned(offset - 1, Math.min(op + ll - frameLow, window)) < 0) {
                // Literals: 16 bytes, then the rest.
                LONG.set(out, op, (long) LONG.get(lits, litPos));
                LONG.set(out, op + 8, (long) LONG.get(lits, litPos + 8));
                if (ll > 16) {
                    if (ll <= 64) {
                        for (int i = 16; i < ll; i += 16) {
                            LONG.set(out, op + i, (long) LONG.get(lits, litPos + i));
                            LONG.set(out, op + i + 8, (long) LONG.get(lits, litPos + i + 8));
                        }
                    } else {
                        System.arraycopy(lits, litPos + 16, out, op + 16, ll - 16);
                    }
                }
                litPos += ll;
                op += ll;
                int from = op - offset;
                if (offset >= 16) {
                    if (ml > 64 && offset >= ml) {
                        System.arraycopy(out, from, out, op, ml);
                    } else {
                        // Each 16-byte read ends before the write it feeds starts.
                        for (int i = 0; i < ml; i += 16) {
                            LONG.set(out, op + i, (long) LONG.get(out, from + i));
                            LONG.set(out, op + i + 8, (long) LONG.get(out, from + i + 8));
                        }
                    }
                } else if (offset >= 8) {
                    for (int i = 0; i < ml; i += 8) {
                        LONG.set(out, op + i, (long) LONG.get(out, from + i));
                    }
                } else {
                    copyPattern(out, from, op, offset, ml);
                }
                op += ml;
            } else {
                op = executeExactly(lits, litPos, litEnd, ll, ml, offset, op, limit, count - left + 1, count);
                litPos += ll;
            }
        }
        r.resume(in, start, p, c, bits);
        if (!r.finished()) {
            long left = r.remaining();
            throw malformed(
                    origin + start,
                    left < 0
                            ? "the sequences' bit stream ends " + -left + " bits before its " + count + " sequences do"
                            : "the sequences' bit stream has " + left + " bits left after its " + count + " sequences");
        }
        this.rep0 = rep0;
        this.rep1 = rep1;
        this.rep2 = rep2;
        return copyLastLiterals(lits, litPos, litEnd, op, limit, origin + start);
    }

    /**
     * Repeats the {@code offset} (1 to 7) bytes before {@code op} for {@code length} bytes: builds
     * 8 bytes of the pattern in a register (the bytes after {@code op} it reads are replaced) and
     * stores it 8 bytes at a time, turned on by {@link #PATTERN_TURN} each time, so that no read
     * waits on a store. Writes up to 7 bytes past the end.
     */
    private static void copyPattern(byte[] out, int from, int op, int offset, int length) {
        long pattern = (long) LONG.get(out, from);
        for (int n = offset; n < 8; n <<= 1) {
            pattern = pattern & (-1L >>> (64 - 8 * n)) | pattern << (8 * n);
        }
        int right = PATTERN_TURN[offset];
        int left = 8 * offset - right;
        int stop = op + length;
        for (int w = op; w < stop; w += 8) {
            LONG.set(out, w, pattern);
            // The two shifted copies agree where they overlap: the pattern repeats every `offset`.
            pattern = pattern >>> right | pattern << left;
        }
    }

    /**
     * Executes one sequence exactly, with every check: the literals left, the room, the offset
     * against the window, the frame's start and the dictionary; copies from the dictionary or the
     * previous lap of a wrapped buffer where the match starts there.
     *
     * @return the output position after the sequence
     */
    private int executeExactly(
            byte[] lits, int litPos, int litEnd, int ll, int ml, int offset, int op, int limit, int index, int count) {
        if (ll > litEnd - litPos) {
            throw malformed(
                    blockAt,
                    "sequence " + index + " of " + count + " has " + ll + " literals, and " + (litEnd - litPos)
                            + " are left");
        }
        if (ll > limit - op) {
            throw overLimit(limit);
        }
        System.arraycopy(lits, litPos, out, op, ll);
        op += ll;
        if (ml > limit - op) {
            throw overLimit(limit);
        }
        long position = producedBefore + (op - blockStart);
        long distance = Integer.toUnsignedLong(offset);
        if (distance == 0) {
            throw malformed(blockAt, "sequence " + index + " of " + count + " has offset 0 (repeat offset 1, minus 1)");
        }
        if (distance <= position) {
            if (distance > window) {
                throw malformed(
                        blockAt,
                        "sequence " + index + " of " + count + ": offset " + distance + " is beyond the window of "
                                + window + " bytes");
            }
            int contiguous = op - frameLow;
            if (distance <= contiguous) {
                copyMatch(out, op - offset, op, ml);
            } else {
                // Before the wrap: the end of the previous lap holds the older bytes.
                int older = offset - contiguous;
                int n = Math.min(ml, older);
                System.arraycopy(out, previousLapEnd - older, out, op, n);
                copyMatch(out, op + n - offset, op + n, ml - n);
            }
            return op + ml;
        }
        long beyond = distance - position;
        if (beyond > dictionary.length) {
            throw malformed(
                    blockAt,
                    "sequence " + index + " of " + count + ": offset " + distance + " reaches before the "
                            + (dictionary.length == 0
                                    ? "frame's start (" + position + " bytes decoded, no dictionary)"
                                    : "dictionary (" + position + " bytes decoded, " + dictionary.length
                                            + " bytes of dictionary)"));
        }
        if (position > window) {
            throw malformed(
                    blockAt,
                    "sequence " + index + " of " + count + ": offset " + distance
                            + " reaches into the dictionary after " + position + " bytes, past the window of " + window
                            + " bytes");
        }
        int n = (int) Math.min(ml, beyond);
        System.arraycopy(dictionary, dictionary.length - (int) beyond, out, op, n);
        // The rest continues from the frame's first byte.
        copyMatch(out, op + n - offset, op + n, ml - n);
        return op + ml;
    }

    /** Copies {@code length} bytes from {@code from} to {@code to > from}, LZ77 style: overlaps repeat. */
    private static void copyMatch(byte[] out, int from, int to, int length) {
        while (length > 0) {
            int n = Math.min(length, to - from);
            System.arraycopy(out, from, out, to, n);
            to += n;
            length -= n;
        }
    }

    /** Appends the literals left after the last sequence. */
    private int copyLastLiterals(byte[] lits, int litPos, int litEnd, int op, int limit, long at) {
        int n = litEnd - litPos;
        if (n > limit - op) {
            throw overLimit(limit);
        }
        System.arraycopy(lits, litPos, out, op, n);
        return op + n;
    }

    private MalformedInputException overLimit(int limit) {
        if (limit == blockEnd) {
            return malformed(
                    blockAt,
                    "the block decodes to more than the block maximum of " + (blockEnd - blockStart) + " bytes");
        }
        return malformed(blockAt, "output exceeds the " + room + " bytes of room given");
    }
}
