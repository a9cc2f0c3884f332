package dev.arsenal.providers.simd.crypto;

import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.ULT;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.arsenal.spi.crypto.Blake3;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * BLAKE3's whole chunks hashed in SIMD lanes on the Vector API, one chunk per 32-bit lane: 16 chunks
 * at once with 512-bit vectors ({@link Wide}), 8 with 256-bit ones ({@link Narrow}). A {@link
 * Blake3.ChunkBatch} for {@link Blake3#hash(Blake3.ChunkBatch)} and the other factories: the tree,
 * the last chunk and the output stay {@link Blake3}'s, and chunks that do not fill the lanes are
 * hashed by {@link Blake3#hashChunk}.
 *
 * <p>Each state word is one vector holding that word of every chunk, so the compression runs
 * exactly as the scalar one, lane by lane. The message words come in the other way round (a block
 * is 16 consecutive words of one chunk), hence a transposition per block:
 *
 * <pre>
 * loaded: row c = block b of chunk c     4 rounds, k = 1, 2, 4, 8:          m_j = word j of every chunk
 *   row 0:  w0  w1 ... w15               rows k apart exchange lanes k       m0:  c0.w0  c1.w0 ... c15.w0
 *   row 1:  w0  w1 ... w15               apart (two selectFrom per pair      m1:  c0.w1  c1.w1 ... c15.w1
 *   ...                                  of rows)                            ...
 *   row 15: w0  w1 ... w15                                                   m15: c0.w15 c1.w15 ... c15.w15
 * </pre>
 *
 * (256 bits: a row is half a block, words 0-7 or 8-15, and two 8 by 8 transpositions of 3 rounds.)
 * Gathering each word with {@code IntVector.fromArray} and an index map instead needs the input as
 * an {@code int[]} first, and its method never reached C2: 0.07 GB/s against 2.9.
 *
 * <p>Written for C2; each rule comes from a measurement (AMD EPYC, Zen 4 with AVX-512, JDK 25):
 *
 * <ul>
 *   <li>The state is 16 vectors in local variables, and the seven rounds a loop whose message
 *       permutation renames locals. Unrolled, the method passes the 8,000 bytes of bytecode above
 *       which HotSpot never compiles ({@code DontCompileHugeMethods}): 0.04 GB/s, interpreted.
 *   <li>No state vector starts from a {@code static final} vector, and no helper method wraps a
 *       vector expression of the round loop: either way C2 boxes vectors in every round (a
 *       constant IV: 54 KB allocated per 16 KiB hashed, 2.7 GB/s instead of 4.5; a {@code
 *       rotate16} helper: 0.5 GB/s). Hence the broadcasts in the loop and the long expressions.
 *   <li>The transposition is a method of its own that leaves the message in a per-thread scratch
 *       array. With it inside the round loop's method, C1 runs out of virtual registers at tier 3,
 *       and in one run out of three the method stayed at tier 2, boxed, at 0.07 GB/s; the store and
 *       reload cost nothing measurable.
 *   <li>Each kernel method is far larger than C2 inlines ({@code FreqInlineSize}, 325 bytes of
 *       bytecode), so it is compiled on its own whatever calls it: no method handle is needed to
 *       keep it out of a large caller.
 *   <li>{@link Narrow} rotates by 16 and 8 with byte shuffles, as BLAKE3's AVX2 code does: with
 *       {@code -XX:UseAVX=2} (no {@code vprord}) 2.2 GB/s instead of 1.3 with {@code ROR}; on
 *       AVX-512 forced to 256 bits it costs a little (3.6 instead of 4.6). {@link Wide} only runs
 *       where AVX-512 is, and keeps {@code ROR}.
 * </ul>
 *
 * Measured, chunks alone ({@link #hashChunks} on 16 KiB, warm): 4.7 to 5.5 GB/s with 512 bits, 3.4
 * to 3.8 with 256, against 0.6 for {@link Blake3.ChunkBatch#scalar()}. Zen 4 runs 512-bit
 * operations as two 256-bit halves; CPUs with full-width AVX-512 should gain more from the wide
 * shape.
 *
 * <p>Loaded only where {@code jdk.incubator.vector} is readable. Thread-safe and stateless but for a
 * scratch array of 1 KiB per thread that uses it.
 */
public final class Blake3Vector implements Blake3.ChunkBatch {
    private static final int CHUNK_LEN = Blake3.CHUNK_LEN;
    private static final int BLOCK_LEN = Blake3.BLOCK_LEN;
    private static final int BLOCKS = CHUNK_LEN / BLOCK_LEN;
    private static final int IV0 = Blake3.iv()[0];
    private static final int IV1 = Blake3.iv()[1];
    private static final int IV2 = Blake3.iv()[2];
    private static final int IV3 = Blake3.iv()[3];

    /**
     * Per thread: one block's message transposed (16 words of one vector each), and at the end the
     * chaining values word by word, before they are put chunk by chunk into the caller's array.
     */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[16 * 16]);

    private final int bits;

    private Blake3Vector(int bits) {
        this.bits = bits;
    }

    /**
     * The batch of the Vector API's preferred shape on this machine.
     *
     * @throws IllegalArgumentException if that is less than 256 bits (8 lanes): fewer lanes would not
     *     pay for the transposition
     */
    public static Blake3Vector create() {
        return create(Integer.MAX_VALUE);
    }

    /**
     * The widest batch of at most {@code maxBits} that is not wider than the Vector API's preferred
     * shape: 512 bits (16 chunks at once) or 256 (8).
     *
     * @param maxBits the widest vectors allowed; 256 forces the narrow shape
     * @throws IllegalArgumentException if that leaves less than 256 bits (8 lanes): fewer lanes
     *     would not pay for the transposition
     */
    public static Blake3Vector create(int maxBits) {
        return new Blake3Vector(Transpose.kernelBits(
                maxBits,
                "BLAKE3 vector batch",
                ": fewer than 8 lanes do not pay for the transposition; use Blake3.ChunkBatch.scalar()"));
    }

    /** The vector size in bits: 512 or 256. */
    public int bits() {
        return bits;
    }

    /** The chunks hashed at once: 16 with 512-bit vectors, 8 with 256-bit ones. */
    @Override
    public int degree() {
        return bits / 32;
    }

    /**
     * Hashes the chunks {@link #degree()} at a time in vector lanes and the rest, fewer than the
     * degree, one at a time by {@link Blake3#hashChunk}.
     *
     * @throws IndexOutOfBoundsException if the chunks, the key or the chaining values do not fit
     */
    @Override
    public void hashChunks(byte[] in, int off, int chunks, int[] key, long counter, int flags, int[] cvsOut) {
        Objects.checkFromIndexSize(off, (long) chunks * CHUNK_LEN, in.length);
        Objects.checkFromIndexSize(0, 8L * chunks, cvsOut.length);
        Objects.checkFromIndexSize(0, 8, key.length);
        int lanes = degree();
        int i = 0;
        if (chunks >= lanes) {
            int[] scratch = SCRATCH.get();
            for (; i + lanes <= chunks; i += lanes) {
                if (lanes == 16) {
                    Wide.hash(in, off + i * CHUNK_LEN, key, counter + i, flags, cvsOut, 8 * i, scratch);
                } else {
                    Narrow.hash(in, off + i * CHUNK_LEN, key, counter + i, flags, cvsOut, 8 * i, scratch);
                }
            }
        }
        for (; i < chunks; i++) {
            Blake3.hashChunk(in, off + i * CHUNK_LEN, key, counter + i, flags, cvsOut, 8 * i);
        }
    }

    @Override
    public String toString() {
        return "BLAKE3 chunks in " + degree() + " lanes of " + bits + "-bit IntVectors";
    }

    /** The flags of block {@code b} of a chunk. */
    private static int blockFlags(int flags, int b) {
        return flags | (b == 0 ? Blake3.CHUNK_START : 0) | (b == BLOCKS - 1 ? Blake3.CHUNK_END : 0);
    }

    /** Word {@code i} of chunk {@code c}'s chaining value from {@code words[lanes * i + c]} to {@code cvs}. */
    private static void storeChainingValues(int[] words, int lanes, int[] cvs, int cvsOff) {
        for (int c = 0; c < lanes; c++) {
            for (int i = 0; i < 8; i++) {
                cvs[cvsOff + 8 * c + i] = words[lanes * i + c];
            }
        }
    }

    /** 16 chunks in 512-bit vectors of 16 lanes. */
    static final class Wide {
        private static final VectorSpecies<Integer> S = IntVector.SPECIES_512;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
        private static final IntVector LANE = IntVector.zero(S).addIndex(1);
        private static final IntVector ONE = IntVector.broadcast(S, 1);

        private Wide() {}

        private static IntVector load(byte[] in, int p) {
            return ByteVector.fromArray(B, in, p).reinterpretAsInts();
        }

        /** Block {@code p} of 16 chunks, transposed: word j of chunk c to {@code msg[16 * j + c]}. */
        static void transpose(byte[] in, int p, int[] msg) {
            for (int c = 0; c < 16; c++) {
                load(in, p + c * CHUNK_LEN).intoArray(msg, 16 * c);
            }
            Transpose.Wide.wide(msg);
        }

        /**
         * Hashes 16 chunks from {@code in[off]}, chunk c with counter {@code counter + c}; chaining
         * value c to {@code cvs[cvsOff + 8 * c ..]}. {@code msg} is scratch of 256 words.
         */
        static void hash(byte[] in, int off, int[] key, long counter, int flags, int[] cvs, int cvsOff, int[] msg) {
            IntVector h0 = IntVector.broadcast(S, key[0]);
            IntVector h1 = IntVector.broadcast(S, key[1]);
            IntVector h2 = IntVector.broadcast(S, key[2]);
            IntVector h3 = IntVector.broadcast(S, key[3]);
            IntVector h4 = IntVector.broadcast(S, key[4]);
            IntVector h5 = IntVector.broadcast(S, key[5]);
            IntVector h6 = IntVector.broadcast(S, key[6]);
            IntVector h7 = IntVector.broadcast(S, key[7]);
            IntVector counterLow = IntVector.broadcast(S, (int) counter).add(LANE);
            IntVector counterHigh =
                    IntVector.broadcast(S, (int) (counter >>> 32)).add(ONE, counterLow.compare(ULT, (int) counter));
            for (int b = 0; b < BLOCKS; b++) {
                transpose(in, off + b * BLOCK_LEN, msg);
                IntVector m0 = IntVector.fromArray(S, msg, 0);
                IntVector m1 = IntVector.fromArray(S, msg, 16);
                IntVector m2 = IntVector.fromArray(S, msg, 32);
                IntVector m3 = IntVector.fromArray(S, msg, 48);
                IntVector m4 = IntVector.fromArray(S, msg, 64);
                IntVector m5 = IntVector.fromArray(S, msg, 80);
                IntVector m6 = IntVector.fromArray(S, msg, 96);
                IntVector m7 = IntVector.fromArray(S, msg, 112);
                IntVector m8 = IntVector.fromArray(S, msg, 128);
                IntVector m9 = IntVector.fromArray(S, msg, 144);
                IntVector m10 = IntVector.fromArray(S, msg, 160);
                IntVector m11 = IntVector.fromArray(S, msg, 176);
                IntVector m12 = IntVector.fromArray(S, msg, 192);
                IntVector m13 = IntVector.fromArray(S, msg, 208);
                IntVector m14 = IntVector.fromArray(S, msg, 224);
                IntVector m15 = IntVector.fromArray(S, msg, 240);
                IntVector v0 = h0;
                IntVector v1 = h1;
                IntVector v2 = h2;
                IntVector v3 = h3;
                IntVector v4 = h4;
                IntVector v5 = h5;
                IntVector v6 = h6;
                IntVector v7 = h7;
                // broadcast here, not read from static final vectors: see the class comment
                IntVector v8 = IntVector.broadcast(S, IV0);
                IntVector v9 = IntVector.broadcast(S, IV1);
                IntVector v10 = IntVector.broadcast(S, IV2);
                IntVector v11 = IntVector.broadcast(S, IV3);
                IntVector v12 = counterLow;
                IntVector v13 = counterHigh;
                IntVector v14 = IntVector.broadcast(S, BLOCK_LEN);
                IntVector v15 = IntVector.broadcast(S, blockFlags(flags, b));
                for (int round = 0; round < 7; round++) {
                    // the columns
                    v0 = v0.add(v4).add(m0);
                    v12 = v12.lanewise(XOR, v0).lanewise(ROR, 16);
                    v8 = v8.add(v12);
                    v4 = v4.lanewise(XOR, v8).lanewise(ROR, 12);
                    v0 = v0.add(v4).add(m1);
                    v12 = v12.lanewise(XOR, v0).lanewise(ROR, 8);
                    v8 = v8.add(v12);
                    v4 = v4.lanewise(XOR, v8).lanewise(ROR, 7);
                    v1 = v1.add(v5).add(m2);
                    v13 = v13.lanewise(XOR, v1).lanewise(ROR, 16);
                    v9 = v9.add(v13);
                    v5 = v5.lanewise(XOR, v9).lanewise(ROR, 12);
                    v1 = v1.add(v5).add(m3);
                    v13 = v13.lanewise(XOR, v1).lanewise(ROR, 8);
                    v9 = v9.add(v13);
                    v5 = v5.lanewise(XOR, v9).lanewise(ROR, 7);
                    v2 = v2.add(v6).add(m4);
                    v14 = v14.lanewise(XOR, v2).lanewise(ROR, 16);
                    v10 = v10.add(v14);
                    v6 = v6.lanewise(XOR, v10).lanewise(ROR, 12);
                    v2 = v2.add(v6).add(m5);
                    v14 = v14.lanewise(XOR, v2).lanewise(ROR, 8);
                    v10 = v10.add(v14);
                    v6 = v6.lanewise(XOR, v10).lanewise(ROR, 7);
                    v3 = v3.add(v7).add(m6);
                    v15 = v15.lanewise(XOR, v3).lanewise(ROR, 16);
                    v11 = v11.add(v15);
                    v7 = v7.lanewise(XOR, v11).lanewise(ROR, 12);
                    v3 = v3.add(v7).add(m7);
                    v15 = v15.lanewise(XOR, v3).lanewise(ROR, 8);
                    v11 = v11.add(v15);
                    v7 = v7.lanewise(XOR, v11).lanewise(ROR, 7);
                    // the diagonals
                    v0 = v0.add(v5).add(m8);
                    v15 = v15.lanewise(XOR, v0).lanewise(ROR, 16);
                    v10 = v10.add(v15);
                    v5 = v5.lanewise(XOR, v10).lanewise(ROR, 12);
                    v0 = v0.add(v5).add(m9);
                    v15 = v15.lanewise(XOR, v0).lanewise(ROR, 8);
                    v10 = v10.add(v15);
                    v5 = v5.lanewise(XOR, v10).lanewise(ROR, 7);
                    v1 = v1.add(v6).add(m10);
                    v12 = v12.lanewise(XOR, v1).lanewise(ROR, 16);
                    v11 = v11.add(v12);
                    v6 = v6.lanewise(XOR, v11).lanewise(ROR, 12);
                    v1 = v1.add(v6).add(m11);
                    v12 = v12.lanewise(XOR, v1).lanewise(ROR, 8);
                    v11 = v11.add(v12);
                    v6 = v6.lanewise(XOR, v11).lanewise(ROR, 7);
                    v2 = v2.add(v7).add(m12);
                    v13 = v13.lanewise(XOR, v2).lanewise(ROR, 16);
                    v8 = v8.add(v13);
                    v7 = v7.lanewise(XOR, v8).lanewise(ROR, 12);
                    v2 = v2.add(v7).add(m13);
                    v13 = v13.lanewise(XOR, v2).lanewise(ROR, 8);
                    v8 = v8.add(v13);
                    v7 = v7.lanewise(XOR, v8).lanewise(ROR, 7);
                    v3 = v3.add(v4).add(m14);
                    v14 = v14.lanewise(XOR, v3).lanewise(ROR, 16);
                    v9 = v9.add(v14);
                    v4 = v4.lanewise(XOR, v9).lanewise(ROR, 12);
                    v3 = v3.add(v4).add(m15);
                    v14 = v14.lanewise(XOR, v3).lanewise(ROR, 8);
                    v9 = v9.add(v14);
                    v4 = v4.lanewise(XOR, v9).lanewise(ROR, 7);
                    // the message permutation, as Blake3's: two cycles of 8
                    IntVector t = m0;
                    m0 = m2;
                    m2 = m3;
                    m3 = m10;
                    m10 = m12;
                    m12 = m9;
                    m9 = m11;
                    m11 = m5;
                    m5 = t;
                    t = m1;
                    m1 = m6;
                    m6 = m4;
                    m4 = m7;
                    m7 = m13;
                    m13 = m14;
                    m14 = m15;
                    m15 = m8;
                    m8 = t;
                }
                h0 = v0.lanewise(XOR, v8);
                h1 = v1.lanewise(XOR, v9);
                h2 = v2.lanewise(XOR, v10);
                h3 = v3.lanewise(XOR, v11);
                h4 = v4.lanewise(XOR, v12);
                h5 = v5.lanewise(XOR, v13);
                h6 = v6.lanewise(XOR, v14);
                h7 = v7.lanewise(XOR, v15);
            }
            h0.intoArray(msg, 0);
            h1.intoArray(msg, 16);
            h2.intoArray(msg, 32);
            h3.intoArray(msg, 48);
            h4.intoArray(msg, 64);
            h5.intoArray(msg, 80);
            h6.intoArray(msg, 96);
            h7.intoArray(msg, 112);
            storeChainingValues(msg, 16, cvs, cvsOff);
        }
    }

    /** 8 chunks in 256-bit vectors of 8 lanes; a block is two rows, words 0-7 and 8-15. */
    static final class Narrow {
        private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;
        private static final IntVector LANE = IntVector.zero(S).addIndex(1);
        private static final IntVector ONE = IntVector.broadcast(S, 1);

        // the rotations by 16 and 8 as byte shuffles (see the class comment)
        private static final VectorShuffle<Byte> ROTATE16 = VectorShuffle.fromOp(B, i -> (i & ~3) | ((i + 2) & 3));
        private static final VectorShuffle<Byte> ROTATE8 = VectorShuffle.fromOp(B, i -> (i & ~3) | ((i + 1) & 3));

        private Narrow() {}

        private static IntVector load(byte[] in, int p) {
            return ByteVector.fromArray(B, in, p).reinterpretAsInts();
        }

        /** Block {@code p} of 8 chunks, transposed: word j of chunk c to {@code msg[8 * j + c]}. */
        static void transpose(byte[] in, int p, int[] msg) {
            for (int c = 0; c < 8; c++) {
                load(in, p + c * CHUNK_LEN).intoArray(msg, 8 * c);
                load(in, p + c * CHUNK_LEN + 32).intoArray(msg, 64 + 8 * c);
            }
            Transpose.Narrow.narrow(msg);
        }

        /** As {@link Wide#hash}, for 8 chunks; {@code msg} is scratch of 128 words. */
        static void hash(byte[] in, int off, int[] key, long counter, int flags, int[] cvs, int cvsOff, int[] msg) {
            IntVector h0 = IntVector.broadcast(S, key[0]);
            IntVector h1 = IntVector.broadcast(S, key[1]);
            IntVector h2 = IntVector.broadcast(S, key[2]);
            IntVector h3 = IntVector.broadcast(S, key[3]);
            IntVector h4 = IntVector.broadcast(S, key[4]);
            IntVector h5 = IntVector.broadcast(S, key[5]);
            IntVector h6 = IntVector.broadcast(S, key[6]);
            IntVector h7 = IntVector.broadcast(S, key[7]);
            IntVector counterLow = IntVector.broadcast(S, (int) counter).add(LANE);
            IntVector counterHigh =
                    IntVector.broadcast(S, (int) (counter >>> 32)).add(ONE, counterLow.compare(ULT, (int) counter));
            for (int b = 0; b < BLOCKS; b++) {
                transpose(in, off + b * BLOCK_LEN, msg);
                IntVector m0 = IntVector.fromArray(S, msg, 0);
                IntVector m1 = IntVector.fromArray(S, msg, 8);
                IntVector m2 = IntVector.fromArray(S, msg, 16);
                IntVector m3 = IntVector.fromArray(S, msg, 24);
                IntVector m4 = IntVector.fromArray(S, msg, 32);
                IntVector m5 = IntVector.fromArray(S, msg, 40);
                IntVector m6 = IntVector.fromArray(S, msg, 48);
                IntVector m7 = IntVector.fromArray(S, msg, 56);
                IntVector m8 = IntVector.fromArray(S, msg, 64);
                IntVector m9 = IntVector.fromArray(S, msg, 72);
                IntVector m10 = IntVector.fromArray(S, msg, 80);
                IntVector m11 = IntVector.fromArray(S, msg, 88);
                IntVector m12 = IntVector.fromArray(S, msg, 96);
                IntVector m13 = IntVector.fromArray(S, msg, 104);
                IntVector m14 = IntVector.fromArray(S, msg, 112);
                IntVector m15 = IntVector.fromArray(S, msg, 120);
                IntVector v0 = h0;
                IntVector v1 = h1;
                IntVector v2 = h2;
                IntVector v3 = h3;
                IntVector v4 = h4;
                IntVector v5 = h5;
                IntVector v6 = h6;
                IntVector v7 = h7;
                // broadcast here, not read from static final vectors: see the class comment
                IntVector v8 = IntVector.broadcast(S, IV0);
                IntVector v9 = IntVector.broadcast(S, IV1);
                IntVector v10 = IntVector.broadcast(S, IV2);
                IntVector v11 = IntVector.broadcast(S, IV3);
                IntVector v12 = counterLow;
                IntVector v13 = counterHigh;
                IntVector v14 = IntVector.broadcast(S, BLOCK_LEN);
                IntVector v15 = IntVector.broadcast(S, blockFlags(flags, b));
                for (int round = 0; round < 7; round++) {
                    // the columns
                    v0 = v0.add(v4).add(m0);
                    v12 = v12.lanewise(XOR, v0)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v8 = v8.add(v12);
                    v4 = v4.lanewise(XOR, v8).lanewise(ROR, 12);
                    v0 = v0.add(v4).add(m1);
                    v12 = v12.lanewise(XOR, v0)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v8 = v8.add(v12);
                    v4 = v4.lanewise(XOR, v8).lanewise(ROR, 7);
                    v1 = v1.add(v5).add(m2);
                    v13 = v13.lanewise(XOR, v1)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v9 = v9.add(v13);
                    v5 = v5.lanewise(XOR, v9).lanewise(ROR, 12);
                    v1 = v1.add(v5).add(m3);
                    v13 = v13.lanewise(XOR, v1)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v9 = v9.add(v13);
                    v5 = v5.lanewise(XOR, v9).lanewise(ROR, 7);
                    v2 = v2.add(v6).add(m4);
                    v14 = v14.lanewise(XOR, v2)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v10 = v10.add(v14);
                    v6 = v6.lanewise(XOR, v10).lanewise(ROR, 12);
                    v2 = v2.add(v6).add(m5);
                    v14 = v14.lanewise(XOR, v2)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v10 = v10.add(v14);
                    v6 = v6.lanewise(XOR, v10).lanewise(ROR, 7);
                    v3 = v3.add(v7).add(m6);
                    v15 = v15.lanewise(XOR, v3)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v11 = v11.add(v15);
                    v7 = v7.lanewise(XOR, v11).lanewise(ROR, 12);
                    v3 = v3.add(v7).add(m7);
                    v15 = v15.lanewise(XOR, v3)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v11 = v11.add(v15);
                    v7 = v7.lanewise(XOR, v11).lanewise(ROR, 7);
                    // the diagonals
                    v0 = v0.add(v5).add(m8);
                    v15 = v15.lanewise(XOR, v0)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v10 = v10.add(v15);
                    v5 = v5.lanewise(XOR, v10).lanewise(ROR, 12);
                    v0 = v0.add(v5).add(m9);
                    v15 = v15.lanewise(XOR, v0)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v10 = v10.add(v15);
                    v5 = v5.lanewise(XOR, v10).lanewise(ROR, 7);
                    v1 = v1.add(v6).add(m10);
                    v12 = v12.lanewise(XOR, v1)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v11 = v11.add(v12);
                    v6 = v6.lanewise(XOR, v11).lanewise(ROR, 12);
                    v1 = v1.add(v6).add(m11);
                    v12 = v12.lanewise(XOR, v1)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v11 = v11.add(v12);
                    v6 = v6.lanewise(XOR, v11).lanewise(ROR, 7);
                    v2 = v2.add(v7).add(m12);
                    v13 = v13.lanewise(XOR, v2)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v8 = v8.add(v13);
                    v7 = v7.lanewise(XOR, v8).lanewise(ROR, 12);
                    v2 = v2.add(v7).add(m13);
                    v13 = v13.lanewise(XOR, v2)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v8 = v8.add(v13);
                    v7 = v7.lanewise(XOR, v8).lanewise(ROR, 7);
                    v3 = v3.add(v4).add(m14);
                    v14 = v14.lanewise(XOR, v3)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE16)
                            .reinterpretAsInts();
                    v9 = v9.add(v14);
                    v4 = v4.lanewise(XOR, v9).lanewise(ROR, 12);
                    v3 = v3.add(v4).add(m15);
                    v14 = v14.lanewise(XOR, v3)
                            .reinterpretAsBytes()
                            .rearrange(ROTATE8)
                            .reinterpretAsInts();
                    v9 = v9.add(v14);
                    v4 = v4.lanewise(XOR, v9).lanewise(ROR, 7);
                    // the message permutation, as Blake3's: two cycles of 8
                    IntVector t = m0;
                    m0 = m2;
                    m2 = m3;
                    m3 = m10;
                    m10 = m12;
                    m12 = m9;
                    m9 = m11;
                    m11 = m5;
                    m5 = t;
                    t = m1;
                    m1 = m6;
                    m6 = m4;
                    m4 = m7;
                    m7 = m13;
                    m13 = m14;
                    m14 = m15;
                    m15 = m8;
                    m8 = t;
                }
                h0 = v0.lanewise(XOR, v8);
                h1 = v1.lanewise(XOR, v9);
                h2 = v2.lanewise(XOR, v10);
                h3 = v3.lanewise(XOR, v11);
                h4 = v4.lanewise(XOR, v12);
                h5 = v5.lanewise(XOR, v13);
                h6 = v6.lanewise(XOR, v14);
                h7 = v7.lanewise(XOR, v15);
            }
            h0.intoArray(msg, 0);
            h1.intoArray(msg, 8);
            h2.intoArray(msg, 16);
            h3.intoArray(msg, 24);
            h4.intoArray(msg, 32);
            h5.intoArray(msg, 40);
            h6.intoArray(msg, 48);
            h7.intoArray(msg, 56);
            storeChainingValues(msg, 8, cvs, cvsOff);
        }
    }
}
