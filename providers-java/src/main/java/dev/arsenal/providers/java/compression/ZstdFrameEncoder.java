package dev.arsenal.providers.java.compression;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;

/**
 * Writes Zstandard frames (RFC 8878) at one compression level: the context of one compression at a
 * time, one-shot ({@link #compress}) or a stream's ({@link ZstdEncodingStream}), with the match
 * finders' tables and the entropy coders' scratch kept between calls. Contexts are not
 * thread-safe; a compressor keeps its idle ones in a {@link Pool}.
 *
 * <pre>
 *  +-------------+-----+----+-----+---------+-----+------------+-----------+
 *  | 28 B5 2F FD | FHD | WD | FCS | block 1 | ... | last block | XXH64 low |
 *  +-------------+-----+----+-----+---------+-----+------------+-----------+
 *    magic, LE     1     1   0-8                                  4 bytes
 *
 *  FHD: FCS size flag &lt;&lt; 6 | checksum 1 &lt;&lt; 2        (no single segment, no dictionary)
 *  WD:  (windowLog - 10) &lt;&lt; 3                      (a window of 2^windowLog bytes)
 *  FCS: content size, 2 bytes (less 256), 4 or 8; none in a stream (size unknown)
 *
 *  block header, 3 bytes little-endian: size &lt;&lt; 3 | type &lt;&lt; 1 | last
 *  type 0 raw (size bytes follow), 1 RLE (one byte, repeated size times), 2 compressed
 * </pre>
 *
 * A frame always has a window descriptor, one-shot too, where zstd would mark a frame that fits
 * its window "single segment" and leave the descriptor out: one header layout for one-shot and
 * streamed frames, for one byte. One-shot, the window is shrunk to the input (1 KiB at least), so
 * a decoder's memory is bounded by the input there too.
 *
 * <p>A block of up to 128 KiB is written RLE if it is one repeated byte, else its sequences are
 * found and entropy-coded, and it is written compressed if that saves {@code size / 64 + 2}
 * bytes (zstd's rule), else raw. The repeat offsets a raw block's sequences would have changed are
 * restored ({@link ZstdSequenceStore#rollBack}).
 */
final class ZstdFrameEncoder {
    static final int BLOCK_SIZE = ZstdFormat.MAX_BLOCK_SIZE;

    /** The longest frame header: magic, descriptor, window, 8-byte content size. */
    static final int MAX_HEADER = 4 + 1 + 1 + 8;

    private static final Hasher64 XXH64 = new JavaHashingProvider().hasher64(HashAlgorithm.XXH64, 0);

    final int level;

    private final ZstdMatchFinder[] finders = new ZstdMatchFinder[ZstdEncoderParameters.Strategy.values().length];
    private final ZstdSequenceStore store = new ZstdSequenceStore(BLOCK_SIZE);
    private final ZstdLiteralsEncoder literals = new ZstdLiteralsEncoder();
    private final ZstdSequenceEncoder sequences = new ZstdSequenceEncoder(BLOCK_SIZE / ZstdFormat.MIN_MATCH + 1);

    /** A compressed block's body; room for raw literals and the entropy coders' 8-byte stores. */
    private final byte[] body = new byte[BLOCK_SIZE + 64];

    /** The next index no table holds yet; see {@link ZstdMatchFinder}. */
    private int nextIndex = 1;

    // The frame being written.
    private ZstdEncoderParameters parameters;
    private ZstdMatchFinder finder;
    private int base;
    private int frameLow;

    /** A stream's buffer and output block, kept for the next stream that takes this context. */
    byte[] streamWindow;

    byte[] streamOut;

    ZstdFrameEncoder(int level) {
        this.level = level;
    }

    /** zstd's {@code ZSTD_COMPRESSBOUND}: what a frame of {@code length} bytes may take. */
    static long maxCompressedLength(long length) {
        long bound = length + (length >>> 8);
        if (length < 128 * 1024) {
            bound += (128 * 1024 - length) >>> 11;
        }
        return bound;
    }

    /**
     * Compresses {@code src[offset, offset + length)} into one frame at {@code dst[dstOffset]},
     * writing nothing at or past {@code dstOffset + maxOutput}.
     *
     * @return the frame's length, or -1 if it does not fit
     */
    int compress(byte[] src, int offset, int length, byte[] dst, int dstOffset, int maxOutput) {
        startFrame(ZstdEncoderParameters.forLevel(level, length));
        base = offset - frameLow;
        int limit = dstOffset + maxOutput;
        int o = writeHeader(length, dst, dstOffset, limit);
        if (o < 0) {
            return -1;
        }
        int end = offset + length;
        if (length == 0) {
            if (o + 3 > limit) {
                return -1;
            }
            o = writeBlockHeader(dst, o, 0, ZstdFormat.BLOCK_RAW, true);
        }
        for (int start = offset; start < end; ) {
            int blockEnd = start + Math.min(BLOCK_SIZE, end - start);
            o = writeBlock(src, start, blockEnd, blockEnd == end, dst, o, limit);
            if (o < 0) {
                return -1;
            }
            start = blockEnd;
        }
        if (o + 4 > limit) {
            return -1;
        }
        writeInt(dst, o, (int) XXH64.hash(src, offset, length));
        return o + 4 - dstOffset;
    }

    /** Starts a streamed frame: size unknown, position 0 of the stream's buffer at {@link #frameLow}. */
    void startStream() {
        startFrame(ZstdEncoderParameters.forLevel(level, -1));
        base = -frameLow;
    }

    /** The parameters of the current frame. */
    ZstdEncoderParameters parameters() {
        return parameters;
    }

