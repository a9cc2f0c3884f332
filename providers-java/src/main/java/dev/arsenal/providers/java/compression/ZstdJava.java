package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import dev.arsenal.spi.compression.ChunkedOutputStream;
import io.airlift.compress.v3.zstd.ZstdJavaCompressor;
import io.airlift.compress.v3.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Zstandard ({@link Codec#ZSTD}). Compression through aircompressor's pure-Java codec: {@code
 * ZstdJavaCompressor} and {@code ZstdOutputStream} compress at zstd's level 3 only (aircompressor's
 * Java code has no other level). Decompression through this package's own decoder, without {@code
 * sun.misc.Unsafe}: {@link ZstdFrameDecoder} (arrays) and {@link ZstdDecodingStream} (streams)
 * decode every frame of RFC 8878 (skippable and concatenated frames, dictionaries in the zstd
 * format or raw content) with windows up to 2^27 bytes, libzstd's default limit.
 */
final class ZstdJava {
    /** The one level aircompressor's Java compressor has. */
    static final int LEVEL = 3;

    private ZstdJava() {}

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

    /**
     * {@link Codec#ZSTD} decompression through this package's own decoder: {@link ZstdFrameDecoder}
     * for arrays, {@link ZstdDecodingStream} for streams, with a dictionary or without.
     *
     * <p>Thread-safe: a call takes the idle {@link ZstdFrameDecoder} (its 128 KiB literals buffer
     * and tables) or makes one, and gives it back; concurrent calls each get their own.
     */
    static final class Decompressor extends AbstractDecompressor {
        /** The dictionary, or null. */
        private final ZstdDictionary dictionary;

        private final AtomicReference<ZstdFrameDecoder> idle = new AtomicReference<>();

        Decompressor() {
            this(null);
        }

        /**
         * With a dictionary: the zstd format ({@code zstd --train}) or raw content (any other
         * bytes); null for none. A frame that names a dictionary ID needs a dictionary, and the
         * same ID unless the dictionary is raw content.
         *
         * @throws IllegalArgumentException if the dictionary has the zstd magic number and a
         *     corrupt header
         */
        Decompressor(byte[] dictionary) {
            super(Codec.ZSTD);
            this.dictionary = dictionary == null ? null : ZstdDictionary.of(dictionary);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            ZstdFrameDecoder decoder = idle.getAndSet(null);
            if (decoder == null) {
                decoder = new ZstdFrameDecoder();
            }
            try {
                return decoder.decode(input, offset, length, output, outputOffset, maxOutputLength, dictionary);
            } finally {
                idle.set(decoder); // reusable after a failure too: each frame starts afresh
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new ZstdDecodingStream(in, dictionary);
        }
    }
}
