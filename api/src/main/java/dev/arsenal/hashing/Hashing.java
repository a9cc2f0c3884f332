package dev.arsenal.hashing;

import dev.arsenal.Arsenal;

/**
 * The entry point for hashing: each method returns the hasher that the {@linkplain
 * Arsenal#runtime() default runtime} selected for the algorithm on this machine.
 *
 * <pre>{@code
 * private static final Hasher64 XXH3 = Hashing.xxh3_64();
 * long h = XXH3.hash(bytes);
 * }</pre>
 *
 * <p>Obtaining a hasher consults the selection; keep the result rather than calling these methods
 * on every hash. For another configuration, use {@link Arsenal#create(dev.arsenal.Configuration)}.
 */
public final class Hashing {
    private Hashing() {}

    /** XXH32 with seed 0. */
    public static Hasher32 xxh32() {
        return xxh32(0);
    }

    /** XXH32 with a 32-bit seed. */
    public static Hasher32 xxh32(int seed) {
        return Arsenal.runtime().hasher32(HashAlgorithm.XXH32, Integer.toUnsignedLong(seed));
    }

    /** XXH64 with seed 0. */
    public static Hasher64 xxh64() {
        return xxh64(0);
    }

    /** XXH64 with a seed. */
    public static Hasher64 xxh64(long seed) {
        return Arsenal.runtime().hasher64(HashAlgorithm.XXH64, seed);
    }

    /** XXH3 (64-bit output) with seed 0. */
    public static Hasher64 xxh3_64() {
        return xxh3_64(0);
    }

    /** XXH3 (64-bit output) with a seed. */
    public static Hasher64 xxh3_64(long seed) {
        return Arsenal.runtime().hasher64(HashAlgorithm.XXH3_64, seed);
    }

    /** XXH3 (128-bit output) with seed 0. */
    public static Hasher128 xxh3_128() {
        return xxh3_128(0);
    }

    /** XXH3 (128-bit output) with a seed. */
    public static Hasher128 xxh3_128(long seed) {
        return Arsenal.runtime().hasher128(HashAlgorithm.XXH3_128, seed);
    }

    /** CRC-32; its streams are {@link java.util.zip.Checksum}s. */
    public static Hasher32 crc32() {
        return Arsenal.runtime().hasher32(HashAlgorithm.CRC32, 0);
    }

    /** CRC-32C; its streams are {@link java.util.zip.Checksum}s. */
    public static Hasher32 crc32c() {
        return Arsenal.runtime().hasher32(HashAlgorithm.CRC32C, 0);
    }

    /**
     * A 32-bit hasher by algorithm name, such as {@code "xxh32"} or {@code "crc32c"}.
     *
     * @throws dev.arsenal.UnknownAlgorithmException listing the known names
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     */
    public static Hasher32 hasher32(String algorithm, long seed) {
        return Arsenal.runtime().hasher32(HashAlgorithm.byId(algorithm), seed);
    }

    /** A 64-bit hasher by algorithm name ({@code "xxh64"}, {@code "xxh3"}); see {@link #hasher32}. */
    public static Hasher64 hasher64(String algorithm, long seed) {
        return Arsenal.runtime().hasher64(HashAlgorithm.byId(algorithm), seed);
    }

    /** A 128-bit hasher by algorithm name ({@code "xxh128"}); see {@link #hasher32}. */
    public static Hasher128 hasher128(String algorithm, long seed) {
        return Arsenal.runtime().hasher128(HashAlgorithm.byId(algorithm), seed);
    }
}
