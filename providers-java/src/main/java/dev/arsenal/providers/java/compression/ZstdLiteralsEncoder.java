package dev.arsenal.providers.java.compression;

import java.util.Arrays;

/**
 * Writes a block's literals section (RFC 8878 3.1.1.3.1): the literals raw, as one repeated byte
 * (RLE), or Huffman-coded, whichever is shortest.
 *
 * <pre>
 *  raw / RLE header: type (2 bits), size format (2), size           1, 2 or 3 bytes
 *     type | 0 &lt;&lt; 2 | size &lt;&lt; 3        size below 32
 *     type | 1 &lt;&lt; 2 | size &lt;&lt; 4        size below 4096
 *     type | 3 &lt;&lt; 2 | size &lt;&lt; 4        size below 2^20
 *  compressed header: type 2 | format &lt;&lt; 2 | regenerated &lt;&lt; 4 | compressed &lt;&lt; (4 + w)
 *     format 0: 1 stream,  w = 10 bits each, 3 bytes
 *     format 1: 4 streams, w = 10, 3 bytes;  2: w = 14, 4 bytes;  3: w = 18, 5 bytes
 *  compressed body: tree description, then the stream (or a 6-byte jump table and 4 streams)
 * </pre>
 *
 * As zstd does: fewer than 64 literals stay raw (a tree costs more than it saves); fewer than 256
 * take one stream, more four (which a decoder can decode in parallel); the Huffman form is kept
 * only if it saves {@code size / 64 + 2} bytes, else raw, which decodes faster.
 *
 * <p>Each block describes its own tree. Reusing the previous block's ("treeless", type 3) when
 * that costs fewer bits was tried and left out: 55 bytes saved over the whole corpora at level 3
 * (files compressed alone, most of one block), and streams of calgary/book1 flushed every 500,
 * 2000 and 16000 bytes came out 254 bytes longer, 13 and 16 shorter (a block's tree rarely codes
 * the next block's bytes, and keeping an old tree loses the fit of a new one later), for state
 * that a raw block must roll back.
 */
final class ZstdLiteralsEncoder {
    /** Below this many literals, no Huffman coding (zstd's threshold for its fast levels). */
    private static final int MIN_HUFFMAN = 64;

    /** From this many literals on, four streams. */
    private static final int FOUR_STREAMS = 256;

    private final int[] counts = new int[256];
    private final ZstdHuffmanEncoder huffman = new ZstdHuffmanEncoder();

    /**
     * Writes the literals section of {@code literals[0, n)} at {@code out[position]}, Huffman-coded
     * if {@code compress} and it pays. {@code out} has {@code n + 5} bytes of room from {@code
     * position}, and 8 more after {@code limit}.
     *
     * @return the end of the section
     */
    int encode(byte[] literals, int n, boolean compress, byte[] out, int position, int limit) {
        if (n == 0) {
            out[position] = (byte) ZstdFormat.LITERALS_RAW;
            return position + 1;
        }
        int[] c = counts;
        Arrays.fill(c, 0);
        byte first = literals[0];
        boolean same = true;
        if (compress && n >= MIN_HUFFMAN) {
            for (int i = 0; i < n; i++) {
                c[literals[i] & 0xFF]++;
            }
            same = c[first & 0xFF] == n;
        } else {
            for (int i = 1; i < n && same; i++) {
                same = literals[i] == first;
            }
        }
        if (same && n > 1) {
            int p = writeRawHeader(ZstdFormat.LITERALS_RLE, n, out, position);
            out[p] = first;
            return p + 1;
        }
        if (compress && n >= MIN_HUFFMAN) {
            int end = encodeHuffman(literals, n, out, position, limit);
            if (end > 0) {
                return end;
            }
        }
        int p = writeRawHeader(ZstdFormat.LITERALS_RAW, n, out, position);
        System.arraycopy(literals, 0, out, p, n);
        return p + n;
    }

    private static int writeRawHeader(int type, int n, byte[] out, int p) {
        if (n < 32) {
            out[p] = (byte) (type | n << 3);
            return p + 1;
        }
        if (n < 4096) {
            out[p] = (byte) (type | 1 << 2 | n << 4);
            out[p + 1] = (byte) (n >>> 4);
            return p + 2;
        }
        out[p] = (byte) (type | 3 << 2 | n << 4);
        out[p + 1] = (byte) (n >>> 4);
        out[p + 2] = (byte) (n >>> 12);
        return p + 3;
    }

    /** The Huffman form if it saves enough, else -1. */
    private int encodeHuffman(byte[] literals, int n, byte[] out, int position, int limit) {
        int[] c = counts;
        int maxSymbol = 255;
        while (c[maxSymbol] == 0) {
            maxSymbol--;
        }
        ZstdHuffmanEncoder h = huffman;
        h.build(c, maxSymbol);
        int header = n < 1024 ? 3 : n < 16384 ? 4 : 5;
        int worthIt = n - (n >>> 6) - 2; // the most the section's body may take to be kept
        long estimate = (h.cost(c) + 7) / 8 + (n >= FOUR_STREAMS ? 6 + 4 : 1);
        if (estimate >= worthIt) {
            return -1;
        }
        int bodyLimit = Math.min(limit, position + header + worthIt);
        int body = position + header;
        int p = h.writeDescription(out, body, bodyLimit);
        if (p < 0) {
            return -1;
        }
        boolean four = n >= FOUR_STREAMS;
        p = four
                ? ZstdHuffmanEncoder.encode4(h.codes, literals, 0, n, out, p, bodyLimit)
                : ZstdHuffmanEncoder.encode1(h.codes, literals, 0, n, out, p, bodyLimit);
        if (p < 0) {
            return -1;
        }
        int compressed = p - body;
        int type = ZstdFormat.LITERALS_COMPRESSED;
        switch (header) {
            case 3 -> {
                int v = type | (four ? 1 : 0) << 2 | n << 4 | compressed << 14;
                out[position] = (byte) v;
                out[position + 1] = (byte) (v >>> 8);
                out[position + 2] = (byte) (v >>> 16);
            }
            case 4 -> {
                int v = type | 2 << 2 | n << 4 | compressed << 18;
                out[position] = (byte) v;
                out[position + 1] = (byte) (v >>> 8);
                out[position + 2] = (byte) (v >>> 16);
                out[position + 3] = (byte) (v >>> 24);
            }
            default -> {
                long v = type | 3 << 2 | (long) n << 4 | (long) compressed << 22;
                for (int i = 0; i < 5; i++) {
                    out[position + i] = (byte) (v >>> (8 * i));
                }
            }
        }
        return p;
    }
}
