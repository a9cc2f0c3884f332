package dev.arsenal.spi.hashing;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reference hashes the hashing contract test checks every provider against, read from files
 * committed under {@code reference/} beside this class: generated once by {@link #main} from the
 * reference implementations (libxxhash for the xxHash family, zlib for CRC-32, the bit-by-bit
 * definition in {@link XxHashReference} for CRC-32C), as hash4j does. A machine without those
 * libraries still checks every provider; where the libraries are present the contract test also
 * checks the files against them.
 *
 * <p>The input is the contract test's pool: {@code new Random(0x5EED).nextBytes(new byte[}{@link
 * #POOL_SIZE}{@code ])} (the generator {@link java.util.Random} specifies exactly), hashed from
 * {@link #OFFSET} for every length 0..{@value #MAX_SMALL} and the {@link #LARGE} lengths, under each
 * of {@link #seeds}. A file has one line per length: the length, then the hash under each seed in
 * the order of its {@code # seeds:} line, hex as {@code xxhsum} prints it.
 */
public final class ReferenceHashes {
    /** Every length from 0 to this one is checked. */
    public static final int MAX_SMALL = 4096;

    /** Larger lengths, across XXH3's stripes and blocks. */
    static final int[] LARGE = {65_536 + 5, 1_048_576 + 13, 3 * 1_048_576 + 11};

    /** Where inputs start in the pool: odd, so that no read is aligned. */
    public static final int OFFSET = 7;

    /** The pool: the largest input, both offsets and a long of slack. */
    public static final int POOL_SIZE = LARGE[LARGE.length - 1] + 2 * OFFSET + 8;

    private static final Map<HashAlgorithm, Map<Integer, Hash128[]>> LOADED =
            Collections.synchronizedMap(new EnumMap<>(HashAlgorithm.class));

    private ReferenceHashes() {}

    /** A new copy of the pool the inputs are cut from. */
    public static byte[] pool() {
        byte[] pool = new byte[POOL_SIZE];
        new Random(0x5EED).nextBytes(pool);
        return pool;
    }

    /** The lengths with a reference hash: 0..{@value #MAX_SMALL}, then {@link #LARGE}. */
    public static List<Integer> lengths() {
        List<Integer> lengths = new ArrayList<>();
        for (int length = 0; length <= MAX_SMALL; length++) {
            lengths.add(length);
        }
        for (int length : LARGE) {
            lengths.add(length);
        }
        return lengths;
    }

    /** The seeds of an algorithm: 0 alone for the unseeded CRCs; edges and a golden ratio otherwise. */
    public static List<Long> seeds(HashAlgorithm algorithm) {
        if (!algorithm.seeded()) {
            return List.of(0L);
        }
        if (algorithm == HashAlgorithm.XXH32) {
            return List.of(0L, 1L, 0x9E3779B1L, 0xFFFFFFFFL, -1L);
        }
        return List.of(0L, 1L, 0x9E3779B97F4A7C15L, -1L);
    }

    /**
     * The reference hash of {@code pool[OFFSET, OFFSET + length)} under {@code seed}, widened to
     * {@link Hash128} as {@link XxHashReference#hash} does.
     *
     * @throws IllegalStateException if the file is missing or holds no such length or seed
     */
    public static Hash128 expected(HashAlgorithm algorithm, long seed, int length) {
        int column = seeds(algorithm).indexOf(seed);
        if (column < 0) {
            throw new IllegalStateException("no reference hash of " + algorithm.id() + " under seed 0x"
                    + Long.toHexString(seed) + ": the files hold seeds " + seeds(algorithm));
        }
        Hash128[] row = LOADED.computeIfAbsent(algorithm, ReferenceHashes::load).get(length);
        if (row == null) {
            throw new IllegalStateException(
                    "no reference hash of " + algorithm.id() + " for length " + length + " in " + resource(algorithm));
        }
        return row[column];
    }

    private static String resource(HashAlgorithm algorithm) {
        return "reference/" + algorithm.id() + ".txt";
    }

    private static Map<Integer, Hash128[]> load(HashAlgorithm algorithm) {
        int seeds = seeds(algorithm).size();
        Map<Integer, Hash128[]> rows = new HashMap<>();
        try (InputStream in = ReferenceHashes.class.getResourceAsStream(resource(algorithm))) {
            if (in == null) {
                throw new IllegalStateException("the reference file " + resource(algorithm)
                        + " is missing beside " + ReferenceHashes.class.getName()
                        + " (spi/src/test/resources; regenerate it with ReferenceHashes.main)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                if (fields.length != seeds + 1) {
                    throw new IllegalStateException(
                            resource(algorithm) + ": expected a length and " + seeds + " hashes, got '" + line + "'");
                }
                Hash128[] row = new Hash128[seeds];
                for (int i = 0; i < seeds; i++) {
                    row[i] = parse(fields[i + 1]);
                }
                rows.put(Integer.parseInt(fields[0]), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Hash128 parse(String hex) {
        if (hex.length() <= 16) {
            return new Hash128(0, Long.parseUnsignedLong(hex, 16));
        }
        return new Hash128(
                Long.parseUnsignedLong(hex.substring(0, hex.length() - 16), 16),
                Long.parseUnsignedLong(hex.substring(hex.length() - 16), 16));
    }

    /** The digits of a hash as {@code xxhsum} prints them: 8, 16 or 32 lower-case hex digits. */
    public static String hex(HashAlgorithm algorithm, Hash128 h) {
        return switch (algorithm.bits()) {
            case 32 -> String.format("%08x", h.low());
            case 64 -> String.format("%016x", h.low());
            default -> h.toHexString();
        };
    }

    /**
     * Writes the reference files into the directory {@code args[0]} (the {@code reference/} folder
     * of this package under {@code spi/src/test/resources}) from the libraries {@link
     * XxHashReference} binds: run it with {@code --enable-native-access=ALL-UNNAMED} on the spi
     * test class path, and name the versions of libxxhash in {@code args[1]} and of zlib in {@code
     * args[2]} (they are written into the files).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ReferenceHashes DIR XXHASH_VERSION ZLIB_VERSION");
        }
        if (!XxHashReference.isAvailable()) {
            throw new IllegalStateException(XxHashReference.unavailabilityCause());
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        MemorySegment pool = MemorySegment.ofArray(pool());
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            List<Long> seeds = seeds(algorithm);
            Path file = dir.resolve(algorithm.id() + ".txt");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                out.write("# " + algorithm.id() + " of new Random(0x5EED).nextBytes(new byte[" + POOL_SIZE
                        + "]) from offset " + OFFSET + ", every length 0.." + MAX_SMALL + " and " + LARGE.length
                        + " larger ones\n");
                out.write("# generated by dev.arsenal.spi.hashing.ReferenceHashes from "
                        + source(algorithm, args[1], args[2]) + "\n");
                out.write("# seeds:");
                for (long seed : seeds) {
                    out.write(" " + Long.toHexString(seed));
                }
                out.write("\n");
                for (int length : lengths()) {
                    StringBuilder line = new StringBuilder().append(length);
                    for (long seed : seeds) {
                        Hash128 h = XxHashReference.hash(algorithm, seed, pool.asSlice(OFFSET, length));
                        line.append(' ').append(hex(algorithm, h));
                    }
                    out.write(line.append('\n').toString());
                }
            }
            System.out.println("wrote " + file);
        }
    }

    private static String source(HashAlgorithm algorithm, String xxhash, String zlib) {
        return switch (algorithm) {
            case CRC32 -> "zlib " + zlib + " (crc32)";
            case CRC32C -> "the bit-by-bit CRC-32C of the definition (reflected 0x82F63B78, check value e3069283)";
            case XXH32 -> "libxxhash " + xxhash + " (XXH32)";
            case XXH64 -> "libxxhash " + xxhash + " (XXH64)";
            case XXH3_64 -> "libxxhash " + xxhash + " (XXH3_64bits_withSeed)";
            case XXH3_128 -> "libxxhash " + xxhash + " (XXH3_128bits_withSeed)";
        };
    }
}
