package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import io.airlift.compress.v3.zstd.ZstdInputStream;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Zstandard ({@link Codec#ZSTD}) through aircompressor's pure-Java codec: {@code ZstdJavaCompressor}
 * and {@code ZstdOutputStream} compress at zstd's level 3 only (aircompressor's Java code has no
 * other level); {@code ZstdJavaDecompressor} and {@code ZstdInputStream} decode every frame the
 * {@code zstd} tool writes, skippable and concatenated frames included (no dictionaries).
 *
 * <p>aircompressor's {@code MalformedInputException} carries a raw memory address (array base
 * offset plus position), not an input offset; {@link #inputOffset} subtracts the base, measured
 * once on a known bad input.
 */
final class ZstdJava {
    /** The one level aircompressor's Java compressor has. */
    static final int LEVEL = 3;

    /** What aircompressor adds to an array index in the offsets it reports (-1 if unknown). */
    private static final long ADDRESS_BASE = measureAddressBase();

    private ZstdJava() {}

    private static long measureAddressBase() {
        try {
            new ZstdJavaDecompressor().decompress(new byte[8], 0, 8, new byte[8], 0, 8);
        } catch (io.airlift.compress.v3.MalformedInputException e) {
            return e.getOffset(); // reported at the magic number, index 0
        } catch (RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The offset in an input range of an aircompressor exception, or -1. */
    static long inputOffset(RuntimeException e, int arrayOffset, int length) {
        if (ADDRESS_BASE < 0 || !(e instanceof io.airlift.compress.v3.MalformedInputException m)) {
            return -1;
        }
        long at = m.getOffset() - ADDRESS_BASE - arrayOffset;
        return at >= 0 && at <= length ? at : -1;
    }

    /** aircompressor's message without its "offset=" suffix. */
    static String reason(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "corrupt frame (" + e.getClass().getSimpleName() + ")";
        }
        m = m.replaceAll(":?\\s*offset=-?\\d+", "").strip();
        return e instanceof io.airlift.compress.v3.MalformedInputException
                ? m
                : m + " (" + e.getClass().getSimpleName() + ")";
    }

    static final class Compressor extends AbstractCompressor {
        Compressor(int level) {
            super(Codec.ZSTD, level);
            if (level != LEVEL) {
                throw new IllegalArgumentException("java-compression has zstd level " + LEVEL + " only, not " + level);
            }
        }

        /** zstd's {@code ZSTD_COMPRESSBOUND}, which aircompressor's compressor keeps to. */
        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
            }
            long bound = inputLength + (inputLength >>> 8);
            if (inputLength < 128 * 1024) {
                bound += (128 * 1024 - inputLength) >>> 11;
            }
            return bound;
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            ZstdJavaCompressor compressor = new ZstdJavaCompressor();
            if (maxOutputLength >= maxCompressedLength(length)) {
                return compressor.compress(input, offset, length, output, outputOffset, maxOutputLength);
            }
            // aircompressor may write scratch beyond what it keeps: compress into room of the full bound.
            byte[] scratch = new byte[(int) maxCompressedLength(length)];
            int n = compressor.compress(input, offset, length, scratch, 0, scratch.length);
            if (n > maxOutputLength) {
                throw outputTooSmall(length, maxOutputLength);
            }
            System.arraycopy(scratch, 0, output, outputOffset, n);
            return n;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            return new FlushableStream(out);
        }
    }

    /**
     * aircompressor's {@code ZstdOutputStream}, made flushable. It has no flush of its own (it keeps
     * input until a window fills), so {@link #flush} ends the current frame and the next write
     * starts another: concatenated frames decode as the concatenation of their content (RFC 8878,
     * and every decoder here and the {@code zstd} tool read them so).
     */
    static final class FlushableStream extends ChunkedOutputStream {
        private final OutputStream out;
        /** {@code out} for one frame: aircompressor's close ends the frame, not the target. */
        private final OutputStream unclosable;
        /** The frame being written, or null between frames. */
        private ZstdOutputStream frame;

        private boolean wroteFrame;

        FlushableStream(OutputStream out) {
            super("zstd");
            this.out = out;
            this.unclosable = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }
            };
        }

        @Override
        protected void writeChunk(byte[] b, int off, int len) throws IOException {
            frame().write(b, off, len);
        }

        private ZstdOutputStream frame() throws IOException {
            if (frame == null) {
                frame = new ZstdOutputStream(unclosable);
            }
            return frame;
        }

        private void endFrame() throws IOException {
            if (frame != null) {
                frame.close();
                frame = null;
                wroteFrame = true;
            }
        }

        /** Ends the frame so that what was written decodes; the next write starts another frame. */
        @Override
        protected void flushWritten() throws IOException {
            endFrame();
            out.flush();
        }

        /** Ends the frame (an empty stream still writes one, empty) and closes the target. */
        @Override
        protected void closeOnce() throws IOException {
            try (out) {
                if (!wroteFrame) {
                    frame();
                }
                endFrame();
            }
        }
    }

    static final class Decompressor extends AbstractDecompressor {
        Decompressor() {
            super(Codec.ZSTD);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            if (length == 0) {
                throw malformed(0, "empty input: no zstd frame", null);
            }
            try {
                if (maxOutputLength == 0) {
                    // aircompressor returns 0 for an empty output range, whatever the frame holds:
                    // decode into one byte of scratch to find out.
                    if (new ZstdJavaDecompressor().decompress(input, offset, length, new byte[1], 0, 1) > 0) {
                        throw tooLarge(-1, 0);
                    }
                    return 0;
                }
                return new ZstdJavaDecompressor()
                        .decompress(input, offset, length, output, outputOffset, maxOutputLength);
            } catch (RuntimeException e) {
                if (e instanceof MalformedInputException m) {
                    throw m;
                }
                String reason = reason(e);
                if (reason.contains("Output buffer too small")) {
                    throw tooLarge(inputOffset(e, offset, length), maxOutputLength);
                }
                throw malformed(inputOffset(e, offset, length), reason, e);
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new Guarded(in);
        }

        /** aircompressor's stream, its exceptions turned into ours; an empty input is malformed. */
        private final class Guarded extends ChunkedInputStream {
            private final CountingInputStream counted;
            private final ZstdInputStream zstd;

            Guarded(InputStream in) {
                counted = new CountingInputStream(in);
                zstd = new ZstdInputStream(counted);
            }

            @Override
            protected int readChunk(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = zstd.read(b, off, len);
                } catch (IOException e) {
                    if (e == counted.failure) {
                        throw e; // the underlying stream's own failure, not bad input
                    }
                    throw new IOException(malformed(-1, e.getMessage() + after(), e));
                } catch (RuntimeException e) {
                    throw new IOException(malformed(-1, reason(e) + after(), e));
                }
                if (n < 0 && counted.count == 0) {
                    throw new IOException(malformed(0, "empty input: no zstd frame", null));
                }
                return n;
            }

            private String after() {
                return " (after reading " + counted.count + " bytes of input)";
            }

            @Override
            public void close() throws IOException {
                zstd.close();
            }
        }
    }

    /** Counts the bytes read through it: the offset reached in the compressed input. */
    static final class CountingInputStream extends ChunkedInputStream {
        private final InputStream in;
        long count;
        IOException failure;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
