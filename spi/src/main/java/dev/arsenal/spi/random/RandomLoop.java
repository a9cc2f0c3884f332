package dev.arsenal.spi.random;

import dev.arsenal.random.SeededRandom;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.LongUnaryOperator;

/**
 * The timed loop of a calibration or {@code arsenal bench random}: a generator fills {@code size}
 * bytes with its raw outputs, little-endian, as {@code arsenal random} writes them (64-bit words;
 * 32-bit for PCG32). As the other families' loops, the calibrator defines a copy per provider in a
 * class loader of its own, so the class takes API types only.
 */
public final class RandomLoop implements LongUnaryOperator {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final SeededRandom random;
    private final byte[] out;
    private final boolean narrow;

    /** A loop over {@code subject}, a {@link SeededRandom}, into an array as long as {@code data}. */
    public RandomLoop(Object subject, byte[] data) {
        this.random = (SeededRandom) subject;
        this.out = new byte[data.length + 8];
        this.narrow = random.algorithm().outputBits() == 32;
    }

    /**
     * Fills {@code size} bytes {@code calls} times.
     *
     * @param sizeAndCalls {@code size << 32 | calls}
     * @return a value depending on every output, so the work cannot be dropped
     */
    @Override
    public long applyAsLong(long sizeAndCalls) {
        int size = (int) (sizeAndCalls >>> 32);
        int calls = (int) sizeAndCalls;
        long acc = 0;
        for (int c = 0; c < calls; c++) {
            if (narrow) {
                for (int i = 0; i < size; i += 4) {
                    INT.set(out, i, random.nextInt());
                }
            } else {
                for (int i = 0; i < size; i += 8) {
                    LONG.set(out, i, random.nextLong());
                }
            }
            acc += out[size - 1];
        }
        return acc;
    }
}
