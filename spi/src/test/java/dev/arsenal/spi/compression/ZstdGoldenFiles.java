package dev.arsenal.spi.compression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * zstd's own golden decoder tests (the zstd repository's {@code tests/golden-decompression} and
 * {@code tests/golden-decompression-errors}), carried in this test jar under {@code zstd-golden/}
 * (its README says where they come from and what each holds), so that every zstd provider's test
 * decodes the same files: the valid ones to their content, the corrupt ones to a {@link
 * dev.arsenal.compression.MalformedInputException}.
 */
public final class ZstdGoldenFiles {
    /**
     * One golden file.
     *
     * @param name its file name ("zeroSeq_2B.zst")
     * @param path its path under {@code zstd-golden/}
     * @param content what it decodes to, or null if it is corrupt
     */
    public record Golden(String name, String path, byte[] content) {
        /** Whether it must decode (else it must be refused). */
        public boolean valid() {
            return content != null;
        }

        /** The file's bytes. */
        public byte[] bytes() {
            return read(path);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every golden file, the valid ones first. */
    public static final List<Golden> ALL = List.of(
            new Golden("block-128k.zst", "decompression/block-128k.zst", new byte[131_068]),
            new Golden("empty-block.zst", "decompression/empty-block.zst", new byte[0]),
            new Golden("rle-first-block.zst", "decompression/rle-first-block.zst", new byte[1 << 20]),
            new Golden(
                    "zeroSeq_2B.zst",
                    "decompression/zeroSeq_2B.zst",
                    "Hello World!\n".getBytes(StandardCharsets.US_ASCII)),
            new Golden("off0.bin.zst", "errors/off0.bin.zst", null),
            new Golden("truncated_huff_state.zst", "errors/truncated_huff_state.zst", null),
            new Golden("zeroSeq_extraneous.zst", "errors/zeroSeq_extraneous.zst", null));

    private ZstdGoldenFiles() {}

    /** The bytes of {@code path} under {@code zstd-golden/}. */
    public static byte[] read(String path) {
        try (InputStream in = ZstdGoldenFiles.class.getResourceAsStream("zstd-golden/" + path)) {
            if (in == null) {
                throw new IllegalStateException("zstd-golden/" + path + " is missing from the spi test jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden file named {@code name}. */
    public static Golden named(String name) {
        return ALL.stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden file " + name));
    }
}
