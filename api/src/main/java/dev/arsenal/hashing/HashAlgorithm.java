package dev.arsenal.hashing;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The non-cryptographic hash functions and checksums. Each has a stable {@link #id()} (the name
 * used on the command line, in configuration keys and in reports) and an output width.
 */
public enum HashAlgorithm implements Algorithm {
    /** XXH32: 32-bit xxHash, 32-bit seed. */
    XXH32("xxh32", 32, true),
    /** XXH64: 64-bit xxHash, 64-bit seed. */
    XXH64("xxh64", 64, true),
    /** XXH3 with 64-bit output ({@code XXH3_64bits_withSeed}). */
    XXH3_64("xxh3", 64, true),
    /** XXH3 with 128-bit output ({@code XXH3_128bits_withSeed}). */
    XXH3_128("xxh128", 128, true),
    /** CRC-32 (ISO-HDLC, as {@link java.util.zip.CRC32}, gzip and zlib). Not seeded. */
    CRC32("crc32", 32, false),
    /** CRC-32C (Castagnoli, as {@link java.util.zip.CRC32C}, iSCSI and ext4). Not seeded. */
    CRC32C("crc32c", 32, false);

    private final String id;
    private final int bits;
    private final boolean seeded;

    HashAlgorithm(String id, int bits, boolean seeded) {
        this.id = id;
        this.bits = bits;
        this.seeded = seeded;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.HASHING;
    }

    /** The output width in bits: 32, 64 or 128. */
    public int bits() {
        return bits;
    }

    /** Whether the algorithm takes a seed; checksums do not. */
    public boolean seeded() {
        return seeded;
    }

    /** The ids of all algorithms, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(HashAlgorithm::id).toList();
    }

    /**
     * Finds an algorithm by id, ignoring case; also accepts the enum names ({@code XXH3_64}) and
     * {@code xxh3-64} / {@code xxh3-128}.
     *
     * @throws UnknownAlgorithmException listing the known ids
     */
    public static HashAlgorithm byId(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (HashAlgorithm a : values()) {
            if (a.id.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n.replace('-', '_'))) {
                return a;
            }
        }
        throw new UnknownAlgorithmException(name, ids());
    }

    /**
     * Checks that a seed fits this algorithm: checksums take only 0, XXH32 takes 32-bit seeds
     * (signed or unsigned).
     *
     * @throws IllegalArgumentException naming the seed and the algorithm
     */
    public void checkSeed(long seed) {
        if (!seeded && seed != 0) {
            throw new IllegalArgumentException(id + " takes no seed, got " + seed);
        }
        if (this == XXH32 && seed != (int) seed && (seed >>> 32) != 0) {
            throw new IllegalArgumentException("xxh32 takes a 32-bit seed, got " + seed);
        }
    }

    /**
     * Checks that the algorithm's width is {@code bits}.
     *
     * @throws IllegalArgumentException naming the algorithm and both widths
     */
    public void checkBits(int expected) {
        if (bits != expected) {
            throw new IllegalArgumentException(
                    id + " is a " + bits + "-bit hash; ask for a Hasher" + bits + ", not a Hasher" + expected);
        }
    }
}
