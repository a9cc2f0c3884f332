package dev.arsenal.spi.crypto;

/**
 * The checks on Ed25519 encodings that every provider's verifier applies before its equation,
 * libsodium's strict rules (its {@code crypto_sign_verify_detached} without {@code ED25519_COMPAT}),
 * so that the JDK, Bouncy Castle, OpenSSL and libsodium all give the same verdict. Variable time:
 * public keys and signatures are public.
 *
 * <ul>
 *   <li>a point (the public key A, the signature's R) is canonical: its y, the low 255 bits, is
 *       below p = 2<sup>255</sup> - 19;
 *   <li>and not of small order: not one of the seven encodings, sign bit aside, whose point lies
 *       in the torsion subgroup of order 8 (y = 0, 1, p - 1 and the two order-8 y, and p, p + 1,
 *       the non-canonical forms of 0 and 1);
 *   <li>the scalar S is canonical: below the group order L = 2<sup>252</sup> +
 *       27742317777372353535851937790883648493 (RFC 8032 section 5.1.7's check against
 *       malleability).
 * </ul>
 */
final class Ed25519Encodings {
    /** L, little-endian. */
    private static final byte[] ORDER = bytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /** The encodings of the small-order points, sign bit cleared (libsodium's blocklist). */
    private static final byte[][] SMALL_ORDER = {
        bytes("0000000000000000000000000000000000000000000000000000000000000000"), // 0: order 4
        bytes("0100000000000000000000000000000000000000000000000000000000000000"), // 1: order 1
        bytes("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), // order 8
        bytes("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), // order 8
        bytes("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // p - 1: order 2
        bytes("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // p = 0: order 4
        bytes("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // p + 1 = 1: order 1
    };

    private Ed25519Encodings() {}

    /** Whether the 32 bytes at {@code offset} are a canonical encoding of a point not of small order. */
    static boolean isStrictPoint(byte[] b, int offset) {
        return isCanonicalPoint(b, offset) && !isSmallOrder(b, offset);
    }

    /** Whether y, the low 255 bits of the 32 bytes at {@code offset}, is below p = 2^255 - 19. */
    static boolean isCanonicalPoint(byte[] b, int offset) {
        if ((b[offset + 31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i > 0; i--) {
            if (b[offset + i] != (byte) 0xff) {
                return true;
            }
        }
        return (b[offset] & 0xff) < 0xed;
    }

    /** Whether the 32 bytes at {@code offset}, sign bit aside, encode a point of small order. */
    static boolean isSmallOrder(byte[] b, int offset) {
        for (byte[] s : SMALL_ORDER) {
            boolean same = (b[offset + 31] & 0x7f) == s[31];
            for (int i = 0; same && i < 31; i++) {
                same = b[offset + i] == s[i];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** Whether the little-endian 32 bytes at {@code offset} are below L. */
    static boolean isCanonicalScalar(byte[] b, int offset) {
        for (int i = 31; i >= 0; i--) {
            int x = b[offset + i] & 0xff;
            int l = ORDER[i] & 0xff;
            if (x != l) {
                return x < l;
            }
        }
        return false; // equal to L
    }

    /** The encodings of the small-order points, for the tests. */
    static byte[][] smallOrder() {
        return SMALL_ORDER.clone();
    }

    private static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
