package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Digest;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.DigestSpec;
import dev.arsenal.crypto.DigestStream;
import dev.arsenal.report.SelfTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The known answers every digest provider is checked against before it is used ({@link
 * KnownDigestLines}). For each one the provider supports, it must give the digest one-shot, from a
 * direct buffer, and as a stream fed in two parts; a provider must support at least the default
 * spec (unkeyed, the default length).
 */
public final class DigestKnownAnswers {
    /**
     * One known answer.
     *
     * @param algorithm the algorithm
     * @param spec the length, key or context
     * @param input the input: {@code i % 251} for each index
     * @param expected the digest
     */
    public record Vector(DigestAlgorithm algorithm, DigestSpec spec, byte[] input, byte[] expected) {}

    private static final List<Vector> VECTORS = load();

    private DigestKnownAnswers() {}

    /** The known answers for {@code algorithm}. */
    public static List<Vector> vectors(DigestAlgorithm algorithm) {
        List<Vector> of = new ArrayList<>();
        for (Vector v : VECTORS) {
            if (v.algorithm() == algorithm) {
                of.add(v);
            }
        }
        return of;
    }

    /** The input of BLAKE3's official vectors: {@code length} bytes, {@code i % 251}. */
    public static byte[] input(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    /** Checks {@code provider}'s digests of {@code algorithm} against every known answer it supports. Never throws. */
    public static SelfTest check(DigestProvider provider, DigestAlgorithm algorithm) {
        HexFormat hex = HexFormat.of();
        int checked = 0;
        try {
            if (!provider.supports(algorithm, DigestSpec.defaults())) {
                return new SelfTest(
                        SelfTest.Status.FAILED,
                        provider.id() + " does not give " + algorithm.id() + " at its default length");
            }
            for (Vector v : vectors(algorithm)) {
                if (!provider.supports(algorithm, v.spec())) {
                    continue;
                }
                String which = algorithm.id() + " of " + v.input().length + " bytes, " + v.spec();
                Digest digest = provider.digest(algorithm, v.spec());
                byte[] got = digest.digest(v.input());
                if (!Arrays.equals(got, v.expected())) {
                    return new SelfTest(
                            SelfTest.Status.FAILED,
                            which + ": " + hex.formatHex(got) + ", expected " + hex.formatHex(v.expected()));
                }
                ByteBuffer direct = ByteBuffer.allocateDirect(v.input().length)
                        .put(v.input())
                        .flip();
                if (!Arrays.equals(digest.digest(direct), v.expected())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": a direct buffer gives another digest");
                }
                DigestStream stream = digest.newStream();
                int half = v.input().length / 2;
                stream.update(v.input(), 0, half);
                stream.update(ByteBuffer.wrap(v.input(), half, v.input().length - half));
                if (!Arrays.equals(stream.digest(), v.expected())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": a stream in two parts gives another digest");
                }
                checked++;
            }
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " threw " + e);
        }
        if (checked == 0) {
            return new SelfTest(SelfTest.Status.FAILED, "no known answers for " + algorithm.id());
        }
        return new SelfTest(
                SelfTest.Status.PASSED,
                checked + " known answers matched (one-shot, direct buffer, stream in two parts)");
    }

    private static List<Vector> load() {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = new ArrayList<>();
        for (String line : KnownDigestLines.LINES.split("\n")) {
            String[] f = line.strip().split(";", -1);
            DigestSpec spec;
            if (f[3].isEmpty()) {
                spec = DigestSpec.defaults();
            } else if (f[3].startsWith("ctx:")) {
                spec = DigestSpec.deriving(f[3].substring(4));
            } else {
                spec = DigestSpec.keyed(hex.parseHex(f[3]));
            }
            DigestAlgorithm algorithm = DigestAlgorithm.byId(f[0]);
            int length = Integer.parseInt(f[2]);
            if (length != algorithm.defaultLength()) {
                spec = spec.withLength(length);
            }
            vectors.add(new Vector(algorithm, spec, input(Integer.parseInt(f[1])), hex.parseHex(f[4])));
        }
        return List.copyOf(vectors);
    }
}
