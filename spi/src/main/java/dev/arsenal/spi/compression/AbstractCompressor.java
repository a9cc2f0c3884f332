package dev.arsenal.spi.compression;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What every compressor shares: codec and level, range checks, and the {@code ByteBuffer} and
 * {@code MemorySegment} forms in terms of the array form (through a copy when the memory is not a
 * heap array; providers with a native path override them). Subclasses implement {@link
 * #compressArrays} and {@link #newStream(OutputStream)}, and {@link #newStream(OutputStream, long)}
 * if their frames can record the content size.
 */
public abstract class AbstractCompressor implements Compressor {
    private final Codec codec;
    private final int level;

    /** A compressor of {@code codec} at {@code level} (checked against the codec's range). */
    protected AbstractCompressor(Codec codec, int level) {
        codec.checkLevel(level);
        this.codec = codec;
        this.level = level;
    }

    @Override
    public final Codec codec() {
        return codec;
    }

    @Override
    public final int level() {
        return level;
    }

    @Override
    public final int compress(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, maxOutputLength, output.length);
        return compressArrays(input, offset, length, output, outputOffset, maxOutputLength);
    }

    /**
     * Compresses a checked range into a checked range.
     *
     * @throws IllegalArgumentException if the output range is too small
     */
    protected abstract int compressArrays(
            byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutputLength);

    /** The exception for an output range too small for this input. */
    protected final IllegalArgumentException outputTooSmall(long inputLength, long room) {
        return new IllegalArgumentException(codec.id() + ": " + room + " bytes of output are too few for " + inputLength
                + " bytes of input; maxCompressedLength is " + maxCompressedLength(inputLength));
    }

    @Override
    public void compress(ByteBuffer input, ByteBuffer output) {
        byte[] in = new byte[input.remaining()];
        input.duplicate().get(in);
        byte[] out = new byte[(int) Math.min(output.remaining(), Math.max(0, maxCompressedLength(in.length)))];
        int n = compressArrays(in, 0, in.length, out, 0, out.length);
        output.put(out, 0, n);
        input.position(input.limit());
    }

    @Override
    public long compress(MemorySegment input, MemorySegment output) {
        byte[] in = input.toArray(ValueLayout.JAVA_BYTE);
        int room = (int) Math.min(output.byteSize(), Math.max(0, maxCompressedLength(in.length)));
        byte[] out = new byte[room];
        int n = compressArrays(in, 0, in.length, out, 0, out.length);
        MemorySegment.copy(out, 0, output, ValueLayout.JAVA_BYTE, 0, n);
        return n;
    }

    @Override
    public final OutputStream compressing(OutputStream out) {
        if (codec == Codec.LZ4_BLOCK) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
        return newStream(Objects.requireNonNull(out, "out"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The provider's {@link #newStream(OutputStream, long)} writes the frame; what is written is
     * counted here, around it, so that every provider answers a wrong size the same way.
     */
    @Override
    public final OutputStream compressing(OutputStream out, long contentSize) {
        if (contentSize < 0) {
            throw new IllegalArgumentException("contentSize must not be negative: " + contentSize);
        }
        if (codec == Codec.LZ4_BLOCK) {
            throw new UnsupportedOperationException("lz4-block is a raw block format without streams; use lz4");
        }
        SizedOutputStream.Gate gate = new SizedOutputStream.Gate(Objects.requireNonNull(out, "out"));
        return new SizedOutputStream(codec.id(), newStream(gate, contentSize), gate, contentSize);
    }

    /** A compressing stream of this codec over {@code out}. */
    protected abstract OutputStream newStream(OutputStream out);

    /**
     * A compressing stream of this codec over {@code out} for {@code contentSize} bytes, which it
     * records in the frame's header if the format has a field for it and the options ask for it.
     * The caller checks the count. This default records nothing ({@link #newStream(OutputStream)}):
     * right for gzip, whose header has no size; providers of zstd and LZ4 frames override it.
     */
    protected OutputStream newStream(OutputStream out, long contentSize) {
        return newStream(out);
    }

    @Override
    public String toString() {
        return codec.id() + " level " + level + " (" + getClass().getSimpleName() + ")";
    }
}
