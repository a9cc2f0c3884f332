package dev.arsenal.providers.simd.crypto;

import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.arsenal.spi.crypto.ChaCha20;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * ChaCha20's keystream on the Vector API, one block per 32-bit lane: 16 blocks (1 KiB) per pass
 * with 512-bit vectors ({@link Wide}), 8 with 256-bit ones ({@link Narrow}). A {@link
 * ChaCha20.BlockBatch} for {@link dev.arsenal.spi.crypto.ChaCha20Poly1305}: what is left after the
 * whole batches, and block 0 (the Poly1305 key), run {@link ChaCha20}'s scalar code.
 *
 * <p>State word j is one vector holding word j of every block, so the rounds run exactly as the
 * scalar ones, lane by lane; lane i's counter is {@code counter + i}. The keystream then has to be
 * turned round to one block per row before it meets the message ({@link Transpose}), and each row
 * is XORed as one {@code ByteVector}.
 *
 * <p>Written for C2 by the rules {@link Blake3Vector} measured: the state in 16 local vectors, the
 * ten double rounds a loop, no vector read from a {@code static final} field in the rounds (the
 * constants are broadcast) and no helper method around a vector expression. {@link Narrow} rotates
 * by 16 and 8 with byte shuffles, for AVX2 (no {@code vprold}); {@link Wide} runs only where
 * AVX-512 is and rotates with {@code ROL}.
 *
 * <p>Loaded only where {@code jdk.incubator.vector} is readable. Thread-safe; a scratch array of
 * 1 KiB per thread that uses it.
 */
