package dev.arsenal.spi.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arsenal.crypto.CurveAlgorithm;
import dev.arsenal.crypto.CurveKey;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.Ed25519PrivateKey;
import dev.arsenal.crypto.Ed25519PublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.X25519PrivateKey;
import dev.arsenal.crypto.X25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the readers of Ed25519 and X25519 keys: {@link
 * CurvePrivateKey#fromPkcs8}, {@link CurvePublicKey#fromX509} and {@link CurveKey#readPem}, on
 * hostile input. Each input goes to every reader: as DER to the two DER readers, as text
 * (ISO-8859-1) to the PEM reader, and wrapped in a PEM block of each label to the PEM reader, which
 * must then agree with the DER reader it hands the bytes to (the same key, or the same message).
 *
 * <p>A reader returns a key or throws an {@link InvalidKeySpecException} whose message names its
 * format; anything else is a finding. A key it returns must be whole (its algorithm's class and
 * lengths) and re-encode ({@code getEncoded()}, {@code pem()}) to bytes that read back to an equal
 * key, which the JDK reads too; an X.509 input it accepts must be that re-encoding byte for byte
 * (strict DER leaves one encoding), a 48-byte PKCS#8 input too but for the version.
 *
 * <p>Modes as for the decoders ({@code AbstractDecoderFuzzTest}): by default {@link #fuzz} runs
 * once on each seed; with {@code JAZZER_FUZZ=1} (the parent pom's {@code fuzz} execution of
 * Surefire, bound to this module's test phase) libFuzzer then mutates them for {@code
 * arsenal.fuzz.seconds}. Alone: {@code mvn -pl spi test-compile surefire:test@fuzz
 * -Darsenal.fuzz.tests=CurveKeyFuzzTest}.
 */
class CurveKeyFuzzTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The seeds, named: valid encodings of both algorithms in every form read, and a few near misses. */
    static Stream<Arguments> seeds() {
        List<Map.Entry<String, byte[]>> seeds = new ArrayList<>();
        for (CurveAlgorithm algorithm : List.of(SignatureAlgorithm.ED25519, KeyAgreementAlgorithm.X25519)) {
            String name = algorithm.standardName();
            byte[] raw = sha256(name);
            CurvePrivateKey priv = CurvePrivateKey.of(algorithm, raw);
            CurvePublicKey pub = CurvePublicKey.of(algorithm, sha256(name + " public"));
            byte[] pkcs8 = priv.getEncoded();
            byte[] x509 = pub.getEncoded();
            byte[] publicKey = cat(new byte[] {(byte) 0x81, 0x21, 0}, pub.raw());
            byte[] attributes = HEX.parseHex("a01f301d060a2a864886f70d01090914310f0c0d437572646c6520436861697273");
            seeds.add(Map.entry(name + " PKCS#8 v1", pkcs8));
            seeds.add(Map.entry(name + " PKCS#8 v2 with the public key", v2(pkcs8, null, publicKey)));
            seeds.add(Map.entry(
                    name + " PKCS#8 v2 with attributes and the public key", v2(pkcs8, attributes, publicKey)));
            seeds.add(Map.entry(name + " X.509", x509));
            seeds.add(Map.entry(name + " PEM private key", ascii(priv.pem())));
            seeds.add(Map.entry(name + " PEM public key", ascii(pub.pem())));
            seeds.add(Map.entry(name + " PEM pair, CRLF", ascii((priv.pem() + pub.pem()).replace("\n", "\r\n"))));
        }
        byte[] ed =
                CurvePrivateKey.of(SignatureAlgorithm.ED25519, sha256("ber")).getEncoded();
        seeds.add(Map.entry(
                "indefinite length", cat(new byte[] {0x30, (byte) 0x80}, Arrays.copyOfRange(ed, 2, 48), new byte[2])));
        seeds.add(Map.entry(
                "long-form length", cat(new byte[] {0x30, (byte) 0x81, 0x2e}, Arrays.copyOfRange(ed, 2, 48))));
        seeds.add(
                Map.entry(
                        "encrypted PEM",
                        ascii(
                                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBK\n-----END ENCRYPTED PRIVATE KEY-----\n")));
        seeds.add(Map.entry("empty", new byte[0]));
        return seeds.stream().map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
    }

    // @FuzzTest must come last: Jazzer records the seeds of the argument sources before it.
    // maxDuration is the fallback; the fuzz execution passes its own budget (arsenal.fuzz.seconds).
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void fuzz(byte[] input) {
        check(input);
    }

    /** Runs every check on {@code input}; throws an {@link AssertionError} for a finding. */
    static void check(byte[] input) {
        Object pkcs8 = read("fromPkcs8", "PKCS#8: ", () -> CurvePrivateKey.fromPkcs8(input.clone()), input);
        if (pkcs8 instanceof CurvePrivateKey key) {
            checkPrivate(key, "fromPkcs8", input);
            if (input.length == 48) {
                byte[] expected = key.getEncoded();
                expected[4] = input[4];
                same(expected, input, "fromPkcs8 accepted a 48-byte input other than the encoding");
            }
        }
        Object x509 = read("fromX509", "X.509: ", () -> CurvePublicKey.fromX509(input.clone()), input);
        if (x509 instanceof CurvePublicKey key) {
            checkPublic(key, "fromX509", input);
            same(key.getEncoded(), input, "fromX509 accepted an input other than the encoding");
        }

        String text = new String(input, StandardCharsets.ISO_8859_1);
        Object pem = read("readPem", null, () -> CurveKey.readPem(text), input);
        if (pem instanceof CurvePrivateKey key) {
            checkPrivate(key, "readPem", input);
        } else if (pem instanceof CurvePublicKey key) {
            checkPublic(key, "readPem", input);
        }

        // the DER in PEM: the PEM reader hands it to the DER reader, which must say the same
        agree(
                pkcs8,
                read("readPem(PRIVATE KEY)", "PKCS#8: ", () -> CurveKey.readPem(pem("PRIVATE KEY", input)), input),
                input);
        agree(
                x509,
                read("readPem(PUBLIC KEY)", "X.509: ", () -> CurveKey.readPem(pem("PUBLIC KEY", input)), input),
                input);
    }

    /** The key read, or the {@link InvalidKeySpecException} thrown; anything else is a finding. */
    private static Object read(String form, String prefix, Reader reader, byte[] input) {
        try {
            Object key = reader.read();
            if (key == null) {
                throw finding(form + " returned null", input);
            }
            return key;
        } catch (InvalidKeySpecException e) {
            String message = e.getMessage();
            if (message == null
                    || (prefix != null && !message.startsWith(prefix))
                    || (prefix == null
                            && !message.startsWith("PEM: ")
                            && !message.startsWith("PKCS#8: ")
                            && !message.startsWith("X.509: "))) {
                throw finding(form + " threw an InvalidKeySpecException with message " + message, input, e);
            }
            return e;
        } catch (RuntimeException | Error e) {
            throw finding(form + " threw " + e, input, e);
        }
    }

    private static void checkPrivate(CurvePrivateKey key, String form, byte[] input) {
        CurveAlgorithm algorithm = key.algorithm();
        Class<?> type = algorithm == SignatureAlgorithm.ED25519 ? Ed25519PrivateKey.class : X25519PrivateKey.class;
        if (algorithm == null || key.getClass() != type || key.raw().length != algorithm.privateKeyLength()) {
            throw finding(form + " returned a malformed key: " + key.getClass().getName(), input);
        }
        byte[] der = key.getEncoded();
        try {
            CurvePrivateKey back = CurvePrivateKey.fromPkcs8(der);
            if (!back.equals(key) || !Arrays.equals(back.getEncoded(), der)) {
                throw finding(form + ": the re-encoding " + HEX.formatHex(der) + " reads back to another key", input);
            }
            if (!CurveKey.readPem(key.pem()).equals(key)) {
                throw finding(form + ": the PEM re-encoding reads back to another key", input);
            }
            byte[] jdk = KeyFactory.getInstance(key.getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der))
                    .getEncoded();
            same(der, jdk, form + ": the JDK reads the re-encoding to another key");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw finding(form + ": the re-encoding " + HEX.formatHex(der) + " does not read back: " + e, input, e);
        }
    }

    private static void checkPublic(CurvePublicKey key, String form, byte[] input) {
        CurveAlgorithm algorithm = key.algorithm();
        Class<?> type = algorithm == SignatureAlgorithm.ED25519 ? Ed25519PublicKey.class : X25519PublicKey.class;
        if (algorithm == null || key.getClass() != type || key.raw().length != algorithm.publicKeyLength()) {
            throw finding(form + " returned a malformed key: " + key.getClass().getName(), input);
        }
        byte[] der = key.getEncoded();
        try {
            CurvePublicKey back = CurvePublicKey.fromX509(der);
            if (!back.equals(key) || back.hashCode() != key.hashCode() || !Arrays.equals(back.getEncoded(), der)) {
                throw finding(form + ": the re-encoding " + HEX.formatHex(der) + " reads back to another key", input);
            }
            if (!CurveKey.readPem(key.pem()).equals(key)) {
                throw finding(form + ": the PEM re-encoding reads back to another key", input);
            }
            byte[] jdk = KeyFactory.getInstance(key.getAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(der))
                    .getEncoded();
            same(der, jdk, form + ": the JDK reads the re-encoding to another key");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw finding(form + ": the re-encoding " + HEX.formatHex(der) + " does not read back: " + e, input, e);
        }
    }

    /** The DER reader's outcome and the PEM reader's on the same DER: equal keys, or equal messages. */
    private static void agree(Object der, Object pem, byte[] input) {
        boolean same = der instanceof InvalidKeySpecException d
                ? pem instanceof InvalidKeySpecException p && Objects.equals(d.getMessage(), p.getMessage())
                : der.equals(pem);
        if (!same) {
            throw finding("the DER reader gave " + der + " but the PEM reader on the same DER " + pem, input);
        }
    }

    private static void same(byte[] expected, byte[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": " + HEX.formatHex(actual) + ", not " + HEX.formatHex(expected));
        }
    }

    private static AssertionError finding(String what, byte[] input) {
        return new AssertionError(what + " (input " + HEX.formatHex(input) + ")");
    }

    private static AssertionError finding(String what, byte[] input, Throwable cause) {
        return new AssertionError(what + " (input " + HEX.formatHex(input) + ")", cause);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** A PKCS#8 v1 encoding made version 2, with the optional fields appended. */
    private static byte[] v2(byte[] v1, byte[] attributes, byte[] publicKey) {
        byte[] body = cat(
                Arrays.copyOfRange(v1, 2, v1.length),
                attributes == null ? new byte[0] : attributes,
                publicKey == null ? new byte[0] : publicKey);
        body[2] = 1; // the version INTEGER's value
        return cat(new byte[] {0x30, (byte) body.length}, body);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ascii(text));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @FunctionalInterface
    private interface Reader {
        Object read() throws InvalidKeySpecException;
    }
}
