package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Kdf;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.report.SelfTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The known answers every KDF provider is checked against before it is used ({@link
 * KnownMacLines}, RFC 5869): derive in one call, and extract then expand.
 */
public final class KdfKnownAnswers {
    /**
     * One known answer.
     *
     * @param algorithm the algorithm
     * @param inputKeyMaterial the input key material
     * @param salt the salt (empty: none)
     * @param info the context (empty: none)
     * @param output the derived bytes, as many as asked for
     */
    public record Vector(KdfAlgorithm algorithm, byte[] inputKeyMaterial, byte[] salt, byte[] info, byte[] output) {}

    private static final List<Vector> VECTORS = load();

    private KdfKnownAnswers() {}

    /** The known answers for {@code algorithm}. */
    public static List<Vector> vectors(KdfAlgorithm algorithm) {
        return VECTORS.stream().filter(v -> v.algorithm() == algorithm).toList();
    }

    /** Checks {@code provider}'s KDF of {@code algorithm} against every known answer. Never throws. */
    public static SelfTest check(KdfProvider provider, KdfAlgorithm algorithm) {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = vectors(algorithm);
        try {
            Kdf kdf = provider.kdf(algorithm);
            for (Vector v : vectors) {
                String which = algorithm.id() + " of " + v.output().length + " bytes";
                byte[] salt = v.salt().length == 0 ? null : v.salt();
                byte[] got = kdf.derive(v.inputKeyMaterial(), salt, v.info(), v.output().length);
                if (!Arrays.equals(got, v.output())) {
                    return new SelfTest(
                            SelfTest.Status.FAILED,
                            which + ": " + hex.formatHex(got) + ", expected " + hex.formatHex(v.output()));
                }
                byte[] twoSteps = kdf.expand(kdf.extract(salt, v.inputKeyMaterial()), v.info(), v.output().length);
                if (!Arrays.equals(twoSteps, v.output())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": extract then expand differs");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " threw " + e);
        }
        if (vectors.isEmpty()) {
            return new SelfTest(SelfTest.Status.FAILED, "no known answers for " + algorithm.id());
        }
        return new SelfTest(
                SelfTest.Status.PASSED, vectors.size() + " RFC 5869 cases, in one call and as extract then expand");
    }

    private static List<Vector> load() {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = new ArrayList<>();
        for (String line : KnownMacLines.KDFS.split("\n")) {
            String[] f = line.strip().split(";", -1);
            vectors.add(new Vector(
                    KdfAlgorithm.byId(f[0]),
                    hex.parseHex(f[1]),
                    hex.parseHex(f[2]),
                    hex.parseHex(f[3]),
                    hex.parseHex(f[5])));
        }
        return List.copyOf(vectors);
    }
}
