package dev.arsenal.spi.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The Poly1305 one-time authenticator of RFC 8439, section 2.5: a 32-byte one-time key (r, clamped,
 * and s) and a 16-byte tag. The accumulator is kept as five 26-bit limbs in {@code long}s, as
 * poly1305-donna's 32-bit code keeps it: every product of a limb and a limb of r (times 5 where it
 * wraps past 2<sup>130</sup>) stays below 2<sup>59</sup>, so a block costs 25 multiplications and
 * no carry detection. The reduction and the final subtraction of p run without branches on the
 * accumulator.
 *
 * <pre>
 * a 16-byte block m, read as lo (bytes 0-7) and hi (bytes 8-15), little-endian:
 *   limb 0: lo bits 0-25   limb 1: lo 26-51   limb 2: lo 52-63 | hi 0-13
 *   limb 3: hi 14-39       limb 4: hi 40-63, and bit 24 of limb 4 = 2^128 (the pad bit)
 * </pre>
 *
 * <p>Long inputs can run on a {@link BlockBatch} (the SIMD provider's vector kernel), which absorbs
 * groups of blocks in parallel lanes with powers of r; its result is the same accumulator.
 *
 * <p>One instance authenticates one message; not thread-safe. {@link ChaCha20Poly1305} feeds it the
 * associated data and the ciphertext each zero-padded to 16 bytes ({@link #updatePadded}), then
 * the lengths ({@link #updateLengths}).
 */
public final class Poly1305 {
    /** Bytes in a one-time key, {@value}. */
    public static final int KEY_LEN = 32;

    /** Bytes in a tag, {@value}. */
    public static final int TAG_LEN = 16;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M26 = 0x3ffffff;
    private static final long PAD_BIT = 1L << 24;

    private final long r0, r1, r2, r3, r4;
    private final long s1, s2, s3, s4;
    private final long keyS0, keyS1;
    private final BlockBatch batch;
    private long[] powers;
    private long h0, h1, h2, h3, h4;

    /**
     * Blocks absorbed {@link #degree()} at a time in parallel lanes, the way Goll and Gueron
     * vectorize Poly1305 ("Vectorization of Poly1305 message authentication code", 2015): lane j
     * takes blocks j, j + d, j + 2d, ...; each group multiplies the lanes by r<sup>d</sup>, the last
     * one lane j by r<sup>d - j</sup>, and the lanes' sum is the accumulator the scalar code would
     * have after the same blocks. Field elements are five 26-bit limbs, as in {@link Poly1305}.
     */
    public interface BlockBatch {
        /** The blocks absorbed at once. */
        int degree();

        /**
         * Absorbs {@code groups * degree()} whole 16-byte blocks of {@code in} from {@code off}, each
         * with the 2<sup>128</sup> pad bit, into the accumulator {@code h} (five limbs, read and
         * written back, each below 2<sup>27</sup>).
         *
         * @param powers r<sup>1</sup> to r<sup>degree()</sup>, five limbs each, r<sup>k</sup> from
         *     {@code 5 * (k - 1)}
         */
        void absorb(long[] h, long[] powers, byte[] in, int off, int groups);
    }

    /** An authenticator with the one-time key of 32 bytes of {@code key} from {@code off}. */
    public Poly1305(byte[] key, int off) {
        this(key, off, null);
    }

    /**
     * An authenticator with the one-time key of 32 bytes of {@code key} from {@code off}, absorbing
     * runs of at least two groups of blocks on {@code batch} (none when {@code null}).
     */
    public Poly1305(byte[] key, int off, BlockBatch batch) {
        this.batch = batch;
        Objects.checkFromIndexSize(off, KEY_LEN, key.length);
        long lo = (long) LONG.get(key, off) & 0x0ffffffc0fffffffL;
        long hi = (long) LONG.get(key, off + 8) & 0x0ffffffc0ffffffcL;
        r0 = lo & M26;
        r1 = (lo >>> 26) & M26;
        r2 = ((lo >>> 52) | (hi << 12)) & M26;
        r3 = (hi >>> 14) & M26;
        r4 = hi >>> 40;
        s1 = r1 * 5;
        s2 = r2 * 5;
        s3 = r3 * 5;
        s4 = r4 * 5;
        keyS0 = (long) LONG.get(key, off + 16);
        keyS1 = (long) LONG.get(key, off + 24);
    }

    /**
     * Absorbs {@code len} bytes of {@code in} from {@code off} as whole blocks, the last one filled
     * up to 16 bytes with zeros (RFC 8439's {@code pad16}, section 2.8): nothing for 0 bytes.
     */
    public void updatePadded(byte[] in, int off, int len) {
        Objects.checkFromIndexSize(off, len, in.length);
        int whole = len & ~15;
        int done = 0;
        if (batch != null && whole >= 2 * 16 * batch.degree()) {
            done = batched(in, off, whole);
        }
        blocks(in, off + done, whole - done, PAD_BIT);
        if (whole < len) {
            byte[] last = new byte[16];
            System.arraycopy(in, off + whole, last, 0, len - whole);
            blocks(last, 0, 16, PAD_BIT);
        }
    }

    /** Absorbs the whole groups of {@code len} bytes on the batch; returns the bytes absorbed. */
    private int batched(byte[] in, int off, int len) {
        int d = batch.degree();
        if (powers == null) {
            powers = powersOfR(d);
        }
        int groups = len / (16 * d);
        long[] h = {h0, h1, h2, h3, h4};
        batch.absorb(h, powers, in, off, groups);
        h0 = h[0];
        h1 = h[1];
        h2 = h[2];
        h3 = h[3];
        h4 = h[4];
        return groups * 16 * d;
    }

    /** r<sup>1</sup> to r<sup>n</sup>, five limbs each, every limb below 2<sup>26</sup> + 2<sup>12</sup>. */
    private long[] powersOfR(int n) {
        long[] p = new long[5 * n];
        p[0] = r0;
        p[1] = r1;
        p[2] = r2;
        p[3] = r3;
        p[4] = r4;
        for (int k = 1; k < n; k++) {
            int a = 5 * (k - 1);
            long a0 = p[a], a1 = p[a + 1], a2 = p[a + 2], a3 = p[a + 3], a4 = p[a + 4];
            long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
            long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
            long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
            long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
            long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
            d1 += d0 >>> 26;
            d2 += d1 >>> 26;
            d3 += d2 >>> 26;
            d4 += d3 >>> 26;
            long c0 = (d0 & M26) + (d4 >>> 26) * 5;
            p[5 * k + 1] = (d1 & M26) + (c0 >>> 26);
            p[5 * k] = c0 & M26;
            p[5 * k + 2] = d2 & M26;
            p[5 * k + 3] = d3 & M26;
            p[5 * k + 4] = d4 & M26;
        }
        return p;
    }

    /** Absorbs the block of the two lengths, little-endian 64-bit words (section 2.8). */
    public void updateLengths(long associatedDataLength, long ciphertextLength) {
        byte[] b = new byte[16];
        LONG.set(b, 0, associatedDataLength);
        LONG.set(b, 8, ciphertextLength);
        blocks(b, 0, 16, PAD_BIT);
    }

    /**
     * Absorbs the whole message of {@code len} bytes: its whole blocks, then the last partial one
     * padded as section 2.5 pads it (a 1 byte, then zeros, and no 2<sup>128</sup>).
     */
    public void updateFinal(byte[] in, int off, int len) {
        Objects.checkFromIndexSize(off, len, in.length);
        int whole = len & ~15;
        blocks(in, off, whole, PAD_BIT);
        if (whole < len) {
            byte[] last = new byte[16];
            System.arraycopy(in, off + whole, last, 0, len - whole);
            last[len - whole] = 1;
            blocks(last, 0, 16, 0);
        }
    }

    /** Absorbs {@code len} (a multiple of 16) bytes as blocks, each with {@code padBit} above its 128 bits. */
    private void blocks(byte[] in, int off, int len, long padBit) {
        long h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3, h4 = this.h4;
        final long r0 = this.r0, r1 = this.r1, r2 = this.r2, r3 = this.r3, r4 = this.r4;
        final long s1 = this.s1, s2 = this.s2, s3 = this.s3, s4 = this.s4;
        for (int p = off, end = off + len; p < end; p += 16) {
            long lo = (long) LONG.get(in, p);
            long hi = (long) LONG.get(in, p + 8);
            h0 += lo & M26;
            h1 += (lo >>> 26) & M26;
            h2 += ((lo >>> 52) | (hi << 12)) & M26;
            h3 += (hi >>> 14) & M26;
            h4 += (hi >>> 40) | padBit;
            long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
            long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
            long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
            long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
            long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
            d1 += d0 >>> 26;
            d2 += d1 >>> 26;
            d3 += d2 >>> 26;
            d4 += d3 >>> 26;
            h0 = (d0 & M26) + (d4 >>> 26) * 5;
            h1 = (d1 & M26) + (h0 >>> 26);
            h0 &= M26;
            h2 = d2 & M26;
            h3 = d3 & M26;
            h4 = d4 & M26;
        }
        this.h0 = h0;
        this.h1 = h1;
        this.h2 = h2;
        this.h3 = h3;
        this.h4 = h4;
    }

    /**
     * Carries the five limbs of {@code h} (each below 2<sup>62</sup>) all the way round, in place:
     * every limb then below 2<sup>26</sup> but the second (below 2<sup>26</sup> + 2<sup>37</sup> at
     * most, and below 2<sup>26</sup> + 2<sup>12</sup> when the limbs were below 2<sup>38</sup>).
     */
    public static void carry(long[] h) {
        h[1] += h[0] >>> 26;
        h[0] &= M26;
        h[2] += h[1] >>> 26;
        h[1] &= M26;
        h[3] += h[2] >>> 26;
        h[2] &= M26;
        h[4] += h[3] >>> 26;
        h[3] &= M26;
        h[0] += (h[4] >>> 26) * 5;
        h[4] &= M26;
        h[1] += h[0] >>> 26;
        h[0] &= M26;
    }

    /** Writes the 16-byte tag to {@code out} from {@code off}; the instance is spent. */
    public void finish(byte[] out, int off) {
        Objects.checkFromIndexSize(off, TAG_LEN, out.length);
        long[] h = {this.h0, this.h1, this.h2, this.h3, this.h4};
        carry(h);
        carry(h); // the second limb below 2^26 too
        long h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4];
        // g = h + 5 - 2^130: negative (h < p) keeps h, else g = h - p
        long g0 = h0 + 5;
        long g1 = h1 + (g0 >>> 26);
        g0 &= M26;
        long g2 = h2 + (g1 >>> 26);
        g1 &= M26;
        long g3 = h3 + (g2 >>> 26);
        g2 &= M26;
        long g4 = h4 + (g3 >>> 26) - (1L << 26);
        g3 &= M26;
        long keep = g4 >> 63; // all ones when h < p
        h0 = (h0 & keep) | (g0 & ~keep);
        h1 = (h1 & keep) | (g1 & ~keep);
        h2 = (h2 & keep) | (g2 & ~keep);
        h3 = (h3 & keep) | (g3 & ~keep);
        h4 = (h4 & keep) | (g4 & M26 & ~keep);
        long lo = h0 | (h1 << 26) | (h2 << 52);
        long hi = (h2 >>> 12) | (h3 << 14) | (h4 << 40);
        long tagLo = lo + keyS0;
        long carry = ((lo & keyS0) | ((lo | keyS0) & ~tagLo)) >>> 63;
        long tagHi = hi + keyS1 + carry;
        LONG.set(out, off, tagLo);
        LONG.set(out, off + 8, tagHi);
        this.h0 = this.h1 = this.h2 = this.h3 = this.h4 = 0;
    }

    /** The tag of {@code message} under the one-time {@code key} (32 bytes). */
    public static byte[] mac(byte[] key, byte[] message) {
        Poly1305 p = new Poly1305(key, 0);
        p.updateFinal(message, 0, message.length);
        byte[] tag = new byte[TAG_LEN];
        p.finish(tag, 0);
        return tag;
    }
}
