package dev.arsenal.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The encodings of {@link CurveKey}s (RFC 8410): PKCS#8 and X.509 in DER, and PEM around them
 * (RFC 7468). The reader is strict DER, for untrusted input: definite minimal lengths, every byte
 * accounted for, no parameters after the object identifier.
 *
 * <pre>
 * PKCS#8, RFC 5958 (version 1 written; 1 and 2 read):
 *   30 len                      SEQUENCE OneAsymmetricKey
 *     02 01 00|01               INTEGER version (v1 | v2)
 *     30 05 06 03 2b 65 70|6e   SEQUENCE { OID 1.3.101.112 Ed25519 | 1.3.101.110 X25519 }
 *     04 22 04 20 [32 bytes]    OCTET STRING { OCTET STRING key }
 *     [a0 len ...]              [0] attributes, optional, skipped
 *     [81 21 00 [32 bytes]]     [1] public key, v2 only, optional, ignored
 *
 * X.509 SubjectPublicKeyInfo, RFC 5280:
 *   30 2a                       SEQUENCE
 *     30 05 06 03 2b 65 70|6e   SEQUENCE { OID }
 *     03 21 00 [32 bytes]       BIT STRING, no unused bits
 * </pre>
 */
final class KeyCodec {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int BIT_STRING = 0x03;
    private static final int OID = 0x06;
    private static final int ATTRIBUTES = 0xa0;
    private static final int PUBLIC_KEY = 0x81;

    /** 1.3.101: the arc under which RFC 8410's identifiers are. */
    private static final byte[] OID_PREFIX = {0x2b, 0x65};

    private KeyCodec() {}

