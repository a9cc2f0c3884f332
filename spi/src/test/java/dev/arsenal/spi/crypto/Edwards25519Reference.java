package dev.arsenal.spi.crypto;

import java.math.BigInteger;

/**
 * edwards25519 in {@link BigInteger}s, affine (-x^2 + y^2 = 1 + d x^2 y^2 mod p), slow and plain: a
 * reference for the tests to make the points the providers are checked on (small-order and
 * mixed-order keys), independent of every library under test.
 */
public final class Edwards25519Reference {
    /** p = 2^255 - 19. */
    public static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** d = -121665 / 121666. */
    public static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);

    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    public static final BigInteger ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** The identity, (0, 1). */
    public static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE};

    private Edwards25519Reference() {}

    /** The point with this y and an x of either parity, or null if there is none. */
    public static BigInteger[] withY(BigInteger y) {
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(sqrtMinusOne()).mod(P);
        }
        return x.multiply(x).mod(P).equals(x2) ? new BigInteger[] {x, y.mod(P)} : null;
    }

    /** The point a 32-byte encoding names (RFC 8032 section 5.1.3, y reduced if not canonical), or null. */
    public static BigInteger[] decode(byte[] encoded) {
        byte[] b = encoded.clone();
        boolean xOdd = (b[31] & 0x80) != 0;
        b[31] &= 0x7f;
        BigInteger[] point = withY(littleEndian(b));
        if (point == null || (point[0].signum() == 0 && xOdd)) {
            return null;
        }
        if (point[0].testBit(0) != xOdd) {
            point[0] = P.subtract(point[0]);
        }
        return point;
    }

    /** The canonical encoding of {@code point}. */
    public static byte[] encode(BigInteger[] point) {
        byte[] b = toLittleEndian(point[1]);
        if (point[0].testBit(0)) {
            b[31] |= (byte) 0x80;
        }
        return b;
    }

    /** a + b. */
    public static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger xx = a[0].multiply(b[0]);
        BigInteger yy = a[1].multiply(b[1]);
        BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
        BigInteger x = a[0].multiply(b[1])
                .add(a[1].multiply(b[0]))
                .multiply(BigInteger.ONE.add(dxy).modInverse(P));
        BigInteger y = yy.add(xx).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P));
        return new BigInteger[] {x.mod(P), y.mod(P)};
    }

    /** k P, by double and add. */
    public static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        BigInteger[] sum = IDENTITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            sum = add(sum, sum);
            if (k.testBit(i)) {
                sum = add(sum, point);
            }
        }
        return sum;
    }

    /** A point of order 8: L times a point whose torsion part has order 8. */
    public static BigInteger[] orderEight() {
        for (int y = 2; ; y++) {
            BigInteger[] point = withY(BigInteger.valueOf(y));
            if (point != null) {
                BigInteger[] t = multiply(point, ORDER);
                BigInteger[] t4 = multiply(t, BigInteger.valueOf(4));
                if (!t4[1].equals(BigInteger.ONE) || t4[0].signum() != 0) {
                    return t; // 4 T is not the identity: T has order 8
                }
            }
        }
    }

    /** The base point B: y = 4/5, x even. */
    public static BigInteger[] base() {
        BigInteger[] b = withY(BigInteger.valueOf(4)
                .multiply(BigInteger.valueOf(5).modInverse(P))
                .mod(P));
        if (b[0].testBit(0)) {
            b[0] = P.subtract(b[0]);
        }
        return b;
    }

    /**
     * An Ed25519 signature by {@code seed}'s secret scalar, with {@code publicKey} in the hash in
     * place of the seed's own public key (RFC 8032 section 5.1.6 otherwise): what a signer who owns
     * a mixed-order key {@code a B + T} makes, so that the verifiers' handling of torsion shows.
     */
    public static byte[] signAs(byte[] seed, byte[] publicKey, byte[] message) {
        try {
            java.security.MessageDigest sha512 = java.security.MessageDigest.getInstance("SHA-512");
            byte[] h = sha512.digest(seed);
            byte[] scalar = java.util.Arrays.copyOf(h, 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            BigInteger a = littleEndian(scalar);
            sha512.update(h, 32, 32);
            BigInteger r = littleEndian(sha512.digest(message)).mod(ORDER);
            byte[] rEncoded = encode(multiply(base(), r));
            sha512.update(rEncoded);
            sha512.update(publicKey);
            BigInteger k = littleEndian(sha512.digest(message)).mod(ORDER);
            byte[] signature = java.util.Arrays.copyOf(rEncoded, 64);
            System.arraycopy(toLittleEndian(r.add(k.multiply(a)).mod(ORDER)), 0, signature, 32, 32);
            return signature;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The little-endian number in {@code b}. */
    public static BigInteger littleEndian(byte[] b) {
        byte[] big = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            big[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    /** {@code x} as 32 little-endian bytes. */
    public static byte[] toLittleEndian(BigInteger x) {
        byte[] big = x.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < big.length && i < 32; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static BigInteger sqrtMinusOne() {
        return BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    }
}
