package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arsenal.crypto.Agreement;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Signer;
import dev.arsenal.crypto.Verifier;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Json;
import dev.arsenal.spi.TestData;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link SignatureProvider} and {@link KeyAgreementProvider} meets; a provider's
 * test extends this class and supplies the provider (the tests of a kind it does not serve are
 * skipped).
 *
 * <ul>
 *   <li>every case of Wycheproof's {@code ed25519_test.json}: valid signatures verify, invalid ones
 *       (malleable S, non-canonical or truncated encodings, garbage appended) are refused;
 *   <li>every case of {@code x25519_test.json}: the expected shared secret, and for the cases
 *       whose secret is all zeros (low-order and non-canonical public keys) an {@link
 *       InvalidKeyException}; the counts are checked;
 *   <li>random keys and messages against the JDK's SunEC as the reference: the same public keys,
 *       signatures (Ed25519 is deterministic) and shared secrets, messages of 0 to 300 bytes, in
 *       ranges, and one past the in-place limit of the native providers;
 *   <li>the strict verdicts of {@link Ed25519Encodings}: S + L, small-order and non-canonical R and
 *       public keys are refused however the provider's equation would answer;
 *   <li>misuse: signatures that are null or of the wrong length are false; ranges outside arrays
 *       are refused; a peer of another algorithm is refused.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractCurveProviderContractTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SignatureAlgorithm ED25519 = SignatureAlgorithm.ED25519;
    private static final KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;

    /** The provider under test. */
    protected abstract CryptoProvider provider();

    private SignatureProvider signatures() {
        assumeTrue(
                provider() instanceof SignatureProvider
                        && provider().algorithms().contains(ED25519),
                provider().id() + " has no Ed25519");
        return (SignatureProvider) provider();
    }

    private KeyAgreementProvider agreements() {
        assumeTrue(
                provider() instanceof KeyAgreementProvider
                        && provider().algorithms().contains(X25519),
                provider().id() + " has no X25519");
        return (KeyAgreementProvider) provider();
    }

    private Signer signer(byte[] seed) {
        return signatures().signer(ED25519, CurvePrivateKey.of(ED25519, seed));
    }

    private Verifier verifier(byte[] publicKey) {
        return signatures().verifier(ED25519, CurvePublicKey.of(ED25519, publicKey));
    }

    private Agreement agreement(byte[] scalar) {
        return agreements().agreement(X25519, CurvePrivateKey.of(X25519, scalar));
    }

    private static List<Map<?, ?>> groups(String file) {
        Map<?, ?> root =
                (Map<?, ?>) Json.parse(new String(TestData.verified("wycheproof", file), StandardCharsets.UTF_8));
        List<Map<?, ?>> groups = new ArrayList<>();
        for (Object g : (List<?>) root.get("testGroups")) {
            groups.add((Map<?, ?>) g);
        }
        return groups;
    }

    private static byte[] hex(Object o) {
        return HEX.parseHex((String) o);
    }

    @Test
    void selfTestsPass() {
        for (var a : provider().algorithms()) {
            if (a instanceof SignatureAlgorithm || a instanceof KeyAgreementAlgorithm) {
                SelfTest t = provider().selfTest(a);
                assertEquals(SelfTest.Status.PASSED, t.status(), a.id() + ": " + t.detail());
            }
        }
    }

    @Test
    void wycheproofEd25519() {
        signatures();
        int valid = 0;
        int invalid = 0;
        for (Map<?, ?> g : groups("ed25519_test.json")) {
            byte[] pk = hex(((Map<?, ?>) g.get("publicKey")).get("pk"));
            Verifier v = verifier(pk);
            for (Object o : (List<?>) g.get("tests")) {
                Map<?, ?> t = (Map<?, ?>) o;
                boolean expected = t.get("result").equals("valid");
                assertEquals(
                        expected,
                        v.verify(hex(t.get("msg")), hex(t.get("sig"))),
                        "tcId " + t.get("tcId") + " " + t.get("comment") + " " + t.get("flags"));
                if (expected) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        }
        assertEquals(88, valid);
        assertEquals(63, invalid);
    }

    @Test
    void wycheproofX25519() {
        agreements();
        int agreed = 0;
        int refused = 0;
        for (Map<?, ?> g : groups("x25519_test.json")) {
            for (Object o : (List<?>) g.get("tests")) {
                Map<?, ?> t = (Map<?, ?>) o;
                byte[] shared = hex(t.get("shared"));
                String which = "tcId " + t.get("tcId") + " " + t.get("comment") + " " + t.get("flags");
                Agreement a = agreement(hex(t.get("private")));
                CurvePublicKey peer = CurvePublicKey.of(X25519, hex(t.get("public")));
                if (Arrays.equals(shared, new byte[32])) {
                    assertThrows(InvalidKeyException.class, () -> a.agree(peer), which);
                    refused++;
                } else {
                    assertArrayEquals(shared, agree(a, peer), which);
                    agreed++;
                }
            }
        }
        assertEquals(518 - 31, agreed);
        assertEquals(31, refused);
    }

    @Test
    void signaturesAreTheJdks() throws Exception {
        SplittableRandom random = new SplittableRandom(25519);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        for (int length = 0; length <= 300; length += 1 + length / 8) {
            byte[] seed = bytes(random, 32);
            byte[] message = bytes(random, length + 7);
            Signer signer = signer(seed);
            assertArrayEquals(jdkPublicKey(seed), signer.publicKey().raw(), "public key of " + HEX.formatHex(seed));
            jdk.initSign(jdkPrivateKey(seed));
            jdk.update(message, 3, length);
            byte[] expected = jdk.sign();
            assertArrayEquals(expected, signer.sign(message, 3, length), "length " + length);
            assertArrayEquals(expected, signer.sign(Arrays.copyOfRange(message, 3, 3 + length)));
            Verifier v = verifier(signer.publicKey().raw());
            assertTrue(v.verify(message, 3, length, expected), "length " + length);
            assertTrue(v.verify(Arrays.copyOfRange(message, 3, 3 + length), expected));
            if (length > 0) {
                assertFalse(v.verify(message, 4, length - 1, expected), "a shorter message");
            }
        }
    }

    @Test
    void messagesPastTheInPlaceLimit() throws Exception {
        byte[] seed = bytes(new SplittableRandom(7), 32);
        byte[] message = bytes(new SplittableRandom(8), 256 * 1024 + 1);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(jdkPrivateKey(seed));
        jdk.update(message);
        byte[] expected = jdk.sign();
        Signer signer = signer(seed);
        assertArrayEquals(expected, signer.sign(message));
        Verifier v = verifier(signer.publicKey().raw());
        assertTrue(v.verify(message, expected));
        message[message.length - 1] ^= 1;
        assertFalse(v.verify(message, expected));
    }

    @Test
    void strictVerdicts() {
        Signer signer = signer(bytes(new SplittableRandom(1), 32));
        byte[] message = {1, 2, 3};
        byte[] signature = signer.sign(message);
        Verifier v = verifier(signer.publicKey().raw());
        assertTrue(v.verify(message, signature));
        // S + L: the same point equation holds, RFC 8032 refuses it
        byte[] malleable = signature.clone();
        BigInteger s = Edwards25519Reference.littleEndian(Arrays.copyOfRange(signature, 32, 64));
        System.arraycopy(
                Edwards25519Reference.toLittleEndian(s.add(Edwards25519Reference.ORDER)), 0, malleable, 32, 32);
        assertFalse(v.verify(message, malleable), "S + L");
        // every small-order encoding, as R and as the public key, with either sign bit
        for (byte[] small : Ed25519Encodings.smallOrder()) {
            for (int sign = 0; sign < 2; sign++) {
                byte[] point = small.clone();
                point[31] |= (byte) (sign << 7);
                byte[] r = signature.clone();
                System.arraycopy(point, 0, r, 0, 32);
                assertFalse(v.verify(message, r), "R = " + HEX.formatHex(point));
                Verifier weak = verifier(point);
                byte[] any = new byte[64];
                System.arraycopy(point, 0, any, 0, 32); // R = A, S = 0: the equation holds for a small A
                assertFalse(weak.verify(message, any), "A = " + HEX.formatHex(point));
            }
        }
        assertFalse(v.verify(message, null));
        assertFalse(v.verify(message, Arrays.copyOf(signature, 63)));
        assertFalse(v.verify(message, Arrays.copyOf(signature, 65)));
        assertThrows(IndexOutOfBoundsException.class, () -> v.verify(message, 2, 2, signature));
        assertThrows(IndexOutOfBoundsException.class, () -> signer.sign(message, -1, 2));
    }

    @Test
    void randomSignaturesAreRefused() {
        SplittableRandom random = new SplittableRandom(99);
        Verifier v = verifier(signer(bytes(random, 32)).publicKey().raw());
        for (int i = 0; i < 200; i++) {
            byte[] sig = bytes(random, 64);
            sig[63] &= 0x0f; // S below L mostly, so that the equation runs
            assertFalse(v.verify(new byte[] {(byte) i}, sig));
        }
    }

    @Test
    void agreementsAreTheJdks() throws Exception {
        SplittableRandom random = new SplittableRandom(7748);
        KeyFactory factory = KeyFactory.getInstance("X25519", "SunEC");
        for (int i = 0; i < 40; i++) {
            byte[] mine = bytes(random, 32);
            byte[] theirs = bytes(random, 32);
            Agreement a = agreement(mine);
            Agreement b = agreement(theirs);
            byte[] shared = agree(a, b.publicKey());
            assertArrayEquals(shared, agree(b, a.publicKey()));
            KeyAgreement jdk = KeyAgreement.getInstance("X25519", "SunEC");
            jdk.init(factory.generatePrivate(
                    new PKCS8EncodedKeySpec(CurvePrivateKey.of(X25519, mine).getEncoded())));
            jdk.doPhase(b.publicKey(), true);
            assertArrayEquals(jdk.generateSecret(), shared);
            // any 32 bytes as a peer: on the curve or its twist, the same bytes as the JDK's
            byte[] u = bytes(random, 32);
            jdk.init(factory.generatePrivate(
                    new PKCS8EncodedKeySpec(CurvePrivateKey.of(X25519, mine).getEncoded())));
            jdk.doPhase(CurvePublicKey.of(X25519, u), true);
            assertArrayEquals(jdk.generateSecret(), agree(a, CurvePublicKey.of(X25519, u)));
        }
    }

    @Test
    void agreementMisuse() {
        Agreement a = agreement(bytes(new SplittableRandom(3), 32));
        assertThrows(InvalidKeyException.class, () -> a.agree(CurvePublicKey.of(ED25519, new byte[32])));
        byte[] one = new byte[32];
        one[0] = 1;
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> a.agree(CurvePublicKey.of(X25519, one)));
        assertTrue(e.getMessage().contains("small order"), e.getMessage());
    }

    private static byte[] agree(Agreement a, CurvePublicKey peer) {
        try {
            return a.agree(peer);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] jdkPublicKey(byte[] seed) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519", "SunEC");
        g.initialize(NamedParameterSpec.ED25519, new java.security.SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] b) {
                System.arraycopy(seed, 0, b, 0, 32);
            }
        });
        PublicKey k = g.generateKeyPair().getPublic();
        return CurvePublicKey.from(k).raw();
    }

    private static PrivateKey jdkPrivateKey(byte[] seed) throws Exception {
        return KeyFactory.getInstance("Ed25519", "SunEC")
                .generatePrivate(new PKCS8EncodedKeySpec(
                        CurvePrivateKey.of(ED25519, seed).getEncoded()));
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
