package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

/**
 * A Zstandard frame header (RFC 8878, 3.1.1.1), read by {@link #parse}; the one-shot and streaming
 * decoders share it.
 *
 * <pre>
 *  magic         descriptor       window      dictionary ID    content size
 * 28 B5 2F FD   +--+-+-+-+-+--+  +---+---+  +-------------+  +----------------------------+
 *               |FS|S|U|R|C|D |  |exp|man|  | 0,1,2,4 B LE|  | 0,1,2,4,8 B LE (2 B: +256) |
 *               +--+-+-+-+-+--+  +---+---+  +-------------+  +----------------------------+
 *  bits          7-6 5 4 3 2 1-0  unless S
 *  FS content size field: 0: 1 byte if S, else none; 1: 2 bytes; 2: 4 bytes; 3: 8 bytes
 *  S single segment, U unused, R reserved (0), C content checksum, D dictionary ID size (0, 1, 2, 4)
 *  window = 2^(10 + exp) * (1 + man/8); with S the window is the content size
 * </pre>
 *
 * @param size the header's length, magic number included
 * @param windowSize how far back matches may reach (the content size if single segment)
 * @param contentSize the content size, or -1 if the header does not say
 * @param dictionaryId the dictionary ID, 0 if none
 * @param checksum whether the frame ends with a content checksum
 * @param singleSegment whether the frame has no window descriptor (its window is its content)
 */
record ZstdFrameHeader(
        int size, long windowSize, long contentSize, int dictionaryId, boolean checksum, boolean singleSegment) {
    /** The largest window this decoder accepts: 2^27 bytes, libzstd's default limit for decoding. */
    static final long MAX_WINDOW = 1L << 27;

    /** The bytes {@link #sizeOf} needs: the magic number and the descriptor. */
    static final int PREFIX = 5;

    /** The header's length, from its descriptor byte (the fifth of the frame). */
    static int sizeOf(int descriptor) {
        int d = descriptor & 0xFF;
        boolean single = (d & 0x20) != 0;
        int fcs = d >>> 6;
        int contentSizeBytes = fcs == 0 ? (single ? 1 : 0) : 1 << fcs;
        int dictionaryBytes = (d & 3) == 3 ? 4 : d & 3;
        return PREFIX + (single ? 0 : 1) + dictionaryBytes + contentSizeBytes;
    }

    /**
     * Reads the header of the frame at {@code b[p]}, whose {@link #sizeOf} bytes are there.
     *
     * @param at the offset of {@code b[p]} in the compressed input, for messages
     * @throws dev.arsenal.compression.MalformedInputException for the reserved bit, a content size
     *     beyond 2^63, or a window above {@link #MAX_WINDOW}
     */
    static ZstdFrameHeader parse(byte[] b, int p, long at) {
        int d = b[p + 4] & 0xFF;
        if ((d & 0x08) != 0) {
            throw malformed(at + 4, "the reserved bit of the frame header descriptor is set");
        }
        boolean single = (d & 0x20) != 0;
        int q = p + PREFIX;
        long window = 0;
        if (!single) {
            int w = b[q++] & 0xFF;
            long base = 1L << (10 + (w >>> 3));
            window = base + (base >>> 3) * (w & 7);
        }
        int dictionaryBytes = (d & 3) == 3 ? 4 : d & 3;
        int id = (int) little(b, q, dictionaryBytes);
        q += dictionaryBytes;
        int fcs = d >>> 6;
        int contentSizeBytes = fcs == 0 ? (single ? 1 : 0) : 1 << fcs;
        long contentSize = -1;
        if (contentSizeBytes > 0) {
            contentSize = little(b, q, contentSizeBytes);
            if (contentSizeBytes == 2) {
                contentSize += 256;
            }
            if (contentSize < 0) {
                throw malformed(
                        at + (q - p),
                        "content size " + Long.toUnsignedString(contentSize) + " is beyond what a decoder can hold");
            }
        }
        if (single) {
            window = contentSize;
        }
        if (window > MAX_WINDOW) {
            throw malformed(
                    at + 4,
                    (single
                                    ? "the single-segment frame of " + window + " bytes needs them all as its window"
                                    : "the frame needs a window of " + window + " bytes")
                            + ", above this decoder's limit of " + MAX_WINDOW + " (2^27, 128 MiB, libzstd's default)");
        }
        return new ZstdFrameHeader(q + contentSizeBytes - p, window, contentSize, id, (d & 0x04) != 0, single);
    }

    /** The largest block content: the window, at most 128 KiB (3.1.1.2.3). */
    int blockMaximum() {
        return (int) Math.min(windowSize, ZstdFormat.MAX_BLOCK_SIZE);
    }

    /**
     * Checks the frame's dictionary ID against the dictionary given (null for none): a frame that
     * names one needs a dictionary, and the same one unless the dictionary is raw content.
     */
    void checkDictionary(ZstdDictionary dictionary, long frameAt) {
        if (dictionaryId == 0) {
            return;
        }
        long at = frameAt + (singleSegment ? 0 : 1); // the dictionary ID is at + 5
        if (dictionary == null) {
            throw malformed(
                    at + 5,
                    "the frame needs dictionary " + Integer.toUnsignedString(dictionaryId)
                            + ", and no dictionary was given");
        }
        if (dictionary.id != 0 && dictionary.id != dictionaryId) {
            throw malformed(
                    at + 5,
                    "the frame needs dictionary " + Integer.toUnsignedString(dictionaryId) + ", not dictionary "
                            + Integer.toUnsignedString(dictionary.id));
        }
    }

    private static long little(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }
}
