package dev.arsenal.providers.natives.compression;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.spi.HangGuard;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.DecoderDifferential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every provider of a codec on the test class path (the pure-Java one from providers-java, the FFM
 * and JNI ones of this module) gives the same verdict and the same bytes on the same input, in
 * every form: {@link DecoderDifferential} on mutated frames of real data, from a fixed seed.
 *
 * <p>Bounded by a count: {@value #DEFAULT_CASES} cases per codec in {@code mvn verify}. A long run:
 * {@code -Dtest=DecoderDifferentialTest -Darsenal.differential.cases=200000} (and {@code
 * -Darsenal.differential.seed=N} for other cases than the build's). Every split fails the test with
 * the input in hex, the form, and each provider's verdict; the first {@value #SHOWN} are shown.
 *
 * <p>A provider that knows its library's decoder is buggy ({@link
 * FfmCompressionProvider#knownDecoderBugs}: native-zstd over libzstd before 1.5.5) ranks itself below
 * java-compression, so that the engine never picks it for decoding while a correct provider is
 * there; where it alone differs from the others, who agree, the split is counted and written to
 * the report ({@code target/differential-<codec>.txt}) but does not fail the test. Every other
 * split does, the buggy provider's included when the others disagree too.
 */
class DecoderDifferentialTest {
    /** The cases per codec in the build. */
    static final int DEFAULT_CASES = 3000;

    /** How many splits a failure lists in full. */
    static final int SHOWN = 8;

    /** Cases per hang guard: a long run is many bounded pieces. */
    private static final int CHUNK = 1000;

    private static final int CASES = Integer.getInteger("arsenal.differential.cases", DEFAULT_CASES);
    private static final long SEED = Long.getLong("arsenal.differential.seed", 13L);

    private static List<CompressionProvider> providers(Codec codec) {
        List<CompressionProvider> found = new ArrayList<>();
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p instanceof CompressionProvider c && c.algorithms().contains(codec)) {
                Tools.assumeAvailable(c.id(), c.probe(null));
                found.add(c);
            }
        }
        return found;
    }

    /**
     * Inputs on which providers once split (found by this test and by the fuzzer), kept as
     * regression cases: every provider now gives the same verdict in every form.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // zstd-jni decoded the empty input to nothing
        "ZSTD, ''",
        // libzstd's streams: a content size of 0xDD000000 (65,280) over an empty last block
        "ZSTD, 28b52ffd8400000000dd01000099e9d851",
        "ZSTD, 28b52ffd840000ff000001000099e9d851",
        // the same, then a frame without a content size (zstd-jni's stream cannot align frames)
        "ZSTD, 28b52ffd84000000740001000099e9d85128b52ffd0458e50000a0417273656e616c206b6e6f776e206672616d650a0100127ffe64021cc72236",
        // libzstd's one-pass decoder: an RLE block of 5,000 bytes in a 4 KiB and a 1 KiB window
        "ZSTD, 28b52ffd44108812439c000025b73230",
        "ZSTD, 28b52ffd44008812439c000025b73230",
        // ... and a window of 160 MiB
        "ZSTD, 28b52ffd848a0000000001000099e9d851",
        // libdeflate decoded a member zlib calls invalid (a bad literal/length code)
        "GZIP, 1f8b08000000000000ff4b4c4a4e494d4bcfc8cccacec9cdcb2f282c2a2e292d2bafa8ac4a1c971995199519e63200502301cc00040000",
        // one-byte blocks: empty with room, and only 00 without
        "LZ4_BLOCK, 08",
        "LZ4_BLOCK, 00",
        "LZ4_BLOCK, 0f",
        // a long match at offset 1 before the last 5 literals; the same with 4 (malformed)
        "LZ4_BLOCK, 1f00010000500000000000",
        "LZ4_BLOCK, 1f0001000040000000",
        // a long match whose length leaves a token and 4 literals: lz4-java's liblz4 1.11 refuses it
        "LZ4_BLOCK, 1f000100ffffffea4000000000",
        "LZ4_BLOCK, 1f000100ea4000000000",
        // an offset of 0: zeros
        "LZ4_BLOCK, 14000000500000000000",
    })
    void inputsThatOnceSplitNoLongerDo(Codec codec, String hex) throws Exception {
        List<CompressionProvider> providers = providers(codec);
        assumeTrue(providers.size() >= 2, () -> "fewer than two providers of " + codec.id() + ": " + providers);
        DecoderDifferential differential = new DecoderDifferential(codec, providers);
        byte[] input = HexFormat.of().parseHex(hex);
        List<String> splits = differential.splits(input);
        assertTrue(splits.isEmpty(), () -> String.join("\n", splits));
    }

    @ParameterizedTest
    @EnumSource(
            value = Codec.class,
            names = {"ZSTD", "LZ4", "LZ4_BLOCK", "GZIP"})
    void everyProviderGivesTheSameVerdict(Codec codec) throws Exception {
        List<CompressionProvider> providers = providers(codec);
        assumeTrue(providers.size() >= 2, () -> "fewer than two providers of " + codec.id() + ": " + providers);
        DecoderDifferential differential = new DecoderDifferential(codec, providers);
        Set<String> knownBuggy = new TreeSet<>();
        for (CompressionProvider p : providers) {
            if (p instanceof FfmCompressionProvider<?> f && f.knownDecoderBugs().isPresent()) {
                knownBuggy.add(p.id());
            }
        }
        List<String> splits = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (int from = 0; from < CASES; from += CHUNK) {
            int first = from;
            HangGuard.finishes(() -> {
                DecoderDifferential.Splits s =
                        differential.run(SEED, first, Math.min(CASES, first + CHUNK), knownBuggy);
                splits.addAll(s.splits());
                known.addAll(s.known());
            });
        }
        Path report = Path.of("target", "differential-" + codec.id() + ".txt");
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>(splits);
        lines.add("known-buggy " + knownBuggy + " alone: " + known.size() + " splits");
        lines.addAll(known);
        Files.write(report, lines);
        System.out.println("differential " + codec.id() + ": " + CASES + " cases of seed " + SEED + " across "
                + providers.stream().map(CompressionProvider::id).toList() + ": " + splits.size() + " splits"
                + (knownBuggy.isEmpty()
                        ? ""
                        : ", and " + known.size() + " of " + knownBuggy + " alone (ranked below java-compression"
                                + " for known decoder bugs)"));
        assertTrue(
                splits.isEmpty(),
                () -> splits.size() + " splits in " + CASES + " cases of " + codec.id() + " across "
                        + providers.stream().map(CompressionProvider::id).toList()
                        + " (all in target/differential-" + codec.id() + ".txt); the first:\n"
                        + String.join("\n", splits.subList(0, Math.min(SHOWN, splits.size()))));
    }
}
