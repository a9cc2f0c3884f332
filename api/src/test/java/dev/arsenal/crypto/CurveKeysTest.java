package dev.arsenal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519 and X25519 keys: their encodings byte for byte as the JDK and {@code openssl} write
 * them, read back from PKCS#8 (versions 1 and 2), X.509 and PEM; the JDK's own Signature and
 * KeyAgreement taking them; every malformed input refused with an {@link InvalidKeySpecException}
 * naming the problem; and the private keys' destruction, equality and serialization.
 *
 * <p>Bouncy Castle is not on this module's test class path, so its interop is not tested here.
 */
class CurveKeysTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    // ---- what openssl 3.0 wrote: openssl genpkey -algorithm ed25519 -out k.pem;
    //      openssl pkey -in k.pem -pubout -out p.pem; the raw bytes from openssl pkey -text ----

    private static final String OPENSSL_ED25519_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIEF3lPoRa1D1zH2rVX8ouA52sY34Dx1XX6H6sKsYZg3N
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_ED25519_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAU0KCSu+9vzHMwOdDI9l7d2S0prlgZEKY3gUxZJPqKgo=
            -----END PUBLIC KEY-----
            """;
    private static final String OPENSSL_ED25519_PRIVATE_RAW =
            "417794fa116b50f5cc7dab557f28b80e76b18df80f1d575fa1fab0ab18660dcd";
    private static final String OPENSSL_ED25519_PUBLIC_RAW =
            "5342824aefbdbf31ccc0e74323d97b7764b4a6b960644298de05316493ea2a0a";

    private static final String OPENSSL_X25519_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VuBCIEIFjp+XPmtEaPHq+jb8TxtXveNzLuuxQKOcIZIIa8vKRn
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_X25519_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VuAyEALZ+aU0WrxEQsZ/8jQIERUSUZUOKfI+Os6Wx3qP83fi8=
            -----END PUBLIC KEY-----
            """;
    private static final String OPENSSL_X25519_PRIVATE_RAW =
            "58e9f973e6b4468f1eafa36fc4f1b57bde3732eebb140a39c2192086bcbca467";
    private static final String OPENSSL_X25519_PUBLIC_RAW =
            "2d9f9a5345abc4442c67ff2340811151251950e29f23e3ace96c77a8ff377e2f";

    /** openssl pkcs8 -topk8 -v2 aes256 of the Ed25519 key above. */
    private static final String OPENSSL_ENCRYPTED = """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhyrpaLcC67LAICCAAw
            DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEDCcdsXm0gloi9V34Z+bqS0EQNq9
            QDSRGVZGiczqDSPnAqphnmGjB/pj/DCZMQR2mva5YgragdwGfh6O/3ZBF/mjPnSq
            TR3Uio7Qn8Lmi0T/yBw=
            -----END ENCRYPTED PRIVATE KEY-----
            """;

    /** RFC 8410 section 10.3: a version 2 PrivateKeyInfo with an attribute and the public key. */
    private static final String RFC8410_V2 = """
            -----BEGIN PRIVATE KEY-----
            MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB
            Z9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PRIVATE KEY-----
            """;

    private static final byte[] RSA_OID = HEX.parseHex("2a864886f70d010101");

    static Stream<CurveAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.ED25519, KeyAgreementAlgorithm.X25519);
    }

    // ---- round trips, byte for byte as the JDK encodes ----

    @ParameterizedTest
    @MethodSource("algorithms")
    void encodingsAreTheJdksByteForByteAndReadBack(CurveAlgorithm algorithm) throws Exception {
        for (int i = 0; i < 20; i++) {
            KeyPair jdk = KeyPairGenerator.getInstance(algorithm.standardName()).generateKeyPair();

            CurvePrivateKey fromJdk = CurvePrivateKey.from(jdk.getPrivate());
            assertSame(algorithm, fromJdk.algorithm());
            CurvePrivateKey priv = CurvePrivateKey.of(algorithm, fromJdk.raw());
            Class<?> privateType =
                    algorithm == SignatureAlgorithm.ED25519 ? Ed25519PrivateKey.class : X25519PrivateKey.class;
            assertSame(privateType, priv.getClass());
            assertSame(privateType, fromJdk.getClass());
            assertEquals(fromJdk, priv);
            assertArrayEquals(jdk.getPrivate().getEncoded(), priv.getEncoded(), "PKCS#8 as the JDK writes it");
            assertEquals(jdk.getPrivate().getFormat(), priv.getFormat());
            assertEquals("PKCS#8", priv.getFormat());
            assertEquals(algorithm.standardName(), priv.getAlgorithm());
            assertEquals(48, priv.getEncoded().length);
            assertEquals(priv, CurvePrivateKey.fromPkcs8(priv.getEncoded()));
            assertEquals(priv, CurveKey.readPem(priv.pem()));

            CurvePublicKey fromJdkPublic = CurvePublicKey.from(jdk.getPublic());
            CurvePublicKey pub = CurvePublicKey.of(algorithm, fromJdkPublic.raw());
            Class<?> publicType =
                    algorithm == SignatureAlgorithm.ED25519 ? Ed25519PublicKey.class : X25519PublicKey.class;
            assertSame(publicType, pub.getClass());
            assertSame(publicType, fromJdkPublic.getClass());
            assertEquals(fromJdkPublic, pub);
            assertArrayEquals(jdk.getPublic().getEncoded(), pub.getEncoded(), "X.509 as the JDK writes it");
            assertEquals(jdk.getPublic().getFormat(), pub.getFormat());
            assertEquals("X.509", pub.getFormat());
            assertEquals(44, pub.getEncoded().length);
            assertEquals(pub, CurvePublicKey.fromX509(pub.getEncoded()));
            assertEquals(pub, CurveKey.readPem(pub.pem()));

            // and the JDK reads ours back to the same key
            KeyFactory factory = KeyFactory.getInstance(algorithm.standardName());
            assertArrayEquals(
                    priv.getEncoded(),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(priv.getEncoded()))
                            .getEncoded());
            assertArrayEquals(
                    pub.getEncoded(),
                    factory.generatePublic(new X509EncodedKeySpec(pub.getEncoded()))
                            .getEncoded());
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void pemIsWhatOpensslWrites(CurveAlgorithm algorithm) throws Exception {
        CurvePrivateKey priv = CurvePrivateKey.of(algorithm, random(32));
        CurvePublicKey pub = CurvePublicKey.of(algorithm, random(32));
        for (CurveKey key : List.<CurveKey>of(priv, pub)) {
            String label = key instanceof CurvePrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
            String expected = "-----BEGIN " + label + "-----\n"
                    + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n-----END " + label + "-----\n";
            assertEquals(expected, key.pem(), "one line of base64 (under 64 characters), newline-terminated");
            // variations a reader meets: CRLF, text around, no final newline, blank lines, indentation
            String pem = key.pem();
            assertEquals(key, CurveKey.readPem(pem.replace("\n", "\r\n")));
            assertEquals(key, CurveKey.readPem("Key for host x:\n" + pem + "trailing text\n"));
            assertEquals(key, CurveKey.readPem(pem.strip()));
            assertEquals(
                    key, CurveKey.readPem(pem.replace("-----\n", "-----\n\n").replace("\n-----END", "\n\n-----END")));
            String body = Base64.getEncoder().encodeToString(key.getEncoded());
            String split = "-----BEGIN " + label + "-----\n" + body.substring(0, 10) + "\n  " + body.substring(10)
                    + "\n-----END " + label + "-----";
            assertEquals(key, CurveKey.readPem(split));
        }
    }

    // ---- openssl's keys ----

    @Test
    void opensslsKeysReadToTheBytesOpensslPrints() throws Exception {
        opensslPair(
                SignatureAlgorithm.ED25519,
                OPENSSL_ED25519_PRIVATE,
                OPENSSL_ED25519_PRIVATE_RAW,
                OPENSSL_ED25519_PUBLIC,
                OPENSSL_ED25519_PUBLIC_RAW);
        opensslPair(
                KeyAgreementAlgorithm.X25519,
                OPENSSL_X25519_PRIVATE,
                OPENSSL_X25519_PRIVATE_RAW,
                OPENSSL_X25519_PUBLIC,
                OPENSSL_X25519_PUBLIC_RAW);
    }

    private static void opensslPair(
            CurveAlgorithm algorithm, String privatePem, String privateRaw, String publicPem, String publicRaw)
            throws Exception {
        CurveKey priv = CurveKey.readPem(privatePem);
        assertInstanceOf(CurvePrivateKey.class, priv);
        assertSame(algorithm, priv.algorithm());
        assertEquals(privateRaw, HEX.formatHex(priv.raw()));
        assertEquals(privatePem, priv.pem(), "written back as openssl wrote it");

        CurveKey pub = CurveKey.readPem(publicPem);
        assertInstanceOf(CurvePublicKey.class, pub);
        assertSame(algorithm, pub.algorithm());
        assertEquals(publicRaw, HEX.formatHex(pub.raw()));
        assertEquals(publicPem, pub.pem());

        // the pair is a pair: the JDK derives openssl's public key from openssl's private key
        KeyPair derived = jdkPair(algorithm, priv.raw());
        assertEquals(pub, CurvePublicKey.from(derived.getPublic()));
        assertEquals(priv, CurvePrivateKey.from(derived.getPrivate()));
        // and the two PEM blocks in one text: the first is read
        assertEquals(priv, CurveKey.readPem(privatePem + publicPem));
        assertEquals(pub, CurveKey.readPem(publicPem + privatePem));
    }

    // ---- PKCS#8 version 2 (RFC 5958) ----

    @ParameterizedTest
    @MethodSource("algorithms")
    void version2WithThePublicKeyAndAttributesIsRead(CurveAlgorithm algorithm) throws Exception {
        byte[] seed = random(32);
        KeyPair jdk = jdkPair(algorithm, seed);
        byte[] pub = CurvePublicKey.from(jdk.getPublic()).raw();
        CurvePrivateKey expected = CurvePrivateKey.of(algorithm, seed);
        byte[] attributes = attributes();
        byte[] publicKey = tlv(0x81, new byte[] {0}, pub);

        byte[] v2WithPublicKey = pkcs8(1, algorithm.oidArc(), seed, null, publicKey);
        assertEquals(
                "3051020101300506032b65" + Integer.toHexString(algorithm.oidArc()) + "04220420" + HEX.formatHex(seed)
                        + "812100" + HEX.formatHex(pub),
                HEX.formatHex(v2WithPublicKey),
                "the DER built by hand, as RFC 5958 has it");
        List<byte[]> accepted = List.of(
                v2WithPublicKey,
                pkcs8(1, algorithm.oidArc(), seed, attributes, publicKey),
                pkcs8(1, algorithm.oidArc(), seed, attributes, null),
                pkcs8(1, algorithm.oidArc(), seed, null, null),
                pkcs8(0, algorithm.oidArc(), seed, attributes, null));
        for (byte[] der : accepted) {
            CurvePrivateKey key = CurvePrivateKey.fromPkcs8(der);
            assertEquals(expected, key, HEX.formatHex(der));
            assertArrayEquals(expected.getEncoded(), key.getEncoded(), "written back as version 1, no public key");
            assertEquals(key, CurveKey.readPem(pem("PRIVATE KEY", der)));
        }
        // the JDK reads the version 2 structure to the same key too: the DER built by hand is right
        PrivateKey jdkRead = KeyFactory.getInstance(algorithm.standardName())
                .generatePrivate(new PKCS8EncodedKeySpec(v2WithPublicKey));
        assertEquals(expected, CurvePrivateKey.from(jdkRead));
    }

    @Test
    void rfc8410sVersion2ExampleIsRead() throws Exception {
        CurveKey key = CurveKey.readPem(RFC8410_V2);
        assertInstanceOf(Ed25519PrivateKey.class, key);
        assertEquals("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842", HEX.formatHex(key.raw()));
        assertEquals(
                "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC",
                Base64.getEncoder().encodeToString(key.getEncoded()),
                "RFC 8410 section 10.3's version 1 example");
    }

    // ---- the JDK's Signature and KeyAgreement take our keys ----

    @Test
    void theJdkSignsWithAnArsenalEd25519KeyAndVerifiesWithTheArsenalPublicKey() throws Exception {
        byte[] message = "the message signed".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            byte[] seed = random(32);
            KeyPair jdk = jdkPair(SignatureAlgorithm.ED25519, seed);
            CurvePrivateKey priv = CurvePrivateKey.of(SignatureAlgorithm.ED25519, seed);
            CurvePublicKey pub = CurvePublicKey.of(
                    SignatureAlgorithm.ED25519,
                    CurvePublicKey.from(jdk.getPublic()).raw());
            assertInstanceOf(EdECPrivateKey.class, priv);
            assertInstanceOf(EdECPublicKey.class, pub);

            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(priv);
            signer.update(message);
            byte[] signature = signer.sign();
            assertArrayEquals(sign(jdk.getPrivate(), message), signature, "Ed25519 is deterministic");

            assertTrue(verify(jdk.getPublic(), message, signature), "the JDK's key verifies");
            assertTrue(verify(pub, message, signature), "our key passed to the JDK verifies");
            PublicKey read = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pub.getEncoded()));
            assertTrue(verify(read, message, signature), "our encoding read by the JDK verifies");
            byte[] other = message.clone();
            other[0] ^= 1;
            assertFalse(verify(pub, other, signature));

            EdECPublicKey jdkPublic = (EdECPublicKey) jdk.getPublic();
            EdECPublicKey ours = (EdECPublicKey) pub;
            assertEquals(jdkPublic.getPoint().getY(), ours.getPoint().getY());
            assertEquals(jdkPublic.getPoint().isXOdd(), ours.getPoint().isXOdd());
            assertEquals(NamedParameterSpec.ED25519, ((EdECPrivateKey) priv).getParams());
            assertEquals(NamedParameterSpec.ED25519, ours.getParams());
            assertArrayEquals(
                    ((EdECPrivateKey) jdk.getPrivate()).getBytes().orElseThrow(),
                    ((EdECPrivateKey) priv).getBytes().orElseThrow());
        }
    }

    @Test
    void theJdksKeyAgreementTakesArsenalX25519Keys() throws Exception {
        for (int i = 0; i < 10; i++) {
            KeyPair alice = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            KeyPair bob = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            CurvePrivateKey alicePrivate = CurvePrivateKey.from(alice.getPrivate());
            CurvePublicKey bobPublic = CurvePublicKey.from(bob.getPublic());
            assertInstanceOf(XECPrivateKey.class, alicePrivate);
            assertInstanceOf(XECPublicKey.class, bobPublic);

            byte[] ours = agree(alicePrivate, bobPublic);
            assertArrayEquals(agree(alice.getPrivate(), bob.getPublic()), ours);
            assertArrayEquals(agree(bob.getPrivate(), CurvePublicKey.from(alice.getPublic())), ours);
            assertArrayEquals(agree(CurvePrivateKey.from(bob.getPrivate()), alice.getPublic()), ours);

            assertEquals(((XECPublicKey) bob.getPublic()).getU(), ((XECPublicKey) bobPublic).getU());
            assertEquals(NamedParameterSpec.X25519, ((XECPublicKey) bobPublic).getParams());
            assertEquals(NamedParameterSpec.X25519, ((XECPrivateKey) alicePrivate).getParams());
            assertArrayEquals(
                    ((XECPrivateKey) alice.getPrivate()).getScalar().orElseThrow(),
                    ((XECPrivateKey) alicePrivate).getScalar().orElseThrow());
        }
    }

    @Test
    void getUAndGetPointDecodeAsTheJdkDoesEvenOutOfRange() throws Exception {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff); // u and y of 2^255 - 1, over p, and the top bit set
        byte[] p = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] nine = new byte[32];
        nine[0] = 9;
        for (byte[] raw : List.of(ones, p, nine, new byte[32])) {
            XECPublicKey u = (XECPublicKey) CurvePublicKey.of(KeyAgreementAlgorithm.X25519, raw);
            XECPublicKey jdkU = (XECPublicKey)
                    KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(u.getEncoded()));
            assertEquals(jdkU.getU(), u.getU(), HEX.formatHex(raw));
            EdECPublicKey point = (EdECPublicKey) CurvePublicKey.of(SignatureAlgorithm.ED25519, raw);
            EdECPublicKey jdkPoint = (EdECPublicKey)
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(point.getEncoded()));
            assertEquals(jdkPoint.getPoint().getY(), point.getPoint().getY(), HEX.formatHex(raw));
            assertEquals(jdkPoint.getPoint().isXOdd(), point.getPoint().isXOdd(), HEX.formatHex(raw));
        }
        assertEquals(
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
                ((XECPublicKey) CurvePublicKey.of(KeyAgreementAlgorithm.X25519, ones)).getU());
        assertEquals(
                BigInteger.valueOf(9), ((XECPublicKey) CurvePublicKey.of(KeyAgreementAlgorithm.X25519, nine)).getU());
    }

    @Test
    void fromTakesArsenalKeysAsTheyAreAndRefusesOtherAlgorithms() throws Exception {
        CurvePrivateKey priv = CurvePrivateKey.of(SignatureAlgorithm.ED25519, random(32));
        assertSame(priv, CurvePrivateKey.from(priv));
        CurvePublicKey pub = CurvePublicKey.of(KeyAgreementAlgorithm.X25519, random(32));
        assertSame(pub, CurvePublicKey.from(pub));

        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        refused("1.3.101.113", () -> CurvePrivateKey.from(ed448.getPrivate()));
        refused("1.3.101.113", () -> CurvePublicKey.from(ed448.getPublic()));
        KeyPair x448 = KeyPairGenerator.getInstance("X448").generateKeyPair();
        refused("1.3.101.111", () -> CurvePrivateKey.from(x448.getPrivate()));
        refused("1.3.101.111", () -> CurvePublicKey.from(x448.getPublic()));

        PrivateKey raw = new PrivateKey() {
            @Override
            public String getAlgorithm() {
                return "Ed25519";
            }

            @Override
            public String getFormat() {
                return "RAW";
            }

            @Override
            public byte[] getEncoded() {
                return new byte[32];
            }
        };
        refused("only PKCS#8 keys are read", () -> CurvePrivateKey.from(raw));
    }

    @Test
    void rsaAndEcKeysAreRefused() throws Exception {
        for (String algorithm : List.of("RSA", "EC")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("RSA") ? 1024 : 256);
            KeyPair pair = generator.generateKeyPair();
            assertThrows(InvalidKeySpecException.class, () -> CurvePrivateKey.from(pair.getPrivate()));
            assertThrows(InvalidKeySpecException.class, () -> CurvePublicKey.from(pair.getPublic()));
            String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
            assertThrows(InvalidKeySpecException.class, () -> CurveKey.readPem(pem));
        }
    }

    /**
     * Found by this test and fixed: an RSA or EC key is refused for "parameters after the algorithm identifier", not
     * for its algorithm, although fromPkcs8/fromX509 promise to name the object identifier: their
     * AlgorithmIdentifiers have parameters (NULL, the curve), and KeyCodec.algorithm checks those
     * before it looked the identifier up. It looks the identifier up first now.
     */
    @Test
    void rsaAndEcKeysAreRefusedNamingTheirAlgorithm() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        refused("1.2.840.113549.1.1.1", () -> CurvePrivateKey.from(rsa.getPrivate()));
        refused("1.2.840.113549.1.1.1", () -> CurvePublicKey.from(rsa.getPublic()));
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        refused("1.2.840.10045.2.1", () -> CurvePrivateKey.from(ec.getPrivate()));
        refused("1.2.840.10045.2.1", () -> CurvePublicKey.from(ec.getPublic()));
    }

    // ---- bad input: an InvalidKeySpecException naming the problem, never anything else ----

    @Test
    void badPemIsRefusedNamingTheProblem() {
        refusedPem("no text (null)", null);
        refusedPem("no -----BEGIN line", "");
        refusedPem("no -----BEGIN line", "MC4CAQAwBQYDK2VwBCIEIEF3lPoRa1D1zH2rVX8ouA52sY34Dx1XX6H6sKsYZg3N");
        refusedPem("no -----BEGIN line", "-----BEGIN");
        refusedPem("does not end with -----", "-----BEGIN ");
        // the BEGIN line ends at its line break: a label without its dashes is refused as such
        refusedPem(
                "the -----BEGIN line does not end with -----", "-----BEGIN PRIVATE KEY\nMC4C\n-----END PRIVATE KEY\n");
        refusedPem("does not end with -----", "-----BEGIN " + "A".repeat(100) + "-----\n\n-----END PRIVATE KEY-----");
        refusedPem("decrypt it first", OPENSSL_ENCRYPTED);
        refusedPem("a ENCRYPTED PRIVATE KEY block", OPENSSL_ENCRYPTED);
        refusedPem(
                "ssh-keygen",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        refusedPem("a RSA PRIVATE KEY block", OPENSSL_ED25519_PRIVATE.replace("PRIVATE KEY", "RSA PRIVATE KEY"));
        refusedPem("a CERTIFICATE block", OPENSSL_ED25519_PUBLIC.replace("PUBLIC KEY", "CERTIFICATE"));
        refusedPem("a  block", "-----BEGIN -----\n-----END -----\n");
        refusedPem(
                "no -----END PRIVATE KEY----- line",
                OPENSSL_ED25519_PRIVATE.replace("END PRIVATE KEY", "END PUBLIC KEY"));
        refusedPem(
                "no -----END PRIVATE KEY----- line", OPENSSL_ED25519_PRIVATE.replace("-----END PRIVATE KEY-----", ""));
        refusedPem(
                "line goes on after its dashes",
                "-----BEGIN PRIVATE KEY-----MC4CAQAwBQYDK2VwBCIEIEF3lPoRa1D1zH2rVX8ouA52sY34Dx1XX6H6sKsYZg3N"
                        + "-----END PRIVATE KEY-----");
        refusedPem("not base64", OPENSSL_ED25519_PRIVATE.replace("MC4C", "MC!C"));
        refusedPem("not base64", OPENSSL_ED25519_PRIVATE.replace("MC4C", "MC4Cé"));
        refusedPem("not base64", OPENSSL_ED25519_PUBLIC.replace("o=", "o=AAAA"));
        refusedPem("not base64", OPENSSL_ED25519_PRIVATE.replace("MC4C", "MC4CA"));
        refusedPem(
                "not base64", OPENSSL_ED25519_PRIVATE.replace("-----\nMC4C", "-----\nProc-Type: 4,ENCRYPTED\n\nMC4C"));
        refusedPem("PKCS#8: the input ends", "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n");
        // the label says one thing, the DER another
        refusedPem("X.509: ", OPENSSL_ED25519_PRIVATE.replace("PRIVATE KEY", "PUBLIC KEY"));
        refusedPem("PKCS#8: ", OPENSSL_ED25519_PUBLIC.replace("PUBLIC KEY", "PRIVATE KEY"));
    }

    /** openssl req -x509 -key (the Ed25519 key above) -subj /CN=x: a certificate to put before a key. */
    private static final String OPENSSL_CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBLDCB36ADAgECAhQEtDE9u3qJUYpe7IpCTrdZDmVBlDAFBgMrZXAwDDEKMAgG
            A1UEAwwBeDAeFw0yNjEyMDcxOTQ3MzNaFw0yNzAxMDYxOTQ3MzNaMAwxCjAIBgNV
            BAMMAXgwKjAFBgMrZXADIQBTQoJK772/MczA50Mj2Xt3ZLSmuWBkQpjeBTFkk+oq
            CqNTMFEwHQYDVR0OBBYEFPWsTXuo5Uf6a3r+ZZ7pPZSo8712MB8GA1UdIwQYMBaA
            FPWsTXuo5Uf6a3r+ZZ7pPZSo8712MA8GA1UdEwEB/wQFMAMBAf8wBQYDK2VwA0EA
            9Jk7CmiiljjPx2P1oTUjepkzF8hZFko0XjIcL8Xate3dtr0y99HpzfWGr/s0cnJr
            VAMN+pGcHhltG2uH/N0uCQ==
            -----END CERTIFICATE-----
            """;

    /**
     * Found by this test and fixed: readPem promises "the first key in PEM text ... as openssl ignores it", but a
     * certificate before the key (a combined cert+key file, as servers use) is refused as "a
     * CERTIFICATE block", where {@code openssl pkey -in combined.pem} reads the key. Now blocks that
     * are not keys are skipped, and the refusal (with the encrypted or OpenSSH hint if such a block
     * was seen) comes only when no PRIVATE KEY or PUBLIC KEY block is found.
     */
    @Test
    void aCertificateBeforeTheKeyIsSkippedAsOpensslSkipsIt() throws Exception {
        assertEquals(
                CurveKey.readPem(OPENSSL_ED25519_PRIVATE),
                CurveKey.readPem(OPENSSL_CERTIFICATE + OPENSSL_ED25519_PRIVATE));
    }

    @Test
    void aTruncatedPemIsRefusedAtEveryLength() throws Exception {
        for (String pem : List.of(OPENSSL_ED25519_PRIVATE, OPENSSL_X25519_PUBLIC, RFC8410_V2)) {
            CurveKey key = CurveKey.readPem(pem);
            for (int n = 0; n < pem.length() - 1; n++) {
                String cut = pem.substring(0, n);
                assertThrows(InvalidKeySpecException.class, () -> CurveKey.readPem(cut), cut);
            }
            assertEquals(key, CurveKey.readPem(pem.substring(0, pem.length() - 1)), "all but the final newline");
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void truncatedDerIsRefusedAtEveryLength(CurveAlgorithm algorithm) throws Exception {
        byte[] key = random(32);
        List<byte[]> privates = List.of(
                CurvePrivateKey.of(algorithm, key).getEncoded(),
                pkcs8(1, algorithm.oidArc(), key, attributes(), tlv(0x81, new byte[] {0}, random(32))));
        for (byte[] der : privates) {
            for (int n = 0; n < der.length; n++) {
                byte[] cut = Arrays.copyOf(der, n);
                InvalidKeySpecException e = refused("PKCS#8: ", () -> CurvePrivateKey.fromPkcs8(cut));
                assertTrue(e.getMessage().contains("(at byte "), e.getMessage());
            }
        }
        byte[] x509 = CurvePublicKey.of(algorithm, key).getEncoded();
        for (int n = 0; n < x509.length; n++) {
            byte[] cut = Arrays.copyOf(x509, n);
            refused("X.509: ", () -> CurvePublicKey.fromX509(cut));
        }
        refused(
                "the input ends where the PrivateKeyInfo SEQUENCE was expected",
                () -> CurvePrivateKey.fromPkcs8(new byte[0]));
        refused(
                "the input ends in the length of the PrivateKeyInfo SEQUENCE",
                () -> CurvePrivateKey.fromPkcs8(new byte[] {0x30}));
        refused(
                "the PrivateKeyInfo SEQUENCE says 46 bytes, but 45 are left",
                () -> CurvePrivateKey.fromPkcs8(
                        Arrays.copyOf(CurvePrivateKey.of(algorithm, key).getEncoded(), 47)));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void malformedDerIsRefusedNamingTheProblem(CurveAlgorithm algorithm) {
        int arc = algorithm.oidArc();
        byte[] key = random(32);
        byte[] good = CurvePrivateKey.of(algorithm, key).getEncoded();
        byte[] goodPublic = CurvePublicKey.of(algorithm, key).getEncoded();

        refusedPkcs8("1 byte more than the structure holds", cat(good, new byte[] {0}));
        refusedX509("2 bytes more than the structure holds", cat(goodPublic, new byte[] {5, 0}));
        refusedPkcs8(
                "1 byte more than the structure holds",
                tlv(0x30, Arrays.copyOfRange(good, 2, good.length), new byte[] {0}));
        refusedPkcs8(
                "1 byte more than the structure holds",
                tlv(0x30, int0(0), algorithmIdentifier(arc), tlv(0x04, tlv(0x04, key), new byte[] {0})));
        refusedPkcs8("tag 0x31 where the PrivateKeyInfo SEQUENCE (0x30) was expected", replace(good, 0, 0x31));
        refusedX509("tag 0x04 where the subjectPublicKey BIT STRING (0x03) was expected", replace(goodPublic, 9, 0x04));

        // BER, not DER
        refusedPkcs8(
                "an indefinite length in the PrivateKeyInfo SEQUENCE",
                cat(new byte[] {0x30, (byte) 0x80}, Arrays.copyOfRange(good, 2, good.length), new byte[] {0, 0}));
        refusedPkcs8(
                "an indefinite length in the privateKey OCTET STRING",
                tlv(
                        0x30,
                        int0(0),
                        algorithmIdentifier(arc),
                        new byte[] {0x04, (byte) 0x80},
                        tlv(0x04, key),
                        new byte[] {0, 0}));
        refusedPkcs8(
                "a length in the PrivateKeyInfo SEQUENCE not in its shortest form",
                cat(new byte[] {0x30, (byte) 0x81, 0x2e}, Arrays.copyOfRange(good, 2, good.length)));
        refusedPkcs8(
                "a length in the PrivateKeyInfo SEQUENCE not in its shortest form",
                cat(new byte[] {0x30, (byte) 0x82, 0, 0x2e}, Arrays.copyOfRange(good, 2, good.length)));
        refusedX509(
                "a length in the subjectPublicKey BIT STRING not in its shortest form",
                cat(new byte[] {0x30, 0x2b}, algorithmIdentifier(arc), new byte[] {0x03, (byte) 0x81, 0x21, 0}, key));
        refusedPkcs8(
                "a length of 4 bytes in the PrivateKeyInfo SEQUENCE",
                cat(new byte[] {0x30, (byte) 0x84, 0, 0, 0, 0x2e}, Arrays.copyOfRange(good, 2, good.length)));
        refusedPkcs8("a length of 127 bytes", cat(new byte[] {0x30, (byte) 0xff}, good));

        // other algorithms, and parameters RFC 8410 says are absent
        refusedPkcs8(
                "the algorithm 1.3.101.113 is not Ed25519 (1.3.101.112) or X25519 (1.3.101.110)",
                pkcs8(0, 113, key, null, null));
        refusedPkcs8("the algorithm 1.3.101.111 is not", pkcs8(0, 111, key, null, null));
        refusedX509("the algorithm 1.3.101.113 is not", replace(goodPublic, 8, 113));
        refusedPkcs8(
                "the algorithm 1.2.840.113549.1.1.1 is not",
                tlv(0x30, int0(0), tlv(0x30, tlv(0x06, RSA_OID)), tlv(0x04, tlv(0x04, key))));
        refusedX509(
                "the algorithm 1.2.840.113549.1.1.1 is not",
                tlv(0x30, tlv(0x30, tlv(0x06, RSA_OID)), tlv(0x03, new byte[] {0}, key)));
        refusedPkcs8(
                "the algorithm with bytes 2b65f0 is not",
                tlv(
                        0x30,
                        int0(0),
                        tlv(0x30, tlv(0x06, new byte[] {0x2b, 0x65, (byte) 0xf0})),
                        tlv(0x04, tlv(0x04, key))));
        refusedPkcs8(
                "the algorithm with bytes  is not",
                tlv(0x30, int0(0), tlv(0x30, tlv(0x06)), tlv(0x04, tlv(0x04, key))));
        refusedPkcs8(
                "tag 0x05 where the algorithm OBJECT IDENTIFIER (0x06) was expected",
                tlv(0x30, int0(0), tlv(0x30, new byte[] {5, 0}), tlv(0x04, tlv(0x04, key))));
        refusedPkcs8(
                "parameters after the algorithm identifier",
                tlv(
                        0x30,
                        int0(0),
                        tlv(0x30, tlv(0x06, new byte[] {0x2b, 0x65, (byte) arc}), new byte[] {5, 0}),
                        tlv(0x04, tlv(0x04, key))));
        refusedX509(
                "parameters after the algorithm identifier",
                tlv(
                        0x30,
                        tlv(0x30, tlv(0x06, new byte[] {0x2b, 0x65, (byte) arc}), new byte[] {5, 0}),
                        tlv(0x03, new byte[] {0}, key)));

        // wrong lengths of the key
        String name = algorithm.standardName();
        for (int length : new int[] {0, 1, 31, 33, 57, 64}) {
            byte[] wrong = random(length);
            refusedPkcs8(
                    "the " + name + " private key has " + length + " bytes, not 32", pkcs8(0, arc, wrong, null, null));
            refusedX509(
                    "the " + name + " public key has " + length + " bytes, not 32",
                    tlv(0x30, algorithmIdentifier(arc), tlv(0x03, new byte[] {0}, wrong)));
        }
        refusedX509(
                "the public key BIT STRING does not start with 0 unused bits",
                tlv(0x30, algorithmIdentifier(arc), tlv(0x03)));
        refusedX509(
                "the public key BIT STRING does not start with 0 unused bits",
                tlv(0x30, algorithmIdentifier(arc), tlv(0x03, new byte[] {1}, key)));
        refusedPkcs8(
                "tag 0x03 where the CurvePrivateKey OCTET STRING (0x04) was expected",
                tlv(0x30, int0(0), algorithmIdentifier(arc), tlv(0x04, tlv(0x03, key))));
        refusedPkcs8(
                "tag 0x03 where the privateKey OCTET STRING (0x04) was expected",
                tlv(0x30, int0(0), algorithmIdentifier(arc), tlv(0x03, tlv(0x04, key))));

        // versions
        refusedPkcs8("the version is 02, not 0 (v1) or 1 (v2)", pkcs8(2, arc, key, null, null));
        refusedPkcs8("the version is ff, not 0 (v1) or 1 (v2)", pkcs8(-1, arc, key, null, null));
        refusedPkcs8(
                "the version is 0000, not 0 (v1) or 1 (v2)",
                tlv(0x30, tlv(0x02, new byte[2]), algorithmIdentifier(arc), tlv(0x04, tlv(0x04, key))));
        refusedPkcs8(
                "the version is , not 0 (v1) or 1 (v2)",
                tlv(0x30, tlv(0x02), algorithmIdentifier(arc), tlv(0x04, tlv(0x04, key))));
        refusedPkcs8(
                "a public key in a version 1 PrivateKeyInfo",
                pkcs8(0, arc, key, null, tlv(0x81, new byte[] {0}, random(32))));
        refusedPkcs8(
                "a public key in a version 1 PrivateKeyInfo",
                pkcs8(0, arc, key, attributes(), tlv(0x81, new byte[] {0}, random(32))));
        // the optional fields in the wrong order, twice, or of an unknown tag
        refusedPkcs8(
                "bytes more than the structure holds",
                tlv(
                        0x30,
                        int0(1),
                        algorithmIdentifier(arc),
                        tlv(0x04, tlv(0x04, key)),
                        tlv(0x81, new byte[] {0}, random(32)),
                        attributes()));
        refusedPkcs8(
                "bytes more than the structure holds",
                tlv(0x30, int0(1), algorithmIdentifier(arc), tlv(0x04, tlv(0x04, key)), attributes(), attributes()));
        refusedPkcs8(
                "bytes more than the structure holds",
                tlv(0x30, int0(1), algorithmIdentifier(arc), tlv(0x04, tlv(0x04, key)), tlv(0xa1, new byte[3])));

        // each format given to the other's reader
        refusedX509("X.509: ", good);
        refusedPkcs8("PKCS#8: ", goodPublic);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyOneByteChangeGivesAKeyOrAnInvalidKeySpecException(CurveAlgorithm algorithm) throws Exception {
        byte[] key = random(32);
        List<byte[]> privates = List.of(
                CurvePrivateKey.of(algorithm, key).getEncoded(),
                pkcs8(1, algorithm.oidArc(), key, attributes(), tlv(0x81, new byte[] {0}, random(32))));
        byte[] x509 = CurvePublicKey.of(algorithm, key).getEncoded();
        for (byte[] der : List.of(privates.get(0), privates.get(1), x509)) {
            for (int i = 0; i < der.length; i++) {
                for (int v = 0; v < 256; v++) {
                    checkAnyInput(replace(der, i, v));
                }
                byte[] dropped = cat(Arrays.copyOf(der, i), Arrays.copyOfRange(der, i + 1, der.length));
                checkAnyInput(dropped);
                checkAnyInput(
                        cat(Arrays.copyOf(der, i), new byte[] {(byte) i}, Arrays.copyOfRange(der, i, der.length)));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(80)];
            random.nextBytes(noise);
            checkAnyInput(noise);
        }
    }

    /** Each reader gives a key that re-encodes to itself, or an InvalidKeySpecException. */
    private static void checkAnyInput(byte[] der) {
        try {
            CurvePrivateKey k = CurvePrivateKey.fromPkcs8(der);
            assertEquals(k, CurvePrivateKey.fromPkcs8(k.getEncoded()), HEX.formatHex(der));
            assertEquals(k, CurveKey.readPem(k.pem()), HEX.formatHex(der));
        } catch (InvalidKeySpecException expected) {
            assertTrue(expected.getMessage().startsWith("PKCS#8: "), expected.getMessage());
        } catch (RuntimeException | Error e) {
            throw new AssertionError("fromPkcs8(" + HEX.formatHex(der) + ") threw " + e, e);
        }
        try {
            CurvePublicKey k = CurvePublicKey.fromX509(der);
            assertEquals(k, CurvePublicKey.fromX509(k.getEncoded()), HEX.formatHex(der));
            assertEquals(k, CurveKey.readPem(k.pem()), HEX.formatHex(der));
        } catch (InvalidKeySpecException expected) {
            assertTrue(expected.getMessage().startsWith("X.509: "), expected.getMessage());
        } catch (RuntimeException | Error e) {
            throw new AssertionError("fromX509(" + HEX.formatHex(der) + ") threw " + e, e);
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void rawKeysOfTheWrongLengthAreIllegalArguments(CurveAlgorithm algorithm) {
        for (int length : new int[] {0, 16, 31, 33, 57, 64}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> CurvePrivateKey.of(algorithm, new byte[length]));
            assertEquals(algorithm.id() + ": a private key has 32 bytes, not " + length, e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> CurvePublicKey.of(algorithm, new byte[length]));
            assertEquals(algorithm.id() + ": a public key has 32 bytes, not " + length, e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CurvePrivateKey.of(algorithm, null));
        assertThrows(IllegalArgumentException.class, () -> CurvePublicKey.of(algorithm, null));
        assertThrows(NullPointerException.class, () -> CurvePrivateKey.of(null, new byte[32]));
        assertThrows(NullPointerException.class, () -> CurvePrivateKey.fromPkcs8(null));
        assertThrows(NullPointerException.class, () -> CurvePublicKey.fromX509(null));
    }

    // ---- private keys: copies, destruction, equality, serialization ----

    @ParameterizedTest
    @MethodSource("algorithms")
    void theBytesAreCopiedInAndOut(CurveAlgorithm algorithm) {
        byte[] raw = random(32);
        byte[] kept = raw.clone();
        CurvePrivateKey priv = CurvePrivateKey.of(algorithm, raw);
        CurvePublicKey pub = CurvePublicKey.of(algorithm, raw);
        raw[0] ^= 1;
        assertArrayEquals(kept, priv.raw());
        assertArrayEquals(kept, pub.raw());
        priv.raw()[1] ^= 1;
        pub.raw()[1] ^= 1;
        priv.getEncoded()[20] ^= 1;
        assertArrayEquals(kept, priv.raw());
        assertArrayEquals(kept, pub.raw());
        priv.destroy();
        assertEquals(kept[5], raw[5], "destroying the key does not zero the array it was made from");
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aDestroyedKeyThrowsAndIsEqualToNoOtherKey(CurveAlgorithm algorithm) throws Exception {
        byte[] raw = random(32);
        CurvePrivateKey key = CurvePrivateKey.of(algorithm, raw);
        CurvePrivateKey twin = CurvePrivateKey.of(algorithm, raw);
        assertFalse(key.isDestroyed());
        assertEquals(twin, key);
        key.destroy();
        assertTrue(key.isDestroyed());
        key.destroy(); // again: no exception
        assertThrows(IllegalStateException.class, key::raw);
        assertThrows(IllegalStateException.class, key::getEncoded);
        assertThrows(IllegalStateException.class, key::pem);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            if (key instanceof EdECPrivateKey ed) {
                ed.getBytes();
            } else {
                ((XECPrivateKey) key).getScalar();
            }
        });
        assertEquals("the " + algorithm.standardName() + " private key was destroyed", e.getMessage());
        assertEquals(algorithm.standardName(), key.getAlgorithm());
        assertEquals("PKCS#8", key.getFormat());
        assertSame(algorithm, key.algorithm());
        assertEquals(algorithm.standardName() + " private key (destroyed)", key.toString());
        assertNotEquals(twin, key);
        assertNotEquals(key, twin);
        assertEquals(twin.hashCode(), key.hashCode());
        assertArrayEquals(raw, twin.raw(), "its twin is untouched");
        assertThrows(IllegalStateException.class, () -> serialize(key), "a destroyed key cannot be written");
        if (algorithm == SignatureAlgorithm.ED25519) {
            Signature signer = Signature.getInstance("Ed25519");
            assertThrows(Exception.class, () -> signer.initSign(key), "the JDK cannot sign with it either");
        }
    }

    /**
     * Found by this test and fixed: equals is not reflexive once the key is destroyed (x.equals(x) is false), which
     * Object.equals forbids: a destroyed key put in a HashSet can no longer be found or removed.
     * Now {@code o == this} is checked first.
     */
    @Test
    void aDestroyedKeyStillEqualsItself() {
        CurvePrivateKey key = CurvePrivateKey.of(SignatureAlgorithm.ED25519, random(32));
        java.util.Set<CurvePrivateKey> set = new java.util.HashSet<>(List.of(key));
        key.destroy();
        assertEquals(key, key);
        assertTrue(set.remove(key));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void toStringNeverShowsThePrivateBytes(CurveAlgorithm algorithm) {
        for (int i = 0; i < 50; i++) {
            byte[] raw = random(32);
            CurvePrivateKey key = CurvePrivateKey.of(algorithm, raw);
            String text = key.toString();
            assertEquals(algorithm.standardName() + " private key", text);
            assertFalse(text.contains(HEX.formatHex(raw, 0, 4)));
            assertFalse(text.contains(Base64.getEncoder().encodeToString(raw).substring(0, 8)));
            assertFalse(text.contains(Arrays.toString(raw)));
            assertTrue(
                    CurvePublicKey.of(algorithm, raw).toString().endsWith(" public key " + HEX.formatHex(raw)),
                    "a public key shows its bytes");
        }
    }

    @Test
    void equalityAndHashCodes() throws Exception {
        byte[] raw = random(32);
        CurvePrivateKey ed = CurvePrivateKey.of(SignatureAlgorithm.ED25519, raw);
        CurvePrivateKey x = CurvePrivateKey.of(KeyAgreementAlgorithm.X25519, raw);
        CurvePublicKey edPublic = CurvePublicKey.of(SignatureAlgorithm.ED25519, raw);
        CurvePublicKey xPublic = CurvePublicKey.of(KeyAgreementAlgorithm.X25519, raw);

        assertEquals(ed, CurvePrivateKey.of(SignatureAlgorithm.ED25519, raw.clone()));
        assertEquals(
                ed.hashCode(),
                CurvePrivateKey.of(SignatureAlgorithm.ED25519, raw.clone()).hashCode());
        assertEquals(edPublic, CurvePublicKey.of(SignatureAlgorithm.ED25519, raw.clone()));
        assertEquals(
                edPublic.hashCode(),
                CurvePublicKey.of(SignatureAlgorithm.ED25519, raw.clone()).hashCode());
        assertNotEquals(ed, x, "same bytes, other algorithm");
        assertNotEquals(edPublic, xPublic, "same bytes, other algorithm");
        assertNotEquals(ed, edPublic);
        assertNotEquals(edPublic, ed);
        assertNotEquals(ed, null);
        assertNotEquals(ed, raw);

        byte[] other = raw.clone();
        other[31] ^= (byte) 0x80;
        assertNotEquals(ed, CurvePrivateKey.of(SignatureAlgorithm.ED25519, other));
        assertNotEquals(edPublic, CurvePublicKey.of(SignatureAlgorithm.ED25519, other));
        assertEquals(
                ed.hashCode(),
                CurvePrivateKey.of(SignatureAlgorithm.ED25519, other).hashCode(),
                "a private key's hash depends on its algorithm only");
        assertNotEquals(
                edPublic.hashCode(),
                CurvePublicKey.of(SignatureAlgorithm.ED25519, other).hashCode());

        CurveKeyPair pair = new CurveKeyPair(ed, edPublic);
        assertSame(SignatureAlgorithm.ED25519, pair.algorithm());
        assertSame(ed, pair.toKeyPair().getPrivate());
        assertSame(edPublic, pair.toKeyPair().getPublic());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CurveKeyPair(ed, xPublic));
        assertEquals("a Ed25519 private key with a X25519 public key", e.getMessage());
        assertThrows(NullPointerException.class, () -> new CurveKeyPair(null, xPublic));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void serializedAsAKeyRepThatReadsBackAsAJdkKey(CurveAlgorithm algorithm) throws Exception {
        CurvePrivateKey priv = CurvePrivateKey.of(algorithm, random(32));
        CurvePublicKey pub = CurvePublicKey.of(algorithm, random(32));
        for (CurveKey key : List.<CurveKey>of(priv, pub)) {
            byte[] stream = serialize(key);
            String text = new String(stream, StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("java.security.KeyRep"), "written as a KeyRep");
            assertFalse(text.contains("dev.arsenal"), "no Arsenal class in the stream: a JVM without Arsenal reads it");
            Object back = deserialize(stream);
            assertFalse(back instanceof CurveKey);
            assertTrue(key instanceof CurvePrivateKey ? back instanceof PrivateKey : back instanceof PublicKey);
            java.security.Key jdkKey = (java.security.Key) back;
            assertArrayEquals(key.getEncoded(), jdkKey.getEncoded());
            assertEquals(key.getFormat(), jdkKey.getFormat());
            assertEquals(
                    key,
                    key instanceof CurvePrivateKey
                            ? CurvePrivateKey.from((PrivateKey) jdkKey)
                            : CurvePublicKey.from((PublicKey) jdkKey));
        }
    }

    /**
     * Found by this test and fixed: a stream that holds an Ed25519PrivateKey itself (which writeReplace never writes, so
     * only a forged stream does) deserializes to a key of any length whose algorithm is null:
     * getAlgorithm() throws a NullPointerException, raw() gives 3 bytes. The JDK's own key classes
     * refuse this in readObject, as CurvePrivateKey and CurvePublicKey now do: {@code @Serial
     * private void readObject(ObjectInputStream in) throws InvalidObjectException { throw new
     * InvalidObjectException("serialized as a KeyRep"); }} (and readObjectNoData likewise).
     */
    @Test
    void aKeyIsOnlyReadBackThroughItsKeyRep() throws Exception {
        byte[] forged = forgedEd25519PrivateKey(new byte[] {1, 2, 3});
        assertThrows(InvalidObjectException.class, () -> deserialize(forged));
    }

    @Test
    void aForgedStreamShowsTheKeyItMakes() throws Exception {
        // documents the current behaviour behind the finding above; drop once it is fixed
        Object back;
        try {
            back = deserialize(forgedEd25519PrivateKey(new byte[] {1, 2, 3}));
        } catch (InvalidObjectException fixed) {
            return;
        }
        CurvePrivateKey key = assertInstanceOf(Ed25519PrivateKey.class, back);
        assertEquals(3, key.raw().length);
        assertNull(key.algorithm());
        assertThrows(NullPointerException.class, key::getAlgorithm);
    }

    // ---- helpers ----

    private static KeyPair jdkPair(CurveAlgorithm algorithm, byte[] privateKey) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.standardName());
        // the JDK draws the seed (scalar) with one nextBytes of 32 bytes: this one gives ours
        generator.initialize(new NamedParameterSpec(algorithm.standardName()), new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                assertEquals(privateKey.length, bytes.length);
                System.arraycopy(privateKey, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        assertArrayEquals(privateKey, CurvePrivateKey.from(pair.getPrivate()).raw());
        return pair;
    }

    private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    private static byte[] agree(PrivateKey priv, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement a = KeyAgreement.getInstance("X25519");
        a.init(priv);
        a.doPhase(peer, true);
        return a.generateSecret();
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return in.readObject();
        }
    }

    /** An Ed25519PrivateKey written field by field, as the serialization protocol has it. */
    private static byte[] forgedEd25519PrivateKey(byte[] key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0xaced); // STREAM_MAGIC
        out.writeShort(5); // STREAM_VERSION
        out.writeByte(0x73); // TC_OBJECT
        out.writeByte(0x72); // TC_CLASSDESC
        out.writeUTF(Ed25519PrivateKey.class.getName());
        out.writeLong(1L);
        out.writeByte(0x02); // SC_SERIALIZABLE
        out.writeShort(0); // no fields
        out.writeByte(0x78); // TC_ENDBLOCKDATA
        out.writeByte(0x72); // the superclass
        out.writeUTF(CurvePrivateKey.class.getName());
        out.writeLong(1L);
        out.writeByte(0x02);
        out.writeShort(2);
        out.writeByte('Z');
        out.writeUTF("destroyed");
        out.writeByte('[');
        out.writeUTF("key");
        out.writeByte(0x74); // TC_STRING
        out.writeUTF("[B");
        out.writeByte(0x78);
        out.writeByte(0x70); // TC_NULL: no further superclass
        out.writeBoolean(false); // destroyed
        out.writeByte(0x75); // TC_ARRAY
        out.writeByte(0x72);
        out.writeUTF("[B");
        out.writeLong(ObjectStreamClass.lookup(byte[].class).getSerialVersionUID());
        out.writeByte(0x02);
        out.writeShort(0);
        out.writeByte(0x78);
        out.writeByte(0x70);
        out.writeInt(key.length);
        out.write(key);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label
                + "-----\n";
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A DER element: the tag, the length in its shortest form, the parts. */
    private static byte[] tlv(int tag, byte[]... parts) {
        byte[] content = cat(parts);
        int n = content.length;
        byte[] length = n < 0x80
                ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n} : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return cat(new byte[] {(byte) tag}, length, content);
    }

    private static byte[] int0(int version) {
        return tlv(0x02, new byte[] {(byte) version});
    }

    private static byte[] algorithmIdentifier(int arc) {
        return tlv(0x30, tlv(0x06, new byte[] {0x2b, 0x65, (byte) arc}));
    }

    /** RFC 8410's example attribute: [0] { SEQUENCE { OID 1.2.840.113549.1.9.9.20, SET { UTF8String } } }. */
    private static byte[] attributes() {
        return HEX.parseHex("a01f301d060a2a864886f70d01090914310f0c0d437572646c6520436861697273");
    }

    /** A PrivateKeyInfo: version INTEGER, the identifier, the key, then the optional fields if not null. */
    private static byte[] pkcs8(int version, int arc, byte[] key, byte[] attributes, byte[] publicKey) {
        return tlv(
                0x30,
                int0(version),
                algorithmIdentifier(arc),
                tlv(0x04, tlv(0x04, key)),
                attributes == null ? new byte[0] : attributes,
                publicKey == null ? new byte[0] : publicKey);
    }

    private static byte[] replace(byte[] der, int at, int value) {
        byte[] copy = der.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static InvalidKeySpecException refused(String fragment, KeyReader reader) {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class, reader::read);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" does not say " + fragment);
        return e;
    }

    private static void refusedPem(String fragment, String text) {
        refused(fragment, () -> CurveKey.readPem(text));
    }

    private static void refusedPkcs8(String fragment, byte[] der) {
        InvalidKeySpecException e = refused(fragment, () -> CurvePrivateKey.fromPkcs8(der));
        assertTrue(e.getMessage().startsWith("PKCS#8: "), e.getMessage());
        // the same DER in PEM is refused for the same reason
        assertEquals(
                e.getMessage(),
                refused(fragment, () -> CurveKey.readPem(pem("PRIVATE KEY", der)))
                        .getMessage());
    }

    private static void refusedX509(String fragment, byte[] der) {
        InvalidKeySpecException e = refused(fragment, () -> CurvePublicKey.fromX509(der));
        assertTrue(e.getMessage().startsWith("X.509: "), e.getMessage());
        assertEquals(
                e.getMessage(),
                refused(fragment, () -> CurveKey.readPem(pem("PUBLIC KEY", der)))
                        .getMessage());
    }

    @FunctionalInterface
    private interface KeyReader {
        Object read() throws Exception;
    }
}
