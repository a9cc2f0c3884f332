package dev.arsenal.spi.hashing;

import static dev.arsenal.spi.hashing.ByteOrderAccess.getInt;
import static dev.arsenal.spi.hashing.ByteOrderAccess.getLong;

import dev.arsenal.hashing.Hash128;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The scalar half of XXH3, shared by every XXH3 provider (the pure-Java one and the Vector API
 * one): constants, the default secret and the one derived from a seed, the short paths of up to
 * 240 bytes for {@code byte[]} and {@link MemorySegment} input, the scalar stripe loop, the merge
 * of the accumulators, and the streaming state of the reference ({@code XXH3_state_t}). A provider
 * differs from another only in how it accumulates stripes of long inputs: it passes a {@link
 * StripeAccumulator} to the stream and calls its own long-input loop where {@link #hash64(byte[],
 * int, int, long, Secret)} calls the scalar one.
 *
 * <p>Bit-exact with xxHash 0.8 ({@code XXH3_64bits_withSeed}, {@code XXH3_128bits_withSeed} and
 * their streaming {@code XXH3_update} / {@code XXH3_digest}).
 *
 * <p>The algorithm, for the reader: inputs of up to 240 bytes take one of four short paths (0-16,
 * 17-128, 129-240 bytes) keyed by the default secret plus the seed. Longer inputs run the stripe
 * loop: 64-byte stripes into eight 64-bit accumulators, sixteen stripes to a block, a scramble
 * after each block, then a last stripe that overlaps the end of the input, and a merge of the
 * accumulators. A non-zero seed replaces the secret of the stripe loop with one derived from it
 * ({@code XXH3_initCustomSecret}); a hasher derives it once, when made ({@link Secret#forSeed}).
 * For more than 240 bytes the 128-bit result's low half equals the 64-bit result: both widths run
 * the same loop and differ in the merge.
 *
 * <pre>
 * one stripe (64 bytes = 8 lanes of 8 bytes), lane i of stripe j of the current block:
 *   d      = data[i]                     key = secret word (j + i)
 *   dk     = d ^ key
 *   acc[i] += data[i ^ 1] + lo32(dk) * hi32(dk)          (32x32 -> 64, unsigned)
 * after 16 stripes (a block):
 *   acc[i] = (acc[i] ^ (acc[i] >>> 47) ^ secret word (16 + i)) * PRIME32_1
 * </pre>
 *
 * <p>Every mixing step is a static method on values already read; the {@code byte[]} and {@link
 * MemorySegment} paths repeat only the reads.
 */
public final class Xxh3Core {
    /** {@code XXH_PRIME32_1}. */
    public static final long P32_1 = 0x9E3779B1L;
    /** {@code XXH_PRIME32_2}. */
    public static final long P32_2 = 0x85EBCA77L;
    /** {@code XXH_PRIME32_3}. */
    public static final long P32_3 = 0xC2B2AE3DL;
    /** {@code XXH_PRIME64_1}. */
    public static final long P64_1 = 0x9E3779B185EBCA87L;
    /** {@code XXH_PRIME64_2}. */
    public static final long P64_2 = 0xC2B2AE3D27D4EB4FL;
    /** {@code XXH_PRIME64_3}. */
    public static final long P64_3 = 0x165667B19E3779F9L;
    /** {@code XXH_PRIME64_4}. */
    public static final long P64_4 = 0x85EBCA77C2B2AE63L;
    /** {@code XXH_PRIME64_5}. */
    public static final long P64_5 = 0x27D4EB2F165667C5L;

    private static final long M32 = 0xFFFFFFFFL;

    /** Inputs up to this many bytes take the short paths; longer ones the stripe loop. */
    public static final int MIDSIZE_MAX = 240;

    /** Bytes in a stripe: eight 64-bit lanes. */
    public static final int STRIPE = 64;

    /** Stripes in a block, after which the accumulators are scrambled: (secret size 192 - 64) / 8. */
    public static final int STRIPES_PER_BLOCK = 16;

    /** {@code XXH3_INTERNALBUFFER_SIZE}: the stream's buffer, four stripes. */
    private static final int BUFFER = 256;

    /** Bytes a stream copies at a time from a segment that is not over a {@code byte[]}. */
    private static final int CHUNK = 4096;

    private static final ValueLayout.OfLong LONG_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** {@code XXH3_kSecret}, the 192-byte default secret. */
    private static final byte[] K = HexFormat.of()
            .parseHex("b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671f"
                    + "cb79e64eccc0e578825ad07dccff7221b8084674f743248ee03590e6813a264c"
                    + "3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8"
                    + "a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364"
                    + "eac5ac8334d3ebc3c581a0fffa1363eb170ddd51b7f0da49d316552629d4689e"
                    + "2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e");

    /** The stripe accumulation of this class: eight lanes in scalar code. */
    public static final StripeAccumulator SCALAR = new ScalarAccumulator();

    private Xxh3Core() {}

    /**
     * The secret of the stripe loop, read ahead into the words each step uses: the stripe keys at
     * every 8 bytes (stripe {@code j} lane {@code i} uses word {@code j + i}, the scramble words
     * 16..23), and the unaligned words of the last stripe (from byte 121) and of the two merges
     * (from bytes 11 and 117). Immutable: the arrays the accessors return are shared and must not
     * be written.
     */
    public static final class Secret {
        /** The default secret, which seed 0 uses. */
        public static final Secret DEFAULT = new Secret(K);

        /** Where the last stripe's keys start in {@link #stripeKeys()}. */
        public static final int LAST_STRIPE_KEYS = 24;

        private final long[] stripe = new long[32];
        private final long[] last = new long[8];
        private final long[] mergeLow = new long[8];
        private final long[] mergeHigh = new long[8];

        private Secret(byte[] raw) {
            for (int i = 0; i < 24; i++) {
                stripe[i] = getLong(raw, 8 * i);
            }
            for (int i = 0; i < 8; i++) {
                last[i] = getLong(raw, 192 - STRIPE - 7 + 8 * i);
                stripe[LAST_STRIPE_KEYS + i] = last[i];
                mergeLow[i] = getLong(raw, 11 + 8 * i);
                mergeHigh[i] = getLong(raw, 192 - 64 - 11 + 8 * i);
            }
        }

        /**
         * {@code XXH3_initCustomSecret}: the default secret with the seed added to the even words
         * and subtracted from the odd ones; the default secret itself for seed 0.
         */
        public static Secret forSeed(long seed) {
            if (seed == 0) {
                return DEFAULT;
            }
            byte[] raw = new byte[K.length];
            for (int i = 0; i < K.length; i += 16) {
                ByteOrderAccess.putLong(raw, i, ks(i) + seed);
                ByteOrderAccess.putLong(raw, i + 8, ks(i + 8) - seed);
            }
            return new Secret(raw);
        }

        /**
         * The stripe words: stripe {@code j} of a block keys its 8 lanes with words {@code j .. j +
         * 7}, the scramble with words 16..23, and words {@value #LAST_STRIPE_KEYS}..31 key the last
         * stripe (from byte 121 of the secret), so that a loop can key every stripe, the last one
         * included, from one array. Shared; do not write.
         */
        public long[] stripeKeys() {
            return stripe;
        }
    }

    /**
     * How a provider accumulates stripes of a long input ({@code XXH3_consumeStripes}
     * generalized): the only part of XXH3 worth a SIMD version. {@link #SCALAR} is the scalar one.
     */
    public interface StripeAccumulator {
        /**
         * Accumulates {@code stripes} stripes of {@code input} from {@code offset} into {@code acc},
         * scrambling whenever a block completes.
         *
         * @param acc the eight accumulators, updated in place
         * @param stripesSoFar stripes already accumulated in the current block (0..15)
         * @return the stripes in the current block afterwards (0..15)
         */
        int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret secret);
    }

    // ---- mixing steps ----

    private static long ks(int offset) {
        return getLong(K, offset);
    }

    private static long ks32(int offset) {
        return getInt(K, offset) & M32;
    }

    /** {@code XXH3_mul128_fold64}: the 128-bit product's halves xored. */
    private static long mul128fold64(long a, long b) {
        return a * b ^ Math.unsignedMultiplyHigh(a, b);
    }

    /** {@code XXH3_avalanche}. */
    private static long avalanche(long h) {
        h ^= h >>> 37;
        h *= 0x165667919E3779F9L;
        return h ^ (h >>> 32);
    }

    private static long xxh64Avalanche(long h) {
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        return h ^ (h >>> 32);
    }

    private static long rrmxmx(long h, int length) {
        h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
        h *= 0x9FB21C651E98DF25L;
        h ^= (h >>> 35) + length;
        h *= 0x9FB21C651E98DF25L;
        return h ^ (h >>> 28);
    }

    /** The seed as the 4-8 byte paths use it: its low half byte-swapped into the high half. */
    private static long swapSeed(long seed) {
        return seed ^ ((Integer.reverseBytes((int) seed) & M32) << 32);
    }

    private static long mix16B(long lo, long hi, int secretOffset, long seed) {
        return mul128fold64(lo ^ (ks(secretOffset) + seed), hi ^ (ks(secretOffset + 8) - seed));
    }

    /** The low half of {@code XXH128_mix32B} with input words {@code a} (input_1) and {@code b} (input_2). */
    private static long mix32Low(long low, long a0, long a1, long b0, long b1, int secretOffset, long seed) {
        return (low + mix16B(a0, a1, secretOffset, seed)) ^ (b0 + b1);
    }

    /** The high half of {@code XXH128_mix32B}. */
    private static long mix32High(long high, long a0, long a1, long b0, long b1, int secretOffset, long seed) {
        return (high + mix16B(b0, b1, secretOffset + 16, seed)) ^ (a0 + a1);
    }

    private static long len0(long seed) {
        return xxh64Avalanche(seed ^ (ks(56) ^ ks(64)));
    }

    private static long len1to3(int c1, int c2, int c3, int length, long seed) {
        long combined = ((c1 << 16) | (c2 << 24) | c3 | (length << 8)) & M32;
        return xxh64Avalanche(combined ^ ((ks32(0) ^ ks32(4)) + seed));
    }

    /** {@code in1}, {@code in2}: the first and last 4 bytes, unsigned. */
    private static long len4to8(long in1, long in2, int length, long seed) {
        return rrmxmx((in2 + (in1 << 32)) ^ bitflip64(seed), length);
    }

    private static long len9to16(long lo, long hi, int length, long seed) {
        lo ^= (ks(24) ^ ks(32)) + seed;
        hi ^= (ks(40) ^ ks(48)) - seed;
        return avalanche(length + Long.reverseBytes(lo) + hi + mul128fold64(lo, hi));
    }

    private static Hash128 len0x128(long seed) {
        return new Hash128(xxh64Avalanche(seed ^ (ks(80) ^ ks(88))), xxh64Avalanche(seed ^ (ks(64) ^ ks(72))));
    }

    private static Hash128 len1to3x128(int c1, int c2, int c3, int length, long seed) {
        int combinedLow = (c1 << 16) | (c2 << 24) | c3 | (length << 8);
        int combinedHigh = Integer.rotateLeft(Integer.reverseBytes(combinedLow), 13);
        long low = xxh64Avalanche((combinedLow & M32) ^ ((ks32(0) ^ ks32(4)) + seed));
        long high = xxh64Avalanche((combinedHigh & M32) ^ ((ks32(8) ^ ks32(12)) - seed));
        return new Hash128(high, low);
    }

    /** {@code keyed}: the input word (first 4 bytes low, last 4 high) xor the bitflip. */
    private static Hash128 len4to8x128(long keyed, int length) {
        long multiplier = P64_1 + ((long) length << 2);
        long low = keyed * multiplier;
        long high = Math.unsignedMultiplyHigh(keyed, multiplier);
        high += low << 1;
        low ^= high >>> 3;
        low ^= low >>> 35;
        low *= 0x9FB21C651E98DF25L;
        low ^= low >>> 28;
        return new Hash128(avalanche(high), low);
    }

    private static Hash128 len9to16x128(long lo, long hi, int length, long seed) {
        long x = lo ^ hi ^ ((ks(32) ^ ks(40)) - seed);
        long mLow = x * P64_1;
        long mHigh = Math.unsignedMultiplyHigh(x, P64_1);
        mLow += (long) (length - 1) << 54;
        hi ^= (ks(48) ^ ks(56)) + seed;
        mHigh += hi + (hi & M32) * (P32_2 - 1);
        mLow ^= Long.reverseBytes(mHigh);
        long hLow = mLow * P64_2;
        long hHigh = Math.unsignedMultiplyHigh(mLow, P64_2) + mHigh * P64_2;
        return new Hash128(avalanche(hHigh), avalanche(hLow));
    }

    private static Hash128 finish128(long low, long high, int length, long seed) {
        long h = low * P64_1 + high * P64_4 + (length - seed) * P64_2;
        return new Hash128(-avalanche(h), avalanche(low + high));
    }

    /** {@code XXH3_accumulate_512} for one lane: {@code acc[i] += data[i ^ 1] + lo32(key) * hi32(key)}. */
    private static long lane(long acc, long swapped, long dataKey) {
        return acc + swapped + (dataKey & M32) * (dataKey >>> 32);
    }

    /** {@code XXH3_scrambleAcc} for one lane. */
    private static long scramble(long acc, long key) {
        return (acc ^ (acc >>> 47) ^ key) * P32_1;
    }

    /** {@code XXH3_mergeAccs}. */
    private static long merge(
            long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, long[] m, long start) {
        long r = start
                + mul128fold64(a0 ^ m[0], a1 ^ m[1])
                + mul128fold64(a2 ^ m[2], a3 ^ m[3])
                + mul128fold64(a4 ^ m[4], a5 ^ m[5])
                + mul128fold64(a6 ^ m[6], a7 ^ m[7]);
        return avalanche(r);
    }

    private static long merge(long[] a, long[] m, long start) {
        return merge(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], m, start);
    }

    /**
     * The 64-bit result of an input of {@code length} bytes (more than 240) from the accumulators
     * after its last stripe.
     */
    public static long finishLong64(
            long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, long length, Secret secret) {
        return merge(a0, a1, a2, a3, a4, a5, a6, a7, secret.mergeLow, length * P64_1);
    }

    /**
     * The high half of the 128-bit result of an input of {@code length} bytes (more than 240) from
     * the accumulators after its last stripe; the low half is the 64-bit result ({@link
     * #finishLong64}).
     */
    public static long finishLong128High(long[] acc, long length, Secret secret) {
        return merge(acc, secret.mergeHigh, ~(length * P64_2));
    }

    /** Sets the eight accumulators to their initial values ({@code XXH3_INIT_ACC}). */
    public static void initAccumulators(long[] acc) {
        acc[0] = P32_3;
        acc[1] = P64_1;
        acc[2] = P64_2;
        acc[3] = P64_3;
        acc[4] = P64_4;
        acc[5] = P32_2;
        acc[6] = P64_5;
        acc[7] = P32_1;
    }

    // ---- primitives (hashLong / hashInt of the hashers) ----

    /** The bitflip of the 64-bit 4-8 byte path for a seed: a hasher keeps it for {@link #ofLong64}. */
    public static long bitflip64(long seed) {
        return (ks(8) ^ ks(16)) - swapSeed(seed);
    }

    /** The bitflip of the 128-bit 4-8 byte path for a seed: a hasher keeps it for {@link #ofLong128}. */
    public static long bitflip128(long seed) {
        return (ks(16) ^ ks(24)) + swapSeed(seed);
    }

    /** The 64-bit hash of the 8 little-endian bytes of {@code value}; {@code bitflip} from {@link #bitflip64}. */
    public static long ofLong64(long value, long bitflip) {
        // XXH3_len_4to8_64b: first 4 bytes (the low half) shifted up, last 4 (the high half) low
        return rrmxmx(Long.rotateLeft(value, 32) ^ bitflip, 8);
    }

    /** The 64-bit hash of the 4 little-endian bytes of {@code value}; {@code bitflip} from {@link #bitflip64}. */
    public static long ofInt64(int value, long bitflip) {
        long v = value & M32;
        return rrmxmx((v + (v << 32)) ^ bitflip, 4);
    }

    /** The 128-bit hash of the 8 little-endian bytes of {@code value}; {@code bitflip} from {@link #bitflip128}. */
    public static Hash128 ofLong128(long value, long bitflip) {
        return len4to8x128(value ^ bitflip, 8);
    }

    /** The 128-bit hash of the 4 little-endian bytes of {@code value}; {@code bitflip} from {@link #bitflip128}. */
    public static Hash128 ofInt128(int value, long bitflip) {
        long v = value & M32;
        return len4to8x128((v + (v << 32)) ^ bitflip, 4);
    }

    // ---- byte[] input ----

    /** The scalar 64-bit hash of any length. The range is not checked. */
    public static long hash64(byte[] b, int off, int len, long seed, Secret secret) {
        if (len <= MIDSIZE_MAX) {
            return hash64Short(b, off, len, seed);
        }
        return hashLong(b, off, len, secret, null);
    }

    /** The scalar 128-bit hash of any length. The range is not checked. */
    public static Hash128 hash128(byte[] b, int off, int len, long seed, Secret secret) {
        if (len <= MIDSIZE_MAX) {
            return hash128Short(b, off, len, seed);
        }
        return hashLong128(b, off, len, secret);
    }

    /** The 64-bit hash of at most {@value #MIDSIZE_MAX} bytes. The range is not checked. */
    public static long hash64Short(byte[] b, int off, int len, long seed) {
        if (len <= 16) {
            if (len > 8) {
                return len9to16(getLong(b, off), getLong(b, off + len - 8), len, seed);
            }
            if (len >= 4) {
                return len4to8(getInt(b, off) & M32, getInt(b, off + len - 4) & M32, len, seed);
            }
            if (len > 0) {
                return len1to3(b[off] & 0xFF, b[off + (len >>> 1)] & 0xFF, b[off + len - 1] & 0xFF, len, seed);
            }
            return len0(seed);
        }
        if (len <= 128) {
            return len17to128(b, off, len, seed);
        }
        return len129to240(b, off, len, seed);
    }

    /** The 128-bit hash of at most {@value #MIDSIZE_MAX} bytes. The range is not checked. */
    public static Hash128 hash128Short(byte[] b, int off, int len, long seed) {
        if (len <= 16) {
            if (len > 8) {
                return len9to16x128(getLong(b, off), getLong(b, off + len - 8), len, seed);
            }
            if (len >= 4) {
                long in = (getInt(b, off) & M32) + ((getInt(b, off + len - 4) & M32) << 32);
                return len4to8x128(in ^ bitflip128(seed), len);
            }
            if (len > 0) {
                return len1to3x128(b[off] & 0xFF, b[off + (len >>> 1)] & 0xFF, b[off + len - 1] & 0xFF, len, seed);
            }
            return len0x128(seed);
        }
        if (len <= 128) {
            return len17to128x128(b, off, len, seed);
        }
        return len129to240x128(b, off, len, seed);
    }

    /** The scalar 128-bit hash of more than {@value #MIDSIZE_MAX} bytes. The range is not checked. */
    private static Hash128 hashLong128(byte[] b, int off, int len, Secret secret) {
        long[] acc = new long[8];
        long low = hashLong(b, off, len, secret, acc);
        return new Hash128(finishLong128High(acc, len, secret), low);
    }

    private static long mix16(byte[] b, int p, int secretOffset, long seed) {
        return mix16B(getLong(b, p), getLong(b, p + 8), secretOffset, seed);
    }

    private static long len17to128(byte[] b, int off, int len, long seed) {
        long acc = len * P64_1;
        int end = off + len;
        if (len > 32) {
            if (len > 64) {
                if (len > 96) {
                    acc += mix16(b, off + 48, 96, seed);
                    acc += mix16(b, end - 64, 112, seed);
                }
                acc += mix16(b, off + 32, 64, seed);
                acc += mix16(b, end - 48, 80, seed);
            }
            acc += mix16(b, off + 16, 32, seed);
            acc += mix16(b, end - 32, 48, seed);
        }
        acc += mix16(b, off, 0, seed);
        acc += mix16(b, end - 16, 16, seed);
        return avalanche(acc);
    }

    private static long len129to240(byte[] b, int off, int len, long seed) {
        long acc = len * P64_1;
        for (int i = 0; i < 8; i++) {
            acc += mix16(b, off + 16 * i, 16 * i, seed);
        }
        acc = avalanche(acc);
        int rounds = len >>> 4;
        for (int i = 8; i < rounds; i++) {
            acc += mix16(b, off + 16 * i, 16 * (i - 8) + 3, seed);
        }
        acc += mix16(b, off + len - 16, 136 - 17, seed);
        return avalanche(acc);
    }

    private static Hash128 len17to128x128(byte[] b, int off, int len, long seed) {
        long low = len * P64_1;
        long high = 0;
        // XXH3_len_17to128_128b: pairs from the outside in, the outermost first
        for (int i = (len - 1) >>> 5; i >= 0; i--) {
            int p = off + 16 * i;
            int q = off + len - 16 - 16 * i;
            long a0 = getLong(b, p), a1 = getLong(b, p + 8), b0 = getLong(b, q), b1 = getLong(b, q + 8);
            low = mix32Low(low, a0, a1, b0, b1, 32 * i, seed);
            high = mix32High(high, a0, a1, b0, b1, 32 * i, seed);
        }
        return finish128(low, high, len, seed);
    }

    private static Hash128 len129to240x128(byte[] b, int off, int len, long seed) {
        long low = len * P64_1;
        long high = 0;
        int rounds = len >>> 5;
        for (int i = 0; i < rounds; i++) {
            int p = off + 32 * i;
            int secretOffset = i < 4 ? 32 * i : 3 + 32 * (i - 4);
            long a0 = getLong(b, p), a1 = getLong(b, p + 8), b0 = getLong(b, p + 16), b1 = getLong(b, p + 24);
            low = mix32Low(low, a0, a1, b0, b1, secretOffset, seed);
            high = mix32High(high, a0, a1, b0, b1, secretOffset, seed);
            if (i == 3) {
                low = avalanche(low);
                high = avalanche(high);
            }
        }
        int p = off + len - 16;
        int q = off + len - 32;
        long a0 = getLong(b, p), a1 = getLong(b, p + 8), b0 = getLong(b, q), b1 = getLong(b, q + 8);
        low = mix32Low(low, a0, a1, b0, b1, 136 - 17 - 16, -seed);
        high = mix32High(high, a0, a1, b0, b1, 136 - 17 - 16, -seed);
        return finish128(low, high, len, seed);
    }

    /**
     * {@code XXH3_hashLong_64b_internal} on {@code len > 240} bytes, the accumulators in locals:
     * returns the 64-bit result and, when {@code accOut} is given, leaves the accumulators there for
     * the 128-bit merge.
     */
    private static long hashLong(byte[] b, int off, int len, Secret secret, long[] accOut) {
        long[] k = secret.stripe;
        long a0 = P32_3, a1 = P64_1, a2 = P64_2, a3 = P64_3, a4 = P64_4, a5 = P32_2, a6 = P64_5, a7 = P32_1;
        int blocks = (len - 1) >>> 10;
        int lastBlockStripes = ((len - 1) & 1023) >>> 6;
        int p = off;
        for (int n = 0; ; n++) {
            int stripes = n < blocks ? STRIPES_PER_BLOCK : lastBlockStripes;
            for (int j = 0; j < stripes; j++, p += STRIPE) {
                long d0 = getLong(b, p), d1 = getLong(b, p + 8), d2 = getLong(b, p + 16), d3 = getLong(b, p + 24);
                long d4 = getLong(b, p + 32), d5 = getLong(b, p + 40), d6 = getLong(b, p + 48), d7 = getLong(b, p + 56);
                a0 = lane(a0, d1, d0 ^ k[j]);
                a1 = lane(a1, d0, d1 ^ k[j + 1]);
                a2 = lane(a2, d3, d2 ^ k[j + 2]);
                a3 = lane(a3, d2, d3 ^ k[j + 3]);
                a4 = lane(a4, d5, d4 ^ k[j + 4]);
                a5 = lane(a5, d4, d5 ^ k[j + 5]);
                a6 = lane(a6, d7, d6 ^ k[j + 6]);
                a7 = lane(a7, d6, d7 ^ k[j + 7]);
            }
            if (n == blocks) {
                break;
            }
            a0 = scramble(a0, k[16]);
            a1 = scramble(a1, k[17]);
            a2 = scramble(a2, k[18]);
            a3 = scramble(a3, k[19]);
            a4 = scramble(a4, k[20]);
            a5 = scramble(a5, k[21]);
            a6 = scramble(a6, k[22]);
            a7 = scramble(a7, k[23]);
        }
        // the last stripe: the final 64 bytes, overlapping what came before, with its own secret words
        long[] l = secret.last;
        p = off + len - STRIPE;
        long d0 = getLong(b, p), d1 = getLong(b, p + 8), d2 = getLong(b, p + 16), d3 = getLong(b, p + 24);
        long d4 = getLong(b, p + 32), d5 = getLong(b, p + 40), d6 = getLong(b, p + 48), d7 = getLong(b, p + 56);
        a0 = lane(a0, d1, d0 ^ l[0]);
        a1 = lane(a1, d0, d1 ^ l[1]);
        a2 = lane(a2, d3, d2 ^ l[2]);
        a3 = lane(a3, d2, d3 ^ l[3]);
        a4 = lane(a4, d5, d4 ^ l[4]);
        a5 = lane(a5, d4, d5 ^ l[5]);
        a6 = lane(a6, d7, d6 ^ l[6]);
        a7 = lane(a7, d6, d7 ^ l[7]);
        if (accOut != null) {
            accOut[0] = a0;
            accOut[1] = a1;
            accOut[2] = a2;
            accOut[3] = a3;
            accOut[4] = a4;
            accOut[5] = a5;
            accOut[6] = a6;
            accOut[7] = a7;
        }
        return merge(a0, a1, a2, a3, a4, a5, a6, a7, secret.mergeLow, len * P64_1);
    }

    /**
     * Accumulates the last stripe, the 64 bytes at {@code offset}, with the last-stripe keys: the
     * step before the merge. Scalar in every provider (one stripe).
     */
    private static void lastStripe(long[] acc, byte[] b, int offset, Secret secret) {
        accumulateScalar(acc, b, offset, 1, secret.last, 0);
    }

    // ---- MemorySegment input (any segment; offsets from 0) ----

    /**
     * The {@code byte[]} behind a writable heap segment, or {@code null}; the segment starts at
     * index {@link MemorySegment#address()} of that array. Such a segment is best hashed as the
     * array: {@code VarHandle} reads the JIT turns into plain loads.
     */
    public static byte[] array(MemorySegment segment) {
        if (segment.isNative()) {
            return null;
        }
        return segment.heapBase().orElse(null) instanceof byte[] array ? array : null;
    }

    private static long longAt(MemorySegment s, long offset) {
        return s.get(LONG_LE, offset);
    }

    private static int intAt(MemorySegment s, long offset) {
        return s.get(INT_LE, offset);
    }

    private static int byteAt(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }

    /** The scalar 64-bit hash of a whole segment. */
    public static long hash64(MemorySegment s, long seed, Secret secret) {
        long len = s.byteSize();
        if (len <= MIDSIZE_MAX) {
            return hash64Short(s, (int) len, seed);
        }
        return hashLong(s, len, secret, null);
    }

    /** The scalar 128-bit hash of a whole segment. */
    public static Hash128 hash128(MemorySegment s, long seed, Secret secret) {
        long len = s.byteSize();
        if (len <= MIDSIZE_MAX) {
            return hash128Short(s, (int) len, seed);
        }
        long[] acc = new long[8];
        long low = hashLong(s, len, secret, acc);
        return new Hash128(finishLong128High(acc, len, secret), low);
    }

    /** The 64-bit hash of the first {@code len} (at most {@value #MIDSIZE_MAX}) bytes of a segment. */
    public static long hash64Short(MemorySegment s, int len, long seed) {
        if (len <= 16) {
            if (len > 8) {
                return len9to16(longAt(s, 0), longAt(s, len - 8), len, seed);
            }
            if (len >= 4) {
                return len4to8(intAt(s, 0) & M32, intAt(s, len - 4) & M32, len, seed);
            }
            if (len > 0) {
                return len1to3(byteAt(s, 0), byteAt(s, len >>> 1), byteAt(s, len - 1), len, seed);
            }
            return len0(seed);
        }
        if (len <= 128) {
            return len17to128(s, len, seed);
        }
        return len129to240(s, len, seed);
    }

    /** The 128-bit hash of the first {@code len} (at most {@value #MIDSIZE_MAX}) bytes of a segment. */
    public static Hash128 hash128Short(MemorySegment s, int len, long seed) {
        if (len <= 16) {
            if (len > 8) {
                return len9to16x128(longAt(s, 0), longAt(s, len - 8), len, seed);
            }
            if (len >= 4) {
                long in = (intAt(s, 0) & M32) + ((intAt(s, len - 4) & M32) << 32);
                return len4to8x128(in ^ bitflip128(seed), len);
            }
            if (len > 0) {
                return len1to3x128(byteAt(s, 0), byteAt(s, len >>> 1), byteAt(s, len - 1), len, seed);
            }
            return len0x128(seed);
        }
        if (len <= 128) {
            return len17to128x128(s, len, seed);
        }
        return len129to240x128(s, len, seed);
    }

    private static long mix16(MemorySegment s, long p, int secretOffset, long seed) {
        return mix16B(longAt(s, p), longAt(s, p + 8), secretOffset, seed);
    }

    private static long len17to128(MemorySegment s, int len, long seed) {
        long acc = len * P64_1;
        if (len > 32) {
            if (len > 64) {
                if (len > 96) {
                    acc += mix16(s, 48, 96, seed);
                    acc += mix16(s, len - 64, 112, seed);
                }
                acc += mix16(s, 32, 64, seed);
                acc += mix16(s, len - 48, 80, seed);
            }
            acc += mix16(s, 16, 32, seed);
            acc += mix16(s, len - 32, 48, seed);
        }
        acc += mix16(s, 0, 0, seed);
        acc += mix16(s, len - 16, 16, seed);
        return avalanche(acc);
    }

    private static long len129to240(MemorySegment s, int len, long seed) {
        long acc = len * P64_1;
        for (int i = 0; i < 8; i++) {
            acc += mix16(s, 16 * i, 16 * i, seed);
        }
        acc = avalanche(acc);
        int rounds = len >>> 4;
        for (int i = 8; i < rounds; i++) {
            acc += mix16(s, 16 * i, 16 * (i - 8) + 3, seed);
        }
        acc += mix16(s, len - 16, 136 - 17, seed);
        return avalanche(acc);
    }

    private static Hash128 len17to128x128(MemorySegment s, int len, long seed) {
        long low = len * P64_1;
        long high = 0;
        for (int i = (len - 1) >>> 5; i >= 0; i--) {
            long p = 16 * i;
            long q = len - 16 - 16 * i;
            long a0 = longAt(s, p), a1 = longAt(s, p + 8);
            long b0 = longAt(s, q), b1 = longAt(s, q + 8);
            low = mix32Low(low, a0, a1, b0, b1, 32 * i, seed);
            high = mix32High(high, a0, a1, b0, b1, 32 * i, seed);
        }
        return finish128(low, high, len, seed);
    }

    private static Hash128 len129to240x128(MemorySegment s, int len, long seed) {
        long low = len * P64_1;
        long high = 0;
        int rounds = len >>> 5;
        for (int i = 0; i < rounds; i++) {
            long p = 32 * i;
            int secretOffset = i < 4 ? 32 * i : 3 + 32 * (i - 4);
            long a0 = longAt(s, p), a1 = longAt(s, p + 8);
            long b0 = longAt(s, p + 16), b1 = longAt(s, p + 24);
            low = mix32Low(low, a0, a1, b0, b1, secretOffset, seed);
            high = mix32High(high, a0, a1, b0, b1, secretOffset, seed);
            if (i == 3) {
                low = avalanche(low);
                high = avalanche(high);
            }
        }
        long p = len - 16;
        long q = len - 32;
        long a0 = longAt(s, p), a1 = longAt(s, p + 8);
        long b0 = longAt(s, q), b1 = longAt(s, q + 8);
        low = mix32Low(low, a0, a1, b0, b1, 136 - 17 - 16, -seed);
        high = mix32High(high, a0, a1, b0, b1, 136 - 17 - 16, -seed);
        return finish128(low, high, len, seed);
    }

    /** {@link #hashLong(byte[], int, int, Secret, long[])} reading a segment. */
    private static long hashLong(MemorySegment s, long len, Secret secret, long[] accOut) {
        long[] k = secret.stripe;
        long a0 = P32_3, a1 = P64_1, a2 = P64_2, a3 = P64_3, a4 = P64_4, a5 = P32_2, a6 = P64_5, a7 = P32_1;
        long blocks = (len - 1) >>> 10;
        int lastBlockStripes = (int) (((len - 1) & 1023) >>> 6);
        long p = 0;
        for (long n = 0; ; n++) {
            int stripes = n < blocks ? STRIPES_PER_BLOCK : lastBlockStripes;
            for (int j = 0; j < stripes; j++, p += STRIPE) {
                long d0 = longAt(s, p), d1 = longAt(s, p + 8);
                long d2 = longAt(s, p + 16), d3 = longAt(s, p + 24);
                long d4 = longAt(s, p + 32), d5 = longAt(s, p + 40);
                long d6 = longAt(s, p + 48), d7 = longAt(s, p + 56);
                a0 = lane(a0, d1, d0 ^ k[j]);
                a1 = lane(a1, d0, d1 ^ k[j + 1]);
                a2 = lane(a2, d3, d2 ^ k[j + 2]);
                a3 = lane(a3, d2, d3 ^ k[j + 3]);
                a4 = lane(a4, d5, d4 ^ k[j + 4]);
                a5 = lane(a5, d4, d5 ^ k[j + 5]);
                a6 = lane(a6, d7, d6 ^ k[j + 6]);
                a7 = lane(a7, d6, d7 ^ k[j + 7]);
            }
            if (n == blocks) {
                break;
            }
            a0 = scramble(a0, k[16]);
            a1 = scramble(a1, k[17]);
            a2 = scramble(a2, k[18]);
            a3 = scramble(a3, k[19]);
            a4 = scramble(a4, k[20]);
            a5 = scramble(a5, k[21]);
            a6 = scramble(a6, k[22]);
            a7 = scramble(a7, k[23]);
        }
        long[] l = secret.last;
        p = len - STRIPE;
        long d0 = longAt(s, p), d1 = longAt(s, p + 8);
        long d2 = longAt(s, p + 16), d3 = longAt(s, p + 24);
        long d4 = longAt(s, p + 32), d5 = longAt(s, p + 40);
        long d6 = longAt(s, p + 48), d7 = longAt(s, p + 56);
        a0 = lane(a0, d1, d0 ^ l[0]);
        a1 = lane(a1, d0, d1 ^ l[1]);
        a2 = lane(a2, d3, d2 ^ l[2]);
        a3 = lane(a3, d2, d3 ^ l[3]);
        a4 = lane(a4, d5, d4 ^ l[4]);
        a5 = lane(a5, d4, d5 ^ l[5]);
        a6 = lane(a6, d7, d6 ^ l[6]);
        a7 = lane(a7, d6, d7 ^ l[7]);
        if (accOut != null) {
            accOut[0] = a0;
            accOut[1] = a1;
            accOut[2] = a2;
            accOut[3] = a3;
            accOut[4] = a4;
            accOut[5] = a5;
            accOut[6] = a6;
            accOut[7] = a7;
        }
        return merge(a0, a1, a2, a3, a4, a5, a6, a7, secret.mergeLow, len * P64_1);
    }

    // ---- scalar stripe accumulation into an array (streams) ----

    /** {@code XXH3_accumulate}: {@code stripes} stripes from {@code p}, secret words from {@code k[first]}. */
    private static void accumulateScalar(long[] acc, byte[] b, int p, int stripes, long[] k, int first) {
        long a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
        long a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
        for (int j = first, end = first + stripes; j < end; j++, p += STRIPE) {
            long d0 = getLong(b, p), d1 = getLong(b, p + 8), d2 = getLong(b, p + 16), d3 = getLong(b, p + 24);
            long d4 = getLong(b, p + 32), d5 = getLong(b, p + 40), d6 = getLong(b, p + 48), d7 = getLong(b, p + 56);
            a0 = lane(a0, d1, d0 ^ k[j]);
            a1 = lane(a1, d0, d1 ^ k[j + 1]);
            a2 = lane(a2, d3, d2 ^ k[j + 2]);
            a3 = lane(a3, d2, d3 ^ k[j + 3]);
            a4 = lane(a4, d5, d4 ^ k[j + 4]);
            a5 = lane(a5, d4, d5 ^ k[j + 5]);
            a6 = lane(a6, d7, d6 ^ k[j + 6]);
            a7 = lane(a7, d6, d7 ^ k[j + 7]);
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc[4] = a4;
        acc[5] = a5;
        acc[6] = a6;
        acc[7] = a7;
    }

    private static void scrambleScalar(long[] acc, long[] k) {
        for (int i = 0; i < 8; i++) {
            acc[i] = scramble(acc[i], k[16 + i]);
        }
    }

    /** {@link #SCALAR}: block by block, a scramble at each block's end. */
    private static final class ScalarAccumulator implements StripeAccumulator {
        @Override
        public int accumulate(long[] acc, int stripesSoFar, byte[] input, int offset, int stripes, Secret secret) {
            long[] k = secret.stripe;
            int p = offset;
            int soFar = stripesSoFar;
            int left = stripes;
            while (left >= STRIPES_PER_BLOCK - soFar) {
                int toEnd = STRIPES_PER_BLOCK - soFar;
                accumulateScalar(acc, input, p, toEnd, k, soFar);
                scrambleScalar(acc, k);
                p += toEnd * STRIPE;
                left -= toEnd;
                soFar = 0;
            }
            accumulateScalar(acc, input, p, left, k, soFar);
            return soFar + left;
        }

        @Override
        public String toString() {
            return "scalar";
        }
    }

    // ---- streaming ----

    /**
     * The {@code XXH3_state_t} of the reference, shared by both widths (only the digest differs)
     * and by every provider (only the {@link StripeAccumulator} differs). A provider's 64- and
     * 128-bit streams extend it and implement {@code digest()} with {@link #digest64()} or {@link
     * #digest128()}.
     *
     * <pre>
     * buffer (256 bytes = 4 stripes)
     * +-----------------------------------------------+----------------+
     * | 0 .. buffered: input not yet consumed         |    192 .. 256  |
     * +-----------------------------------------------+----------------+
     *                                     after a bulk update: the 64 bytes
     *                                     before the unconsumed ones, for the
     *                                     digest's overlapping last stripe
     * </pre>
     *
     * Input is consumed only when more follows it, so at least one byte always stays buffered and
     * the digest can build the last stripe. {@code stripesSoFar} counts the stripes of the current
     * block (0..15): it selects the secret words and says when to scramble. However the input is
     * split, the stripes consumed before the digest are the same, so the digest equals the
     * one-shot hash.
     */
    public abstract static class State extends AbstractHashStream {
        private final long seed;
        private final Secret secret;
        private final StripeAccumulator accumulator;
        private final long[] acc = new long[8];
        private final long[] digestAcc = new long[8];
        private final byte[] buffer = new byte[BUFFER];
        private byte[] lastStripe;
        private byte[] chunk;
        private int buffered;
        private int stripesSoFar;
        private long total;

        /**
         * A stream for a seed, its secret ({@link Secret#forSeed}) and the provider's accumulation.
         */
        protected State(long seed, Secret secret, StripeAccumulator accumulator) {
            this.seed = seed;
            this.secret = secret;
            this.accumulator = accumulator;
            reset();
        }

        /** Forgets all input; the seed stays. */
        public final void reset() {
            initAccumulators(acc);
            buffered = 0;
            stripesSoFar = 0;
            total = 0;
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            total += length;
            if (length <= BUFFER - buffered) {
                System.arraycopy(input, offset, buffer, buffered, length);
                buffered += length;
                return;
            }
            int p = offset;
            int end = offset + length;
            if (buffered > 0) {
                int load = BUFFER - buffered;
                System.arraycopy(input, p, buffer, buffered, load);
                p += load;
                stripesSoFar = accumulator.accumulate(acc, stripesSoFar, buffer, 0, BUFFER / STRIPE, secret);
                buffered = 0;
            }
            if (end - p > BUFFER) {
                // all whole stripes but the one holding the last byte, straight from the input
                int stripes = (end - 1 - p) >>> 6;
                stripesSoFar = accumulator.accumulate(acc, stripesSoFar, input, p, stripes, secret);
                p += stripes * STRIPE;
                System.arraycopy(input, p - STRIPE, buffer, BUFFER - STRIPE, STRIPE);
            }
            System.arraycopy(input, p, buffer, 0, end - p);
            buffered = end - p;
        }

        /**
         * Adds the segment's bytes: a segment over a {@code byte[]} as that array, any other in
         * copies of at most 4 KiB (the digest does not depend on how the input was split).
         */
        @Override
        public void update(MemorySegment input) {
            byte[] array = array(input);
            if (array != null) {
                update(array, (int) input.address(), (int) input.byteSize());
                return;
            }
            long size = input.byteSize();
            if (size == 0) {
                return;
            }
            byte[] copy = chunk != null ? chunk : (chunk = new byte[CHUNK]);
            for (long position = 0; position < size; ) {
                int n = (int) Math.min(CHUNK, size - position);
                MemorySegment.copy(input, ValueLayout.JAVA_BYTE, position, copy, 0, n);
                update(copy, 0, n);
                position += n;
            }
        }

        /** {@code XXH3_digest_long}: the accumulators after the buffered input and the last stripe. */
        private long[] digestAccumulators() {
            long[] a = digestAcc;
            System.arraycopy(acc, 0, a, 0, 8);
            if (buffered >= STRIPE) {
                // at most 3 stripes: scalar in every provider
                int stripes = (buffered - 1) >>> 6;
                SCALAR.accumulate(a, stripesSoFar, buffer, 0, stripes, secret);
                lastStripe(a, buffer, buffered - STRIPE, secret);
            } else {
                byte[] last = lastStripe != null ? lastStripe : (lastStripe = new byte[STRIPE]);
                int catchup = STRIPE - buffered;
                System.arraycopy(buffer, BUFFER - catchup, last, 0, catchup);
                System.arraycopy(buffer, 0, last, catchup, buffered);
                lastStripe(a, last, 0, secret);
            }
            return a;
        }

        /** The 64-bit hash of everything added since the last reset; the stream goes on. */
        protected final long digest64() {
            if (total > MIDSIZE_MAX) {
                return merge(digestAccumulators(), secret.mergeLow, total * P64_1);
            }
            return hash64Short(buffer, 0, (int) total, seed);
        }

        /** The 128-bit hash of everything added since the last reset; the stream goes on. */
        protected final Hash128 digest128() {
            if (total > MIDSIZE_MAX) {
                long[] a = digestAccumulators();
                return new Hash128(finishLong128High(a, total, secret), merge(a, secret.mergeLow, total * P64_1));
            }
            return hash128Short(buffer, 0, (int) total, seed);
        }
    }
}
