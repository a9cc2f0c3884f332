package dev.arsenal.spi.crypto;

import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.report.SelfTest;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The known answers every signature and key agreement provider is checked against before it is
 * used ({@link KnownCurveLines}: RFC 8032's and RFC 7748's). A signer must derive the public key
 * and give the signature; a verifier accept it and refuse it with one bit flipped; an agreement
 * derive its public key, give the shared secret, and refuse a peer of small order.
 */
public final class CurveKnownAnswers {
    /**
     * One signature known answer.
     *
     * @param algorithm the algorithm
     * @param privateKey the private key
     * @param publicKey its public key
     * @param message the message
     * @param signature the signature
     */
    public record SignatureVector(
            SignatureAlgorithm algorithm, byte[] privateKey, byte[] publicKey, byte[] message, byte[] signature) {}

    /**
     * One key agreement known answer.
     *
     * @param algorithm the algorithm
     * @param privateKey the private key
     * @param peer the peer's public key
     * @param shared the shared secret
     */
    public record AgreementVector(KeyAgreementAlgorithm algorithm, byte[] privateKey, byte[] peer, byte[] shared) {}

    private static final HexFormat HEX = HexFormat.of();

    private CurveKnownAnswers() {}

    /** The signature known answers for {@code algorithm}. */
    public static List<SignatureVector> vectors(SignatureAlgorithm algorithm) {
        List<SignatureVector> vectors = new ArrayList<>();
        for (String[] f : lines(KnownCurveLines.SIGNATURES)) {
            if (SignatureAlgorithm.byId(f[0]) == algorithm) {
                vectors.add(new SignatureVector(
                        algorithm, HEX.parseHex(f[1]), HEX.parseHex(f[2]), HEX.parseHex(f[3]), HEX.parseHex(f[4])));
            }
        }
        return vectors;
    }

    /** The key agreement known answers for {@code algorithm}. */
    public static List<AgreementVector> vectors(KeyAgreementAlgorithm algorithm) {
        List<AgreementVector> vectors = new ArrayList<>();
        for (String[] f : lines(KnownCurveLines.AGREEMENTS)) {
            if (KeyAgreementAlgorithm.byId(f[0]) == algorithm) {
                vectors.add(new AgreementVector(algorithm, HEX.parseHex(f[1]), HEX.parseHex(f[2]), HEX.parseHex(f[3])));
            }
        }
        return vectors;
    }

    /** Checks {@code provider}'s signers and verifiers of {@code algorithm}. Never throws. */
    public static SelfTest check(SignatureProvider provider, SignatureAlgorithm algorithm) {
        List<SignatureVector> vectors = vectors(algorithm);
        try {
            for (SignatureVector v : vectors) {
                String which = algorithm.id() + " with the key " + HEX.formatHex(v.publicKey());
                Signer signer = provider.signer(algorithm, CurvePrivateKey.of(algorithm, v.privateKey()));
                if (!Arrays.equals(signer.publicKey().raw(), v.publicKey())) {
                    return failed(which + ": the derived public key is "
                            + HEX.formatHex(signer.publicKey().raw()));
                }
                byte[] signature = signer.sign(v.message());
                if (!Arrays.equals(signature, v.signature())) {
                    return failed(which + ": signature " + HEX.formatHex(signature) + ", expected "
                            + HEX.formatHex(v.signature()));
                }
                var verifier = provider.verifier(algorithm, CurvePublicKey.of(algorithm, v.publicKey()));
                byte[] forged = v.signature().clone();
                forged[0] ^= 1;
                if (!verifier.verify(v.message(), v.signature()) || verifier.verify(v.message(), forged)) {
                    return failed(which + ": verify answers wrong");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return failed(algorithm.id() + " threw " + e);
        }
        if (vectors.isEmpty()) {
            return failed("no known answers for " + algorithm.id());
        }
        return new SelfTest(
                SelfTest.Status.PASSED,
                vectors.size() + " RFC 8032 cases: public keys derived, signed, verified, a forged signature refused");
    }

    /** Checks {@code provider}'s agreements of {@code algorithm}. Never throws. */
    public static SelfTest check(KeyAgreementProvider provider, KeyAgreementAlgorithm algorithm) {
        List<AgreementVector> vectors = vectors(algorithm);
        try {
            for (AgreementVector v : vectors) {
                String which = algorithm.id() + " with the peer " + HEX.formatHex(v.peer());
                Agreement agreement = provider.agreement(algorithm, CurvePrivateKey.of(algorithm, v.privateKey()));
                byte[] shared = agreement.agree(CurvePublicKey.of(algorithm, v.peer()));
                if (!Arrays.equals(shared, v.shared())) {
                    return failed(which + ": " + HEX.formatHex(shared) + ", expected " + HEX.formatHex(v.shared()));
                }
                byte[] base = new byte[32];
                base[0] = 9;
                if (!Arrays.equals(agreement.publicKey().raw(), agreement.agree(CurvePublicKey.of(algorithm, base)))) {
                    return failed(which + ": the derived public key is not the base point's multiple");
                }
            }
            Agreement any = provider.agreement(
                    algorithm, CurvePrivateKey.of(algorithm, vectors.getFirst().privateKey()));
            try {
                any.agree(CurvePublicKey.of(algorithm, new byte[32]));
                return failed(algorithm.id() + ": the peer 0, of small order, was not refused");
            } catch (InvalidKeyException expected) {
                // as it should
            }
        } catch (RuntimeException | LinkageError | InvalidKeyException e) {
            return failed(algorithm.id() + " threw " + e);
        }
        return new SelfTest(
                SelfTest.Status.PASSED,
                vectors.size() + " RFC 7748 cases: shared secrets and public keys, a small-order peer refused");
    }

    private static SelfTest failed(String message) {
        return new SelfTest(SelfTest.Status.FAILED, message);
    }

    private static List<String[]> lines(String text) {
        return text.lines().map(l -> l.strip().split(";", -1)).toList();
    }
}
