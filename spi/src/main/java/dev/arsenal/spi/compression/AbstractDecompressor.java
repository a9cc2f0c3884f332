package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every decompressor shares: range checks, the output limit, and the {@code ByteBuffer},
 * {@code MemorySegment} and allocating forms in terms of the array form and the stream (through
 * copies when the memory is not a heap array; providers override where they can do better).
 * Subclasses implement {@link #decompressArrays} and {@link #newStream}, and turn their library's
 * errors into {@link MalformedInputException}s with {@link #malformed}.
 */
public abstract class AbstractDecompressor implements Decompressor {
    private final Codec codec;

    /** A decompressor of {@code codec}. */
    protected AbstractDecompressor(Codec codec) {
        this.codec = codec;
    }

    @Override
    public final Codec codec() {
        return codec;
    }

    @Override
    public byte[] decompress(byte[] input, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        if (codec == Codec.LZ4_BLOCK) {
            // No size in the format: room for the largest expansion LZ4 allows (255x), capped.
            int room = (int) Math.min(maxLength, 255L * input.length + 16);
            byte[] out = new byte[room];
            int n = decompressArrays(input, 0, input.length, out, 0, room);
            return n == room ? out : Arrays.copyOf(out, n);
        }
        try (InputStream in = decompressing(new ByteArrayInputStream(input), maxLength)) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getCause() instanceof MalformedInputException m) {
                throw m;
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final int decompress(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, maxOutputLength, output.length);
        return decompressArrays(input, offset, length, output, outputOffset, maxOutputLength);
    }

    /**
     * Decompresses a checked range into a checked range.
     *
     * @throws MalformedInputException if the input is not valid or the output range is too small
     */
    protected abstract int decompressArrays(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength);

    @Override
    public void decompress(ByteBuffer input, ByteBuffer output) {
        byte[] in = new byte[input.remaining()];
        input.duplicate().get(in);
        byte[] out = new byte[output.remaining()];
        int n = decompressArrays(in, 0, in.length, out, 0, out.length);
        output.put(out, 0, n);
        input.position(input.limit());
    }

    @Override
    public long decompress(MemorySegment input, MemorySegment output) {
        byte[] in = input.toArray(ValueLayout.JAVA_BYTE);
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, output.byteSize())];
        int n = decompressArrays(in, 0, in.length, out, 0, out.length);
        MemorySegment.copy(out, 0, output, ValueLayout.JAVA_BYTE, 0, n);
        return n;
    }

    @Override
    public final InputStream decompressing(InputStream in, long maxLength) {
        if (codec == Codec.LZ4_BLOCK) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        return new LimitedInputStream(newStream(Objects.requireNonNull(in, "in")), maxLength);
    }

    /**
     * A decompressing stream of this codec over {@code in}. Its reads throw an {@link IOException}
     * whose cause is a {@link MalformedInputException} on bad input (use {@link #malformed}).
     */
    protected abstract InputStream newStream(InputStream in);

    /** A {@link MalformedInputException} of this codec. */
    protected final MalformedInputException malformed(long offset, String reason, Throwable cause) {
        return new MalformedInputException(codec, offset, reason, cause);
    }

    /** The message for output that would not fit the room the caller gave. */
    protected final MalformedInputException tooLarge(long offset, long room) {
        return malformed(offset, "output exceeds the " + room + " bytes of room given", null);
    }

    @Override
    public String toString() {
        return codec.id() + " (" + getClass().getSimpleName() + ")";
    }

    /** Stops a decompressing stream at the caller's limit, with the codec's exception. */
    private final class LimitedInputStream extends ChunkedInputStream {
        private final InputStream in;
        private final long limit;
        private long produced;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        protected int readChunk(byte[] b, int off, int len) throws IOException {
            // Ask for one byte more than the limit allows, to tell "exactly at the limit" from "over".
            long left = limit - produced; // never negative: reading past the limit throws
            int ask = left >= len ? len : (int) left + 1;
            int n = in.read(b, off, ask);
            if (n > 0) {
                produced += n;
                if (produced > limit) {
                    throw new IOException(malformed(-1, "output exceeds the limit of " + limit + " bytes", null));
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
