package dev.arsenal.spi.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ChaCha20 stream cipher of RFC 8439 (section 2.3 and 2.4): a 256-bit key, a 32-bit block
 * counter and a 96-bit nonce. The scalar block function, shared by {@link HChaCha20} and {@link
 * ChaCha20Poly1305}, and the XOR of a keystream over a message, which runs whole batches of blocks
 * on a {@link BlockBatch} (the SIMD provider's vector kernel) and the rest one block at a time here.
 *
 * <pre>
 * state words:   0   1   2   3      the constants "expand 32-byte k"
 *                4   5   6   7      the key, little-endian words
 *                8   9  10  11
 *               12  13  14  15      the block counter, then the nonce's three words
 * </pre>
 *
 * A block is the state after 20 rounds (10 column and 10 diagonal), plus the state it started from,
 * written out in little-endian words.
 */
public final class ChaCha20 {
    /** Bytes in a block of keystream, {@value}. */
    public static final int BLOCK_LEN = 64;

    /** State word 0: "expa", the first of the constant words "expand 32-byte k". */
    public static final int C0 = 0x61707865;

    /** State word 1: "nd 3". */
    public static final int C1 = 0x3320646e;

    /** State word 2: "2-by". */
    public static final int C2 = 0x79622d32;

    /** State word 3: "te k". */
    public static final int C3 = 0x6b206574;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private ChaCha20() {}

    /**
     * Whole blocks of keystream XORed into a message in batches: {@link #degree()} blocks at once,
     * as the SIMD provider computes them in vector lanes. Block {@code i} of a call is block {@code
     * counter + i} of the stream; the bytes are exactly those of {@link #xor} without a batch.
     */
    public interface BlockBatch {
        /** The blocks computed at once. */
        int degree();

        /**
         * XORs {@code batches * degree()} whole blocks of keystream, from block {@code counter},
         * with {@code in} from {@code off} into {@code out} from {@code outOff}. The ranges are
         * checked by the caller and do not overlap unless they are the same.
         *
         * @param key the key's 8 words
         * @param counter the first block's counter
         * @param nonce the nonce's 3 words
         */
        void xorBatches(int[] key, int counter, int[] nonce, byte[] in, int off, int batches, byte[] out, int outOff);
    }

    /** {@code count} little-endian words of {@code b} from {@code off}. */
    public static int[] words(byte[] b, int off, int count) {
        Objects.checkFromIndexSize(off, 4L * count, b.length);
        int[] w = new int[count];
        for (int i = 0; i < count; i++) {
            w[i] = (int) INT.get(b, off + 4 * i);
        }
        return w;
    }

    /**
     * The ChaCha20 permutation, 20 rounds, on the 16 words of {@code x} in place, without adding
     * the input back: {@link HChaCha20} takes words of it as they are; {@link #block} adds.
     */
    static void permute(int[] x) {
        int x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];
        int x8 = x[8], x9 = x[9], x10 = x[10], x11 = x[11], x12 = x[12], x13 = x[13], x14 = x[14], x15 = x[15];
        for (int round = 0; round < 10; round++) {
            // columns
            x0 += x4;
            x12 = Integer.rotateLeft(x12 ^ x0, 16);
            x8 += x12;
            x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4;
            x12 = Integer.rotateLeft(x12 ^ x0, 8);
            x8 += x12;
            x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5;
            x13 = Integer.rotateLeft(x13 ^ x1, 16);
            x9 += x13;
            x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5;
            x13 = Integer.rotateLeft(x13 ^ x1, 8);
            x9 += x13;
            x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6;
            x14 = Integer.rotateLeft(x14 ^ x2, 16);
            x10 += x14;
            x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6;
            x14 = Integer.rotateLeft(x14 ^ x2, 8);
            x10 += x14;
            x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7;
            x15 = Integer.rotateLeft(x15 ^ x3, 16);
            x11 += x15;
            x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7;
            x15 = Integer.rotateLeft(x15 ^ x3, 8);
            x11 += x15;
            x7 = Integer.rotateLeft(x7 ^ x11, 7);
            // diagonals
            x0 += x5;
            x15 = Integer.rotateLeft(x15 ^ x0, 16);
            x10 += x15;
            x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5;
            x15 = Integer.rotateLeft(x15 ^ x0, 8);
            x10 += x15;
            x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6;
            x12 = Integer.rotateLeft(x12 ^ x1, 16);
            x11 += x12;
            x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6;
            x12 = Integer.rotateLeft(x12 ^ x1, 8);
            x11 += x12;
            x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7;
            x13 = Integer.rotateLeft(x13 ^ x2, 16);
            x8 += x13;
            x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7;
            x13 = Integer.rotateLeft(x13 ^ x2, 8);
            x8 += x13;
            x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4;
            x14 = Integer.rotateLeft(x14 ^ x3, 16);
            x9 += x14;
            x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4;
            x14 = Integer.rotateLeft(x14 ^ x3, 8);
            x9 += x14;
            x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        x[4] = x4;
        x[5] = x5;
        x[6] = x6;
        x[7] = x7;
        x[8] = x8;
        x[9] = x9;
        x[10] = x10;
        x[11] = x11;
        x[12] = x12;
        x[13] = x13;
        x[14] = x14;
        x[15] = x15;
    }

    /** The starting state of block {@code counter} into {@code x} (16 words). */
    static void initialState(int[] key, int counter, int[] nonce, int[] x) {
        x[0] = C0;
        x[1] = C1;
        x[2] = C2;
        x[3] = C3;
        System.arraycopy(key, 0, x, 4, 8);
        x[12] = counter;
        System.arraycopy(nonce, 0, x, 13, 3);
    }

    /**
     * Block {@code counter} of the keystream of {@code key} (8 words) and {@code nonce} (3 words),
     * as 16 words into {@code out}; {@code scratch} is 16 words of working space.
     */
    public static void block(int[] key, int counter, int[] nonce, int[] out, int[] scratch) {
        initialState(key, counter, nonce, scratch);
        System.arraycopy(scratch, 0, out, 0, 16);
        permute(out);
        for (int i = 0; i < 16; i++) {
            out[i] += scratch[i];
        }
    }

    /**
     * XORs {@code len} bytes of {@code in} from {@code off} with the keystream of {@code key} and
     * {@code nonce} from block {@code counter} into {@code out} from {@code outOff}: whole batches
     * on {@code batch} (none when {@code null}), the rest block by block here.
     *
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void xor(
            BlockBatch batch,
            int[] key,
            int counter,
            int[] nonce,
            byte[] in,
            int off,
            int len,
            byte[] out,
            int outOff) {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkFromIndexSize(outOff, len, out.length);
        int done = 0;
        if (batch != null) {
            int batchLen = batch.degree() * BLOCK_LEN;
            int batches = len / batchLen;
            if (batches > 0) {
                batch.xorBatches(key, counter, nonce, in, off, batches, out, outOff);
                done = batches * batchLen;
                counter += batches * batch.degree();
            }
        }
        if (done == len) {
            return;
        }
        int[] state = new int[16];
        int[] ks = new int[16];
        for (; done < len; done += BLOCK_LEN, counter++) {
            block(key, counter, nonce, ks, state);
            int n = Math.min(BLOCK_LEN, len - done);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                INT.set(out, outOff + done + i, (int) INT.get(in, off + done + i) ^ ks[i >>> 2]);
            }
            for (; i < n; i++) {
                out[outOff + done + i] = (byte) (in[off + done + i] ^ (ks[i >>> 2] >>> (8 * (i & 3))));
            }
        }
        Arrays.fill(ks, 0);
        Arrays.fill(state, 0);
    }
}
