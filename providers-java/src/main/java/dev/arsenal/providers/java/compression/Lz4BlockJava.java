package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The raw LZ4 block format ({@link Codec#LZ4_BLOCK}): compression through {@link Lz4FastEncoder}
 * (level 1) and {@link Lz4HcEncoder} (LZ4 HC), decompression through {@link #decodeLinked}, this
 * package's own block decoder.
 * It serves independent blocks (the window starts with the block's output) and the LZ4 frame
 * format's linked blocks, whose matches reach back into earlier blocks.
 *
 * <p>A block is a run of sequences; the last has literals only:
 *
 * <pre>
 *  token       literal length   literals      offset (LE)   match length
 * +----+----+ +--------------+ +-----------+ +-----------+ +--------------+
 * |lit |mat | | 255 ... 255 x| | lit bytes | |  lo | hi  | | 255 ... 255 y|
 * +----+----+ +--------------+ +-----------+ +-----------+ +--------------+
 *  4 bits each  only if lit=15                 1..65535      only if mat=15; length = mat+4+...
 * </pre>
 */
final class Lz4BlockJava {
    /** The farthest a match may reach back: 64 KiB - 1. */
    static final int WINDOW = 65_536;

    /**
     * The input bytes a raw block must have left after a long match's length (liblz4 1.10 and
     * later, lz4-java's 1.11: a token and the 5 last literals); frames keep liblz4 1.9.4's 5.
     */
    static final int STRICT_TAIL = 6;

    /** Reads and writes 8 bytes at a time; little-endian as the format, though copies need no order. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Reads a match offset, 2 bytes little-endian, in one access. */
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The room a long or close match needs after its end in the output: its 8-byte copies, and the
     * stores of a close match's pattern, run up to 7 bytes past it.
     */
    private static final int COPY_SLACK = 8;

    /**
     * The input {@link #decodeFast} keeps from a token on: the token, a short literal run read as 16
     * bytes and the offset after the run (18 bytes at most), with room to spare.
     */
    private static final int FAST_INPUT_ROOM = 32;

    /**
     * The output {@link #decodeFast} keeps at a sequence's start: 14 literal bytes copied as 16,
     * then a match copied as 24 bytes from up to 14 bytes in (38 bytes).
     */
    private static final int FAST_OUTPUT_ROOM = 40;

    /**
     * For a match distance below 8, how many bits to turn its 8-byte pattern right to go on 8 bytes
     * later: 8 times (8 mod distance).
     */
    private static final int[] TURN_RIGHT = {0, 0, 0, 16, 0, 24, 16, 8};

    private Lz4BlockJava() {}

    /**
     * The most bytes a block of {@code length} bytes takes (liblz4's {@code LZ4_compressBound}): all
     * literals, a token and their length bytes, with room to spare.
     */
    static int maxBlockLength(int length) {
        return length + length / 255 + 16;
    }

    /**
     * Compresses one block with {@link Lz4FastEncoder} (level 1).
     *
     * @return the compressed length, or -1 if it does not fit {@code maxOutput}
     */
    static int compressBlock(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        return Lz4FastEncoder.compress(input, offset, length, output, outputOffset, maxOutput);
    }

    /**
     * Compresses one block at {@code level}: 1 with {@link Lz4FastEncoder}, from {@link
     * Lz4HcEncoder#MIN_LEVEL} on with {@link Lz4HcEncoder}.
     *
     * @return the compressed length, or -1 if it does not fit {@code maxOutput}
     */
    static int compressBlock(
            int level, byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        return level < Lz4HcEncoder.MIN_LEVEL
                ? Lz4FastEncoder.compress(input, offset, length, output, outputOffset, maxOutput)
                : Lz4HcEncoder.compress(level, input, offset, length, output, outputOffset, maxOutput);
    }

    /**
     * Decodes one block whose matches stay inside its own output: {@link #decodeLinked} with the
     * window starting where the output does.
     *
     * @param inputBase the offset of {@code input[offset]} in the whole compressed input, for
     *     messages
     * @return the decoded length
     */
    static int decodeIndependent(
            Codec codec,
            long inputBase,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int outputOffset,
            int maxOutput) {
        if (length == 0) {
            throw new MalformedInputException(codec, inputBase, "truncated input: an LZ4 block holds at least a token");
        }
        int end = decodeLinked(
                codec, inputBase, input, offset, length, output, outputOffset, outputOffset, outputOffset + maxOutput);
        return end - outputOffset;
    }

    /**
     * Decodes one block into {@code output[outputOffset, outputLimit)}, its matches allowed to reach
     * back to {@code output[windowStart]} (the previous blocks of a frame with linked blocks).
     * Checks every length and offset before it copies: a corrupt block is a {@link
     * MalformedInputException}, never a write outside the range.
     *
     * <p>What it accepts is what liblz4's {@code LZ4_decompress_safe} accepts with the same input,
     * room ({@code outputLimit - outputOffset}) and window, so that every provider of the codec gives
     * the same verdict (liblz4 is the format's reference; its fast loop only defers to the loop
     * mirrored here, whose rules it never relaxes). Those rules depend on the room, not on the
     * decoded length; a sequence is the last one (literals only, ending the input exactly, within
     * the room) when its literals end within 12 bytes of the room's end or leave fewer than 8 input
     * bytes; a match must end at least 5 bytes before the room's end, and the bytes of a long match
     * length must leave 5 input bytes (6 in a raw block, as liblz4 1.10 and later and lz4-java's
     * 1.11 want: {@link #STRICT_TAIL}); with no room at all, only the block {@code 00} is valid. One
     * leniency of liblz4 is kept: a short sequence (literal run and match under 15, match offset of 8
     * or more) that starts 32 or more bytes before the room's end and 17 or more before the input's
     * is copied without those end checks, as liblz4's shortcut copies it. And a match offset of 0,
     * which the format calls invalid, decodes as liblz4 decodes it: to zeros (never to bytes of an
     * earlier buffer).
     *
     * <p>{@link #decodeFast} decodes while input and output have room to spare; this method then
     * decodes the rest (the block's last bytes, and any sequence the fast loop stopped at) and says
     * what is wrong with a corrupt one. Bytes of the output range after the returned end may change
     * (as with liblz4's and aircompressor's decoders); those before it are the block's content.
     *
     * @param inputBase the offset of {@code input[offset]} in the whole compressed input
     * @return the end of the decoded bytes in {@code output}
     */
    static int decodeLinked(
            Codec codec,
            long inputBase,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int windowStart,
            int outputOffset,
            int outputLimit) {
        int end = offset + length;
        if (length == 0) {
            throw new MalformedInputException(codec, inputBase, "truncated input: an LZ4 block holds at least a token");
        }
        if (outputLimit == outputOffset) {
            if (length == 1 && input[offset] == 0) {
                return outputOffset;
            }
            throw tooLarge(codec, inputBase, 0);
        }
        long stopped = decodeFast(input, offset, end, output, windowStart, outputOffset, outputLimit);
        int ip = (int) (stopped >>> 32);
        int op = (int) stopped;
        while (true) {
            if (ip >= end) {
                throw new MalformedInputException(
                        codec, inputBase + ip - offset, "truncated LZ4 block: a sequence needs a token");
            }
            int token = input[ip++] & 0xFF;
            int literals = token >>> 4;
            int match = token & 15;
            int distance;
            int distanceAt; // where the match offset is, for messages
            if (literals != 15 && ip < end - 16 && op <= outputLimit - 32) {
                // liblz4's shortcut: no end-of-block checks for the literals, nor for a short match.
                System.arraycopy(input, ip, output, op, literals);
                ip += literals;
                op += literals;
                distanceAt = ip;
                distance = (input[ip] & 0xFF) | (input[ip + 1] & 0xFF) << 8;
                ip += 2;
                if (match != 15 && distance >= 8 && distance <= op - windowStart) {
                    copyMatch(output, op, distance, match + 4);
                    op += match + 4;
                    continue;
                }
            } else {
                if (literals == 15) {
                    if (ip >= end - 15) {
                        throw truncated(codec, inputBase + ip - offset);
                    }
                    int b;
                    do {
                        b = input[ip++] & 0xFF;
                        literals += b;
                        // Below 0: past Integer.MAX_VALUE, which an input of nearly 2 GiB can reach.
                        if (literals > end - ip || literals < 0) {
                            throw truncated(codec, inputBase + ip - offset);
                        }
                    } while (b == 255);
                }
                if (literals > outputLimit - op) {
                    throw tooLarge(codec, inputBase + ip - offset, outputLimit - outputOffset);
                }
                if (literals > outputLimit - 12 - op || literals > end - 8 - ip) {
                    // The last sequence: its literals end the input, exactly.
                    if (literals != end - ip) {
                        throw new MalformedInputException(
                                codec,
                                inputBase + ip - offset,
                                literals > end - ip
                                        ? "truncated LZ4 block"
                                        : "LZ4 block: a sequence ends within 8 bytes of the block's end, or"
                                                + " within 12 bytes of the end of the "
                                                + (outputLimit - outputOffset) + " bytes of room given,"
                                                + " and is not the last");
                    }
                    System.arraycopy(input, ip, output, op, literals);
                    return op + literals;
                }
                System.arraycopy(input, ip, output, op, literals);
                ip += literals;
                op += literals;
                distanceAt = ip;
                distance = (input[ip] & 0xFF) | (input[ip + 1] & 0xFF) << 8;
                ip += 2;
            }
            if (match == 15) {
                int b;
                // liblz4 1.9.4 wants 5 input bytes after a long match length, 1.10 and later 6 (a token
                // and the 5 last literals): frames follow the frame API of the system's liblz4,
                // raw blocks lz4-java's 1.11, and native-lz4 refuses the difference (Lz4FfmCodec).
                int tail = codec == Codec.LZ4_BLOCK ? STRICT_TAIL : 5;
                do {
                    b = input[ip++] & 0xFF;
                    match += b;
                    if (ip > end - tail) {
                        throw new MalformedInputException(
                                codec,
                                inputBase + ip - offset,
                                "LZ4 block: a match length leaves fewer than " + tail + " bytes of the block"
                                        + " (a token and the last literals)");
                    }
                    // Below 0: past Integer.MAX_VALUE, which needs an output range of nearly 2 GiB.
                } while (b == 255 && match >= 0);
            }
            match += 4;
            if (distance > op - windowStart) {
                throw new MalformedInputException(
                        codec,
                        inputBase + distanceAt - offset,
                        "LZ4 match offset " + distance + " reaches before the start of the window ("
                                + (op - windowStart) + " bytes)");
            }
            if (match < 0 || match > outputLimit - 5 - op) {
                throw new MalformedInputException(
                        codec,
                        inputBase + ip - offset,
                        match >= 0 && match <= outputLimit - op
                                ? "LZ4 block: a match ends within the last 5 bytes of the "
                                        + (outputLimit - outputOffset)
                                        + " bytes of room given (they must be literals)"
                                : codec == Codec.LZ4_BLOCK
                                        ? "output exceeds the " + (outputLimit - outputOffset) + " bytes of room given"
                                        : "a block decodes to more than the frame's block size of "
                                                + (outputLimit - outputOffset) + " bytes");
            }
            copyMatch(output, op, distance, match);
            op += match;
        }
    }

    /**
     * Copies a match of {@code length} bytes from {@code distance} bytes back to {@code op}: an
     * overlapping copy repeats the last {@code distance} bytes; a distance of 0 writes zeros, as
     * liblz4 does.
     */
    private static void copyMatch(byte[] output, int op, int distance, int length) {
        if (distance == 0) {
            Arrays.fill(output, op, op + length, (byte) 0);
            return;
        }
        // Copy in chunks that never overlap, doubling as the repeated region grows.
        int from = op - distance;
        int stop = op + length;
        while (op < stop) {
            int n = Math.min(stop - op, op - from);
            System.arraycopy(output, from, output, op, n);
            op += n;
        }
    }

    /**
     * Decodes the sequences of {@code input[ip, end)} into {@code output} from {@code op} while both
     * ranges have room to spare ({@link #FAST_INPUT_ROOM}, {@link #FAST_OUTPUT_ROOM}), for copies 8
     * bytes at a time that run past the bytes they copy (the next sequences write over them). Stops
     * before the first sequence it cannot copy so: near the end of either range, and at anything
     * malformed, which it leaves to {@link #decodeLinked} to name; so it needs none of the facts of a
     * message, which leaves registers to the copies.
     *
     * <p>The common sequence (literal run and match below 15, the token's escape; a match distance of
     * 8 or more) takes one path with fixed-size copies and no loop, as liblz4's shortcut does: 16
     * literal bytes, then 24 match bytes.
     *
     * @return where it stopped: the input index (its next token) in the high 32 bits, the output
     *     index in the low 32
     */
    private static long decodeFast(
            byte[] input, int ip, int end, byte[] output, int windowStart, int op, int outputLimit) {
        int inputFast = end - FAST_INPUT_ROOM;
        int outputFast = outputLimit - FAST_OUTPUT_ROOM;
        while (ip <= inputFast && op <= outputFast) {
            int token = input[ip] & 0xFF;
            int literals = token >>> 4;
            // Reads ahead in p and writes at op; ip moves on only once the sequence is decoded.
            int p = ip + 1;
            if (literals != 15) {
                // Up to 14 bytes: one fixed 16-byte copy, within the room the loop keeps.
                LONG.set(output, op, (long) LONG.get(input, p));
                LONG.set(output, op + 8, (long) LONG.get(input, p + 8));
            } else {
                int b;
                do {
                    if (p >= end) {
                        return stoppedAt(ip, op);
                    }
                    b = input[p++] & 0xFF;
                    literals += b;
                    if (literals > end - p || literals < 0) {
                        return stoppedAt(ip, op);
                    }
                } while (b == 255);
                // Room in the input for the last 8-byte copy and the offset; in the output, the run
                // ends where a loop pass could start, so the match's copy below has its room too.
                if (end - p - literals < 16 || outputFast - op - literals < 0) {
                    return stoppedAt(ip, op);
                }
                for (int i = 0; i < literals; i += 8) {
                    LONG.set(output, op + i, (long) LONG.get(input, p + i));
                }
            }
            p += literals;
            int q = op + literals;
            int distance = (short) SHORT.get(input, p) & 0xFFFF;
            p += 2;
            int from = q - distance;
            int match = token & 15;
            if (match != 15 && distance >= 8 && from >= windowStart) {
                // Up to 18 bytes: three fixed 8-byte copies. Each read is 8 bytes behind its write
                // at least, so it reads bytes already written.
                LONG.set(output, q, (long) LONG.get(output, from));
                LONG.set(output, q + 8, (long) LONG.get(output, from + 8));
                LONG.set(output, q + 16, (long) LONG.get(output, from + 16));
                ip = p;
                op = q + match + 4;
                continue;
            }
            if (distance == 0 || from < windowStart) {
                return stoppedAt(ip, op);
            }
            match += 4;
            if (match == 19) {
                int b;
                do {
                    if (p >= end) {
                        return stoppedAt(ip, op);
                    }
                    b = input[p++] & 0xFF;
                    match += b;
                    if (match > outputLimit - q || match < 0 || p > end - STRICT_TAIL) {
                        return stoppedAt(ip, op);
                    }
                } while (b == 255);
            }
            if (outputLimit - q - match < COPY_SLACK) {
                return stoppedAt(ip, op);
            }
            int stop = q + match;
            if (distance >= 8) {
                for (int i = 0; i < match; i += 8) {
                    LONG.set(output, q + i, (long) LONG.get(output, from + i));
                }
            } else {
                // The match repeats its first `distance` bytes. Build 8 bytes of that pattern in a
                // register and store it, turned on by 8 bytes each time: no read waits on a store.
                long pattern = (long) LONG.get(output, from);
                for (int n = distance; n < 8; n <<= 1) {
                    pattern = pattern & (-1L >>> (64 - 8 * n)) | pattern << (8 * n);
                }
                int right = TURN_RIGHT[distance];
                int left = 8 * distance - right;
                for (int w = q; w < stop; w += 8) {
                    LONG.set(output, w, pattern);
                    // Both halves agree where they overlap: the pattern repeats every `distance`.
                    pattern = pattern >>> right | pattern << left;
                }
            }
            ip = p;
            op = stop;
        }
        return stoppedAt(ip, op);
    }

    private static long stoppedAt(int ip, int op) {
        return (long) ip << 32 | op;
    }

    private static MalformedInputException tooLarge(Codec codec, long at, int room) {
        return new MalformedInputException(
                codec,
                at,
                codec == Codec.LZ4_BLOCK
                        ? "output exceeds the " + room + " bytes of room given"
                        : "a block decodes to more than the frame's block size of " + room + " bytes");
    }

    private static MalformedInputException truncated(Codec codec, long at) {
        return new MalformedInputException(codec, at, "truncated LZ4 block");
    }

    /**
     * {@link Codec#LZ4_BLOCK} compression: one block, level 1 the fast compressor, 2 to {@link
     * Lz4HcEncoder#MAX_LEVEL} LZ4 HC at that level (as liblz4's {@code LZ4_compress_HC} and {@code
     * lz4java-compression}).
     */
    static final class Compressor extends AbstractCompressor {
        Compressor(int level) {
            super(Codec.LZ4_BLOCK, level);
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
            }
            return inputLength + inputLength / 255 + 16;
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            int n = compressBlock(level(), input, offset, length, output, outputOffset, maxOutputLength);
            if (n < 0) {
                throw outputTooSmall(length, maxOutputLength);
            }
            return n;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            throw new UnsupportedOperationException("lz4-block has no stream format");
        }
    }

    /** {@link Codec#LZ4_BLOCK} decompression through {@link #decodeIndependent}. */
    static final class Decompressor extends AbstractDecompressor {
        Decompressor() {
            super(Codec.LZ4_BLOCK);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            return decodeIndependent(Codec.LZ4_BLOCK, 0, input, offset, length, output, outputOffset, maxOutputLength);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            throw new UnsupportedOperationException("lz4-block has no stream format");
        }
    }
}
