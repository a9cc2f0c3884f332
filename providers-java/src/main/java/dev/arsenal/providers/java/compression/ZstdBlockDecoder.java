package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

import java.util.Arrays;

/**
 * Decodes compressed blocks (RFC 8878, 3.1.1.3): the literals section here, the sequences section
 * in {@link ZstdSequenceDecoder}. Keeps what a frame carries from block to block (the Huffman table
 * for treeless literals, the FSE tables for repeat mode, the repeat offsets) and reuses its buffers
 * from frame to frame; one per decoding at a time.
 *
 * <pre>
 * +---------------+------------------------------------+------------------------------+
 * | header 1-5 B  | raw: the literals; RLE: one byte;  | sequences section            |
 * |               | compressed: [Huffman tree] streams | (ZstdSequenceDecoder)        |
 * +---------------+------------------------------------+------------------------------+
 *  header, bits from the first byte's lowest: type (2 bits), size format (2 bits), sizes
 *  raw, RLE:              format x0: 5-bit size (1 byte); 01: 12 bits (2 bytes); 11: 20 bits (3 bytes)
 *  compressed, treeless:  format 00: 1 stream, 01: 4 streams, regenerated and compressed size 10 bits
 *                         each (3 bytes); 10: 4 streams, 14 bits (4 bytes); 11: 4 streams, 18 bits (5 bytes)
 * </pre>
 *
 * <p>Raw literals are read where they lie in the input; the others are decoded into {@link
 * #literals}, which keeps {@link ZstdSequenceDecoder#LITERAL_SLACK} bytes after the largest section
 * for the fast path's wide reads.
 */
final class ZstdBlockDecoder {
    private final byte[] literals = new byte[ZstdFormat.MAX_BLOCK_SIZE + ZstdSequenceDecoder.LITERAL_SLACK];
    private final ZstdHuffmanDecoder huffman = new ZstdHuffmanDecoder();
    private final ZstdSequenceDecoder sequences = new ZstdSequenceDecoder();
    private int blockMaximum;

    /** Starts a frame with this window and block maximum, from the dictionary (or null). */
    void startFrame(int window, int blockMaximum, ZstdDictionary dictionary) {
        this.blockMaximum = blockMaximum;
        sequences.startFrame(window, dictionary);
        if (dictionary != null && dictionary.hasTables()) {
            huffman.copyFrom(dictionary.huffman);
        } else {
            huffman.clear();
        }
    }

    /** Lets go of the caller's arrays and the dictionary, so that an idle decoder keeps none alive. */
    void release() {
        sequences.release();
        huffman.release();
    }

    /**
     * Where blocks decode to: {@code out}, the frame's output contiguous from {@code frameLow} (the
     * frame's start, or a wrapped buffer's start), the previous lap ending at {@code
     * previousLapEnd} (or -1), and the caller's room ending at {@code roomEnd}, {@code room} bytes
     * in all (for messages; -1 for a buffer the decoder sizes itself).
     */
    void output(byte[] out, int frameLow, int previousLapEnd, int roomEnd, long room) {
        ZstdSequenceDecoder s = sequences;
        s.out = out;
        s.frameLow = frameLow;
        s.previousLapEnd = previousLapEnd;
        s.roomEnd = roomEnd;
        s.room = room;
    }

    /**
     * Decodes the compressed block {@code in[ip, ip + size)} (after its 3-byte header) into the
     * output from {@code op}.
     *
     * @param origin the offset in the compressed input of {@code in[0]}
     * @param producedBefore the frame's bytes before this block
     * @return the end of the block's output
     */
    int decode(byte[] in, int ip, int size, long origin, int op, long producedBefore) {
        ZstdSequenceDecoder s = sequences;
        int end = ip + size;
        int blockEnd = (int) Math.min((long) op + blockMaximum, Integer.MAX_VALUE);
        s.blockStart = op;
        s.blockEnd = blockEnd;
        s.producedBefore = producedBefore;
        s.blockAt = origin + ip - 3; // the block header's offset
        int limit = Math.min(s.roomEnd, blockEnd);
        if (size == 0) {
            throw malformed(origin + ip, "truncated input: a compressed block needs a literals section");
        }
        int h0 = in[ip] & 0xFF;
        int type = h0 & 3;
        int format = (h0 >>> 2) & 3;
        byte[] lits;
        int litPos;
        int count;
        if (type == ZstdFormat.LITERALS_RAW || type == ZstdFormat.LITERALS_RLE) {
            int headerSize = format == 1 ? 2 : format == 3 ? 3 : 1;
            need(headerSize, ip, end, origin, "the literals section header");
            count = switch (format) {
                case 1 -> (h0 >>> 4) | (in[ip + 1] & 0xFF) << 4;
                case 3 -> (h0 >>> 4) | (in[ip + 1] & 0xFF) << 4 | (in[ip + 2] & 0xFF) << 12;
                default -> h0 >>> 3;
            };
            checkCount(count, origin + ip);
            ip += headerSize;
            if (type == ZstdFormat.LITERALS_RAW) {
                need(count, ip, end, origin, "the raw literals");
                lits = in;
                litPos = ip;
                ip += count;
            } else {
                need(1, ip, end, origin, "the RLE literals");
                Arrays.fill(literals, 0, count, in[ip]);
                lits = literals;
                litPos = 0;
                ip += 1;
            }
        } else {
            int headerSize = format <= 1 ? 3 : format + 2;
            need(headerSize, ip, end, origin, "the literals section header");
            long h = 0;
            for (int i = headerSize - 1; i >= 0; i--) {
                h = h << 8 | (in[ip + i] & 0xFF);
            }
            int sizeBits = format <= 1 ? 10 : format == 2 ? 14 : 18;
            int mask = (1 << sizeBits) - 1;
            count = (int) (h >>> 4) & mask;
            int compressed = (int) (h >>> (4 + sizeBits)) & mask;
            checkCount(count, origin + ip);
            long at = origin + ip;
            ip += headerSize;
            need(compressed, ip, end, origin, "the compressed literals");
            int streamsEnd = ip + compressed;
            int streams = ip;
            if (type == ZstdFormat.LITERALS_COMPRESSED) {
                streams += huffman.readTree(in, ip, streamsEnd, origin);
            } else if (!huffman.hasTable()) {
                throw malformed(at, "treeless literals with no Huffman table before them in the frame or dictionary");
            }
            if (format == 0) {
                huffman.decodeOne(in, streams, streamsEnd, literals, 0, count, origin);
            } else {
                huffman.decodeFour(in, streams, streamsEnd, literals, 0, count, origin);
            }
            lits = literals;
            litPos = 0;
            ip = streamsEnd;
        }
        return s.decode(in, ip, end, origin, lits, litPos, litPos + count, op, limit);
    }

    private void checkCount(int count, long at) {
        if (count > blockMaximum) {
            throw malformed(at, count + " literals exceed the block maximum of " + blockMaximum + " bytes");
        }
    }

    private static void need(int n, int ip, int end, long origin, String what) {
        if (n > end - ip) {
            throw malformed(
                    origin + end,
                    "truncated block: " + what + " needs " + (n - (end - ip)) + " more bytes than the block holds");
        }
    }
}
