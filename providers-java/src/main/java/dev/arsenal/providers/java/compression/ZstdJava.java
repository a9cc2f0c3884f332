package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.IdlePool;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Zstandard ({@link Codec#ZSTD}) in this package's own code, without {@code sun.misc.Unsafe}.
 * Compression: {@link ZstdFrameEncoder} (arrays) and {@link ZstdEncodingStream} (streams), levels
 * -7 to 9. Decompression: {@link ZstdFrameDecoder} (arrays) and {@link ZstdDecodingStream}
 * (streams) decode every frame of RFC 8878 (skippable and concatenated frames, dictionaries in the
 * zstd format or raw content) with windows up to 2^27 bytes, libzstd's default limit.
 */
final class ZstdJava {
    /** The lowest level the encoder has: the fast match finder with the most acceleration. */
    static final int MIN_LEVEL = ZstdEncoderParameters.MIN_LEVEL;

    /** The highest level the encoder has: lazy2 over hash chains, as zstd's level 9. */
    static final int MAX_LEVEL = ZstdEncoderParameters.MAX_LEVEL;

    private ZstdJava() {}

    /**
     * Compression with this package's own encoder ({@link ZstdFrameEncoder}), levels {@link
     * #MIN_LEVEL} to {@link #MAX_LEVEL}, 0 meaning 3 as in libzstd. The compressor is shared by
     * threads: each call takes a context from the compressor's pool of idle ones and gives it back.
     */
    static final class Compressor extends AbstractCompressor {
        /**
         * Idle contexts: one holds its level's tables (about 1.7 MiB at level 3, 13 MiB at level 9)
         * and a stream's window, more than compressing a few KiB costs to fill.
         */
        private final IdlePool<ZstdFrameEncoder> contexts;

        Compressor(int level) {
            super(Codec.ZSTD, level);
            if (level < MIN_LEVEL || level > MAX_LEVEL) {
                throw new IllegalArgumentException(
                        "java-compression has zstd levels " + MIN_LEVEL + " to " + MAX_LEVEL + ", not " + level);
            }
            contexts = IdlePool.of(IdlePool.PER_OWNER, () -> new ZstdFrameEncoder(level));
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

        /** One frame with the content size in its header (this compressor has the defaults only). */
        @Override
        protected OutputStream newStream(OutputStream out, long contentSize) {
            return new ZstdEncodingStream(out, contexts, contentSize);
        }
    }

    /**
     * {@link Codec#ZSTD} decompression through this package's own decoder: {@link ZstdFrameDecoder}
     * for arrays, {@link ZstdDecodingStream} for streams, with a dictionary or without.
     *
     * <p>Thread-safe: a call takes an idle {@link ZstdFrameDecoder} (its 128 KiB literals buffer and
     * tables) from an {@link IdlePool} or makes one, and gives it back; concurrent calls each get
     * their own.
     */
    static final class Decompressor extends AbstractDecompressor {
        /** The dictionary, or null. */
        private final ZstdDictionary dictionary;

        /** Idle decoders: one holds a 128 KiB literals buffer and the entropy tables. */
        private final IdlePool<ZstdFrameDecoder> idle = IdlePool.of(IdlePool.PER_OWNER, ZstdFrameDecoder::new);

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
            ZstdFrameDecoder decoder = idle.take();
            try {
                return decoder.decode(input, offset, length, output, outputOffset, maxOutputLength, dictionary);
            } finally {
                idle.give(decoder, true); // reusable after a failure too: each frame starts afresh
            }
        }

        @Override
        protected InputStream newStream(InputStream in) {
            return new ZstdDecodingStream(in, dictionary);
        }
    }
}
