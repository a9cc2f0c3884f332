package dev.arsenal.spi.crypto;

import java.util.Arrays;

/**
 * HChaCha20 (draft-irtf-cfrg-xchacha, section 2.2): the step that turns XChaCha20-Poly1305 into
 * ChaCha20-Poly1305. From the key and the first 16 bytes of the 24-byte nonce it derives a subkey;
 * the ChaCha20-Poly1305 nonce is four zero bytes and the nonce's last 8. Shared by the providers
 * whose library has ChaCha20-Poly1305 but no XChaCha (the JDK, Conscrypt).
 */
public final class HChaCha20 {
    private HChaCha20() {}

    /** The 32-byte subkey for {@code key} (32 bytes) and the first 16 bytes of {@code nonce} (24). */
    public static byte[] subkey(byte[] key, byte[] nonce) {
        int[] x = new int[16];
        x[0] = 0x61707865;
        x[1] = 0x3320646e;
        x[2] = 0x79622d32;
        x[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            x[4 + i] = littleEndian(key, 4 * i);
        }
        for (int i = 0; i < 4; i++) {
            x[12 + i] = littleEndian(nonce, 4 * i);
        }
        for (int round = 0; round < 10; round++) {
            quarterRound(x, 0, 4, 8, 12);
            quarterRound(x, 1, 5, 9, 13);
            quarterRound(x, 2, 6, 10, 14);
            quarterRound(x, 3, 7, 11, 15);
            quarterRound(x, 0, 5, 10, 15);
            quarterRound(x, 1, 6, 11, 12);
            quarterRound(x, 2, 7, 8, 13);
            quarterRound(x, 3, 4, 9, 14);
        }
        byte[] subkey = new byte[32];
        for (int i = 0; i < 4; i++) {
            putLittleEndian(subkey, 4 * i, x[i]);
            putLittleEndian(subkey, 16 + 4 * i, x[12 + i]);
        }
        Arrays.fill(x, 0);
        return subkey;
    }

    /** The 12-byte ChaCha20-Poly1305 nonce: four zero bytes, then bytes 16 to 23 of {@code nonce}. */
    public static byte[] chachaNonce(byte[] nonce) {
        byte[] n = new byte[12];
        System.arraycopy(nonce, 16, n, 4, 8);
        return n;
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }

    private static int littleEndian(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static void putLittleEndian(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }
}
