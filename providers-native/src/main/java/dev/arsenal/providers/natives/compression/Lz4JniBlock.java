package dev.arsenal.providers.natives.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The raw LZ4 block format through lz4-java's JNI library ({@link LZ4Factory#nativeInstance()}).
 * With {@link Lz4JniCompressionProvider}'s probe, this is the only class of the compression package
 * that names {@code net.jpountz} types; the provider loads it only after lz4-java was found.
 *
 * <p>Level 1 is liblz4's fast compressor ({@code LZ4_compress_default}), 2 to 12 its HC compressor
 * at that level ({@code LZ4_compress_HC}), as the {@code lz4} command's {@code -1} to {@code -12}.
 * Both lz4-java compressors are stateless in Java (the C state is per call) and thread-safe.
 *
 * <p>Decoding uses only the safe decompressor ({@code LZ4_decompress_safe}), which never reads or
 * writes outside the ranges it is given; never lz4-java's "fast" decompressor, which trusts the
 * decompressed length and reads past the end of hostile input.
 */
final class Lz4JniBlock {
    /** The class whose presence means lz4-java's LZ4 is on the class path. */
    static final String FACTORY_CLASS = "net.jpountz.lz4.LZ4Factory";

    private Lz4JniBlock() {}

    /**
     * Loads lz4-java's native library and its LZ4 factory.
     *
     * @return what was loaded ({@code LZ4Factory:JNI})
     * @throws LinkageError if the native library cannot be loaded
     */
    static String load() {
        return LZ4Factory.nativeInstance().toString();
    }

    /** liblz4's {@code LZ4_COMPRESSBOUND}: the most a block of {@code n} bytes compresses to. */
    static long maxCompressedLength(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("inputLength must not be negative: " + n);
        }
        return n + n / 255 + 16;
    }

    /** A compressor at {@code level}. */
    static final class BlockCompressor extends AbstractCompressor {
        private final LZ4Compressor compressor;

        BlockCompressor(int level) {
            super(Codec.LZ4_BLOCK, level);
            LZ4Factory factory = LZ4Factory.nativeInstance();
            this.compressor = level == 1 ? factory.fastCompressor() : factory.highCompressor(level);
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            return Lz4JniBlock.maxCompressedLength(inputLength);
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            try {
                return compressor.compress(input, offset, length, output, outputOffset, maxOutputLength);
            } catch (LZ4Exception e) {
                throw tooSmall(length, maxOutputLength, e);
            }
        }

        /** lz4-java's {@code ByteBuffer} form: in place for heap and direct buffers alike. */
        @Override
        public void compress(ByteBuffer input, ByteBuffer output) {
            if (output.isReadOnly()) {
                throw new java.nio.ReadOnlyBufferException();
            }
            int n;
            try {
                n = compressor.compress(
                        input, input.position(), input.remaining(), output, output.position(), output.remaining());
            } catch (LZ4Exception e) {
                throw tooSmall(input.remaining(), output.remaining(), e);
            }
            input.position(input.limit());
            output.position(output.position() + n);
        }

        /** Segments of up to 2 GiB as buffers over the same memory; larger ones as the base class does. */
        @Override
        public long compress(MemorySegment input, MemorySegment output) {
            if (input.byteSize() > Integer.MAX_VALUE || output.byteSize() > Integer.MAX_VALUE || output.isReadOnly()) {
                return super.compress(input, output);
            }
            ByteBuffer in = input.asByteBuffer();
            ByteBuffer out = output.asByteBuffer();
            compress(in, out);
            return out.position();
        }

        private IllegalArgumentException tooSmall(long length, long room, LZ4Exception e) {
            IllegalArgumentException tooSmall = outputTooSmall(length, room);
            tooSmall.initCause(e);
            return tooSmall;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
    }

    /**
     * The decompressor. The format records neither the decompressed size nor where the block ends,
     * and liblz4 answers every failure with one negative number, so a block that needs more room
     * than given and a corrupted one are the same error: "malformed block, or more than N bytes of
     * output". lz4-java does not pass on liblz4's error position, so the offset is unknown (-1).
     */
    static final class BlockDecompressor extends AbstractDecompressor {
        private final LZ4SafeDecompressor decompressor =
                LZ4Factory.nativeInstance().safeDecompressor();

        BlockDecompressor() {
            super(Codec.LZ4_BLOCK);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            try {
                return decompressor.decompress(input, offset, length, output, outputOffset, maxOutputLength);
            } catch (LZ4Exception e) {
                throw malformedBlock(length, maxOutputLength, e);
            }
        }

        /** lz4-java's {@code ByteBuffer} form: in place for heap and direct buffers alike. */
        @Override
        public void decompress(ByteBuffer input, ByteBuffer output) {
            if (output.isReadOnly()) {
                throw new java.nio.ReadOnlyBufferException();
            }
            int n;
            try {
                n = decompressor.decompress(
                        input, input.position(), input.remaining(), output, output.position(), output.remaining());
            } catch (LZ4Exception e) {
                throw malformedBlock(input.remaining(), output.remaining(), e);
            }
            input.position(input.limit());
            output.position(output.position() + n);
        }

        /** Segments of up to 2 GiB as buffers over the same memory; larger ones as the base class does. */
        @Override
        public long decompress(MemorySegment input, MemorySegment output) {
            if (input.byteSize() > Integer.MAX_VALUE || output.byteSize() > Integer.MAX_VALUE || output.isReadOnly()) {
                return super.decompress(input, output);
            }
            ByteBuffer in = input.asByteBuffer();
            ByteBuffer out = output.asByteBuffer();
            decompress(in, out);
            return out.position();
        }

        private MalformedInputException malformedBlock(long length, long room, LZ4Exception e) {
            String reason = length == 0
                    ? "empty input (a block has at least one token byte)"
                    : "malformed or truncated block, or more than the " + room + " bytes of room given"
                            + " (liblz4 does not tell which; lz4-java: " + e.getMessage() + ")";
            return malformed(-1, reason, e);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
    }
}
