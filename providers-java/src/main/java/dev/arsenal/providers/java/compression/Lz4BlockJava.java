package dev.arsenal.providers.java.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import dev.arsenal.spi.compression.AbstractCompressor;
import dev.arsenal.spi.compression.AbstractDecompressor;
import io.airlift.compress.v3.lz4.Lz4JavaCompressor;
import io.airlift.compress.v3.lz4.Lz4JavaDecompressor;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The raw LZ4 block format ({@link Codec#LZ4_BLOCK}) through aircompressor's pure-Java block
 * codec, and {@link #decodeLinked}, this package's own block decoder for blocks whose matches
 * reach back into earlier blocks (the LZ4 frame format's linked blocks, which aircompressor's
 * decoder does not handle).
 *
 * <p>A block is a run of sequences; the last has literals only:
 *
 * <pre>
 *  token       literal length   literals      offset (LE)   match length
 * +----+----+ +--------------+ +-----------+ +-----------+ +--------------+
 * |lit |mat | | 255 ... 255 x| | lit bytes | |  lo | hi  | | 255 ... 255 y|
 * +----+----+ +--------------+ +-----------+ +-----------+ +--------------+
 *  4 bits each  only if lit=15                 1..65535      only if mat=15; length = mat+4+...
 * </pre>
 */
final class Lz4BlockJava {
    /** The farthest a match may reach back: 64 KiB - 1. */
    static final int WINDOW = 65_536;

    private Lz4BlockJava() {}

    /** The most bytes aircompressor's block compressor writes for {@code length} bytes. */
    static int maxBlockLength(int length) {
        return length + length / 255 + 16;
    }

    /**
     * Compresses one block with aircompressor's fast compressor (a new one each call: it keeps a
     * hash table).
     *
     * @return the compressed length, or -1 if it does not fit {@code maxOutputLength}
     */
    static int compressBlock(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput) {
        Lz4JavaCompressor compressor = new Lz4JavaCompressor();
        if (maxOutput >= compressor.maxCompressedLength(length)) {
            return compressor.compress(input, offset, length, output, outputOffset, maxOutput);
        }
        byte[] scratch = new byte[compressor.maxCompressedLength(length)];
        int n = compressor.compress(input, offset, length, scratch, 0, scratch.length);
        if (n > maxOutput) {
            return -1;
        }
        System.arraycopy(scratch, 0, output, outputOffset, n);
        return n;
    }

    /**
     * Decodes one block whose matches stay inside its own output: with aircompressor's decoder,
     * and when that fails (or the range is empty), again with {@link #decodeLinked}, whose errors
     * say whether the block is corrupt or needs more room.
     *
     * @param inputBase the offset of {@code input[offset]} in the whole compressed input, for
     *     messages
     * @return the decoded length
     */
    static int decodeIndependent(
            Codec codec,
            long inputBase,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int outputOffset,
            int maxOutput) {
        if (length == 0) {
            throw new MalformedInputException(codec, inputBase, "truncated input: an LZ4 block holds at least a token");
        }
        if (maxOutput > 0) { // aircompressor returns 0 for an empty output range, whatever the block holds
            try {
                return new Lz4JavaDecompressor().decompress(input, offset, length, output, outputOffset, maxOutput);
            } catch (RuntimeException e) {
                // aircompressor cannot tell a corrupt block from one that needs more room ("last 5
                // bytes must be literals" is either). Decode again below, which can; it also accepts
                // the rare valid block aircompressor's stricter end rules refuse.
            }
        }
        int end = decodeLinked(
                codec, inputBase, input, offset, length, output, outputOffset, outputOffset, outputOffset + maxOutput);
        return end - outputOffset;
    }

    /**
     * Decodes one block into {@code output[outputOffset, outputLimit)}, its matches allowed to reach
     * back to {@code output[windowStart]} (the previous blocks of a frame with linked blocks).
     * Checks every length and offset before it copies: a corrupt block is a {@link
     * MalformedInputException}, never a write outside the range.
     *
     * @param inputBase the offset of {@code input[offset]} in the whole compressed input
     * @return the end of the decoded bytes in {@code output}
     */
    static int decodeLinked(
            Codec codec,
            long inputBase,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int windowStart,
            int outputOffset,
            int outputLimit) {
        int ip = offset;
        int end = offset + length;
        int op = outputOffset;
        while (true) {
            if (ip >= end) {
                throw new MalformedInputException(
                        codec, inputBase + ip - offset, "truncated LZ4 block: a sequence needs a token");
            }
            int token = input[ip++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (ip >= end) {
                        throw truncated(codec, inputBase + ip - offset);
                    }
                    b = input[ip++] & 0xFF;
                    literals += b;
                    if (literals > end - ip) {
                        throw truncated(codec, inputBase + ip - offset);
                    }
                } while (b == 255);
            }
            if (literals > end - ip) {
                throw truncated(codec, inputBase + ip - offset);
            }
            if (literals > outputLimit - op) {
                throw tooLarge(codec, inputBase + ip - offset, outputLimit - outputOffset);
            }
            System.arraycopy(input, ip, output, op, literals);
            ip += literals;
            op += literals;
            if (ip == end) {
                return op;
            }
            if (end - ip < 2) {
                throw truncated(codec, inputBase + ip - offset);
            }
            int distance = (input[ip] & 0xFF) | (input[ip + 1] & 0xFF) << 8;
            if (distance == 0 || distance > op - windowStart) {
                throw new MalformedInputException(
                        codec,
                        inputBase + ip - offset,
                        "LZ4 match offset " + distance + " reaches before the start of the window ("
                                + (op - windowStart) + " bytes)");
            }
            ip += 2;
            int match = token & 15;
            if (match == 15) {
                int b;
                do {
                    if (ip >= end) {
                        throw truncated(codec, inputBase + ip - offset);
                    }
                    b = input[ip++] & 0xFF;
                    match += b;
                    if (match > outputLimit - op) {
                        break;
                    }
                } while (b == 255);
            }
            match += 4;
            if (match > outputLimit - op) {
                throw tooLarge(codec, inputBase + ip - offset, outputLimit - outputOffset);
            }
            // Overlapping copies repeat the last `distance` bytes; copy in chunks that never overlap,
            // doubling as the repeated region grows.
            int from = op - distance;
            int stop = op + match;
            while (op < stop) {
                int n = Math.min(stop - op, op - from);
                System.arraycopy(output, from, output, op, n);
                op += n;
            }
        }
    }

    private static MalformedInputException tooLarge(Codec codec, long at, int room) {
        return new MalformedInputException(
                codec,
                at,
                codec == Codec.LZ4_BLOCK
                        ? "output exceeds the " + room + " bytes of room given"
                        : "a block decodes to more than the frame's block size of " + room + " bytes");
    }

    private static MalformedInputException truncated(Codec codec, long at) {
        return new MalformedInputException(codec, at, "truncated LZ4 block");
    }

    /** {@link Codec#LZ4_BLOCK} compression: one block, level 1 only. */
    static final class Compressor extends AbstractCompressor {
        Compressor(int level) {
            super(Codec.LZ4_BLOCK, level);
        }

        @Override
        public long maxCompressedLength(long inputLength) {
            if (inputLength < 0) {
                throw new IllegalArgumentException("inputLength must not be negative: " + inputLength);
            }
            return inputLength + inputLength / 255 + 16;
        }

        @Override
        protected int compressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            int n = compressBlock(input, offset, length, output, outputOffset, maxOutputLength);
            if (n < 0) {
                throw outputTooSmall(length, maxOutputLength);
            }
            return n;
        }

        @Override
        protected OutputStream newStream(OutputStream out) {
            throw new UnsupportedOperationException("lz4-block has no stream format");
        }
    }

    /** {@link Codec#LZ4_BLOCK} decompression through aircompressor's decoder. */
    static final class Decompressor extends AbstractDecompressor {
        Decompressor() {
            super(Codec.LZ4_BLOCK);
        }

        @Override
        protected int decompressArrays(
                byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
            return decodeIndependent(Codec.LZ4_BLOCK, 0, input, offset, length, output, outputOffset, maxOutputLength);
        }

        @Override
        protected InputStream newStream(InputStream in) {
            throw new UnsupportedOperationException("lz4-block has no stream format");
        }
    }
}
