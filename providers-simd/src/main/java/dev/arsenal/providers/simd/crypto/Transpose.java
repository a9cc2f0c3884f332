package dev.arsenal.providers.simd.crypto;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transpositions of 32-bit words between "one row per block" and "one vector per word", in place in
 * an {@code int[]}, shared by the kernels that run one block (BLAKE3: one chunk) per lane: {@link
 * Blake3Vector} turns message blocks into word vectors, {@link ChaCha20Vector} turns word vectors of
 * keystream back into blocks; and the choice of their vector size ({@link #kernelBits}). Each round exchanges lanes {@code k} apart between rows {@code k}
 * apart with two {@code selectFrom}s per pair of rows:
 *
 * <pre>
 * before: row r = (r.0 r.1 ... r.15)        after: row j = (0.j 1.j ... 15.j)
 * </pre>
 *
 * Going through the array costs one store and one load per row, nothing measurable (BLAKE3
 * measured no difference); it keeps the exchange code in one place for every kernel. Loaded only
 * where {@code jdk.incubator.vector} is readable.
 */
final class Transpose {
    private Transpose() {}

    /**
     * The vector size of a kernel: the widest of 512 and 256 bits that is at most {@code maxBits}
     * and not wider than the Vector API's preferred shape.
     *
     * @param kernel what the kernel is called in the exception ("BLAKE3 vector batch")
     * @param why why fewer than 256 bits are refused, appended to the message
     * @throws IllegalArgumentException if that leaves less than 256 bits
     */
    static int kernelBits(int maxBits, String kernel, String why) {
        int preferred = VectorShape.preferredShape().vectorBitSize();
        int bits = Math.min(maxBits, preferred);
        if (bits >= 512) {
            return 512;
        }
        if (bits >= 256) {
            return 256;
        }
        throw new IllegalArgumentException("no " + kernel + " for " + bits + " bits (preferred vector size " + preferred
                + " bits, at most " + maxBits + " allowed)" + why);
    }

    /** 16 by 16: rows of 16 words at {@code a[16 * r]}, r = 0..15, in 512-bit vectors. */
    static final class Wide {
        private static final VectorSpecies<Integer> W = IntVector.SPECIES_512;

        // selectFrom(row, row + k) indexes that exchange lane bit k with row bit k: LOWk makes the
        // row without bit k, HIGHk the row with it (indexes of 16 and more pick from the second row)
        private static final IntVector W_LOW1 =
                IntVector.fromArray(W, new int[] {0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30}, 0);
        private static final IntVector W_HIGH1 =
                IntVector.fromArray(W, new int[] {1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31}, 0);
        private static final IntVector W_LOW2 =
                IntVector.fromArray(W, new int[] {0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29}, 0);
        private static final IntVector W_HIGH2 =
                IntVector.fromArray(W, new int[] {2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30, 31}, 0);
        private static final IntVector W_LOW4 =
                IntVector.fromArray(W, new int[] {0, 1, 2, 3, 16, 17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27}, 0);
        private static final IntVector W_HIGH4 =
                IntVector.fromArray(W, new int[] {4, 5, 6, 7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31}, 0);
        private static final IntVector W_LOW8 =
                IntVector.fromArray(W, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23}, 0);
        private static final IntVector W_HIGH8 =
                IntVector.fromArray(W, new int[] {8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31}, 0);

        private Wide() {}

        /** Transposes the 16 by 16 words of {@code a[0..255]} in place. */
        static void wide(int[] a) {
            IntVector m0 = IntVector.fromArray(W, a, 0);
            IntVector m1 = IntVector.fromArray(W, a, 16);
            IntVector m2 = IntVector.fromArray(W, a, 32);
            IntVector m3 = IntVector.fromArray(W, a, 48);
            IntVector m4 = IntVector.fromArray(W, a, 64);
            IntVector m5 = IntVector.fromArray(W, a, 80);
            IntVector m6 = IntVector.fromArray(W, a, 96);
            IntVector m7 = IntVector.fromArray(W, a, 112);
            IntVector m8 = IntVector.fromArray(W, a, 128);
            IntVector m9 = IntVector.fromArray(W, a, 144);
            IntVector m10 = IntVector.fromArray(W, a, 160);
            IntVector m11 = IntVector.fromArray(W, a, 176);
            IntVector m12 = IntVector.fromArray(W, a, 192);
            IntVector m13 = IntVector.fromArray(W, a, 208);
            IntVector m14 = IntVector.fromArray(W, a, 224);
            IntVector m15 = IntVector.fromArray(W, a, 240);
            IntVector t;
            // rows 1 apart exchange lanes 1 apart
            t = m0;
            m0 = W_LOW1.selectFrom(t, m1);
            m1 = W_HIGH1.selectFrom(t, m1);
            t = m2;
            m2 = W_LOW1.selectFrom(t, m3);
            m3 = W_HIGH1.selectFrom(t, m3);
            t = m4;
            m4 = W_LOW1.selectFrom(t, m5);
            m5 = W_HIGH1.selectFrom(t, m5);
            t = m6;
            m6 = W_LOW1.selectFrom(t, m7);
            m7 = W_HIGH1.selectFrom(t, m7);
            t = m8;
            m8 = W_LOW1.selectFrom(t, m9);
            m9 = W_HIGH1.selectFrom(t, m9);
            t = m10;
            m10 = W_LOW1.selectFrom(t, m11);
            m11 = W_HIGH1.selectFrom(t, m11);
            t = m12;
            m12 = W_LOW1.selectFrom(t, m13);
            m13 = W_HIGH1.selectFrom(t, m13);
            t = m14;
            m14 = W_LOW1.selectFrom(t, m15);
            m15 = W_HIGH1.selectFrom(t, m15);
            // rows 2 apart exchange lanes 2 apart
            t = m0;
            m0 = W_LOW2.selectFrom(t, m2);
            m2 = W_HIGH2.selectFrom(t, m2);
            t = m1;
            m1 = W_LOW2.selectFrom(t, m3);
            m3 = W_HIGH2.selectFrom(t, m3);
            t = m4;
            m4 = W_LOW2.selectFrom(t, m6);
            m6 = W_HIGH2.selectFrom(t, m6);
            t = m5;
            m5 = W_LOW2.selectFrom(t, m7);
            m7 = W_HIGH2.selectFrom(t, m7);
            t = m8;
            m8 = W_LOW2.selectFrom(t, m10);
            m10 = W_HIGH2.selectFrom(t, m10);
            t = m9;
            m9 = W_LOW2.selectFrom(t, m11);
            m11 = W_HIGH2.selectFrom(t, m11);
            t = m12;
            m12 = W_LOW2.selectFrom(t, m14);
            m14 = W_HIGH2.selectFrom(t, m14);
            t = m13;
            m13 = W_LOW2.selectFrom(t, m15);
            m15 = W_HIGH2.selectFrom(t, m15);
            // rows 4 apart exchange lanes 4 apart
            t = m0;
            m0 = W_LOW4.selectFrom(t, m4);
            m4 = W_HIGH4.selectFrom(t, m4);
            t = m1;
            m1 = W_LOW4.selectFrom(t, m5);
            m5 = W_HIGH4.selectFrom(t, m5);
            t = m2;
            m2 = W_LOW4.selectFrom(t, m6);
            m6 = W_HIGH4.selectFrom(t, m6);
            t = m3;
            m3 = W_LOW4.selectFrom(t, m7);
            m7 = W_HIGH4.selectFrom(t, m7);
            t = m8;
            m8 = W_LOW4.selectFrom(t, m12);
            m12 = W_HIGH4.selectFrom(t, m12);
            t = m9;
            m9 = W_LOW4.selectFrom(t, m13);
            m13 = W_HIGH4.selectFrom(t, m13);
            t = m10;
            m10 = W_LOW4.selectFrom(t, m14);
            m14 = W_HIGH4.selectFrom(t, m14);
            t = m11;
            m11 = W_LOW4.selectFrom(t, m15);
            m15 = W_HIGH4.selectFrom(t, m15);
            // rows 8 apart exchange lanes 8 apart
            t = m0;
            m0 = W_LOW8.selectFrom(t, m8);
            m8 = W_HIGH8.selectFrom(t, m8);
            t = m1;
            m1 = W_LOW8.selectFrom(t, m9);
            m9 = W_HIGH8.selectFrom(t, m9);
            t = m2;
            m2 = W_LOW8.selectFrom(t, m10);
            m10 = W_HIGH8.selectFrom(t, m10);
            t = m3;
            m3 = W_LOW8.selectFrom(t, m11);
            m11 = W_HIGH8.selectFrom(t, m11);
            t = m4;
            m4 = W_LOW8.selectFrom(t, m12);
            m12 = W_HIGH8.selectFrom(t, m12);
            t = m5;
            m5 = W_LOW8.selectFrom(t, m13);
            m13 = W_HIGH8.selectFrom(t, m13);
            t = m6;
            m6 = W_LOW8.selectFrom(t, m14);
            m14 = W_HIGH8.selectFrom(t, m14);
            t = m7;
            m7 = W_LOW8.selectFrom(t, m15);
            m15 = W_HIGH8.selectFrom(t, m15);
            m0.intoArray(a, 0);
            m1.intoArray(a, 16);
            m2.intoArray(a, 32);
            m3.intoArray(a, 48);
            m4.intoArray(a, 64);
            m5.intoArray(a, 80);
            m6.intoArray(a, 96);
            m7.intoArray(a, 112);
            m8.intoArray(a, 128);
            m9.intoArray(a, 144);
            m10.intoArray(a, 160);
            m11.intoArray(a, 176);
            m12.intoArray(a, 192);
            m13.intoArray(a, 208);
            m14.intoArray(a, 224);
            m15.intoArray(a, 240);
        }
    }

    /**
     * Two 8 by 8: rows of 8 words at {@code a[8 * r]}, r = 0..15, in 256-bit vectors; rows 0-7
     * transposed among themselves, and rows 8-15.
     */
    static final class Narrow {
        private static final VectorSpecies<Integer> N = IntVector.SPECIES_256;

        // as Wide's, for 8 lanes
        private static final IntVector N_LOW1 = IntVector.fromArray(N, new int[] {0, 8, 2, 10, 4, 12, 6, 14}, 0);
        private static final IntVector N_HIGH1 = IntVector.fromArray(N, new int[] {1, 9, 3, 11, 5, 13, 7, 15}, 0);
        private static final IntVector N_LOW2 = IntVector.fromArray(N, new int[] {0, 1, 8, 9, 4, 5, 12, 13}, 0);
        private static final IntVector N_HIGH2 = IntVector.fromArray(N, new int[] {2, 3, 10, 11, 6, 7, 14, 15}, 0);
        private static final IntVector N_LOW4 = IntVector.fromArray(N, new int[] {0, 1, 2, 3, 8, 9, 10, 11}, 0);
        private static final IntVector N_HIGH4 = IntVector.fromArray(N, new int[] {4, 5, 6, 7, 12, 13, 14, 15}, 0);

        private Narrow() {}

        /** Transposes the two 8 by 8 squares of {@code a[0..63]} and {@code a[64..127]} in place. */
        static void narrow(int[] a) {
            IntVector m0 = IntVector.fromArray(N, a, 0);
            IntVector m1 = IntVector.fromArray(N, a, 8);
            IntVector m2 = IntVector.fromArray(N, a, 16);
            IntVector m3 = IntVector.fromArray(N, a, 24);
            IntVector m4 = IntVector.fromArray(N, a, 32);
            IntVector m5 = IntVector.fromArray(N, a, 40);
            IntVector m6 = IntVector.fromArray(N, a, 48);
            IntVector m7 = IntVector.fromArray(N, a, 56);
            IntVector m8 = IntVector.fromArray(N, a, 64);
            IntVector m9 = IntVector.fromArray(N, a, 72);
            IntVector m10 = IntVector.fromArray(N, a, 80);
            IntVector m11 = IntVector.fromArray(N, a, 88);
            IntVector m12 = IntVector.fromArray(N, a, 96);
            IntVector m13 = IntVector.fromArray(N, a, 104);
            IntVector m14 = IntVector.fromArray(N, a, 112);
            IntVector m15 = IntVector.fromArray(N, a, 120);
            IntVector t;
            // rows 1 apart exchange lanes 1 apart (rows 0-7)
            t = m0;
            m0 = N_LOW1.selectFrom(t, m1);
            m1 = N_HIGH1.selectFrom(t, m1);
            t = m2;
            m2 = N_LOW1.selectFrom(t, m3);
            m3 = N_HIGH1.selectFrom(t, m3);
            t = m4;
            m4 = N_LOW1.selectFrom(t, m5);
            m5 = N_HIGH1.selectFrom(t, m5);
            t = m6;
            m6 = N_LOW1.selectFrom(t, m7);
            m7 = N_HIGH1.selectFrom(t, m7);
            // rows 2 apart exchange lanes 2 apart (rows 0-7)
            t = m0;
            m0 = N_LOW2.selectFrom(t, m2);
            m2 = N_HIGH2.selectFrom(t, m2);
            t = m1;
            m1 = N_LOW2.selectFrom(t, m3);
            m3 = N_HIGH2.selectFrom(t, m3);
            t = m4;
            m4 = N_LOW2.selectFrom(t, m6);
            m6 = N_HIGH2.selectFrom(t, m6);
            t = m5;
            m5 = N_LOW2.selectFrom(t, m7);
            m7 = N_HIGH2.selectFrom(t, m7);
            // rows 4 apart exchange lanes 4 apart (rows 0-7)
            t = m0;
            m0 = N_LOW4.selectFrom(t, m4);
            m4 = N_HIGH4.selectFrom(t, m4);
            t = m1;
            m1 = N_LOW4.selectFrom(t, m5);
            m5 = N_HIGH4.selectFrom(t, m5);
            t = m2;
            m2 = N_LOW4.selectFrom(t, m6);
            m6 = N_HIGH4.selectFrom(t, m6);
            t = m3;
            m3 = N_LOW4.selectFrom(t, m7);
            m7 = N_HIGH4.selectFrom(t, m7);
            // rows 1 apart exchange lanes 1 apart (rows 8-15)
            t = m8;
            m8 = N_LOW1.selectFrom(t, m9);
            m9 = N_HIGH1.selectFrom(t, m9);
            t = m10;
            m10 = N_LOW1.selectFrom(t, m11);
            m11 = N_HIGH1.selectFrom(t, m11);
            t = m12;
            m12 = N_LOW1.selectFrom(t, m13);
            m13 = N_HIGH1.selectFrom(t, m13);
            t = m14;
            m14 = N_LOW1.selectFrom(t, m15);
            m15 = N_HIGH1.selectFrom(t, m15);
            // rows 2 apart exchange lanes 2 apart (rows 8-15)
            t = m8;
            m8 = N_LOW2.selectFrom(t, m10);
            m10 = N_HIGH2.selectFrom(t, m10);
            t = m9;
            m9 = N_LOW2.selectFrom(t, m11);
            m11 = N_HIGH2.selectFrom(t, m11);
            t = m12;
            m12 = N_LOW2.selectFrom(t, m14);
            m14 = N_HIGH2.selectFrom(t, m14);
            t = m13;
            m13 = N_LOW2.selectFrom(t, m15);
            m15 = N_HIGH2.selectFrom(t, m15);
            // rows 4 apart exchange lanes 4 apart (rows 8-15)
            t = m8;
            m8 = N_LOW4.selectFrom(t, m12);
            m12 = N_HIGH4.selectFrom(t, m12);
            t = m9;
            m9 = N_LOW4.selectFrom(t, m13);
            m13 = N_HIGH4.selectFrom(t, m13);
            t = m10;
            m10 = N_LOW4.selectFrom(t, m14);
            m14 = N_HIGH4.selectFrom(t, m14);
            t = m11;
            m11 = N_LOW4.selectFrom(t, m15);
            m15 = N_HIGH4.selectFrom(t, m15);
            m0.intoArray(a, 0);
            m1.intoArray(a, 8);
            m2.intoArray(a, 16);
            m3.intoArray(a, 24);
            m4.intoArray(a, 32);
            m5.intoArray(a, 40);
            m6.intoArray(a, 48);
            m7.intoArray(a, 56);
            m8.intoArray(a, 64);
            m9.intoArray(a, 72);
            m10.intoArray(a, 80);
            m11.intoArray(a, 88);
            m12.intoArray(a, 96);
            m13.intoArray(a, 104);
            m14.intoArray(a, 112);
            m15.intoArray(a, 120);
        }
    }
}
