package dev.arsenal.spi.crypto;

import static dev.arsenal.spi.crypto.Edwards25519Reference.ORDER;
import static dev.arsenal.spi.crypto.Edwards25519Reference.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The blocklist of {@link Ed25519Encodings} is exactly the encodings of the small-order points:
 * found here on the curve with {@link Edwards25519Reference}, not copied from libsodium.
 */
class Ed25519EncodingsTest {
    @Test
    void theBlocklistIsEveryEncodingOfEveryPointOfSmallOrder() {
        // L P is in the torsion subgroup for any point P, and its torsion part is uniform over
        // Z/8 for points drawn at random: a few dozen find all five y of the eight points.
        Set<BigInteger> torsion = new HashSet<>();
        for (int y = 2; y < 300 && torsion.size() < 5; y++) {
            BigInteger[] point = Edwards25519Reference.withY(BigInteger.valueOf(y));
            if (point != null) {
                torsion.add(Edwards25519Reference.multiply(point, ORDER)[1]);
            }
        }
        assertEquals(5, torsion.size(), "y of the torsion points: 1, -1, 0 and the two of order 8");
        Set<BigInteger> expected = new HashSet<>(torsion);
        for (BigInteger y : torsion) {
            if (y.add(P).bitLength() <= 255) {
                expected.add(y.add(P)); // the non-canonical encoding of the same y
            }
        }
        Set<BigInteger> blocked = new HashSet<>();
        for (byte[] e : Ed25519Encodings.smallOrder()) {
            blocked.add(Edwards25519Reference.littleEndian(e));
        }
        assertEquals(expected, blocked);
    }

    @Test
    void canonicalChecks() {
        HexFormat hex = HexFormat.of();
        byte[] pMinusOne = hex.parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] p = hex.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertTrue(Ed25519Encodings.isCanonicalPoint(pMinusOne, 0));
        assertFalse(Ed25519Encodings.isCanonicalPoint(p, 0));
        p[31] |= (byte) 0x80;
        assertFalse(Ed25519Encodings.isCanonicalPoint(p, 0), "the sign bit is not part of y");
        byte[] l = hex.parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        assertEquals(ORDER, Edwards25519Reference.littleEndian(l));
        assertFalse(Ed25519Encodings.isCanonicalScalar(l, 0));
        l[0]--;
        assertTrue(Ed25519Encodings.isCanonicalScalar(l, 0));
    }
}
