package dev.arsenal.compression;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.UnknownAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The compression formats. Each has a stable {@link #id()} (configuration keys, reports, {@code
 * arsenal compress -c}) and a range of levels: higher compresses more and slower.
 */
public enum Codec implements Algorithm {
    /**
     * LZ4 frame format (the {@code lz4} command's {@code .lz4} files, magic {@code 04 22 4D 18}):
     * blocks with a frame header, end mark and optional checksums. Levels 1 (fast) to 12 (HC).
     */
    LZ4("lz4", 1, 12, 1),
    /**
     * The raw LZ4 block format, without frame or length: the caller keeps the decompressed size.
     * Levels as {@link #LZ4}.
     */
    LZ4_BLOCK("lz4-block", 1, 12, 1),
    /**
     * Zstandard frames (RFC 8878, the {@code zstd} command's {@code .zst}), with the content size
     * and a checksum. Levels -7 (fastest) to 22 (the top ones, above 19, are zstd's "ultra").
     */
    ZSTD("zstd", -7, 22, 3),
    /** gzip (RFC 1952: a Deflate stream, RFC 1951, with header and CRC-32). Levels 1 to 9. */
    GZIP("gzip", 1, 9, 6),
    /**
     * {@link #LZ4} frames of byte-shuffled data, behind an 8-byte header that declares the element
     * size: the bytes of equal significance of fixed-size elements (longs, doubles, ints) are
     * grouped before compression, as Blosc does, which suits typed numeric arrays. Levels as {@link
     * #LZ4}; the element size is a {@link CompressionOptions#withElementSize} option (8 by
     * default). The format is in {@code docs/compression.md}.
     */
    LZ4_SHUFFLE("lz4+shuffle", 1, 12, 1, LZ4),
    /** {@link #ZSTD} frames of byte-shuffled data; see {@link #LZ4_SHUFFLE}. Levels as {@link #ZSTD}. */
    ZSTD_SHUFFLE("zstd+shuffle", -7, 22, 3, ZSTD);

    private final String id;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;
    private final Codec inner;

    Codec(String id, int minLevel, int maxLevel, int defaultLevel) {
        this(id, minLevel, maxLevel, defaultLevel, null);
    }

    Codec(String id, int minLevel, int maxLevel, int defaultLevel, Codec inner) {
        this.id = id;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
        this.inner = inner;
    }

    /**
     * The codec that compresses the shuffled bytes of a shuffle codec ({@link #LZ4} for {@link
     * #LZ4_SHUFFLE}); a plain codec's inner codec is itself.
     */
    public Codec inner() {
        return inner == null ? this : inner;
    }

    /** Whether this codec byte-shuffles fixed-size elements before its {@linkplain #inner() inner} codec. */
    public boolean isShuffle() {
        return inner != null;
    }

    /** Whether this codec has a stream form (every codec except the raw {@link #LZ4_BLOCK}). */
    public boolean hasStreams() {
        return this != LZ4_BLOCK;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.COMPRESSION;
    }

    /** The lowest (fastest) level. */
    public int minLevel() {
        return minLevel;
    }

    /** The highest (strongest) level. */
    public int maxLevel() {
        return maxLevel;
    }

    /** The level the format's own tool uses by default. */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * Checks that {@code level} is one of this codec's.
     *
     * @throws IllegalArgumentException naming the codec, the level and the range
     */
    public void checkLevel(int level) {
        if (level < minLevel || level > maxLevel) {
            throw new IllegalArgumentException(id + " has levels " + minLevel + " to " + maxLevel + ", not " + level);
        }
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Codec::id).toList();
    }

    /**
     * Finds a codec by id, ignoring case; also accepts the enum names ({@code LZ4_BLOCK}, {@code
     * ZSTD_SHUFFLE}) and the forms an environment variable's name leaves ({@code lz4.block}, {@code
     * zstd.shuffle}: {@code ARSENAL_PROVIDER_ZSTD_SHUFFLE} is the key {@code
     * arsenal.provider.zstd.shuffle}).
     *
     * @throws UnknownAlgorithmException listing the known ids
     */
    public static Codec byId(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Codec c : values()) {
            if (c.id.equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n.replaceAll("[-.+]", "_"))) {
                return c;
            }
        }
        throw new UnknownAlgorithmException(name, ids());
    }
}
