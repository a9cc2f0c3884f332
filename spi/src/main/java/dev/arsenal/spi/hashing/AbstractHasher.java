package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import java.util.Objects;

/**
 * What every hasher base shares, whatever its width: the algorithm and seed, checked once at
 * construction, the range check, and {@link #toString()}. The width-specific bases ({@link
 * AbstractHasher32}, {@link AbstractHasher64}, {@link AbstractHasher128}) add the input forms.
 */
public abstract class AbstractHasher {
    private final HashAlgorithm algorithm;
    private final long seed;

    /** Checks the width and the seed. */
    AbstractHasher(HashAlgorithm algorithm, long seed, int bits) {
        algorithm.checkBits(bits);
        algorithm.checkSeed(seed);
        this.algorithm = algorithm;
        this.seed = seed;
    }

    /** The algorithm this hasher computes. */
    public final HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The seed; 0 for unseeded checksums. */
    public final long seed() {
        return seed;
    }

    /**
     * Checks an array range as every array method must.
     *
     * @throws IndexOutOfBoundsException naming the range and the array length
     */
    protected static void checkRange(byte[] input, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, input.length);
    }

    /** A little-endian array holding {@code value}, for the default primitive paths. */
    static byte[] bytesOf(long value) {
        byte[] bytes = new byte[8];
        ByteOrderAccess.putLong(bytes, 0, value);
        return bytes;
    }

    /** A little-endian array holding {@code value}, for the default primitive paths. */
    static byte[] bytesOf(int value) {
        byte[] bytes = new byte[4];
        ByteOrderAccess.putInt(bytes, 0, value);
        return bytes;
    }

    @Override
    public String toString() {
        return algorithm.id() + "(seed=" + seed + ", " + getClass().getSimpleName() + ")";
    }
}
