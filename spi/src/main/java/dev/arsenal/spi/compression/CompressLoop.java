package dev.arsenal.spi.compression;

import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import java.util.function.LongUnaryOperator;

/**
 * The timed loop of a compression calibration: each call compresses {@code size} bytes and
 * decompresses the frame again. Like {@link dev.arsenal.spi.hashing.HashLoop}, the engine defines a
 * fresh copy per provider in a class loader of its own, so it takes only API types.
 */
public final class CompressLoop implements LongUnaryOperator {
    private final Compressor compressor;
    private final Decompressor decompressor;
    private final byte[] data;
    private final byte[] frame;
    private final byte[] back;

    /**
     * A loop over {@code data} (16 bytes longer than the largest size) with {@code subject}, an
     * {@code Object[]} of a {@link Compressor} and a {@link Decompressor} of the same codec.
     */
    public CompressLoop(Object subject, byte[] data) {
        Object[] pair = (Object[]) subject;
        this.compressor = (Compressor) pair[0];
        this.decompressor = (Decompressor) pair[1];
        this.data = data;
        this.frame = new byte[Math.toIntExact(compressor.maxCompressedLength(data.length))];
        this.back = new byte[data.length];
    }

    /**
     * Compresses and decompresses the first {@code size} bytes (from offsets 0 to 15) {@code calls}
     * times.
     *
     * @param sizeAndCalls {@code size << 32 | calls}
     * @return the sum of the frame and output lengths, so the work cannot be dropped
     */
    @Override
    public long applyAsLong(long sizeAndCalls) {
        int size = (int) (sizeAndCalls >>> 32);
        int calls = (int) sizeAndCalls;
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            int n = compressor.compress(data, i & 15, size, frame, 0, frame.length);
            acc += n + decompressor.decompress(frame, 0, n, back, 0, back.length);
        }
        return acc;
    }
}