public final class ChaCha20Vector implements ChaCha20.BlockBatch {
    /** Per thread: the keystream of one pass, word by word, then block by block. */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[16 * 16]);

    private final int bits;

    private ChaCha20Vector(int bits) {
        this.bits = bits;
    }

    /**
     * The widest kernel of at most {@code maxBits} that is not wider than the Vector API's preferred
     * shape: 512 bits (16 blocks at once) or 256 (8).
     *
     * @throws IllegalArgumentException if that leaves less than 256 bits
     */
    public static ChaCha20Vector create(int maxBits) {
        return new ChaCha20Vector(Transpose.kernelBits(maxBits, "ChaCha20 vector kernel", ""));
    }

    /** The vector size in bits: 512 or 256. */
    public int bits() {
        return bits;
    }

    @Override
    public int degree() {
        return bits / 32;
    }

    @Override
    public void xorBatches(
            int[] key, int counter, int[] nonce, byte[] in, int off, int batches, byte[] out, int outOff) {
        int len = batches * degree() * ChaCha20.BLOCK_LEN;
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkFromIndexSize(outOff, len, out.length);
        Objects.checkFromIndexSize(0, 8, key.length);
        Objects.checkFromIndexSize(0, 3, nonce.length);
        int[] ks = SCRATCH.get();
        int step = degree() * ChaCha20.BLOCK_LEN;
        for (int b = 0; b < batches; b++) {
            if (bits == 512) {
                Wide.xor(key, counter + b * 16, nonce, in, off + b * step, out, outOff + b * step, ks);
            } else {
                Narrow.xor(key, counter + b * 8, nonce, in, off + b * step, out, outOff + b * step, ks);
            }
        }
    }

    @Override
    public String toString() {
        return "ChaCha20 in " + degree() + " lanes of " + bits + "-bit IntVectors";
    }

    /** 16 blocks in 512-bit vectors. */
    static final class Wide {
        private static final VectorSpecies<Integer> S = IntVector.SPECIES_512;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
        private static final IntVector LANE = IntVector.zero(S).addIndex(1);

        private Wide() {}

        /**
         * XORs 16 blocks of keystream, from block {@code counter}, with 1024 bytes of {@code in}
         * from {@code off} into {@code out} from {@code outOff}; {@code ks} is scratch of 256 words.
         */
        static void xor(int[] key, int counter, int[] nonce, byte[] in, int off, byte[] out, int outOff, int[] ks) {
            IntVector counters = IntVector.broadcast(S, counter).add(LANE);
            // broadcast here, not read from static final vectors (see the class comment)
            IntVector v0 = IntVector.broadcast(S, ChaCha20.C0);
            IntVector v1 = IntVector.broadcast(S, ChaCha20.C1);
            IntVector v2 = IntVector.broadcast(S, ChaCha20.C2);
            IntVector v3 = IntVector.broadcast(S, ChaCha20.C3);
            IntVector v4 = IntVector.broadcast(S, key[0]);
            IntVector v5 = IntVector.broadcast(S, key[1]);
            IntVector v6 = IntVector.broadcast(S, key[2]);
            IntVector v7 = IntVector.broadcast(S, key[3]);
            IntVector v8 = IntVector.broadcast(S, key[4]);
            IntVector v9 = IntVector.broadcast(S, key[5]);
            IntVector v10 = IntVector.broadcast(S, key[6]);
            IntVector v11 = IntVector.broadcast(S, key[7]);
            IntVector v12 = counters;
            IntVector v13 = IntVector.broadcast(S, nonce[0]);
            IntVector v14 = IntVector.broadcast(S, nonce[1]);
            IntVector v15 = IntVector.broadcast(S, nonce[2]);
            for (int round = 0; round < 10; round++) {
                // columns
                v0 = v0.add(v4);
                v12 = v12.lanewise(XOR, v0).lanewise(ROL, 16);
                v8 = v8.add(v12);
                v4 = v4.lanewise(XOR, v8).lanewise(ROL, 12);
                v0 = v0.add(v4);
                v12 = v12.lanewise(XOR, v0).lanewise(ROL, 8);
                v8 = v8.add(v12);
                v4 = v4.lanewise(XOR, v8).lanewise(ROL, 7);
                v1 = v1.add(v5);
                v13 = v13.lanewise(XOR, v1).lanewise(ROL, 16);
                v9 = v9.add(v13);
                v5 = v5.lanewise(XOR, v9).lanewise(ROL, 12);
                v1 = v1.add(v5);
                v13 = v13.lanewise(XOR, v1).lanewise(ROL, 8);
                v9 = v9.add(v13);
                v5 = v5.lanewise(XOR, v9).lanewise(ROL, 7);
                v2 = v2.add(v6);
                v14 = v14.lanewise(XOR, v2).lanewise(ROL, 16);
                v10 = v10.add(v14);
                v6 = v6.lanewise(XOR, v10).lanewise(ROL, 12);
                v2 = v2.add(v6);
                v14 = v14.lanewise(XOR, v2).lanewise(ROL, 8);
                v10 = v10.add(v14);
                v6 = v6.lanewise(XOR, v10).lanewise(ROL, 7);
                v3 = v3.add(v7);
                v15 = v15.lanewise(XOR, v3).lanewise(ROL, 16);
                v11 = v11.add(v15);
                v7 = v7.lanewise(XOR, v11).lanewise(ROL, 12);
                v3 = v3.add(v7);
                v15 = v15.lanewise(XOR, v3).lanewise(ROL, 8);
                v11 = v11.add(v15);
                v7 = v7.lanewise(XOR, v11).lanewise(ROL, 7);
                // diagonals
                v0 = v0.add(v5);
                v15 = v15.lanewise(XOR, v0).lanewise(ROL, 16);
                v10 = v10.add(v15);
                v5 = v5.lanewise(XOR, v10).lanewise(ROL, 12);
                v0 = v0.add(v5);
                v15 = v15.lanewise(XOR, v0).lanewise(ROL, 8);
                v10 = v10.add(v15);
                v5 = v5.lanewise(XOR, v10).lanewise(ROL, 7);
                v1 = v1.add(v6);
                v12 = v12.lanewise(XOR, v1).lanewise(ROL, 16);
                v11 = v11.add(v12);
                v6 = v6.lanewise(XOR, v11).lanewise(ROL, 12);
                v1 = v1.add(v6);
                v12 = v12.lanewise(XOR, v1).lanewise(ROL, 8);
                v11 = v11.add(v12);
                v6 = v6.lanewise(XOR, v11).lanewise(ROL, 7);
                v2 = v2.add(v7);
                v13 = v13.lanewise(XOR, v2).lanewise(ROL, 16);
                v8 = v8.add(v13);
                v7 = v7.lanewise(XOR, v8).lanewise(ROL, 12);
                v2 = v2.add(v7);
                v13 = v13.lanewise(XOR, v2).lanewise(ROL, 8);
                v8 = v8.add(v13);
                v7 = v7.lanewise(XOR, v8).lanewise(ROL, 7);
                v3 = v3.add(v4);
                v14 = v14.lanewise(XOR, v3).lanewise(ROL, 16);
                v9 = v9.add(v14);
                v4 = v4.lanewise(XOR, v9).lanewise(ROL, 12);
                v3 = v3.add(v4);
                v14 = v14.lanewise(XOR, v3).lanewise(ROL, 8);
                v9 = v9.add(v14);
                v4 = v4.lanewise(XOR, v9).lanewise(ROL, 7);
            }
            // add the input back and store word j of every block to ks[lanes * j]
            v0.add(ChaCha20.C0).intoArray(ks, 0);
            v1.add(ChaCha20.C1).intoArray(ks, 16);
            v2.add(ChaCha20.C2).intoArray(ks, 32);
            v3.add(ChaCha20.C3).intoArray(ks, 48);
            v4.add(key[0]).intoArray(ks, 64);
            v5.add(key[1]).intoArray(ks, 80);
            v6.add(key[2]).intoArray(ks, 96);
            v7.add(key[3]).intoArray(ks, 112);
            v8.add(key[4]).intoArray(ks, 128);
            v9.add(key[5]).intoArray(ks, 144);
            v10.add(key[6]).intoArray(ks, 160);
            v11.add(key[7]).intoArray(ks, 176);
            v12.add(counters).intoArray(ks, 192);
            v13.add(nonce[0]).intoArray(ks, 208);
            v14.add(nonce[1]).intoArray(ks, 224);
            v15.add(nonce[2]).intoArray(ks, 240);
            // now block c at ks[16 * c]
            Transpose.Wide.wide(ks);
            for (int c = 0; c < 16; c++) {
                ByteVector.fromArray(B, in, off + 64 * c)
                        .lanewise(XOR, IntVector.fromArray(S, ks, 16 * c).reinterpretAsBytes())
                        .intoArray(out, outOff + 64 * c);
            }
        }
    }

    /** 8 blocks in 256-bit vectors. */
    static final class Narrow {
        private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;
        private static final IntVector LANE = IntVector.zero(S).addIndex(1);

        // rotations left by 16 and 8 as byte shuffles within each little-endian word
        private static final VectorShuffle<Byte> ROL16 = VectorShuffle.fromOp(B, i -> (i & ~3) | ((i + 2) & 3));
        private static final VectorShuffle<Byte> ROL8 = VectorShuffle.fromOp(B, i -> (i & ~3) | ((i + 3) & 3));

        private Narrow() {}

        /**
         * XORs 8 blocks of keystream, from block {@code counter}, with 512 bytes of {@code in}
         * from {@code off} into {@code out} from {@code outOff}; {@code ks} is scratch of 128 words.
         */
        static void xor(int[] key, int counter, int[] nonce, byte[] in, int off, byte[] out, int outOff, int[] ks) {
            IntVector counters = IntVector.broadcast(S, counter).add(LANE);
            // broadcast here, not read from static final vectors (see the class comment)
            IntVector v0 = IntVector.broadcast(S, ChaCha20.C0);
            IntVector v1 = IntVector.broadcast(S, ChaCha20.C1);
            IntVector v2 = IntVector.broadcast(S, ChaCha20.C2);
            IntVector v3 = IntVector.broadcast(S, ChaCha20.C3);
            IntVector v4 = IntVector.broadcast(S, key[0]);
            IntVector v5 = IntVector.broadcast(S, key[1]);
            IntVector v6 = IntVector.broadcast(S, key[2]);
            IntVector v7 = IntVector.broadcast(S, key[3]);
            IntVector v8 = IntVector.broadcast(S, key[4]);
            IntVector v9 = IntVector.broadcast(S, key[5]);
            IntVector v10 = IntVector.broadcast(S, key[6]);
            IntVector v11 = IntVector.broadcast(S, key[7]);
            IntVector v12 = counters;
            IntVector v13 = IntVector.broadcast(S, nonce[0]);
            IntVector v14 = IntVector.broadcast(S, nonce[1]);
            IntVector v15 = IntVector.broadcast(S, nonce[2]);
            for (int round = 0; round < 10; round++) {
                // columns
                v0 = v0.add(v4);
                v12 = v12.lanewise(XOR, v0)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v8 = v8.add(v12);
                v4 = v4.lanewise(XOR, v8).lanewise(ROL, 12);
                v0 = v0.add(v4);
                v12 = v12.lanewise(XOR, v0).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v8 = v8.add(v12);
                v4 = v4.lanewise(XOR, v8).lanewise(ROL, 7);
                v1 = v1.add(v5);
                v13 = v13.lanewise(XOR, v1)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v9 = v9.add(v13);
                v5 = v5.lanewise(XOR, v9).lanewise(ROL, 12);
                v1 = v1.add(v5);
                v13 = v13.lanewise(XOR, v1).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v9 = v9.add(v13);
                v5 = v5.lanewise(XOR, v9).lanewise(ROL, 7);
                v2 = v2.add(v6);
                v14 = v14.lanewise(XOR, v2)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v10 = v10.add(v14);
                v6 = v6.lanewise(XOR, v10).lanewise(ROL, 12);
                v2 = v2.add(v6);
                v14 = v14.lanewise(XOR, v2).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v10 = v10.add(v14);
                v6 = v6.lanewise(XOR, v10).lanewise(ROL, 7);
                v3 = v3.add(v7);
                v15 = v15.lanewise(XOR, v3)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v11 = v11.add(v15);
                v7 = v7.lanewise(XOR, v11).lanewise(ROL, 12);
                v3 = v3.add(v7);
                v15 = v15.lanewise(XOR, v3).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v11 = v11.add(v15);
                v7 = v7.lanewise(XOR, v11).lanewise(ROL, 7);
                // diagonals
                v0 = v0.add(v5);
                v15 = v15.lanewise(XOR, v0)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v10 = v10.add(v15);
                v5 = v5.lanewise(XOR, v10).lanewise(ROL, 12);
                v0 = v0.add(v5);
                v15 = v15.lanewise(XOR, v0).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v10 = v10.add(v15);
                v5 = v5.lanewise(XOR, v10).lanewise(ROL, 7);
                v1 = v1.add(v6);
                v12 = v12.lanewise(XOR, v1)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v11 = v11.add(v12);
                v6 = v6.lanewise(XOR, v11).lanewise(ROL, 12);
                v1 = v1.add(v6);
                v12 = v12.lanewise(XOR, v1).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v11 = v11.add(v12);
                v6 = v6.lanewise(XOR, v11).lanewise(ROL, 7);
                v2 = v2.add(v7);
                v13 = v13.lanewise(XOR, v2)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v8 = v8.add(v13);
                v7 = v7.lanewise(XOR, v8).lanewise(ROL, 12);
                v2 = v2.add(v7);
                v13 = v13.lanewise(XOR, v2).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v8 = v8.add(v13);
                v7 = v7.lanewise(XOR, v8).lanewise(ROL, 7);
                v3 = v3.add(v4);
                v14 = v14.lanewise(XOR, v3)
                        .reinterpretAsBytes()
                        .rearrange(ROL16)
                        .reinterpretAsInts();
                v9 = v9.add(v14);
                v4 = v4.lanewise(XOR, v9).lanewise(ROL, 12);
                v3 = v3.add(v4);
                v14 = v14.lanewise(XOR, v3).reinterpretAsBytes().rearrange(ROL8).reinterpretAsInts();
                v9 = v9.add(v14);
                v4 = v4.lanewise(XOR, v9).lanewise(ROL, 7);
            }
            // add the input back and store word j of every block to ks[lanes * j]
            v0.add(ChaCha20.C0).intoArray(ks, 0);
            v1.add(ChaCha20.C1).intoArray(ks, 8);
            v2.add(ChaCha20.C2).intoArray(ks, 16);
            v3.add(ChaCha20.C3).intoArray(ks, 24);
            v4.add(key[0]).intoArray(ks, 32);
            v5.add(key[1]).intoArray(ks, 40);
            v6.add(key[2]).intoArray(ks, 48);
            v7.add(key[3]).intoArray(ks, 56);
            v8.add(key[4]).intoArray(ks, 64);
            v9.add(key[5]).intoArray(ks, 72);
            v10.add(key[6]).intoArray(ks, 80);
            v11.add(key[7]).intoArray(ks, 88);
            v12.add(counters).intoArray(ks, 96);
            v13.add(nonce[0]).intoArray(ks, 104);
            v14.add(nonce[1]).intoArray(ks, 112);
            v15.add(nonce[2]).intoArray(ks, 120);
            // now words 0-7 of block c at ks[8 * c], words 8-15 at ks[64 + 8 * c]
            Transpose.Narrow.narrow(ks);
            for (int c = 0; c < 8; c++) {
                int p = 64 * c;
                ByteVector.fromArray(B, in, off + p)
                        .lanewise(XOR, IntVector.fromArray(S, ks, 8 * c).reinterpretAsBytes())
                        .intoArray(out, outOff + p);
                ByteVector.fromArray(B, in, off + p + 32)
                        .lanewise(XOR, IntVector.fromArray(S, ks, 64 + 8 * c).reinterpretAsBytes())
                        .intoArray(out, outOff + p + 32);
            }
        }
    }
}
