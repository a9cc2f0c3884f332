package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdFseTable.malformed;

import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.spi.compression.ChunkedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Decodes Zstandard frames from a stream, a block at a time: the streaming form of {@link
 * ZstdFrameDecoder}, with the same checks and messages. Memory is bounded by the frame's window,
 * not its content: the input buffer holds one block at most (128 KiB and its header), the output
 * buffer the window and two blocks.
 *
 * <p>The output buffer is a ring. Blocks decode one after the other from its start; when the next
 * block might not fit, decoding goes on from the start again, and the bytes of the lap before, up
 * to {@code previousLapEnd}, are the older part of the window (matches that reach there are copied
 * by {@link ZstdSequenceDecoder}'s exact path). With room for the window and two blocks, a lap ends
 * at least a window and a block after its start, so nothing the next block may read is written
 * over. The buffer starts at two blocks and doubles up to that size as a frame's output grows; a
 * frame whose content size is smaller than its window needs its content and two blocks at most,
 * and never wraps around.
 *
 * <pre>
 *  buffer: [ current lap: frame bytes ...  | next block | ... older bytes of the window ... ]
 *           0                       writePos            previousLapEnd - (window - writePos)  previousLapEnd
 * </pre>
 *
 * <p>Bad input is an {@link IOException} whose cause is the {@link MalformedInputException} (and
 * stays so on later reads); the underlying stream's own exceptions pass through unchanged.
 */
final class ZstdDecodingStream extends ChunkedInputStream {
    /** The input buffer's first size; it grows to hold the largest block read. */
    private static final int FIRST_INPUT = 16 * 1024;

    /**
     * The output buffer's first size in a frame that may need more: two blocks of 128 KiB, so that
     * a small frame with a large window allocates little.
     */
    private static final int FIRST_OUTPUT = 2 * ZstdFormat.MAX_BLOCK_SIZE + ZstdSequenceDecoder.OUTPUT_SLACK;

    private final InputStream in;
    private final ZstdDictionary dictionary;
    private final ZstdBlockDecoder blocks = new ZstdBlockDecoder();
    private final HashStream64 checksum = ZstdFrameDecoder.XXH64.newStream();

    private byte[] input = new byte[FIRST_INPUT];
    private int inPos;
    private int inEnd;
    /** The offset in the compressed input of {@code input[0]}. */
    private long inBase;

    private boolean inputEnded;

    private byte[] buffer = new byte[0];
    private int readPos;
    private int writePos;
    private int previousLapEnd = -1;
    /** The size the buffer may grow to in this frame. */
    private int capacity;

    /** The frame being decoded, or null between frames. */
    private ZstdFrameHeader header;

    private long frameAt;
    private long produced;
    private boolean lastBlockRead;
    private int frames;
    private boolean done;
    private MalformedInputException failure;

    ZstdDecodingStream(InputStream in, ZstdDictionary dictionary) {
        this.in = in;
        this.dictionary = dictionary;
    }

    @Override
    protected int readChunk(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        try {
            while (readPos == writePos) {
                if (!step()) {
                    return -1;
                }
            }
        } catch (MalformedInputException e) {
            failure = e;
            throw new IOException(e);
        }
        int n = Math.min(len, writePos - readPos);
        System.arraycopy(buffer, readPos, b, off, n);
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

    /** The output buffer's length: what the window costs, for tests. */
    int bufferLength() {
        return buffer.length;
    }

    /** Decodes what comes next: a frame header, a block, or a frame's end; false at the input's end. */
    private boolean step() throws IOException {
        if (done) {
            return false;
        }
        if (header == null) {
            return startFrame();
        }
        if (lastBlockRead) {
            endFrame();
        } else {
            decodeBlock();
        }
        return true;
    }

    /** Reads frame headers, skipping skippable frames; false at a clean end between frames. */
    private boolean startFrame() throws IOException {
        while (true) {
            long at = inBase + inPos;
            if (!fill(1)) {
                if (frames == 0) {
                    throw malformed(0, "empty input: no zstd frame");
                }
                done = true;
                return false;
            }
            require(4, "a frame's magic number");
            int magic = ZstdDictionary.getInt(input, inPos);
            if ((magic & ZstdFormat.SKIPPABLE_MASK) == ZstdFormat.SKIPPABLE_MAGIC) {
                require(8, "a skippable frame's header");
                long size = ZstdDictionary.getInt(input, inPos + 4) & 0xFFFF_FFFFL;
                inPos += 8;
                skip(size, at);
                frames++;
                continue;
            }
            if (magic != ZstdFormat.MAGIC) {
                throw ZstdFrameDecoder.badMagic(magic, at, frames > 0);
            }
            require(ZstdFrameHeader.PREFIX, "a frame header");
            require(ZstdFrameHeader.sizeOf(input[inPos + 4]), "the frame header");
            ZstdFrameHeader h = ZstdFrameHeader.parse(input, inPos, at);
            h.checkDictionary(dictionary, at);
            inPos += h.size();
            frames++;

            long history = h.contentSize() >= 0 ? Math.min(h.windowSize(), h.contentSize()) : h.windowSize();
            int blockMaximum = h.blockMaximum();
            capacity = (int) (history + 2L * blockMaximum + ZstdSequenceDecoder.OUTPUT_SLACK);
            int first = Math.min(capacity, FIRST_OUTPUT);
            if (buffer.length < first) {
                buffer = new byte[first];
            }
            blocks.startFrame((int) h.windowSize(), blockMaximum, dictionary);
            header = h;
            frameAt = at;
            produced = 0;
            lastBlockRead = false;
            previousLapEnd = -1;
            readPos = 0;
            writePos = 0;
            checksum.reset();
            return true;
        }
    }

    /** Decodes the next block of the frame into the buffer, after the bytes handed out. */
    private void decodeBlock() throws IOException {
        long at = inBase + inPos;
        require(3, "a block header");
        int blockHeader = (input[inPos] & 0xFF) | (input[inPos + 1] & 0xFF) << 8 | (input[inPos + 2] & 0xFF) << 16;
        inPos += 3;
        boolean last = (blockHeader & 1) != 0;
        int type = (blockHeader >>> 1) & 3;
        int size = blockHeader >>> 3;
        int blockMaximum = header.blockMaximum();
        if (type == ZstdFormat.BLOCK_RESERVED) {
            throw malformed(at, "reserved block type");
        }
        if (size > blockMaximum) {
            throw malformed(
                    at,
                    "a block of " + size + " bytes exceeds the block maximum of " + blockMaximum
                            + " bytes (the window, at most 128 KiB)");
        }
        makeRoom(blockMaximum);
        int start = writePos;
        int end;
        if (type == ZstdFormat.BLOCK_RLE) {
            require(1, "the RLE block");
            Arrays.fill(buffer, start, start + size, input[inPos]);
            inPos += 1;
            end = start + size;
        } else {
            if (!fill(size)) {
                throw malformed(
                        inBase + inEnd,
                        "truncated input: the block at offset " + at + " needs " + (size - (inEnd - inPos))
                                + " more bytes");
            }
            if (type == ZstdFormat.BLOCK_RAW) {
                System.arraycopy(input, inPos, buffer, start, size);
                end = start + size;
            } else {
                blocks.output(buffer, 0, previousLapEnd, buffer.length, -1);
                end = blocks.decode(input, inPos, size, inBase, start, produced);
            }
            inPos += size;
        }
        int n = end - start;
        produced += n;
        if (header.contentSize() >= 0 && produced > header.contentSize()) {
            throw malformed(at, "the frame holds more than its content size of " + header.contentSize() + " bytes");
        }
        if (header.checksum()) {
            checksum.update(buffer, start, n);
        }
        readPos = start;
        writePos = end;
        lastBlockRead = last;
    }

    /** Makes room for a block after {@link #writePos}: grows the buffer, or starts a new lap. */
    private void makeRoom(int blockMaximum) {
        if (writePos + blockMaximum + ZstdSequenceDecoder.OUTPUT_SLACK <= buffer.length) {
            return;
        }
        if (buffer.length < capacity) {
            // Not wrapped yet (a lap starts only at full size): keep the frame's bytes.
            long grown =
                    Math.max(2L * buffer.length, (long) writePos + blockMaximum + ZstdSequenceDecoder.OUTPUT_SLACK);
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, capacity));
            if (writePos + blockMaximum + ZstdSequenceDecoder.OUTPUT_SLACK <= buffer.length) {
                return;
            }
        }
        previousLapEnd = writePos;
        writePos = 0;
        readPos = 0;
    }

    private void endFrame() throws IOException {
        if (header.contentSize() >= 0 && produced != header.contentSize()) {
            throw malformed(
                    inBase + inPos,
                    "the frame holds " + produced + " bytes, its header says " + header.contentSize()
                            + " (frame at offset " + frameAt + ")");
        }
        if (header.checksum()) {
            long at = inBase + inPos;
            require(4, "the content checksum");
            int expected = ZstdDictionary.getInt(input, inPos);
            int actual = (int) checksum.digest();
            if (expected != actual) {
                throw ZstdFrameDecoder.checksumMismatch(at, expected, actual);
            }
            inPos += 4;
        }
        header = null;
        readPos = 0;
        writePos = 0;
    }

    /** Skips {@code size} bytes of a skippable frame. */
    private void skip(long size, long frameAt) throws IOException {
        long left = size;
        while (left > 0) {
            if (inPos == inEnd && !fill(1)) {
                throw malformed(
                        inBase + inEnd,
                        "truncated input: the skippable frame at offset " + frameAt + " needs " + left + " more bytes");
            }
            int n = (int) Math.min(left, inEnd - inPos);
            inPos += n;
            left -= n;
        }
    }

    /** {@link #fill}, or a truncated-input failure naming {@code what}. */
    private void require(int n, String what) throws IOException {
        if (!fill(n)) {
            throw malformed(
                    inBase + inEnd, "truncated input: " + what + " needs " + (n - (inEnd - inPos)) + " more bytes");
        }
    }

    /**
     * Makes {@code n} bytes available from {@link #inPos}, reading the underlying stream in chunks
     * as large as the buffer's free space; false if it ends first.
     */
    private boolean fill(int n) throws IOException {
        if (inEnd - inPos >= n) {
            return true;
        }
        if (inputEnded) {
            return false;
        }
        if (inPos > 0) {
            System.arraycopy(input, inPos, input, 0, inEnd - inPos);
            inBase += inPos;
            inEnd -= inPos;
            inPos = 0;
        }
        if (n > input.length) {
            input = Arrays.copyOf(input, Math.max(n, Math.min(2 * input.length, ZstdFormat.MAX_BLOCK_SIZE + 64)));
        }
        while (inEnd < n) {
            int r = in.read(input, inEnd, input.length - inEnd);
            if (r < 0) {
                inputEnded = true;
                return false;
            }
            inEnd += r;
        }
        return true;
    }
}
