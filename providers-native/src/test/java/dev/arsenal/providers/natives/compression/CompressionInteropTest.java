package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native compression providers against every other available provider of the same codec on the
 * test class path (the pure-Java one, libzstd through FFM): each one's output decodes with the
 * other, one-shot and streamed. A pair is skipped, never passed silently, when the other side is
 * absent or unavailable.
 */
class CompressionInteropTest {
    private static List<CompressionProvider> providers() {
        return ServiceLoader.load(Provider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof CompressionProvider)
                .map(p -> (CompressionProvider) p)
                .toList();
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new java.util.ArrayList<>();
        for (var mine : List.of(
                new Object[] {ZstdJniProvider.ID, Codec.ZSTD},
                new Object[] {Lz4JniCompressionProvider.ID, Codec.LZ4_BLOCK},
                new Object[] {Lz4FfmProvider.ID, Codec.LZ4},
                new Object[] {Lz4FfmProvider.ID, Codec.LZ4_BLOCK},
                new Object[] {GzipFfmProvider.ID, Codec.GZIP})) {
            for (CompressionProvider other : providers()) {
                if (!other.id().equals(mine[0]) && other.algorithms().contains((Codec) mine[1])) {
                    pairs.add(Arguments.of(mine[0], other.id(), mine[1]));
                }
            }
        }
        if (pairs.isEmpty()) {
            // One placeholder, so that the absence of other providers shows as a skip.
            pairs.add(Arguments.of(ZstdJniProvider.ID, "(no other provider)", Codec.ZSTD));
        }
        return pairs.stream();
    }

    private static CompressionProvider find(String id) {
        CompressionProvider p =
                providers().stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
        assumeTrue(p != null, () -> "no provider " + id + " on the test class path");
        var availability = p.probe(null);
        if (Tools.REQUIRE_NATIVE && !id.startsWith("(")) {
            org.junit.jupiter.api.Assertions.assertTrue(availability.isAvailable(), () -> id + ": " + availability);
        }
        assumeTrue(availability.isAvailable(), () -> id + " unavailable: " + availability.cause());
        return p;
    }

    @ParameterizedTest(name = "{0} <-> {1}, {2}")
    @MethodSource("pairs")
    void eachDecodesTheOther(String mineId, String otherId, Codec codec) throws IOException {
        CompressionProvider mine = find(mineId);
        CompressionProvider other = find(otherId);
        List<Integer> levels = Stream.of(codec.minLevel(), codec.defaultLevel(), codec.maxLevel())
                .distinct()
                .toList();
        for (int level : levels) {
            // zstd's top levels set up windows of up to 128 MiB per stream: the small inputs there.
            List<byte[]> inputs = level < 18 ? Tools.inputs() : Tools.inputs().subList(0, 4);
            for (byte[] input : inputs) {
                check(mine, other, codec, level, input);
                check(other, mine, codec, level, input);
            }
        }
    }

    private static void check(CompressionProvider from, CompressionProvider to, Codec codec, int level, byte[] input)
            throws IOException {
        if (!from.supports(codec, level)) {
            return;
        }
        String what = from.id() + " level " + level + " -> " + to.id() + ", " + input.length + " bytes";
        Compressor c = from.compressor(codec, level);
        Decompressor d = to.decompressor(codec);
        byte[] packed = c.compress(input);
        byte[] out = new byte[input.length];
        assertEquals(input.length, d.decompress(packed, 0, packed.length, out, 0, out.length), what);
        assertArrayEquals(input, out, what);
        if (codec != Codec.LZ4_BLOCK) {
            assertArrayEquals(input, d.decompress(packed, input.length), what);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream s = c.compressing(sink)) {
                s.write(input);
            }
            try (InputStream s = d.decompressing(new ByteArrayInputStream(sink.toByteArray()), input.length)) {
                assertArrayEquals(input, s.readAllBytes(), what + ", streamed");
            }
        }
    }
}
