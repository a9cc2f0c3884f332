package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Aead;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.report.SelfTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * The known answers every AEAD provider is checked against before it is used ({@link
 * KnownAeadLines}: Wycheproof's valid cases, three or four per algorithm). For each, the provider
 * must seal the plaintext to the expected ciphertext and tag, attached and detached, open it back,
 * and refuse it with one bit of the tag flipped.
 */
public final class AeadKnownAnswers {
    /**
     * One known answer, in bytes.
     *
     * @param algorithm the algorithm
     * @param wycheproofId the case's {@code tcId} in Wycheproof's file
     * @param key the key
     * @param nonce the nonce
     * @param associatedData the associated data
     * @param plaintext the plaintext
     * @param ciphertext the ciphertext, as long as the plaintext
     * @param tag the tag
     */
    public record Vector(
            AeadAlgorithm algorithm,
            int wycheproofId,
            byte[] key,
            byte[] nonce,
            byte[] associatedData,
            byte[] plaintext,
            byte[] ciphertext,
            byte[] tag) {
        /** The ciphertext followed by the tag. */
        public byte[] sealed() {
            byte[] s = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, s, ciphertext.length, tag.length);
            return s;
        }
    }

    private static final List<Vector> VECTORS = load();

    private AeadKnownAnswers() {}

    /** The known answers for {@code algorithm}. */
    public static List<Vector> vectors(AeadAlgorithm algorithm) {
        List<Vector> of = new ArrayList<>();
        for (Vector v : VECTORS) {
            if (v.algorithm() == algorithm) {
                of.add(v);
            }
        }
        return of;
    }

    /** Checks {@code provider}'s AEAD of {@code algorithm} against every known answer. Never throws. */
    public static SelfTest check(AeadProvider provider, AeadAlgorithm algorithm) {
        List<Vector> vectors = vectors(algorithm);
        if (vectors.isEmpty()) {
            return new SelfTest(SelfTest.Status.FAILED, "no known answers for " + algorithm.id());
        }
        HexFormat hex = HexFormat.of();
        try {
            for (Vector v : vectors) {
                String which = algorithm.id() + " (Wycheproof case " + v.wycheproofId() + ")";
                Aead aead = provider.aead(algorithm, v.key());
                byte[] sealed = aead.encrypt(v.nonce(), v.plaintext(), v.associatedData());
                if (!Arrays.equals(sealed, v.sealed())) {
                    return new SelfTest(
                            SelfTest.Status.FAILED,
                            which + ": sealed to " + hex.formatHex(sealed) + ", expected " + hex.formatHex(v.sealed()));
                }
                byte[] ciphertext = new byte[v.plaintext().length];
                byte[] tag = aead.encryptDetached(v.nonce(), v.plaintext(), v.associatedData(), ciphertext);
                if (!Arrays.equals(ciphertext, v.ciphertext()) || !Arrays.equals(tag, v.tag())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": the detached form differs");
                }
                if (!Arrays.equals(aead.decrypt(v.nonce(), sealed, v.associatedData()), v.plaintext())) {
                    return new SelfTest(SelfTest.Status.FAILED, which + ": opened to another plaintext");
                }
                byte[] forged = sealed.clone();
                forged[forged.length - 1] ^= 1;
                try {
                    aead.decrypt(v.nonce(), forged, v.associatedData());
                    return new SelfTest(SelfTest.Status.FAILED, which + ": opened with a forged tag");
                } catch (AEADBadTagException expected) {
                    // refused, as it must be
                }
            }
        } catch (AEADBadTagException e) {
            return new SelfTest(
                    SelfTest.Status.FAILED, algorithm.id() + ": refused a valid message: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, algorithm.id() + " threw " + e);
        }
        return new SelfTest(
                SelfTest.Status.PASSED,
                vectors.size() + " Wycheproof cases sealed (attached and detached), opened, and a forged tag refused");
    }

    private static List<Vector> load() {
        HexFormat hex = HexFormat.of();
        List<Vector> vectors = new ArrayList<>();
        for (String line : KnownAeadLines.LINES.split("\n")) {
            String[] f = line.strip().split(";", -1);
            vectors.add(new Vector(
                    AeadAlgorithm.byId(f[0]),
                    Integer.parseInt(f[1]),
                    hex.parseHex(f[2]),
                    hex.parseHex(f[3]),
                    hex.parseHex(f[4]),
                    hex.parseHex(f[5]),
                    hex.parseHex(f[6]),
                    hex.parseHex(f[7])));
        }
        return List.copyOf(vectors);
    }
}
