package dev.arsenal.providers.natives.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.providers.java.crypto.BouncyCastleCryptoProvider;
import dev.arsenal.providers.java.crypto.JdkCryptoProvider;
import dev.arsenal.spi.crypto.Edwards25519Reference;
import dev.arsenal.spi.crypto.KeyAgreementProvider;
import dev.arsenal.spi.crypto.SignatureProvider;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every Ed25519 and X25519 provider (the JDK, Bouncy Castle, libsodium, OpenSSL) against every
 * other: the same public keys and signatures from random seeds, each verifying the others'
 * signatures, and the same verdict on signatures the field's implementations are known to split on
 * (mixed-order public keys and R, made with {@link Edwards25519Reference}: a cofactored verifier
 * would accept what these cofactorless ones refuse); the same shared secret, or the same refusal,
 * for any 32 bytes as a peer (points of the curve and of its twist, non-canonical u, small order).
 */
class CurveDifferentialTest {
    private static final SignatureAlgorithm ED25519 = SignatureAlgorithm.ED25519;
    private static final KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;
    private static final List<SignatureProvider> SIGNERS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider());
    private static final List<KeyAgreementProvider> AGREEMENTS = List.of(
            new JdkCryptoProvider(),
            new BouncyCastleCryptoProvider(),
            new SodiumCryptoProvider(),
            new OpenSslCryptoProvider());

    @Test
    void everySignerGivesTheSameSignatureAndEveryVerifierAcceptsIt() {
        SplittableRandom r = new SplittableRandom(0xED);
        for (int round = 0; round < 100; round++) {
            CurvePrivateKey key = CurvePrivateKey.of(ED25519, bytes(r, 32));
            byte[] message = bytes(r, r.nextInt(0, round < 90 ? 200 : 70_000));
            Signer first = SIGNERS.getFirst().signer(ED25519, key);
            byte[] expected = first.sign(message);
            for (SignatureProvider p : SIGNERS) {
                Signer s = p.signer(ED25519, key);
                assertEquals(first.publicKey(), s.publicKey(), p.id());
                assertArrayEquals(expected, s.sign(message), p.id());
                assertTrue(p.verifier(ED25519, first.publicKey()).verify(message, expected), p.id());
            }
        }
    }

    @Test
    void everyVerifierGivesTheSameVerdictOnMixedOrderKeysAndNonces() {
        BigInteger[] t = Edwards25519Reference.orderEight();
        SplittableRandom r = new SplittableRandom(0x8);
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 64; round++) {
            byte[] seed = bytes(r, 32);
            CurvePrivateKey key = CurvePrivateKey.of(ED25519, seed);
            byte[] message = bytes(r, 1 + r.nextInt(64));
            Signer signer = SIGNERS.get(1).signer(ED25519, key);
            byte[] signature = signer.sign(message);
            assertArrayEquals(
                    signature,
                    Edwards25519Reference.signAs(seed, signer.publicKey().raw(), message));
            BigInteger[] a = Edwards25519Reference.decode(signer.publicKey().raw());
            BigInteger[] torsion = Edwards25519Reference.multiply(t, BigInteger.valueOf(1 + r.nextInt(7)));
            byte[] mixedKey = Edwards25519Reference.encode(Edwards25519Reference.add(a, torsion));
            byte[] mixedSigned = Edwards25519Reference.signAs(seed, mixedKey, message);
            byte[] mixedNonce = signature.clone();
            BigInteger[] rPoint = Edwards25519Reference.decode(java.util.Arrays.copyOf(signature, 32));
            System.arraycopy(
                    Edwards25519Reference.encode(Edwards25519Reference.add(rPoint, torsion)), 0, mixedNonce, 0, 32);
            for (byte[][] c : new byte[][][] {
                {mixedKey, signature},
                {mixedKey, mixedSigned},
                {signer.publicKey().raw(), mixedNonce},
                {mixedKey, mixedNonce}
            }) {
                boolean verdict = verdict(c[0], message, c[1]);
                if (verdict) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        // signed as the owner of a B + T, the cofactorless equation holds where k T is the identity
        // (k a multiple of T's order), and a cofactored one would hold always: both answers must
        // occur here, or the cases test nothing
        assertTrue(refused > 0, "refused " + refused);
        assertTrue(accepted > 0, "accepted " + accepted);
    }

    @Test
    void everyVerifierGivesTheSameVerdictOnMutatedSignatures() {
        SplittableRandom r = new SplittableRandom(0xF1);
        for (int round = 0; round < 300; round++) {
            CurvePrivateKey key = CurvePrivateKey.of(ED25519, bytes(r, 32));
            byte[] message = bytes(r, r.nextInt(0, 100));
            Signer signer = SIGNERS.get(2).signer(ED25519, key);
            byte[] signature = signer.sign(message);
            byte[] publicKey = signer.publicKey().raw();
            switch (round % 4) {
                case 0 -> signature[r.nextInt(64)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> publicKey[r.nextInt(32)] ^= (byte) (1 << r.nextInt(8));
                case 2 -> signature = bytes(r, 64);
                default -> message = bytes(r, message.length + 1);
            }
            verdict(publicKey, message, signature);
        }
    }

    /** The verdict every provider gives, checked to be the same. */
    private static boolean verdict(byte[] publicKey, byte[] message, byte[] signature) {
        CurvePublicKey key = CurvePublicKey.of(ED25519, publicKey);
        Boolean first = null;
        StringBuilder verdicts = new StringBuilder();
        boolean same = true;
        for (SignatureProvider p : SIGNERS) {
            boolean v = p.verifier(ED25519, key).verify(message, signature);
            verdicts.append(p.id()).append('=').append(v).append(' ');
            same &= first == null || first == v;
            first = first == null ? v : first;
        }
        HexFormat hex = HexFormat.of();
        assertTrue(same, verdicts + "for key " + hex.formatHex(publicKey) + ", signature " + hex.formatHex(signature));
        return first;
    }

    @Test
    void everyAgreementGivesTheSameSecretOrTheSameRefusal() throws Exception {
        SplittableRandom r = new SplittableRandom(0x7748);
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            CurvePrivateKey key = CurvePrivateKey.of(X25519, bytes(r, 32));
            byte[] u = bytes(r, 32);
            switch (round % 8) {
                case 0 -> { // a small u, as the low-order points are
                    u = new byte[32];
                    u[0] = (byte) r.nextInt(3);
                }
                case 1 -> { // u at or above p, with or without the top bit
                    java.util.Arrays.fill(u, 1, 31, (byte) 0xff);
                    u[31] = (byte) (r.nextBoolean() ? 0x7f : 0xff);
                    u[0] = (byte) (0xec + r.nextInt(20));
                }
                default -> {}
            }
            byte[] first = null;
            String firstId = null;
            for (KeyAgreementProvider p : AGREEMENTS) {
                Agreement a = p.agreement(X25519, key);
                byte[] shared;
                try {
                    shared = a.agree(CurvePublicKey.of(X25519, u));
                } catch (InvalidKeyException e) {
                    shared = new byte[0];
                }
                if (first == null) {
                    first = shared;
                    firstId = p.id();
                } else {
                    assertArrayEquals(
                            first,
                            shared,
                            p.id() + " and " + firstId + " on u = "
                                    + HexFormat.of().formatHex(u));
                }
            }
            if (first.length == 0) {
                refused++;
            }
        }
        assertTrue(refused > 0, "no peer was refused: the small-order cases test nothing");
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
