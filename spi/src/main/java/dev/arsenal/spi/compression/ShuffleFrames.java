package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The frame of the shuffle codecs, and the compressor and decompressor that put a {@link
 * ByteShuffle} in front of an inner codec's.
 *
 * <pre>
 *   0             4         5         6               7         8
 *   +-------------+---------+---------+-------+-------+---------+--------------------------------+
 *   | 41 53 48 46 | version | element | inner | block | header  | inner codec frames (lz4 or     |
 *   |   "ASHF"    |   01    |  size   | codec |  log2 |  check  | zstd) of the shuffled bytes,   |
 *   |             |         |         | 7..5  |  4..0 |         | to the end of the input        |
 *   +-------------+---------+---------+-------+-------+---------+--------------------------------+
 *   element size  1 to 255: the bytes per element
 *   inner codec   bits 7-5 of byte 6: 1 = LZ4 frame format, 2 = Zstandard
 *   block log2    bits 4-0 of byte 6, 10 to 20: the content is cut into blocks of 2^log2 bytes
 *                 (the last one shorter), and each block is shuffled on its own (ByteShuffle:
 *                 whole elements transposed, the bytes left over at the end of a block as they are)
 *   header check  CRC-8 (polynomial 0x07, initial value 0) of bytes 0 to 6, so that a damaged
 *                 element size cannot pass unnoticed (the inner checksum covers only the content)
 * </pre>
 *
 * <p>Blocks keep the memory of a stream bounded and let the shuffle run while the inner codec
 * works through the previous block. The writer uses blocks of 64 KiB ({@value #BLOCK_LOG}). The
 * inner frames are what the {@code lz4} or {@code zstd} tool reads: {@code tail -c +9 f | zstd -d}
 * gives the shuffled bytes. A concatenation of two shuffle frames is not a shuffle frame (the
 * second header would reach the inner decoder, which refuses it).
 */
public final class ShuffleFrames {
    /** The bytes of the header. */
    public static final int HEADER_LENGTH = 8;

    /** The block size the writer uses, as a power of two. */
    public static final int BLOCK_LOG = 16;

    private static final byte[] MAGIC = {0x41, 0x53, 0x48, 0x46};
    private static final int VERSION = 1;
    private static final int MIN_BLOCK_LOG = 10;
    private static final int MAX_BLOCK_LOG = 20;

    private ShuffleFrames() {}

    /**
     * A compressor of {@code codec} (a shuffle codec) that shuffles elements of {@code elementSize}
     * bytes with {@code shuffle} and compresses with {@code inner}, a compressor of {@code
     * codec.inner()} at the level asked for.
     */
    public static Compressor compressor(Codec codec, ByteShuffle shuffle, Compressor inner, int elementSize) {
        checkPair(codec, inner.codec());
        CompressionOptions.defaults().withElementSize(elementSize); // the range check
        return new ShuffleCompressor(codec, shuffle, inner, elementSize);
    }

    /** A decompressor of {@code codec} (a shuffle codec) over {@code inner}, a decompressor of its inner codec. */
    public static Decompressor decompressor(Codec codec, ByteShuffle shuffle, Decompressor inner) {
        checkPair(codec, inner.codec());
        return new ShuffleDecompressor(codec, shuffle, inner);
    }

    private static void checkPair(Codec codec, Codec inner) {
        if (!codec.isShuffle() || codec.inner() != inner) {
            throw new IllegalArgumentException(codec.id() + " is not a shuffle codec over " + inner.id()
                    + " (its inner codec is " + codec.inner().id() + ")");
        }
    }

    private static int innerTag(Codec inner) {
        return inner == Codec.LZ4 ? 1 : 2;
    }

    static byte[] header(Codec codec, int elementSize) {
        byte[] h = Arrays.copyOf(MAGIC, HEADER_LENGTH);
        h[4] = VERSION;
        h[5] = (byte) elementSize;
        h[6] = (byte) (innerTag(codec.inner()) << 5 | BLOCK_LOG);
        h[7] = (byte) crc8(h, 0, 7);
        return h;
    }

    /** CRC-8 with polynomial x^8 + x^2 + x + 1 (0x07), initial value 0: catches every burst of up to 8 bits. */
    static int crc8(byte[] b, int at, int length) {
        int crc = 0;
        for (int i = at; i < at + length; i++) {
            crc ^= b[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    /** A header read and checked: the element size and block size it declares. */
    record Header(int elementSize, int blockSize) {
        static Header parse(Codec codec, byte[] b, int at, int available) {
            if (available < HEADER_LENGTH) {
                throw new MalformedInputException(
                        codec, available, "truncated input: the shuffle header needs " + HEADER_LENGTH + " bytes");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (b[at + i] != MAGIC[i]) {
                    throw new MalformedInputException(codec, 0, "not a shuffle frame (unknown magic number)");
                }
            }
            int check = crc8(b, at, 7);
            if ((b[at + 7] & 0xFF) != check) {
                throw new MalformedInputException(
                        codec,
                        7,
                        "shuffle header check mismatch: the header says " + (b[at + 7] & 0xFF) + ", its bytes give "
                                + check);
            }
            if (b[at + 4] != VERSION) {
                throw new MalformedInputException(codec, 4, "unsupported shuffle frame version " + (b[at + 4] & 0xFF));
            }
            int elementSize = b[at + 5] & 0xFF;
            if (elementSize == 0) {
                throw new MalformedInputException(codec, 5, "element size 0");
            }
            int tag = (b[at + 6] & 0xFF) >>> 5;
            if (tag != innerTag(codec.inner())) {
                throw new MalformedInputException(
                        codec,
                        6,
                        "the frame's inner codec is " + (tag == 1 ? "lz4" : tag == 2 ? "zstd" : "unknown (" + tag + ")")
                                + ", not " + codec.inner().id());
            }
            int log = b[at + 6] & 0x1F;
            if (log < MIN_BLOCK_LOG || log > MAX_BLOCK_LOG) {
                throw new MalformedInputException(
                        codec, 6, "block size 2^" + log + " outside 2^" + MIN_BLOCK_LOG + " to 2^" + MAX_BLOCK_LOG);
            }
            return new Header(elementSize, 1 << log);
        }
    }

    /** Unshuffles {@code length} bytes at {@code at} in place, block by block, through {@code scratch}. */
    static void unshuffleInPlace(ByteShuffle shuffle, Header h, byte[] b, int at, int length, byte[] scratch) {
        for (int done = 0; done < length; done += h.blockSize()) {
            int n = Math.min(h.blockSize(), length - done);
            System.arraycopy(b, at + done, scratch, 0, n);
            shuffle.unshuffle(scratch, 0, b, at + done, n, h.elementSize());
        }
    }

    private static final class ShuffleCompressor extends AbstractCompressor {
        /** The largest shuffled copy kept between one-shot calls; larger inputs allocate their own. */
        private static final int KEPT_BUFFER = 1 << 20;

        private final ByteShuffle shuffle;
        private final Compressor inner;
        private final int elementSize;
        /** An idle buffer for the shuffled copy, taken by one call at a time. */
        private final AtomicReference<byte[]> idle = new AtomicReference<>();

        ShuffleCompressor(Codec codec, ByteShuffle shuffle, Compressor inner, int elementSize) {
            super(codec, inner.level());
            this.shuffle = shuffle;
            this.inner = inner;
            this.elementSize = elementSize;
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            return HEADER_LENGTH + inner.maxCompressedLength(inputLength);
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            if (maxOutputLength < HEADER_LENGTH) {
                throw outputTooSmall(length, maxOutputLength);
            }
            byte[] shuffled = idle.getAndSet(null);
            if (shuffled == null || shuffled.length < length) {
                shuffled = new byte[length <= KEPT_BUFFER ? Math.max(length, 1 << BLOCK_LOG) : length];
            }
            int block = 1 << BLOCK_LOG;
            for (int done = 0; done < length; done += block) {
                int n = Math.min(block, length - done);
                shuffle.shuffle(input, offset + done, shuffled, done, n, elementSize);
            }
            System.arraycopy(header(codec(), elementSize), 0, output, outputOffset, HEADER_LENGTH);
            try {
                return HEADER_LENGTH
                        + inner.compress(
                                shuffled,
                                0,
                                length,
                                output,
                                outputOffset + HEADER_LENGTH,
                                maxOutputLength - HEADER_LENGTH);
            } catch (IllegalArgumentException e) {
                throw outputTooSmall(length, maxOutputLength);
            } finally {
                if (shuffled.length <= KEPT_BUFFER) {
                    idle.set(shuffled);
                }
            }
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new ShufflingOutputStream(out, -1);
        }

        /** The inner frames hold as many bytes as the input, shuffled: the same size is theirs. */
        @Override
        protected OutputStream newStream(OutputStream out, long contentSize) {
            return new ShufflingOutputStream(out, contentSize);
        }

        @Override
        public String toString() {
            return codec().id() + " level " + level() + ", " + elementSize + "-byte elements (" + shuffle + " before "
                    + inner + ")";
        }

        /** Shuffles each block and writes it to the inner codec's stream, which writes after the header. */
        private final class ShufflingOutputStream extends ChunkedOutputStream {
            private final OutputStream innerStream;
            private final byte[] block = new byte[1 << BLOCK_LOG];
            private final byte[] shuffled = new byte[1 << BLOCK_LOG];
            private int filled;

            /** Over {@code out}, for {@code contentSize} bytes, or -1 if not known. */
            ShufflingOutputStream(OutputStream out, long contentSize) {
                super(codec().id());
                OutputStream target = new HeaderFirst(out, header(codec(), elementSize));
                this.innerStream = contentSize < 0 ? inner.compressing(target) : inner.compressing(target, contentSize);
            }

            @Override
            protected void writeChunk(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, block.length - filled);
                    System.arraycopy(b, off, block, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    if (filled == block.length) {
                        writeBlock();
                    }
                }
            }

            private void writeBlock() throws IOException {
                shuffle.shuffle(block, 0, shuffled, 0, filled, elementSize);
                innerStream.write(shuffled, 0, filled);
                filled = 0;
            }

            @Override
            protected void flushWritten() throws IOException {
                innerStream.flush();
            }

            @Override
            protected void closeOnce() throws IOException {
                try (innerStream) {
                    if (filled > 0) {
                        writeBlock();
                    }
                }
            }
        }
    }

    /** Writes the shuffle header before the first byte of the inner frame (or at close, if none). */
    private static final class HeaderFirst extends FilterOutputStream {
        private byte[] header;

        HeaderFirst(OutputStream out, byte[] header) {
            super(out);
            this.header = header;
        }

        private void writeHeader() throws IOException {
            if (header != null) {
                out.write(header);
                header = null;
            }
        }

        @Override
        public void write(int b) throws IOException {
            writeHeader();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writeHeader();
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try (OutputStream target = out) {
                writeHeader();
            }
        }
    }

    private static final class ShuffleDecompressor extends AbstractDecompressor {
        private final ByteShuffle shuffle;
        private final Decompressor inner;

        ShuffleDecompressor(Codec codec, ByteShuffle shuffle, Decompressor inner) {
            super(codec);
            this.shuffle = shuffle;
            this.inner = inner;
        }

        @Override
        public byte[] decompress(byte[] input, int maxLength) {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
            }
            Header h = Header.parse(codec(), input, 0, input.length);
            byte[] out;
            try {
                out = inner.decompress(Arrays.copyOfRange(input, HEADER_LENGTH, input.length), maxLength);
            } catch (MalformedInputException e) {
                throw shifted(e);
            }
            unshuffleInPlace(shuffle, h, out, 0, out.length, new byte[Math.min(h.blockSize(), out.length)]);
            return out;
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            Header h = Header.parse(codec(), input, offset, length);
            int n;
            try {
                n = inner.decompress(
                        input, offset + HEADER_LENGTH, length - HEADER_LENGTH, output, outputOffset, maxOutputLength);
            } catch (MalformedInputException e) {
                throw shifted(e);
            }
            unshuffleInPlace(shuffle, h, output, outputOffset, n, new byte[Math.min(h.blockSize(), n)]);
            return n;
        }

        /** The inner decoder's exception, with this codec's name and the offset in the whole input. */
        private MalformedInputException shifted(MalformedInputException e) {
            return malformed(
                    e.offset() < 0 ? -1 : e.offset() + HEADER_LENGTH,
                    codec().inner().id() + " frame: " + e.reason(),
                    e);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new UnshufflingInputStream(in);
        }

        @Override
        public String toString() {
            return codec().id() + " (" + shuffle + " after " + inner + ")";
        }

        /** Reads the header, then whole blocks from the inner stream, and serves them unshuffled. */
        private final class UnshufflingInputStream extends ChunkedInputStream {
            private final InputStream in;
            private InputStream innerStream;
            private Header header;
            private byte[] block;
            private byte[] plain;
            private int served;
            private int available;

            UnshufflingInputStream(InputStream in) {
                this.in = in;
            }

            @Override
            protected int readChunk(byte[] b, int off, int len) throws IOException {
                if (served == available && !fill()) {
                    return -1;
                }
                int n = Math.min(len, available - served);
                System.arraycopy(plain, served, b, off, n);
                served += n;
                return n;
            }

            private boolean fill() throws IOException {
                if (header == null) {
                    byte[] h = in.readNBytes(HEADER_LENGTH);
                    try {
                        header = Header.parse(codec(), h, 0, h.length);
                    } catch (MalformedInputException e) {
                        throw new IOException(e);
                    }
                    innerStream = inner.decompressing(in, Long.MAX_VALUE);
                    block = new byte[header.blockSize()];
                    plain = new byte[header.blockSize()];
                }
                int n = innerStream.readNBytes(block, 0, block.length);
                if (n == 0) {
                    return false;
                }
                shuffle.unshuffle(block, 0, plain, 0, n, header.elementSize());
                served = 0;
                available = n;
                return true;
            }

            @Override
            public void close() throws IOException {
                try (in) {
                    if (innerStream != null) {
                        innerStream.close();
                    }
                }
            }
        }
    }
}
