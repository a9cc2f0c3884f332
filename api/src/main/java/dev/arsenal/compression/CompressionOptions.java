package dev.arsenal.compression;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a compressor writes beyond its level, and the dictionary both sides share. Immutable; start
 * from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * byte[] dict = Compression.trainDictionary(Codec.ZSTD, samples, 16 << 10);
 * CompressionOptions withDict = CompressionOptions.defaults().withDictionary(dict);
 * Compressor zstd = Compression.compressor(Codec.ZSTD, 3, withDict);
 * Decompressor unzstd = Compression.decompressor(Codec.ZSTD, withDict);
 * }</pre>
 *
 * <p>Not every provider supports every option: the engine asks the providers of a codec, best
 * first, and takes the first that {@linkplain
 * dev.arsenal.ArsenalRuntime#compressor(Codec, int, CompressionOptions) supports} them; if none
 * does, the error lists what each supports. A decompressor reads what the frame says (checksum,
 * content size, element size) and uses only the {@linkplain #dictionary() dictionary} of its
 * options.
 */
public final class CompressionOptions {
    /** The element size of the shuffle codecs when none is given: 8, for longs and doubles. */
    public static final int DEFAULT_ELEMENT_SIZE = 8;

    /** The largest element size the shuffle frame can declare. */
    public static final int MAX_ELEMENT_SIZE = 255;

    private static final CompressionOptions DEFAULTS = new CompressionOptions(true, true, null, DEFAULT_ELEMENT_SIZE);

    private final boolean checksum;
    private final boolean contentSize;
    private final byte[] dictionary;
    private final int elementSize;

    private CompressionOptions(boolean checksum, boolean contentSize, byte[] dictionary, int elementSize) {
        this.checksum = checksum;
        this.contentSize = contentSize;
        this.dictionary = dictionary;
        this.elementSize = elementSize;
    }

    /**
     * What the format's own tool writes: a checksum of the content (zstd, lz4 frames; gzip always
     * has its CRC-32), the content size in the header when it is known (one-shot compression, and
     * streams given the size), no
     * dictionary, and 8-byte elements for the shuffle codecs.
     */
    public static CompressionOptions defaults() {
        return DEFAULTS;
    }

    /** Whether frames end with a checksum of their content (zstd and lz4 frames). */
    public boolean checksum() {
        return checksum;
    }

    /**
     * Whether frames record the content size in their header when it is known (zstd and lz4
     * frames): one-shot compression, and streams given the size ({@link
     * Compressor#compressing(java.io.OutputStream, long)}).
     */
    public boolean contentSize() {
        return contentSize;
    }

    /**
     * The dictionary, if any: a zstd dictionary (from {@code zstd --train} or {@link
     * Compression#trainDictionary}) or any bytes to use as raw content. A copy.
     */
    public Optional<byte[]> dictionary() {
        return Optional.ofNullable(dictionary).map(byte[]::clone);
    }

    /** Whether a dictionary is set. */
    public boolean hasDictionary() {
        return dictionary != null;
    }

    /** The size in bytes of the elements a shuffle codec groups by significance. */
    public int elementSize() {
        return elementSize;
    }

    /** These options with the content checksum on or off. */
    public CompressionOptions withChecksum(boolean checksum) {
        return new CompressionOptions(checksum, contentSize, dictionary, elementSize);
    }

    /** These options with the content size recorded (when it is known) or not. */
    public CompressionOptions withContentSize(boolean contentSize) {
        return new CompressionOptions(checksum, contentSize, dictionary, elementSize);
    }

    /**
     * These options with {@code dictionary} (copied), or without one for {@code null}.
     *
     * @throws IllegalArgumentException if the dictionary is empty
     */
    public CompressionOptions withDictionary(byte[] dictionary) {
        if (dictionary != null && dictionary.length == 0) {
            throw new IllegalArgumentException("a dictionary must not be empty");
        }
        return new CompressionOptions(
                checksum, contentSize, dictionary == null ? null : dictionary.clone(), elementSize);
    }

    /**
     * These options with elements of {@code elementSize} bytes for the shuffle codecs (8 for longs and
     * doubles, 4 for ints and floats).
     *
     * @throws IllegalArgumentException unless 1 &lt;= elementSize &lt;= {@value #MAX_ELEMENT_SIZE}
     */
    public CompressionOptions withElementSize(int elementSize) {
        if (elementSize < 1 || elementSize > MAX_ELEMENT_SIZE) {
            throw new IllegalArgumentException(
                    "the element size must be 1 to " + MAX_ELEMENT_SIZE + " bytes, not " + elementSize);
        }
        return new CompressionOptions(checksum, contentSize, dictionary, elementSize);
    }

    /**
     * Whether a provider that knows no options can honour these: the defaults, whatever the
     * element size (which the engine's shuffle stage consumes before the inner codec sees the
     * options).
     */
    public boolean isPlain() {
        return checksum && contentSize && dictionary == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompressionOptions that
                && checksum == that.checksum
                && contentSize == that.contentSize
                && elementSize == that.elementSize
                && Arrays.equals(dictionary, that.dictionary);
    }

    @Override
    public int hashCode() {
        return ((Boolean.hashCode(checksum) * 31 + Boolean.hashCode(contentSize)) * 31 + Arrays.hashCode(dictionary))
                        * 31
                + elementSize;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("options[");
        b.append(checksum ? "checksum" : "no checksum");
        b.append(contentSize ? ", content size" : ", no content size");
        if (dictionary != null) {
            b.append(", dictionary of ").append(dictionary.length).append(" bytes");
        }
        if (elementSize != DEFAULT_ELEMENT_SIZE) {
            b.append(", element size ").append(elementSize);
        }
        return b.append(']').toString();
    }
}
