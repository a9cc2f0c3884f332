package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The LZ4 frame format ({@link Codec#LZ4}, the {@code lz4} command's files), written here on top of
 * {@link Lz4BlockJava}'s block codec. Spec: {@code doc/lz4_Frame_format.md} of
 * the lz4 repository, version 1.6.
 *
 * <pre>
 *  magic        FLG   BD   content size   dict ID   HC    blocks ...            end    content
 * 04 22 4D 18  +----+----+ +------------+ +-------+ +----+ +------+---------+   0000   checksum
 *              |    |    | | 8 bytes LE | |4 bytes| |    | | size | data    |  (4 B)   XXH32 (4 B)
 *              +----+----+ +------------+ +-------+ +----+ +------+---------+
 *  FLG: 01 version (bits 7-6), B.Indep (5), B.Checksum (4), C.Size (3), C.Checksum (2), 0 (1), DictID (0)
 *  BD:  0 (7), block max size 4..7 = 64 KiB, 256 KiB, 1 MiB, 4 MiB (6-4), 0 (3-0)
 *  HC:  (XXH32(FLG .. last descriptor byte) >> 8) &amp; 0xFF
 *  block size: 4 bytes LE, high bit set = stored uncompressed; then optional XXH32 of the data
 * </pre>
 *
 * <p>Written: independent blocks (a block that does not shrink is stored), a content checksum, and
 * the content size when known (the one-shot form); {@link CompressionOptions} turns either off. The
 * one-shot form takes the smallest block size that holds the whole input, 4 MiB at most, as the
 * {@code lz4} tool does for a file (liblz4's {@code LZ4F_optimalBSID}): independent blocks lose the
 * matches across their boundaries, up to 7% more bytes for a Calgary file in 64 KiB blocks. A
 * reader then needs buffers of that block size: the input's size rounded up to 64 KiB, 256 KiB, 1
 * MiB or 4 MiB. The stream writes 64 KiB blocks, the most it buffers. Read: everything the format
 * allows except dictionaries: every block size, linked blocks (the {@code lz4} tool's {@code -BD},
 * decoded with a 64 KiB window carried from block to block), block checksums, content size,
 * skippable frames ({@code 0x184D2A50}-{@code 0x184D2A5F}) and concatenated frames; and the legacy
 * format ({@link #LEGACY_MAGIC}, {@code lz4 -l}), as the {@code lz4} tool reads it.
 */
final class Lz4FrameJava {
    static final int MAGIC = 0x184D2204;
    static final int SKIPPABLE_MAGIC = 0x184D2A50;

    /**
     * The legacy frame format's magic number ({@code lz4 -l}, what the {@code lz4} tool wrote before
     * the frame format): after it, blocks of 8 MiB of content each (the last one shorter), each a
     * 4-byte little-endian compressed size and an independent LZ4 block; no checksums, no content
     * size, no end mark. The frame ends with the input, or where a "block size" larger than {@link
     * #LEGACY_MAX_BLOCK} comes, which is the magic number of the next frame.
     *
     * <pre>
     *  02 21 4C 18 | size (4 LE) | LZ4 block | size (4 LE) | LZ4 block | ...
     * </pre>
     */
    static final int LEGACY_MAGIC = 0x184C2102;

    /** The content of a legacy block: 8 MiB at most, decoded with that much room (as the tool). */
    static final int LEGACY_BLOCK_SIZE = 8 << 20;

    /** The largest compressed legacy block: liblz4's {@code LZ4_COMPRESSBOUND(8 MiB)}. */
    static final int LEGACY_MAX_BLOCK = LEGACY_BLOCK_SIZE + LEGACY_BLOCK_SIZE / 255 + 16;

    static final int BLOCK_SIZE = 65_536;
    /** The largest header: magic, FLG, BD, content size, HC (no dictionary ID is written). */
    static final int MAX_HEADER = 4 + 2 + 8 + 1;

    private static final Hasher32 XXH32 = new JavaHashingProvider().hasher32(HashAlgorithm.XXH32, 0);

    private Lz4FrameJava() {}

    static int xxh32(byte[] b, int offset, int length) {
        return XXH32.hash(b, offset, length);
    }

    static void putIntLE(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    static int getIntLE(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /**
     * The first frame level that is LZ4 HC: as the {@code lz4} command and liblz4's frame API, levels 1
     * and 2 are the fast compressor. (For raw blocks level 2 is HC, as in {@code lz4java-compression}.)
     */
    static final int FIRST_HC_LEVEL = 3;

    /** The largest block size the format has: 4 MiB (block size id 7). */
    static final int MAX_BLOCK_SIZE = 4 << 20;

    /**
     * The block size id (4 to 7: 64 KiB, 256 KiB, 1 MiB, 4 MiB) of the smallest block size that holds
     * {@code length} bytes, 7 if none does.
     */
    static int blockSizeId(long length) {
        int id = 4;
        while (id < 7 && length > blockSize(id)) {
            id++;
        }
        return id;
    }

    /** The block size of a block size id: 2 to the 8 + 2 id. */
    static int blockSize(int id) {
        return 1 << (8 + 2 * id);
    }

    /**
     * Writes a frame header at {@code at}: independent blocks of the block size id {@code sizeId}, a
     * content checksum or not, and {@code contentSize} unless it is negative.
     */
    static int writeHeader(byte[] out, int at, int sizeId, long contentSize, boolean checksum) {
        putIntLE(out, at, MAGIC);
        int flg = 0x40 | 0x20 | (checksum ? 0x04 : 0) | (contentSize >= 0 ? 0x08 : 0);
        out[at + 4] = (byte) flg;
        out[at + 5] = (byte) (sizeId << 4);
        int p = at + 6;
        if (contentSize >= 0) {
            for (int i = 0; i < 8; i++) {
                out[p++] = (byte) (contentSize >>> (8 * i));
            }
        }
        out[p] = (byte) (xxh32(out, at + 4, p - at - 4) >>> 8);
        return p + 1 - at;
    }

    /**
     * Writes one block of {@code length} bytes at {@code at} at the frame level {@code level}:
     * compressed, or stored when that is not smaller.
     *
     * @return the bytes written, or -1 if they do not fit {@code room}
     */
    static int writeBlock(int level, byte[] input, int offset, int length, byte[] out, int at, int room) {
        if (room < 4) {
            return -1;
        }
        int blockLevel = level < FIRST_HC_LEVEL ? 1 : level;
        int n = Lz4BlockJava.compressBlock(
                blockLevel, input, offset, length, out, at + 4, Math.min(room - 4, length - 1));
        if (n > 0) {
            putIntLE(out, at, n);
            return 4 + n;
        }
        if (room - 4 < length) {
            return -1;
        }
        putIntLE(out, at, 0x8000_0000 | length);
        System.arraycopy(input, offset, out, at + 4, length);
        return 4 + length;
    }

    /**
     * {@link Codec#LZ4} compression: levels 1 and 2 the fast compressor, 3 to {@link
     * Lz4HcEncoder#MAX_LEVEL} LZ4 HC at that level (as the {@code lz4} command's), with the content
     * checksum and content size of its options.
     */
    static final class Compressor extends AbstractCompressor {
        private final boolean checksum;
        private final boolean recordSize;

        Compressor(int level, CompressionOptions options) {
            super(Codec.LZ4, level);
            this.checksum = options.checksum();
            this.recordSize = options.contentSize();
        }

        /**
         * Header with content size, each block stored with its 4-byte size (counted as if the blocks
         * were 64 KiB, the smallest, so the most blocks), end mark, checksum.
         */
        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
            }
            long blocks = (inputLength + BLOCK_SIZE - 1) / BLOCK_SIZE;
            return MAX_HEADER + inputLength + 4 * blocks + 4 + 4;
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            int end = outputOffset + maxOutputLength;
            if (maxOutputLength < MAX_HEADER + 8) {
                throw outputTooSmall(length, maxOutputLength);
            }
            int sizeId = blockSizeId(length);
            int blockSize = blockSize(sizeId);
            int p = outputOffset + writeHeader(output, outputOffset, sizeId, recordSize ? length : -1, checksum);
            for (int i = 0; i < length; i += blockSize) {
                int n = writeBlock(level(), input, offset + i, Math.min(blockSize, length - i), output, p, end - p - 8);
                if (n < 0) {
                    throw outputTooSmall(length, maxOutputLength);
                }
                p += n;
            }
            putIntLE(output, p, 0);
            if (!checksum) {
                return p + 4 - outputOffset;
            }
            putIntLE(output, p + 4, xxh32(input, offset, length));
            return p + 8 - outputOffset;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new FrameOutputStream(out, level(), checksum, -1);
        }

        /** One frame with the content size in its header, unless the options said no. */
        @Override
        protected OutputStream newStream(OutputStream out, long contentSize) {
            return new FrameOutputStream(out, level(), checksum, recordSize ? contentSize : -1);
        }
    }

    /**
     * Writes one frame: the header (with the content size, if given), 64 KiB blocks as they fill,
     * end mark and checksum (if any) on close.
     */
    static final class FrameOutputStream extends ChunkedOutputStream {
        private final OutputStream out;
        private final int level;
        private final byte[] block = new byte[BLOCK_SIZE];
        private final byte[] packed = new byte[4 + BLOCK_SIZE];
        /** The content checksum so far, or null without one. */
        private final HashStream32 checksum;

        /** The content size for the header, or -1 for none. */
        private final long contentSize;

        private int filled;
        private boolean started;

        FrameOutputStream(OutputStream out, int level, boolean checksum, long contentSize) {
            super("lz4");
            this.out = out;
            this.level = level;
            this.checksum = checksum ? XXH32.newStream() : null;
            this.contentSize = contentSize;
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, BLOCK_SIZE - filled);
                System.arraycopy(b, off, block, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == BLOCK_SIZE) {
                    flushBlock();
                }
            }
        }

        private void startFrame() throws IOException {
            if (!started) {
                byte[] header = new byte[MAX_HEADER];
                out.write(header, 0, writeHeader(header, 0, blockSizeId(BLOCK_SIZE), contentSize, checksum != null));
                started = true;
            }
        }

        private void flushBlock() throws IOException {
            startFrame();
            if (filled > 0) {
                if (checksum != null) {
                    checksum.update(block, 0, filled);
                }
                int n = writeBlock(level, block, 0, filled, packed, 0, packed.length);
                out.write(packed, 0, n);
                filled = 0;
            }
        }

        /** Writes the blocks so far; the frame stays open. */
        @Override
        protected void flushWritten() throws IOException {
            flushBlock();
            out.flush();
        }

        @Override
        protected void closeOnce() throws IOException {
            try (out) {
                flushBlock();
                byte[] trailer = new byte[checksum != null ? 8 : 4];
                if (checksum != null) {
                    putIntLE(trailer, 4, checksum.digest());
                }
                out.write(trailer);
            }
        }
    }

    /** {@link Codec#LZ4} decompression: frames read by {@link FrameInputStream}. */
    static final class Decompressor extends StreamingDecompressor {
        Decompressor() {
            super(Codec.LZ4);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new FrameInputStream(in);
        }
    }

    /**
     * Decodes the frames of one input. Decodes a whole block at a time into {@link #window}, then
     * hands it out; with linked blocks the last 64 KiB of earlier blocks stay in front of the next.
     */
    static final class FrameInputStream extends ChunkedInputStream {
        private final InputStream in;
        private final byte[] word = new byte[8];
        /** Offset in the compressed input of the next byte {@link #in} gives. */
        private long consumed;

        private int frames;
        private boolean inFrame;
        private boolean legacy; // the frame is of the legacy format
        private boolean pendingMagic; // the last legacy "block size" read is the next frame's magic
        private boolean done;
        private boolean linked;
        private boolean blockChecksum;
        private HashStream32 contentChecksum;
        private long contentSize;
        private long produced;
        private int blockMax;
        private byte[] block = new byte[0];
        private byte[] window = new byte[0];
        private int readPos;
        private int writePos;

        FrameInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            while (readPos == writePos) {
                if (!nextBlock()) {
                    return -1;
                }
            }
            int n = Math.min(len, writePos - readPos);
            System.arraycopy(window, readPos, b, off, n);
            readPos += n;
            return n;
        }

        @Override
        public int available() {
            return writePos - readPos;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        /** Decodes the next block into the window; false at the end of the input. */
        private boolean nextBlock() throws IOException {
            if (done) {
                return false;
            }
            if (!inFrame && !startFrame()) {
                done = true;
                return false;
            }
            if (legacy) {
                return nextLegacyBlock();
            }
            long at = consumed;
            int size = readInt("a block size");
            if (size == 0) {
                endFrame();
                return true;
            }
            boolean stored = size < 0;
            size &= 0x7FFF_FFFF;
            if (size > blockMax) {
                throw failure(at, "block of " + size + " bytes exceeds the frame's block size of " + blockMax);
            }
            if (block.length < size) {
                block = new byte[blockMax];
            }
            readFully(block, size, "a block of " + size + " bytes");
            if (blockChecksum) {
                long sumAt = consumed;
                int expected = readInt("a block checksum");
                int actual = xxh32(block, 0, size);
                if (expected != actual) {
                    throw failure(
                            sumAt,
                            "block checksum mismatch: the frame says " + hex(expected) + ", the block hashes to "
                                    + hex(actual));
                }
            }
            int windowStart = 0;
            if (linked) {
                // Keep the last 64 KiB of this frame's output in front of the block.
                if (writePos + blockMax > window.length) {
                    int keep = Math.min(writePos, Lz4BlockJava.WINDOW);
                    System.arraycopy(window, writePos - keep, window, 0, keep);
                    writePos = keep;
                }
            } else {
                writePos = 0;
            }
            readPos = writePos;
            int end;
            try {
                if (stored) {
                    System.arraycopy(block, 0, window, writePos, size);
                    end = writePos + size;
                } else if (linked) {
                    end = Lz4BlockJava.decodeLinked(
                            Codec.LZ4, at + 4, block, 0, size, window, windowStart, writePos, writePos + blockMax);
                } else {
                    end = Lz4BlockJava.decodeIndependent(Codec.LZ4, at + 4, block, 0, size, window, 0, blockMax);
                }
            } catch (MalformedInputException e) {
                throw new IOException(e);
            }
            int n = end - writePos;
            produced += n;
            if (contentSize >= 0 && produced > contentSize) {
                throw failure(at, "the frame holds more than its content size of " + contentSize + " bytes");
            }
            if (contentChecksum != null) {
                contentChecksum.update(window, writePos, n);
            }
            writePos = end;
            return true;
        }

        /**
         * Decodes the next block of a legacy frame into the window; at the end of the input, or at a
         * size that is the next frame's magic number, the frame ends (true: the caller asks again).
         */
        private boolean nextLegacyBlock() throws IOException {
            long at = consumed;
            int first = in.read();
            if (first < 0) {
                inFrame = false;
                legacy = false;
                readPos = 0;
                writePos = 0;
                return true; // the next call ends the input
            }
            consumed++;
            word[0] = (byte) first;
            readFully(word, 1, 3, "a legacy block size");
            int size = getIntLE(word, 0);
            if (Integer.compareUnsigned(size, LEGACY_MAX_BLOCK) > 0) {
                inFrame = false; // not a block: the next frame's magic number, already read
                legacy = false;
                pendingMagic = true;
                readPos = 0;
                writePos = 0;
                return true;
            }
            if (block.length < size) {
                block = new byte[LEGACY_MAX_BLOCK];
            }
            readFully(block, size, "a legacy block of " + size + " bytes");
            int end;
            try {
                end = Lz4BlockJava.decodeIndependent(Codec.LZ4, at + 4, block, 0, size, window, 0, LEGACY_BLOCK_SIZE);
            } catch (MalformedInputException e) {
                throw new IOException(e);
            }
            readPos = 0;
            writePos = end;
            return true;
        }

        /** Reads a frame header, skipping skippable frames; false at a clean end of input. */
        private boolean startFrame() throws IOException {
            while (true) {
                long at = consumed;
                if (pendingMagic) {
                    pendingMagic = false; // the word a legacy frame read as its next block size
                    at = consumed - 4;
                } else {
                    int first = in.read();
                    if (first < 0) {
                        if (frames == 0) {
                            throw failure(at, "empty input: no lz4 frame", null);
                        }
                        return false;
                    }
                    consumed++;
                    word[0] = (byte) first;
                    readFully(word, 1, 3, "a frame magic number");
                }
                int magic = getIntLE(word, 0);
                if (magic == LEGACY_MAGIC) {
                    if (window.length < LEGACY_BLOCK_SIZE) {
                        window = new byte[LEGACY_BLOCK_SIZE];
                    }
                    legacy = true;
                    inFrame = true;
                    readPos = 0;
                    writePos = 0;
                    frames++;
                    return true;
                }
                if ((magic & 0xFFFF_FFF0) == SKIPPABLE_MAGIC) {
                    long skip = readInt("a skippable frame size") & 0xFFFF_FFFFL;
                    skipFully(skip);
                    frames++;
                    continue;
                }
                if (magic != MAGIC) {
                    throw failure(
                            at,
                            "not an lz4 frame (unknown magic number " + hex(magic) + "; an lz4 frame starts with"
                                    + " 0x184D2204, a legacy one (lz4 -l) with 0x184C2102)");
                }
                readHeader(at);
                frames++;
                return true;
            }
        }

        private void readHeader(long frameAt) throws IOException {
            byte[] d = new byte[15];
            readFully(d, 0, 2, "a frame descriptor");
            int flg = d[0] & 0xFF;
            int bd = d[1] & 0xFF;
            if ((flg >>> 6) != 1) {
                throw failure(frameAt + 4, "unsupported frame version " + (flg >>> 6) + " (FLG " + hex8(flg) + ")");
            }
            if ((flg & 0x02) != 0 || (bd & 0x8F) != 0) {
                throw failure(frameAt + 4, "reserved bits set in the frame descriptor");
            }
            int sizeId = (bd >>> 4) & 7;
            if (sizeId < 4) {
                throw failure(frameAt + 5, "invalid block maximum size id " + sizeId);
            }
            int length = 2;
            if ((flg & 0x08) != 0) {
                readFully(d, length, 8, "a content size");
                length += 8;
            }
            if ((flg & 0x01) != 0) {
                readFully(d, length, 4, "a dictionary ID");
                length += 4;
            }
            long hcAt = consumed;
            readFully(d, length, 1, "a header checksum");
            int expected = d[length] & 0xFF;
            int actual = (xxh32(d, 0, length) >>> 8) & 0xFF;
            if (expected != actual) {
                throw failure(
                        hcAt,
                        "header checksum mismatch: " + hex8(expected) + " in the frame, " + hex8(actual) + " computed");
            }
            if ((flg & 0x01) != 0) {
                throw failure(
                        frameAt + 6,
                        "the frame needs dictionary " + hex(getIntLE(d, length - 4)) + ", and no dictionary was given");
            }
            linked = (flg & 0x20) == 0;
            blockChecksum = (flg & 0x10) != 0;
            contentChecksum = (flg & 0x04) != 0 ? XXH32.newStream() : null;
            contentSize = -1;
            if ((flg & 0x08) != 0) {
                long size = 0;
                for (int i = 0; i < 8; i++) {
                    size |= (d[2 + i] & 0xFFL) << (8 * i);
                }
                if (size < 0) {
                    throw failure(frameAt + 6, "content size " + Long.toUnsignedString(size) + " is too large");
                }
                contentSize = size;
            }
            int max = 1 << (8 + 2 * sizeId);
            blockMax = max;
            int need = linked ? Lz4BlockJava.WINDOW + max : max;
            if (window.length < need) {
                window = new byte[need];
            }
            produced = 0;
            readPos = 0;
            writePos = 0;
            inFrame = true;
        }

        private void endFrame() throws IOException {
            if (contentChecksum != null) {
                long at = consumed;
                int expected = readInt("a content checksum");
                int actual = contentChecksum.digest();
                if (expected != actual) {
                    throw failure(
                            at,
                            "content checksum mismatch: the frame says " + hex(expected) + ", the content hashes to "
                                    + hex(actual));
                }
            }
            if (contentSize >= 0 && produced != contentSize) {
                throw failure(consumed, "the frame holds " + produced + " bytes, its header says " + contentSize);
            }
            inFrame = false;
            readPos = 0;
            writePos = 0;
        }

        private int readInt(String what) throws IOException {
            readFully(word, 0, 4, what);
            return getIntLE(word, 0);
        }

        private void readFully(byte[] b, int length, String what) throws IOException {
            readFully(b, 0, length, what);
        }

        private void readFully(byte[] b, int off, int length, String what) throws IOException {
            int n = in.readNBytes(b, off, length);
            consumed += n;
            if (n < length) {
                throw failure(consumed, "truncated input: " + what + " needs " + (length - n) + " more bytes");
            }
        }

        private void skipFully(long n) throws IOException {
            long left = n;
            byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
            while (left > 0) {
                int r = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (r < 0) {
                    throw failure(consumed, "truncated input: a skippable frame needs " + left + " more bytes");
                }
                consumed += r;
                left -= r;
            }
        }

        private IOException failure(long at, String reason) {
            return failure(at, reason, null);
        }

        private static IOException failure(long at, String reason, Throwable cause) {
            return new IOException(new MalformedInputException(Codec.LZ4, at, reason, cause));
        }

        private static String hex(int v) {
            return String.format("0x%08X", v);
        }

        private static String hex8(int v) {
            return String.format("0x%02X", v);
        }
    }
}