    /** The stream's buffer moved down by {@code shift}: the same indices sit {@code shift} lower. */
    void slid(int shift) {
        base -= shift;
    }

    private void startFrame(ZstdEncoderParameters p) {
        parameters = p;
        int s = p.strategy().ordinal();
        if (finders[s] == null) {
            finders[s] = ZstdMatchFinder.of(p.strategy());
        }
        finder = finders[s];
        if (nextIndex > ZstdMatchFinder.MAX_INDEX / 2) {
            // Start the indices over; every table entry becomes 0 (empty). Once per ~512 MiB.
            for (ZstdMatchFinder f : finders) {
                if (f != null) {
                    f.reduce(Integer.MAX_VALUE);
                }
            }
            nextIndex = 1;
        }
        frameLow = nextIndex;
        store.startFrame();
    }

    /**
     * Writes the frame header at {@code out[o]}: content size {@code size}, or none if negative.
     *
     * @return its end, or -1 past {@code limit}
     */
    int writeHeader(long size, byte[] out, int o, int limit) {
        int sizeFlag;
        int sizeBytes;
        if (size < 0) {
            sizeFlag = 0;
            sizeBytes = 0;
        } else if (size >= 256 && size < 65536 + 256) {
            sizeFlag = 1;
            sizeBytes = 2;
            size -= 256;
        } else if (size <= 0xFFFFFFFFL) {
            sizeFlag = 2;
            sizeBytes = 4;
        } else {
            sizeFlag = 3;
            sizeBytes = 8;
        }
        if (o + 6 + sizeBytes > limit) {
            return -1;
        }
        writeInt(out, o, ZstdFormat.MAGIC);
        out[o + 4] = (byte) (sizeFlag << 6 | 1 << 2);
        out[o + 5] = (byte) ((parameters.windowLog() - ZstdFormat.MIN_WINDOW_LOG) << 3);
        for (int i = 0; i < sizeBytes; i++) {
            out[o + 6 + i] = (byte) (size >>> (8 * i));
        }
        return o + 6 + sizeBytes;
    }

    /**
     * Writes the block of {@code src[start, end)} at {@code out[o]}, as the last of its frame if
     * {@code last}; the bytes before {@code start}, back to the window's start, are its history.
     *
     * @return its end, or -1 if it would pass {@code limit} (nothing written past it)
     */
    int writeBlock(byte[] src, int start, int end, boolean last, byte[] out, int o, int limit) {
        int length = end - start;
        if (isRun(src, start, end)) {
            if (o + 4 > limit) {
                return -1;
            }
            o = writeBlockHeader(out, o, length, ZstdFormat.BLOCK_RLE, last);
            out[o] = src[start];
            return o + 1;
        }
        long endIndex = (long) end - base;
        if (endIndex > ZstdMatchFinder.MAX_INDEX) {
            reduceIndices(start);
            endIndex = (long) end - base;
        }
        nextIndex = Math.max(nextIndex, (int) endIndex);
        int lowest = Math.max(frameLow, (int) endIndex - parameters.windowSize());
        store.begin();
        finder.find(parameters, src, base, start, end, lowest, store);
        int n = encodeBody(length);
        if (n < 0) {
            store.rollBack();
            if (o + 3 + length > limit) {
                return -1;
            }
            o = writeBlockHeader(out, o, length, ZstdFormat.BLOCK_RAW, last);
            System.arraycopy(src, start, out, o, length);
            return o + length;
        }
        if (o + 3 + n > limit) {
            return -1;
        }
        o = writeBlockHeader(out, o, n, ZstdFormat.BLOCK_COMPRESSED, last);
        System.arraycopy(body, 0, out, o, n);
        return o + n;
    }

    /** Moves every index down so that the window below {@code start} keeps small indices. */
    private void reduceIndices(int start) {
        int by = start - base - parameters.windowSize() - 1;
        for (ZstdMatchFinder f : finders) {
            if (f != null) {
                f.reduce(by);
            }
        }
        base += by;
        frameLow = Math.max(1, frameLow - by);
        nextIndex -= by;
    }

    /**
     * Entropy-codes the block's sequences into {@link #body}: the literals section, then the
     * sequences section.
     *
     * @return the body's length, or -1 if it does not save enough over a raw block
     */
    private int encodeBody(int length) {
        int most = length - (length >>> 6) - 2;
        if (most <= 0) {
            return -1;
        }
        int p = literals.encode(store.literals, store.literalCount, parameters.compressesLiterals(), body, 0, most);
        if (p > most) {
            return -1;
        }
        p = sequences.encode(store, body, p, most);
        return p > most ? -1 : p;
    }

    /** Whether {@code src[start, end)} is one byte repeated (at least 2). */
    private static boolean isRun(byte[] src, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        byte b = src[start];
        int p = start + 1;
        if (end - start >= 16) {
            long pattern = (b & 0xFFL) * 0x0101010101010101L;
            for (; p <= end - 8; p += 8) {
                if (ZstdMatchFinder.read8(src, p) != pattern) {
                    return false;
                }
            }
        }
        for (; p < end; p++) {
            if (src[p] != b) {
                return false;
            }
        }
        return true;
    }

    static int writeBlockHeader(byte[] out, int o, int size, int type, boolean last) {
        int h = size << 3 | type << 1 | (last ? 1 : 0);
        out[o] = (byte) h;
        out[o + 1] = (byte) (h >>> 8);
        out[o + 2] = (byte) (h >>> 16);
        return o + 3;
    }

    static void writeInt(byte[] out, int o, int v) {
        out[o] = (byte) v;
        out[o + 1] = (byte) (v >>> 8);
        out[o + 2] = (byte) (v >>> 16);
        out[o + 3] = (byte) (v >>> 24);
    }
}
