package dev.arsenal.providers.java.compression;

/**
 * The constants of the Zstandard format (RFC 8878) that the pure-Java encoder and decoder share:
 * magic numbers, block limits, the sequence codes' baselines and extra bits, and the predefined FSE
 * distributions. Section numbers are the RFC's.
 */
final class ZstdFormat {
    /** A Zstandard frame's magic number, little-endian in the first 4 bytes (3.1.1). */
    static final int MAGIC = 0xFD2FB528;

    /** Skippable frames' magic numbers are {@code 0x184D2A50} to {@code 0x184D2A5F} (3.1.2). */
    static final int SKIPPABLE_MAGIC = 0x184D2A50;

    /** The mask that keeps what all skippable magic numbers share. */
    static final int SKIPPABLE_MASK = 0xFFFFFFF0;

    /** A dictionary's magic number (5). */
    static final int DICTIONARY_MAGIC = 0xEC30A437;

    /** The largest block content, and the largest a block may decode to (3.1.1.2.3). */
    static final int MAX_BLOCK_SIZE = 128 * 1024;

    /** The smallest window a decoder must support (1 KiB, {@code windowLog} 10). */
    static final int MIN_WINDOW_LOG = 10;

    /** Block types (3.1.1.2.2). */
    static final int BLOCK_RAW = 0;

    static final int BLOCK_RLE = 1;
    static final int BLOCK_COMPRESSED = 2;
    static final int BLOCK_RESERVED = 3;

    /** Literals block types (3.1.1.3.1.1). */
    static final int LITERALS_RAW = 0;

    static final int LITERALS_RLE = 1;
    static final int LITERALS_COMPRESSED = 2;
    static final int LITERALS_TREELESS = 3;

    /** Symbol compression modes of the sequences section (3.1.1.3.2.1.1). */
    static final int MODE_PREDEFINED = 0;

    static final int MODE_RLE = 1;
    static final int MODE_COMPRESSED = 2;
    static final int MODE_REPEAT = 3;

    /** The largest Huffman code length for literals (4.2.1). */
    static final int MAX_HUFFMAN_BITS = 11;

    /** The largest literal symbol count a Huffman tree describes (256 byte values). */
    static final int MAX_LITERAL_SYMBOLS = 256;

    /** The largest accuracy logs of the FSE tables of literal lengths, match lengths, offsets. */
    static final int MAX_LITERAL_LENGTH_LOG = 9;

    static final int MAX_MATCH_LENGTH_LOG = 9;
    static final int MAX_OFFSET_LOG = 8;

    /** The largest codes: literal length 35, match length 52, offset 31 (3.1.1.3.2.1). */
    static final int MAX_LITERAL_LENGTH_CODE = 35;

    static final int MAX_MATCH_LENGTH_CODE = 52;
    static final int MAX_OFFSET_CODE = 31;

    /** The smallest match (3). */
    static final int MIN_MATCH = 3;

    /** The repeat offsets a frame starts with (3.1.2.5). */
    static final int[] INITIAL_REPEAT_OFFSETS = {1, 4, 8};

    /** Literal length code to baseline (3.1.1.3.2.1.1). */
    static final int[] LITERAL_LENGTH_BASE = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512,
        1024, 2048, 4096, 8192, 16384, 32768, 65536
    };

    /** Literal length code to its number of extra bits. */
    static final int[] LITERAL_LENGTH_BITS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16
    };

    /** Match length code to baseline. */
    static final int[] MATCH_LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539
    };

    /** Match length code to its number of extra bits. */
    static final int[] MATCH_LENGTH_BITS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2,
        2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    };

    /** The predefined literal lengths distribution, accuracy log 6 (3.1.1.3.2.2.1). */
    static final short[] PREDEFINED_LITERAL_LENGTHS = {
        4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1
    };

    static final int PREDEFINED_LITERAL_LENGTHS_LOG = 6;

    /** The predefined match lengths distribution, accuracy log 6. */
    static final short[] PREDEFINED_MATCH_LENGTHS = {
        1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1
    };

    static final int PREDEFINED_MATCH_LENGTHS_LOG = 6;

    /** The predefined offset codes distribution, accuracy log 5 (offset codes 0 to 28). */
    static final short[] PREDEFINED_OFFSETS = {
        1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1
    };

    static final int PREDEFINED_OFFSETS_LOG = 5;

    private ZstdFormat() {}
}
