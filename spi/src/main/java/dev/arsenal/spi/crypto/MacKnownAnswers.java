package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.DigestStream;
import dev.arsenal.crypto.Mac;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.report.SelfTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The known answers every MAC provider is checked against before it is used ({@link
 * KnownMacLines}, RFC 4231). For each, the provider must give the tag one-shot and as a stream in
 * two parts, verify it whole and truncated to 16 bytes, and refuse it with one bit flipped.
 */
public final class MacKnownAnswers {
    /**
     * One known answer.
     *
     * @param algorithm the algorithm
     * @param key the key
     * @param message the message
     * @param tag the tag
     */
    public record Vector(MacAlgorithm algorithm, byte[] key, byte[] message, byte[] tag) {}

    private static final List<Vector> VECTORS = load();

    private MacKnownAnswers() {}

    /** The known answers for {@code algorithm}. */
    public static List<Vector> vectors(MacAlgorithm algorithm) {
        return VECTORS.stream().filter(v -> v.algorithm() == algorithm).toList();
    }

    /** Checks {@code provider}'s MACs of {@code algorithm} against every known answer. Never throws. */
    public static SelfTest check(MacProvider provider, MacAlgorithm algorithm) {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = vectors(algorithm);
        try {
            for (Vector v : vectors) {
                String which = algorithm.id() + " with a " + v.key().length + "-byte key";
                Mac mac = provider.mac(algorithm, v.key());
                byte[] tag = mac.mac(v.message());
                if (!Arrays.equals(tag, v.tag())) {
                    return new SelfTest(
                            SelfTest.Status.FAILED,
                            which + ": " + hex.formatHex(tag) + ", expected " + hex.formatHex(v.tag()));
                }
                DigestStream s = mac.newStream();
                int half = v.message().length / 2;
                s.update(v.message(), 0, half);
                s.update(v.message(), half, v.message().length - half);
                if (!Arrays.equals(s.digest(), v.tag())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": a stream in two parts gives another tag");
                }
                byte[] forged = v.tag().clone();
                forged[forged.length - 1] ^= 1;
                if (!mac.verify(v.message(), v.tag())
                        || !mac.verify(v.message(), Arrays.copyOf(v.tag(), MacAlgorithm.MIN_TAG_BYTES))
                        || mac.verify(v.message(), forged)) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": verify answers wrong");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " threw " + e);
        }
        if (vectors.isEmpty()) {
            return new SelfTest(SelfTest.Status.FAILED, "no known answers for " + algorithm.id());
        }
        return new SelfTest(
                SelfTest.Status.PASSED,
                vectors.size() + " RFC 4231 cases: tagged one-shot and streamed, verified whole and truncated,"
                        + " a forged tag refused");
    }

    private static List<Vector> load() {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = new ArrayList<>();
        for (String line : KnownMacLines.MACS.split("\n")) {
            String[] f = line.strip().split(";", -1);
            vectors.add(
                    new Vector(MacAlgorithm.byId(f[0]), hex.parseHex(f[1]), hex.parseHex(f[2]), hex.parseHex(f[3])));
        }
        return List.copyOf(vectors);
    }
}
