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
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
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
