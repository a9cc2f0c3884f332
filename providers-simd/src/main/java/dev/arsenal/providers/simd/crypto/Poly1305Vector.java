package dev.arsenal.providers.simd.crypto;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;

import dev.arsenal.spi.crypto.Poly1305;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Poly1305's blocks absorbed in parallel lanes of 64-bit integers on the Vector API: 8 blocks per
 * group with 512-bit vectors ({@link Wide}), 4 with 256-bit ones ({@link Narrow}). A {@link
 * Poly1305.BlockBatch}: lane j takes blocks j, j + d, j + 2d ... of the run, each group is
 * multiplied by r<sup>d</sup> and the last by r<sup>d - j</sup> in lane j, and the lanes' sum is
 * the accumulator (Goll and Gueron's vectorization, the one OpenSSL's and the JDK's AVX code use).
 *
 * <p>An element is five 26-bit limbs, one vector per limb: a limb times a multiplier (below
 * 2<sup>29</sup> with the factor 5) stays below 2<sup>56</sup>, and a sum of five below
 * 2<sup>59</sup>, so the 25 products of a group are plain 64-bit lane multiplications with no carry
 * between lanes. A group's blocks come in as (lo, hi) pairs of longs and are split into the even
 * and the odd longs with two {@code selectFrom}s.
 *
 * <p>Written for C2 by the rules {@link Blake3Vector} measured: the state in local vectors, one
 * loop whose body has no helper method around a vector expression, no vector read from a {@code
 * static final} field. Loaded only where {@code jdk.incubator.vector} is readable. Stateless.
 */
public final class Poly1305Vector implements Poly1305.BlockBatch {
    private static final long M26 = 0x3ffffff;
    private static final long PAD_BIT = 1L << 24;

    private final int bits;

    private Poly1305Vector(int bits) {
        this.bits = bits;
    }

    /**
     * The widest kernel of at most {@code maxBits} that is not wider than the Vector API's preferred
     * shape: 512 bits (8 blocks per group) or 256 (4).
     *
     * @throws IllegalArgumentException if that leaves less than 256 bits
     */
    public static Poly1305Vector create(int maxBits) {
        return new Poly1305Vector(Transpose.kernelBits(maxBits, "Poly1305 vector kernel", ""));
    }

    /** The vector size in bits: 512 or 256. */
    public int bits() {
        return bits;
    }

    @Override
    public int degree() {
        return bits / 64;
    }

    @Override
    public void absorb(long[] h, long[] powers, byte[] in, int off, int groups) {
        Objects.checkFromIndexSize(0, 5, h.length);
        Objects.checkFromIndexSize(0, 5L * degree(), powers.length);
        Objects.checkFromIndexSize(off, 16L * degree() * groups, in.length);
        if (groups == 0) {
            return;
        }
        if (bits == 512) {
            Wide.absorb(h, powers, in, off, groups);
        } else {
            Narrow.absorb(h, powers, in, off, groups);
        }
    }

    @Override
    public String toString() {
        return "Poly1305 in " + degree() + " lanes of " + bits + "-bit LongVectors";
    }

    /** The lanes' sums, carried (each limb below 2^26 but the second, below 2^26 + 2^12). */
    private static void store(long[] h, long h0, long h1, long h2, long h3, long h4) {
        h[0] = h0;
        h[1] = h1;
        h[2] = h2;
        h[3] = h3;
        h[4] = h4;
        Poly1305.carry(h);
    }

    /** 8 lanes of 512-bit vectors. */
    static final class Wide {
        private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

        private Wide() {}

        /** As {@link Poly1305Vector#absorb}, for 8 lanes. */
        static void absorb(long[] h, long[] pw, byte[] in, int off, int groups) {
            int lanes = 8;
            // lanes j of the last group's multipliers: r^(lanes - j)
            long[] limb = new long[lanes];
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j)];
            }
            LongVector last0 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 1];
            }
            LongVector last1 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 2];
            }
            LongVector last2 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 3];
            }
            LongVector last3 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 4];
            }
            LongVector last4 = LongVector.fromArray(S, limb, 0);
            // every other group: r^lanes in every lane
            int top = 5 * (lanes - 1);
            LongVector q0 = LongVector.broadcast(S, pw[top]);
            LongVector q1 = LongVector.broadcast(S, pw[top + 1]);
            LongVector q2 = LongVector.broadcast(S, pw[top + 2]);
            LongVector q3 = LongVector.broadcast(S, pw[top + 3]);
            LongVector q4 = LongVector.broadcast(S, pw[top + 4]);
            LongVector even = LongVector.zero(S).addIndex(2);
            LongVector odd = even.add(1);
            // the accumulator so far enters lane 0
            LongVector h0 = LongVector.zero(S).withLane(0, h[0]);
            LongVector h1 = LongVector.zero(S).withLane(0, h[1]);
            LongVector h2 = LongVector.zero(S).withLane(0, h[2]);
            LongVector h3 = LongVector.zero(S).withLane(0, h[3]);
            LongVector h4 = LongVector.zero(S).withLane(0, h[4]);
            int p = off;
            for (int g = 0; g < groups; g++, p += 16 * lanes) {
                if (g == groups - 1) {
                    q0 = last0;
                    q1 = last1;
                    q2 = last2;
                    q3 = last3;
                    q4 = last4;
                }
                // 5 q, where a product wraps past 2^130
                LongVector t1 = q1.add(q1.lanewise(LSHL, 2));
                LongVector t2 = q2.add(q2.lanewise(LSHL, 2));
                LongVector t3 = q3.add(q3.lanewise(LSHL, 2));
                LongVector t4 = q4.add(q4.lanewise(LSHL, 2));
                // blocks g * lanes + j, as (lo, hi) pairs: lo in the even longs, hi in the odd
                LongVector a = ByteVector.fromArray(B, in, p).reinterpretAsLongs();
                LongVector b = ByteVector.fromArray(B, in, p + 8 * lanes).reinterpretAsLongs();
                LongVector lo = even.selectFrom(a, b);
                LongVector hi = odd.selectFrom(a, b);
                h0 = h0.add(lo.lanewise(AND, M26));
                h1 = h1.add(lo.lanewise(LSHR, 26).lanewise(AND, M26));
                h2 = h2.add(lo.lanewise(LSHR, 52)
                        .lanewise(OR, hi.lanewise(LSHL, 12))
                        .lanewise(AND, M26));
                h3 = h3.add(hi.lanewise(LSHR, 14).lanewise(AND, M26));
                h4 = h4.add(hi.lanewise(LSHR, 40).lanewise(OR, PAD_BIT));
                LongVector d0 = h0.mul(q0)
                        .add(h1.mul(t4))
                        .add(h2.mul(t3))
                        .add(h3.mul(t2))
                        .add(h4.mul(t1));
                LongVector d1 = h0.mul(q1)
                        .add(h1.mul(q0))
                        .add(h2.mul(t4))
                        .add(h3.mul(t3))
                        .add(h4.mul(t2));
                LongVector d2 = h0.mul(q2)
                        .add(h1.mul(q1))
                        .add(h2.mul(q0))
                        .add(h3.mul(t4))
                        .add(h4.mul(t3));
                LongVector d3 = h0.mul(q3)
                        .add(h1.mul(q2))
                        .add(h2.mul(q1))
                        .add(h3.mul(q0))
                        .add(h4.mul(t4));
                LongVector d4 = h0.mul(q4)
                        .add(h1.mul(q3))
                        .add(h2.mul(q2))
                        .add(h3.mul(q1))
                        .add(h4.mul(q0));
                d1 = d1.add(d0.lanewise(LSHR, 26));
                d2 = d2.add(d1.lanewise(LSHR, 26));
                d3 = d3.add(d2.lanewise(LSHR, 26));
                d4 = d4.add(d3.lanewise(LSHR, 26));
                LongVector c = d4.lanewise(LSHR, 26);
                h0 = d0.lanewise(AND, M26).add(c.add(c.lanewise(LSHL, 2)));
                h1 = d1.lanewise(AND, M26).add(h0.lanewise(LSHR, 26));
                h0 = h0.lanewise(AND, M26);
                h2 = d2.lanewise(AND, M26);
                h3 = d3.lanewise(AND, M26);
                h4 = d4.lanewise(AND, M26);
            }
            store(
                    h,
                    h0.reduceLanes(ADD),
                    h1.reduceLanes(ADD),
                    h2.reduceLanes(ADD),
                    h3.reduceLanes(ADD),
                    h4.reduceLanes(ADD));
        }
    }

    /** 4 lanes of 256-bit vectors. */
    static final class Narrow {
        private static final VectorSpecies<Long> S = LongVector.SPECIES_256;
        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;

        private Narrow() {}

        /** As {@link Poly1305Vector#absorb}, for 4 lanes. */
        static void absorb(long[] h, long[] pw, byte[] in, int off, int groups) {
            int lanes = 4;
            // lanes j of the last group's multipliers: r^(lanes - j)
            long[] limb = new long[lanes];
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j)];
            }
            LongVector last0 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 1];
            }
            LongVector last1 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 2];
            }
            LongVector last2 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 3];
            }
            LongVector last3 = LongVector.fromArray(S, limb, 0);
            for (int j = 0; j < lanes; j++) {
                limb[j] = pw[5 * (lanes - 1 - j) + 4];
            }
            LongVector last4 = LongVector.fromArray(S, limb, 0);
            // every other group: r^lanes in every lane
            int top = 5 * (lanes - 1);
            LongVector q0 = LongVector.broadcast(S, pw[top]);
            LongVector q1 = LongVector.broadcast(S, pw[top + 1]);
            LongVector q2 = LongVector.broadcast(S, pw[top + 2]);
            LongVector q3 = LongVector.broadcast(S, pw[top + 3]);
            LongVector q4 = LongVector.broadcast(S, pw[top + 4]);
            LongVector even = LongVector.zero(S).addIndex(2);
            LongVector odd = even.add(1);
            // the accumulator so far enters lane 0
            LongVector h0 = LongVector.zero(S).withLane(0, h[0]);
            LongVector h1 = LongVector.zero(S).withLane(0, h[1]);
            LongVector h2 = LongVector.zero(S).withLane(0, h[2]);
            LongVector h3 = LongVector.zero(S).withLane(0, h[3]);
            LongVector h4 = LongVector.zero(S).withLane(0, h[4]);
            int p = off;
            for (int g = 0; g < groups; g++, p += 16 * lanes) {
                if (g == groups - 1) {
                    q0 = last0;
                    q1 = last1;
                    q2 = last2;
                    q3 = last3;
                    q4 = last4;
                }
                // 5 q, where a product wraps past 2^130
                LongVector t1 = q1.add(q1.lanewise(LSHL, 2));
                LongVector t2 = q2.add(q2.lanewise(LSHL, 2));
                LongVector t3 = q3.add(q3.lanewise(LSHL, 2));
                LongVector t4 = q4.add(q4.lanewise(LSHL, 2));
                // blocks g * lanes + j, as (lo, hi) pairs: lo in the even longs, hi in the odd
                LongVector a = ByteVector.fromArray(B, in, p).reinterpretAsLongs();
                LongVector b = ByteVector.fromArray(B, in, p + 8 * lanes).reinterpretAsLongs();
                LongVector lo = even.selectFrom(a, b);
                LongVector hi = odd.selectFrom(a, b);
                h0 = h0.add(lo.lanewise(AND, M26));
                h1 = h1.add(lo.lanewise(LSHR, 26).lanewise(AND, M26));
                h2 = h2.add(lo.lanewise(LSHR, 52)
                        .lanewise(OR, hi.lanewise(LSHL, 12))
                        .lanewise(AND, M26));
                h3 = h3.add(hi.lanewise(LSHR, 14).lanewise(AND, M26));
                h4 = h4.add(hi.lanewise(LSHR, 40).lanewise(OR, PAD_BIT));
                LongVector d0 = h0.mul(q0)
                        .add(h1.mul(t4))
                        .add(h2.mul(t3))
                        .add(h3.mul(t2))
                        .add(h4.mul(t1));
                LongVector d1 = h0.mul(q1)
                        .add(h1.mul(q0))
                        .add(h2.mul(t4))
                        .add(h3.mul(t3))
                        .add(h4.mul(t2));
                LongVector d2 = h0.mul(q2)
                        .add(h1.mul(q1))
                        .add(h2.mul(q0))
                        .add(h3.mul(t4))
                        .add(h4.mul(t3));
                LongVector d3 = h0.mul(q3)
                        .add(h1.mul(q2))
                        .add(h2.mul(q1))
                        .add(h3.mul(q0))
                        .add(h4.mul(t4));
                LongVector d4 = h0.mul(q4)
                        .add(h1.mul(q3))
                        .add(h2.mul(q2))
                        .add(h3.mul(q1))
                        .add(h4.mul(q0));
                d1 = d1.add(d0.lanewise(LSHR, 26));
                d2 = d2.add(d1.lanewise(LSHR, 26));
                d3 = d3.add(d2.lanewise(LSHR, 26));
                d4 = d4.add(d3.lanewise(LSHR, 26));
                LongVector c = d4.lanewise(LSHR, 26);
                h0 = d0.lanewise(AND, M26).add(c.add(c.lanewise(LSHL, 2)));
                h1 = d1.lanewise(AND, M26).add(h0.lanewise(LSHR, 26));
                h0 = h0.lanewise(AND, M26);
                h2 = d2.lanewise(AND, M26);
                h3 = d3.lanewise(AND, M26);
                h4 = d4.lanewise(AND, M26);
            }
            store(
                    h,
                    h0.reduceLanes(ADD),
                    h1.reduceLanes(ADD),
                    h2.reduceLanes(ADD),
                    h3.reduceLanes(ADD),
                    h4.reduceLanes(ADD));
        }
    }
}
