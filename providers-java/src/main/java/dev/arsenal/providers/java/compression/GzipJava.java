package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * gzip ({@link Codec#GZIP}, RFC 1952) with the JDK's {@link Deflater} and {@link Inflater} (zlib),
 * levels 1 to 9. The member header and trailer are written and read here rather than by {@link
 * java.util.zip.GZIPInputStream}, which ignores what follows the last member, cannot say where in
 * the input it failed, and reports truncation as a bare {@link java.io.EOFException}.
 *
 * <pre>
 *  1F 8B  08   FLG  MTIME (4)  XFL  OS   [FEXTRA: XLEN (2) + data] [FNAME\0] [FCOMMENT\0] [FHCRC (2)]
 *  deflate data (RFC 1951) ...  CRC-32 (4, LE)  ISIZE = length mod 2^32 (4, LE)
 * </pre>
 *
 * <p>Written: one member, no name, MTIME 0, OS 255 (unknown). Read: any number of members, each
 * with every optional field; after the last member the input must end.
 */
final class GzipJava {
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private GzipJava() {}

    static int writeHeader(byte[] out, int at, int level) {
        out[at] = 0x1F;
        out[at + 1] = (byte) 0x8B;
        out[at + 2] = 8;
        out[at + 3] = 0;
        out[at + 4] = 0;
        out[at + 5] = 0;
        out[at + 6] = 0;
        out[at + 7] = 0;
        out[at + 8] = (byte) (level == 9 ? 2 : level == 1 ? 4 : 0);
        out[at + 9] = (byte) 255;
        return HEADER;
    }

    static void writeTrailer(byte[] out, int at, int crc, long length) {
        Lz4FrameJava.putIntLE(out, at, crc);
        Lz4FrameJava.putIntLE(out, at + 4, (int) length);
    }

    /** gzip compression at levels 1 to 9. */
    static final class Compressor extends AbstractCompressor {
        Compressor(int level) {
            super(Codec.GZIP, level);
        }

        /**
         * zlib's {@code deflateBound} for the JDK's window and memory settings (stored blocks cost 5
         * bytes per 16 KiB at worst), some slack for other zlib builds, plus header and trailer.
         */
        @Override
        public long maxCompressedLength(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + n);
            }
            long deflate = n + (n >> 12) + (n >> 14) + (n >> 25) + 7;
            long stored = n + 5 * (n / 16_000 + 1);
            return Math.max(deflate, stored) + 16 + HEADER + TRAILER;
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            if (maxOutputLength < HEADER + TRAILER + 2) {
                throw outputTooSmall(length, maxOutputLength);
            }
            int limit = outputOffset + maxOutputLength - TRAILER;
            int p = outputOffset + writeHeader(output, outputOffset, level());
            Deflater deflater = new Deflater(level(), true);
            try {
                deflater.setInput(input, offset, length);
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(output, p, limit - p);
                    p += n;
                    if (n == 0 && p == limit) {
                        throw outputTooSmall(length, maxOutputLength);
                    }
                }
            } finally {
                deflater.end();
            }
            CRC32 crc = new CRC32();
            crc.update(input, offset, length);
            writeTrailer(output, p, (int) crc.getValue(), length);
            return p + TRAILER - outputOffset;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new MemberOutputStream(out, level());
        }
    }

    /** Writes one member; {@link #close} finishes it and closes the target. */
    static final class MemberOutputStream extends ChunkedOutputStream {
        private final OutputStream out;
        private final Deflater deflater;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[65_536];
        private final int level;
        private long length;
        private boolean started;

        MemberOutputStream(OutputStream out, int level) {
            super("gzip");
            this.out = out;
            this.level = level;
            this.deflater = new Deflater(level, true);
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            start();
            crc.update(b, off, len);
            length += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH);
            }
        }

        private void start() throws IOException {
            if (!started) {
                byte[] header = new byte[HEADER];
                out.write(header, 0, writeHeader(header, 0, level));
                started = true;
            }
        }

        private int drain(int flush) throws IOException {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
            return n;
        }

        /** A sync flush: everything written so far can be decoded; the member stays open. */
        @Override
        protected void flushWritten() throws IOException {
            start();
            while (drain(Deflater.SYNC_FLUSH) == buffer.length) {
                // the buffer filled: more is pending
            }
            out.flush();
        }

        @Override
        protected void closeOnce() throws IOException {
            try (out) {
                start();
                deflater.finish();
                while (!deflater.finished()) {
                    drain(Deflater.NO_FLUSH);
                }
                byte[] trailer = new byte[TRAILER];
                writeTrailer(trailer, 0, (int) crc.getValue(), length);
                out.write(trailer);
            } finally {
                deflater.end();
            }
        }
    }

    /**
     * gzip decompression. The array form inflates straight from the input into the output with an
     * {@link Inflater} kept between calls; streams read members with {@link MemberInputStream}.
     */
    static final class Decompressor extends StreamingDecompressor {
        /** One idle inflater for the next one-shot call; threads that find none make their own. */
        private final AtomicReference<Inflater> idle = new AtomicReference<>();

        Decompressor() {
            super(Codec.GZIP);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new MemberInputStream(in, this);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            Inflater inflater = idle.getAndSet(null);
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            try {
                int n = inflateMembers(inflater, input, offset, length, output, outputOffset, maxOutputLength);
                inflater.reset();
                if (!idle.compareAndSet(null, inflater)) {
                    inflater.end();
                }
                return n;
            } catch (IOException e) {
                inflater.end();
                throw unwrap(e);
            } catch (RuntimeException | Error e) {
                inflater.end();
                throw e;
            }
        }

        private int inflateMembers(
                Inflater inflater, byte[] input, int offset, int length, byte[] output, int outputOffset, int room)
                throws IOException {
            ArrayHeaderSource in = new ArrayHeaderSource(this, input, offset, offset + length);
            CRC32 crc = new CRC32();
            int op = outputOffset;
            int limit = outputOffset + room;
            for (int members = 0; members == 0 || in.pos < in.end; members++) {
                if (in.pos == in.end) {
                    throw failure(0, "empty input: no gzip member", null);
                }
                readHeader(in, this, members);
                inflater.reset();
                inflater.setInput(input, in.pos, in.end - in.pos);
                int start = op;
                while (!inflater.finished()) {
                    int before = inflater.getRemaining();
                    int n;
                    try {
                        n = inflater.inflate(output, op, limit - op);
                        if (n == 0 && op == limit && !inflater.finished() && !inflater.needsInput()) {
                            // The range is full; more output, or only the end of the data, may follow.
                            if (inflater.inflate(new byte[1]) > 0) {
                                throw tooLarge(-1, room);
                            }
                        }
                    } catch (DataFormatException e) {
                        throw failure(in.consumed(inflater), "bad deflate data: " + e.getMessage(), e);
                    }
                    op += n;
                    if (n == 0 && !inflater.finished()) {
                        if (inflater.needsDictionary()) {
                            throw failure(in.consumed(inflater), "the deflate data asks for a preset dictionary", null);
                        }
                        if (inflater.needsInput()) {
                            throw failure(in.end - in.offset, "truncated input: the deflate data ends early", null);
                        }
                        if (inflater.getRemaining() == before) {
                            // zlib took no input and gave no output: it would never move again.
                            throw failure(
                                    in.consumed(inflater), "bad deflate data: the inflater makes no progress", null);
                        }
                    }
                }
                in.pos = in.end - inflater.getRemaining();
                crc.reset();
                crc.update(output, start, op - start);
                readTrailer(in, this, crc, op - start);
            }
            return op - outputOffset;
        }
    }

    /** Where a member header and trailer are read from: the stream's buffer or a one-shot input. */
    private interface HeaderSource {
        /** The next byte, or a truncation error naming {@code what} ends early. */
        int next(String what) throws IOException;

        /** The offset in the whole compressed input of the next byte. */
        long offset();
    }

    /** A {@link HeaderSource} over an input array. */
    private static final class ArrayHeaderSource implements HeaderSource {
        private final Decompressor codec;
        private final byte[] input;
        private final int offset;
        private final int end;
        private int pos;

        ArrayHeaderSource(Decompressor codec, byte[] input, int offset, int end) {
            this.codec = codec;
            this.input = input;
            this.offset = offset;
            this.end = end;
            this.pos = offset;
        }

        @Override
        public int next(String what) throws IOException {
            if (pos == end) {
                throw codec.failure(offset(), "truncated input: the member " + what + " ends early", null);
            }
            return input[pos++] & 0xFF;
        }

        @Override
        public long offset() {
            return pos - offset;
        }

        /** The offset of the inflater's next unread byte, for errors in the deflate data. */
        long consumed(Inflater inflater) {
            return end - inflater.getRemaining() - offset;
        }
    }

    private static int nextShort(HeaderSource in, String what) throws IOException {
        return in.next(what) | in.next(what) << 8;
    }

    private static int nextInt(HeaderSource in, String what) throws IOException {
        return nextShort(in, what) | nextShort(in, what) << 16;
    }

    /**
     * The reason for bytes after a complete member that do not start another (no magic number 1F 8B):
     * the same words in every gzip provider, at the offset of the first such byte, so that a caller
     * can tell them from a damaged member ({@code gzip -d} warns of trailing garbage and ignores
     * zeros there).
     */
    static final String TRAILING_DATA = "trailing data after the last gzip member (not a gzip member)";

    /**
     * Reads a member header from its first byte, checking the magic number, the method, the flags
     * and the header checksum when there is one.
     *
     * @param members how many members came before, for messages
     */
    private static void readHeader(HeaderSource in, Decompressor codec, int members) throws IOException {
        long at = in.offset();
        CRC32 headerCrc = new CRC32();
        HeaderSource hashed = new HeaderSource() {
            @Override
            public int next(String what) throws IOException {
                int b = in.next(what);
                headerCrc.update(b);
                return b;
            }

            @Override
            public long offset() {
                return in.offset();
            }
        };
        int id1 = hashed.next("header");
        int id2;
        try {
            id2 = hashed.next("header");
        } catch (IOException e) {
            if (members > 0) { // one byte after a member: not a member either
                throw new IOException(MalformedInputException.trailingData(Codec.GZIP, at, TRAILING_DATA));
            }
            throw e;
        }
        if (id1 != 0x1F || id2 != 0x8B) {
            if (members > 0) {
                throw new IOException(MalformedInputException.trailingData(Codec.GZIP, at, TRAILING_DATA));
            }
            throw codec.failure(
                    at,
                    String.format("bad magic number 0x%02X%02X (a gzip member starts with 0x1F8B)", id1, id2),
                    null);
        }
        int method = hashed.next("header");
        if (method != 8) {
            throw codec.failure(at + 2, "unknown compression method " + method + " (8 is deflate)", null);
        }
        int flags = hashed.next("header");
        if ((flags & 0xE0) != 0) {
            throw codec.failure(at + 3, String.format("reserved flag bits set: 0x%02X", flags), null);
        }
        nextInt(hashed, "header"); // MTIME
        hashed.next("header"); // XFL
        hashed.next("header"); // OS
        if ((flags & FEXTRA) != 0) {
            int extra = nextShort(hashed, "extra field");
            for (int i = 0; i < extra; i++) {
                hashed.next("extra field");
            }
        }
        if ((flags & FNAME) != 0) {
            while (hashed.next("file name") != 0) {
                // the name is not used
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (hashed.next("comment") != 0) {
                // the comment is not used
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected16 = (int) headerCrc.getValue() & 0xFFFF;
            long crcAt = in.offset();
            int actual16 = nextShort(in, "header checksum");
            if (expected16 != actual16) {
                throw codec.failure(
                        crcAt,
                        String.format(
                                "header checksum mismatch: 0x%04X in the member, 0x%04X computed",
                                actual16, expected16),
                        null);
            }
        }
    }

    /** Reads a member trailer and checks it against the member's decoded bytes. */
    private static void readTrailer(HeaderSource in, Decompressor codec, CRC32 crc, long memberLength)
            throws IOException {
        long at = in.offset();
        int expectedCrc = nextInt(in, "trailer");
        int expectedLength = nextInt(in, "trailer");
        if (expectedCrc != (int) crc.getValue()) {
            throw codec.failure(
                    at,
                    String.format(
                            "CRC-32 mismatch: the member says 0x%08X, the data hashes to 0x%08X",
                            expectedCrc, (int) crc.getValue()),
                    null);
        }
        if (expectedLength != (int) memberLength) {
            throw codec.failure(
                    at + 4,
                    "length mismatch: the member says " + Integer.toUnsignedString(expectedLength)
                            + " bytes (mod 2^32), the data is " + memberLength,
                    null);
        }
    }

    /** Reads members one after another until the input ends at a member boundary. */
    static final class MemberInputStream extends ChunkedInputStream implements HeaderSource {
        private final InputStream in;
        private final Decompressor codec;
        private final byte[] buffer = new byte[16_384];
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        /** Offset in the compressed input of {@code buffer[0]}. */
        private long bufferStart;

        private int pos;
        private int limit;
        private int members;
        private boolean inMember;
        private boolean done;
        private long memberLength;

        MemberInputStream(InputStream in, Decompressor codec) {
            this.in = in;
            this.codec = codec;
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            while (true) {
                if (done) {
                    return -1;
                }
                if (!inMember) {
                    if (!readHeader()) {
                        done = true;
                        inflater.end();
                        return -1;
                    }
                    continue;
                }
                if (inflater.needsInput() && pos == limit && !fill()) {
                    throw codec.failure(offset(), "truncated input: the deflate data ends early", null);
                }
                inflater.setInput(buffer, pos, limit - pos);
                int before = limit - pos;
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw codec.failure(offset(), "bad deflate data: " + e.getMessage(), e);
                }
                pos = limit - inflater.getRemaining();
                if (n > 0) {
                    crc.update(b, off, n);
                    memberLength += n;
                    return n;
                }
                if (inflater.finished()) {
                    readTrailer();
                    continue;
                }
                if (inflater.needsDictionary()) {
                    throw codec.failure(offset(), "the deflate data asks for a preset dictionary", null);
                }
                if (limit - pos == before && !inflater.needsInput()) {
                    // zlib took no input and gave no output: it would never move again.
                    throw codec.failure(offset(), "bad deflate data: the inflater makes no progress", null);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                inflater.end();
            }
            in.close();
        }

        @Override
        public long offset() {
            return bufferStart + pos;
        }

        /** Refills the buffer with what follows; false at the end of the input. */
        private boolean fill() throws IOException {
            bufferStart += limit;
            pos = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        }

        @Override
        public int next(String what) throws IOException {
            if (pos == limit && !fill()) {
                throw codec.failure(offset(), "truncated input: the member " + what + " ends early", null);
            }
            return buffer[pos++] & 0xFF;
        }

        /** Reads a member header; false if the input ends cleanly after a member. */
        private boolean readHeader() throws IOException {
            if (pos == limit && !fill()) {
                if (members == 0) {
                    throw codec.failure(offset(), "empty input: no gzip member", null);
                }
                return false;
            }
            GzipJava.readHeader(this, codec, members);
            inflater.reset();
            crc.reset();
            memberLength = 0;
            inMember = true;
            members++;
            return true;
        }

        private void readTrailer() throws IOException {
            GzipJava.readTrailer(this, codec, crc, memberLength);
            inMember = false;
        }
    }
}
