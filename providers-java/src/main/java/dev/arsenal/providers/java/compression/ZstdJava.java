package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedInputStream;
import io.airlift.compress.v3.zstd.ZstdInputStream;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Zstandard ({@link Codec#ZSTD}): this package's encoder ({@link ZstdFrameEncoder}, {@link
 * ZstdEncodingStream}) compresses at levels -7 to 9, without {@code sun.misc.Unsafe};
 * aircompressor's {@code ZstdJavaDecompressor} and {@code ZstdInputStream} decode every frame the
 * {@code zstd} tool writes, skippable and concatenated frames included (no dictionaries).
 *
 * <p>aircompressor's {@code MalformedInputException} carries a raw memory address (array base
 * offset plus position), not an input offset; {@link #inputOffset} subtracts the base, measured
 * once on a known bad input.
 */
final class ZstdJava {
    /** The lowest level the encoder has: the fast match finder with the most acceleration. */
    static final int MIN_LEVEL = ZstdEncoderParameters.MIN_LEVEL;

    /** The highest level the encoder has: lazy2 over hash chains, as zstd's level 9. */
    static final int MAX_LEVEL = ZstdEncoderParameters.MAX_LEVEL;

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

    /**
     * Compression with this package's own encoder ({@link ZstdFrameEncoder}), levels {@link
     * #MIN_LEVEL} to {@link #MAX_LEVEL}, 0 meaning 3 as in libzstd. The compressor is shared by
     * threads: each call takes a context from the compressor's pool of idle ones and gives it back.
     */
    static final class Compressor extends AbstractCompressor {
        private final ZstdFrameEncoder.Pool contexts;

        Compressor(int level) {
            super(Codec.ZSTD, level);
            if (level < MIN_LEVEL || level > MAX_LEVEL) {
                throw new IllegalArgumentException(
                        "java-compression has zstd levels " + MIN_LEVEL + " to " + MAX_LEVEL + ", not " + level);
            }
            contexts = new ZstdFrameEncoder.Pool(level);
        }

        /** zstd's {@code ZSTD_COMPRESSBOUND}, which the encoder keeps to. */
        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
            }
            return ZstdFrameEncoder.maxCompressedLength(inputLength);
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            ZstdFrameEncoder context = contexts.take();
            boolean done = false;
            int n;
            try {
                n = context.compress(input, offset, length, output, outputOffset, maxOutputLength);
                done = true;
            } finally {
                contexts.give(context, done);
            }
            if (n < 0) {
                throw outputTooSmall(length, maxOutputLength);
            }
            return n;
        }

        /** One frame, flushable; see {@link ZstdEncodingStream}. */
        @Override
        protected OutputStream newStream(OutputStream out) {
            return new ZstdEncodingStream(out, contexts);
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