    static byte[] checkLength(CurveAlgorithm algorithm, String which, byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException(algorithm.id() + ": no " + which + " key (null)");
        }
        int expected = which.equals("private") ? algorithm.privateKeyLength() : algorithm.publicKeyLength();
        if (key.length != expected) {
            throw new IllegalArgumentException(
                    algorithm.id() + ": a " + which + " key has " + expected + " bytes, not " + key.length);
        }
        return key;
    }

    static BigInteger littleEndian(byte[] b) {
        byte[] big = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            big[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    static byte[] pkcs8(CurveAlgorithm algorithm, byte[] key) {
        byte[] der = new byte[16 + key.length];
        byte[] head = {
            SEQUENCE,
            (byte) (14 + key.length),
            INTEGER,
            1,
            0,
            SEQUENCE,
            5,
            OID,
            3,
            0x2b,
            0x65,
            0,
            OCTET_STRING,
            (byte) (2 + key.length),
            OCTET_STRING,
            (byte) key.length
        };
        head[11] = (byte) algorithm.oidArc();
        System.arraycopy(head, 0, der, 0, head.length);
        System.arraycopy(key, 0, der, head.length, key.length);
        return der;
    }

    static byte[] x509(CurveAlgorithm algorithm, byte[] key) {
        byte[] der = new byte[12 + key.length];
        byte[] head = {
            SEQUENCE,
            (byte) (10 + key.length),
            SEQUENCE,
            5,
            OID,
            3,
            0x2b,
            0x65,
            0,
            BIT_STRING,
            (byte) (1 + key.length),
            0
        };
        head[8] = (byte) algorithm.oidArc();
        System.arraycopy(head, 0, der, 0, head.length);
        System.arraycopy(key, 0, der, head.length, key.length);
        return der;
    }

    static CurvePrivateKey parsePkcs8(byte[] der) throws InvalidKeySpecException {
        Der outer = new Der("PKCS#8", der, 0, der.length);
        Der info = outer.next(SEQUENCE, "the PrivateKeyInfo SEQUENCE");
        outer.end();
        byte[] version = info.next(INTEGER, "the version INTEGER").content();
        if (version.length != 1 || (version[0] != 0 && version[0] != 1)) {
            throw info.error("the version is " + HexFormat.of().formatHex(version) + ", not 0 (v1) or 1 (v2)");
        }
        CurveAlgorithm algorithm = algorithm(info.next(SEQUENCE, "the AlgorithmIdentifier SEQUENCE"));
        Der wrapped = info.next(OCTET_STRING, "the privateKey OCTET STRING");
        byte[] key =
                wrapped.next(OCTET_STRING, "the CurvePrivateKey OCTET STRING").content();
        wrapped.end();
        if (info.peek() == ATTRIBUTES) {
            info.next(ATTRIBUTES, "the attributes");
        }
        if (info.peek() == PUBLIC_KEY) {
            if (version[0] != 1) {
                throw info.error("a public key in a version 1 PrivateKeyInfo (only version 2 has one)");
            }
            info.next(PUBLIC_KEY, "the public key");
        }
        info.end();
        if (key.length != algorithm.privateKeyLength()) {
            throw outer.error("the " + algorithm.standardName() + " private key has " + key.length + " bytes, not "
                    + algorithm.privateKeyLength());
        }
        try {
            return CurvePrivateKey.of(algorithm, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static CurvePublicKey parseX509(byte[] der) throws InvalidKeySpecException {
        Der outer = new Der("X.509", der, 0, der.length);
        Der info = outer.next(SEQUENCE, "the SubjectPublicKeyInfo SEQUENCE");
        outer.end();
        CurveAlgorithm algorithm = algorithm(info.next(SEQUENCE, "the AlgorithmIdentifier SEQUENCE"));
        byte[] bits = info.next(BIT_STRING, "the subjectPublicKey BIT STRING").content();
        info.end();
        if (bits.length == 0 || bits[0] != 0) {
            throw outer.error("the public key BIT STRING does not start with 0 unused bits");
        }
        if (bits.length - 1 != algorithm.publicKeyLength()) {
            throw outer.error("the " + algorithm.standardName() + " public key has " + (bits.length - 1)
                    + " bytes, not " + algorithm.publicKeyLength());
        }
        return CurvePublicKey.of(algorithm, Arrays.copyOfRange(bits, 1, bits.length));
    }

    /** The algorithm an AlgorithmIdentifier names; RFC 8410 says its parameters are absent. */
    private static CurveAlgorithm algorithm(Der identifier) throws InvalidKeySpecException {
        byte[] oid = identifier.next(OID, "the algorithm OBJECT IDENTIFIER").content();
        CurveAlgorithm found = null;
        if (oid.length == 3 && oid[0] == OID_PREFIX[0] && oid[1] == OID_PREFIX[1]) {
            for (CurveAlgorithm a : algorithms()) {
                if ((oid[2] & 0xff) == a.oidArc()) {
                    found = a;
                }
            }
        }
        if (found == null) {
            throw identifier.error(
                    "the algorithm " + oidText(oid) + " is not Ed25519 (1.3.101.112) or X25519 (1.3.101.110)");
        }
        if (identifier.peek() >= 0) {
            throw identifier.error("parameters after the algorithm identifier (RFC 8410 says they are absent)");
        }
        return found;
    }

    private static List<CurveAlgorithm> algorithms() {
        return Stream.concat(Stream.of(SignatureAlgorithm.values()), Stream.of(KeyAgreementAlgorithm.values()))
                .map(CurveAlgorithm.class::cast)
                .toList();
    }

    /** Dotted text of an object identifier, for messages; hex if it is not well formed. */
    private static String oidText(byte[] oid) {
        if (oid.length == 0 || (oid[oid.length - 1] & 0x80) != 0) {
            return "with bytes " + HexFormat.of().formatHex(oid);
        }
        StringBuilder s = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte b : oid) {
            arc = (arc << 7) | (b & 0x7f);
            if (arc > (1L << 40)) {
                return "with bytes " + HexFormat.of().formatHex(oid);
            }
            if ((b & 0x80) == 0) {
                if (first) {
                    s.append(Math.min(arc / 40, 2)).append('.').append(arc - 40 * Math.min(arc / 40, 2));
                    first = false;
                } else {
                    s.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return s.toString();
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static CurveKey readPem(String text) throws InvalidKeySpecException {
        if (text == null) {
            throw new InvalidKeySpecException("PEM: no text (null)");
        }
        String skipped = null;
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", from);
            if (begin < 0) {
                throw new InvalidKeySpecException(
                        skipped == null
                                ? "PEM: no -----BEGIN line"
                                : "PEM: no PRIVATE KEY or PUBLIC KEY block, only " + skipped + hint(skipped));
            }
            int lineEnd = text.indexOf('\n', begin);
            String line = (lineEnd < 0 ? text.substring(begin) : text.substring(begin, lineEnd)).strip();
            int dashes = line.indexOf("-----", 11);
            if (dashes < 0 || dashes > 80) {
                throw new InvalidKeySpecException("PEM: the -----BEGIN line does not end with -----");
            }
            String label = line.substring(11, dashes);
            if (dashes + 5 != line.length()) {
                throw new InvalidKeySpecException("PEM: the -----BEGIN " + label
                        + "----- line goes on after its dashes (the base64 starts on the next line)");
            }
            String end = "-----END " + label + "-----";
            int stop = lineEnd < 0 ? -1 : text.indexOf(end, lineEnd);
            if (stop < 0) {
                throw new InvalidKeySpecException("PEM: no " + end + " line after -----BEGIN " + label + "-----");
            }
            if (!label.equals("PRIVATE KEY") && !label.equals("PUBLIC KEY")) {
                skipped = skipped == null ? "a " + label + " block" : skipped;
                from = stop + end.length(); // a certificate, parameters: skipped, as openssl pkey skips them
                continue;
            }
            String body = text.substring(lineEnd + 1, stop).replaceAll("[ \\t\\r\\n]", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new InvalidKeySpecException("PEM: the " + label + " block is not base64: " + e.getMessage());
            }
            try {
                return label.equals("PRIVATE KEY") ? parsePkcs8(der) : parseX509(der);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static String hint(String skipped) {
        if (skipped.contains("ENCRYPTED")) {
            return " (decrypt it first: openssl pkey -in KEY.pem -out PLAIN.pem)";
        }
        return skipped.contains("OPENSSH") ? " (convert it: ssh-keygen -p -m PKCS8 -f KEY)" : "";
    }

    /** A strict DER reader over one range of bytes. */
    private static final class Der {
        private final String what;
        private final byte[] bytes;
        private final int start;
        private final int end;
        private int position;

        Der(String what, byte[] bytes, int start, int end) {
            this.what = what;
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.position = start;
        }

        /** The next tag, or -1 at the end. */
        int peek() {
            return position < end ? bytes[position] & 0xff : -1;
        }

        /** The next element, which must have {@code tag}; {@code name} says what it is for messages. */
        Der next(int tag, String name) throws InvalidKeySpecException {
            if (position >= end) {
                throw error("the input ends where " + name + " was expected");
            }
            if ((bytes[position] & 0xff) != tag) {
                throw error(
                        String.format("tag 0x%02x where %s (0x%02x) was expected", bytes[position] & 0xff, name, tag));
            }
            int at = position + 1;
            if (at >= end) {
                throw error("the input ends in the length of " + name);
            }
            int length = bytes[at++] & 0xff;
            if (length == 0x80) {
                throw error("an indefinite length in " + name + " (BER, not DER)");
            }
            if (length > 0x80) {
                int count = length - 0x80;
                if (count > 3 || at + count > end) {
                    throw error("a length of " + count + " bytes in " + name);
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[at++] & 0xff);
                }
                if (length < 0x80 || length >> (8 * (count - 1)) == 0) {
                    throw error("a length in " + name + " not in its shortest form (BER, not DER)");
                }
            }
            if (length > end - at) {
                throw error(name + " says " + length + " bytes, but " + (end - at) + " are left");
            }
            position = at + length;
            return new Der(what, bytes, at, at + length);
        }

        /** The bytes of this element. */
        byte[] content() {
            return Arrays.copyOfRange(bytes, start, end);
        }

        /** Checks that every byte was read. */
        void end() throws InvalidKeySpecException {
            if (position != end) {
                int extra = end - position;
                throw error(extra + (extra == 1 ? " byte" : " bytes") + " more than the structure holds");
            }
        }

        InvalidKeySpecException error(String message) {
            return new InvalidKeySpecException(what + ": " + message + " (at byte " + position + ")");
        }
    }
}
