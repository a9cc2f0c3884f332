package dev.arsenal.providers.natives.compression;

import static dev.arsenal.providers.natives.compression.ZstdFfmBindings.isError;

import dev.arsenal.providers.natives.compression.ZstdFfmBindings.Handles;
import dev.arsenal.providers.natives.ffm.NativeChunks;
import dev.arsenal.providers.natives.ffm.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * zstd's own golden decoder tests (the zstd repository's {@code tests/golden-decompression} and
 * {@code tests/golden-decompression-errors}, BSD), run against a bound libzstd to recognise a
 * decoder with known bugs: libzstd before 1.5.5 (Debian 12's 1.5.4) refuses the valid {@code
 * zeroSeq_2B.zst} and decodes the three corrupt files, which later versions, zstd-jni's 1.5.7 and
 * java-compression refuse. A decoder that accepts corrupt data gives other bytes than the other
 * providers on the same input, so {@link ZstdFfmProvider} ranks such a library below the pure-Java
 * provider and says why.
 *
 * <p>The frames are the golden files' bytes (the test {@code ZstdGoldenFilesTest} checks them
 * against the files, which the spi test jar carries); they are small enough to keep here, so that
 * the check needs no resource at run time. Each is decoded by the library alone ({@code
 * ZSTD_decompressDCtx}), without the checks in Java that {@link ZstdFfmCodec} adds around it.
 */
final class ZstdKnownBugs {
    /** One golden file: its name, its bytes, and its content (null: it must be refused). */
    record Golden(String name, byte[] frame, byte[] content) {
        private static Golden valid(String name, String hex, byte[] content) {
            return new Golden(name, HexFormat.of().parseHex(hex), content);
        }

        private static Golden corrupt(String name, String hex) {
            return new Golden(name, HexFormat.of().parseHex(hex), null);
        }
    }

    /** The golden files that tell libzstd 1.5.4 from a correct decoder. */
    static final List<Golden> GOLDEN = List.of(
            Golden.valid(
                    "zeroSeq_2B.zst",
                    "28b52ffd00008500006848656c6c6f20576f726c64210a8000",
                    "Hello World!\n".getBytes(StandardCharsets.US_ASCII)),
            Golden.corrupt("off0.bin.zst", "28b52ffd0000450000080002002f430bae"),
            Golden.corrupt("truncated_huff_state.zst", "28b52ffd000055000072800104207e1f02aa00"),
            Golden.corrupt("zeroSeq_extraneous.zst", "28b52ffd00009500006848656c6c6f20576f726c64210a80000000"));

    private ZstdKnownBugs() {}

    /**
     * What the library {@code h} gets wrong on the golden files, in words ("refuses the valid
     * zeroSeq_2B.zst; decodes the corrupt off0.bin.zst, ..."), or empty if nothing.
     */
    static Optional<String> check(Handles h) {
        List<String> refused = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        for (Golden g : GOLDEN) {
            byte[] out = decode(h, g.frame());
            if (g.content() != null && !Arrays.equals(out, g.content())) {
                refused.add(g.name());
            } else if (g.content() == null && out != null) {
                decoded.add(g.name());
            }
        }
        List<String> wrong = new ArrayList<>();
        if (!refused.isEmpty()) {
            wrong.add("refuses the valid " + String.join(", ", refused));
        }
        if (!decoded.isEmpty()) {
            wrong.add("decodes the corrupt " + String.join(", ", decoded));
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    /** {@code frame} decoded by libzstd alone into 64 bytes of room, or null if it refuses it. */
    private static byte[] decode(Handles h, byte[] frame) {
        MemorySegment dctx;
        try {
            dctx = (MemorySegment) h.createDCtx().invokeExact();
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (dctx.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("ZSTD_createDCtx returned NULL");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate(frame.length);
            MemorySegment.copy(frame, 0, src, ValueLayout.JAVA_BYTE, 0, frame.length);
            MemorySegment dst = arena.allocate(64);
            long r = (long) h.decompressDCtx().invokeExact(dctx, dst, 64L, src, (long) frame.length);
            return isError(h, r) ? null : dst.asSlice(0, r).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        } finally {
            NativeChunks.free(h.freeDCtx(), dctx);
        }
    }
}
