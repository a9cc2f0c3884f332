package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.MalformedInputException;

/**
 * A dictionary for decoding (RFC 8878, 5): what a frame starts from instead of nothing. Either the
 * zstd format, which {@code zstd --train} writes:
 *
 * <pre>
 *  magic        dictionary ID  entropy tables                                repeat offsets   content
 * 37 A4 30 EC  +-------------+ +---------+-------------+-----+-----+-----+ +--------------+ +---------
 *              | 4 bytes LE  | | Huffman | FSE offsets | FSE | FSE | ... | | 3 x 4 B LE   | | the rest
 *              +-------------+ | tree    | (log &lt;= 8)  | ML  | LL  |     | +--------------+ +---------
 *                              +---------+-------------+-----+-----+-----+
 * </pre>
 *
 * or raw content: any other bytes, all of them content, with dictionary ID 0 (none) and no tables.
 * The content comes before every frame decoded with it: the first matches may reach into it. The
 * tables are the "previous" ones of the first block (treeless literals, repeat mode), and the
 * offsets its repeat offsets. Immutable once read: decoders copy what they change.
 */
final class ZstdDictionary {
    /** The dictionary ID, 0 for raw content (matches any frame). */
    final int id;

    final byte[] content;
    /** The Huffman table, or null (raw content). */
    final ZstdHuffmanDecoder huffman;

    final ZstdFseTable literalLengths;
    final ZstdFseTable offsets;
    final ZstdFseTable matchLengths;
    final int[] repeatOffsets;

    private ZstdDictionary(
            int id,
            byte[] content,
            ZstdHuffmanDecoder huffman,
            ZstdFseTable literalLengths,
            ZstdFseTable offsets,
            ZstdFseTable matchLengths,
            int[] repeatOffsets) {
        this.id = id;
        this.content = content;
        this.huffman = huffman;
        this.literalLengths = literalLengths;
        this.offsets = offsets;
        this.matchLengths = matchLengths;
        this.repeatOffsets = repeatOffsets;
    }

    /**
     * Reads a dictionary: the zstd format if it starts with the dictionary magic number (and has
     * at least 8 bytes), raw content otherwise. A copy is kept.
     *
     * @throws IllegalArgumentException if it has the magic number and a corrupt header (the reason
     *     and offset in the message)
     */
    static ZstdDictionary of(byte[] dictionary) {
        byte[] d = dictionary.clone();
        if (d.length < 8 || getInt(d, 0) != ZstdFormat.DICTIONARY_MAGIC) {
            return new ZstdDictionary(0, d, null, null, null, null, ZstdFormat.INITIAL_REPEAT_OFFSETS.clone());
        }
        try {
            return parse(d);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(
                    "corrupt zstd dictionary: " + e.reason() + " at offset " + e.offset() + " of the dictionary", e);
        }
    }

    private static ZstdDictionary parse(byte[] d) {
        int id = getInt(d, 4);
        int p = 8;
        ZstdHuffmanDecoder huffman = new ZstdHuffmanDecoder();
        p += huffman.readTree(d, p, d.length, 0);
        ZstdFseTable offsets = new ZstdFseTable(ZstdFseTable.OFFSETS);
        p += offsets.read(d, p, d.length, 0);
        ZstdFseTable matchLengths = new ZstdFseTable(ZstdFseTable.MATCH_LENGTHS);
        p += matchLengths.read(d, p, d.length, 0);
        ZstdFseTable literalLengths = new ZstdFseTable(ZstdFseTable.LITERAL_LENGTHS);
        p += literalLengths.read(d, p, d.length, 0);
        if (d.length - p < 12) {
            throw ZstdFseTable.malformed(
                    d.length, "truncated: the repeat offsets need " + (12 - (d.length - p)) + " more bytes");
        }
        int contentSize = d.length - p - 12;
        int[] repeats = new int[3];
        for (int i = 0; i < 3; i++) {
            int r = getInt(d, p + 4 * i);
            if (r == 0 || Integer.compareUnsigned(r, contentSize) > 0) {
                throw ZstdFseTable.malformed(
                        p + 4 * i,
                        "repeat offset " + Integer.toUnsignedString(r) + " is not within the content's " + contentSize
                                + " bytes");
            }
            repeats[i] = r;
        }
        byte[] content = java.util.Arrays.copyOfRange(d, p + 12, d.length);
        return new ZstdDictionary(id, content, huffman, literalLengths, offsets, matchLengths, repeats);
    }

    /** Whether it has entropy tables (the zstd format). */
    boolean hasTables() {
        return huffman != null;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
