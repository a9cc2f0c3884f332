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
        int[] words = subkeyWords(ChaCha20.words(key, 0, 8), nonce);
        byte[] subkey = new byte[32];
        for (int i = 0; i < 8; i++) {
            putLittleEndian(subkey, 4 * i, words[i]);
        }
        Arrays.fill(words, 0);
        return subkey;
    }

    /**
     * The subkey as 8 words for a key of 8 words and the first 16 bytes of {@code nonce}: the first
     * and the last row of the ChaCha20 permutation of a state whose counter and nonce words are
     * those 16 bytes.
     */
    public static int[] subkeyWords(int[] key, byte[] nonce) {
        int[] x = new int[16];
        ChaCha20.initialState(key, 0, new int[3], x);
        int[] n = ChaCha20.words(nonce, 0, 4);
        System.arraycopy(n, 0, x, 12, 4);
        ChaCha20.permute(x);
        int[] subkey = new int[8];
        System.arraycopy(x, 0, subkey, 0, 4);
        System.arraycopy(x, 12, subkey, 4, 4);
        Arrays.fill(x, 0);
        return subkey;
    }

    /** The 12-byte ChaCha20-Poly1305 nonce: four zero bytes, then bytes 16 to 23 of {@code nonce}. */
    public static byte[] chachaNonce(byte[] nonce) {
        byte[] n = new byte[12];
        System.arraycopy(nonce, 16, n, 4, 8);
        return n;
    }

    private static void putLittleEndian(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }
}
