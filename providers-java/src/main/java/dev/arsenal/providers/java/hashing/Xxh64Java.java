package dev.arsenal.providers.java.hashing;

import static dev.arsenal.spi.hashing.ByteOrderAccess.getInt;
import static dev.arsenal.spi.hashing.ByteOrderAccess.getLong;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher64;
import java.lang.foreign.MemorySegment;

/**
 * XXH64 in pure Java, bit-exact with {@code XXH64()} and the {@code XXH64_update} / {@code
 * XXH64_digest} stream of xxHash 0.8.
 *
 * <p>The input is consumed in 32-byte stripes by four 64-bit lanes; the tail is mixed 8, 4, then 1
 * byte at a time. The mixing steps are static methods on values already read, shared by the {@code
 * byte[]} loop, the {@link MemorySegment} loop and the stream.
 */
final class Xxh64Java extends AbstractHasher64 {
    static final long P1 = 0x9E3779B185EBCA87L;
    static final long P2 = 0xC2B2AE3D27D4EB4FL;
    static final long P3 = 0x165667B19E3779F9L;
    static final long P4 = 0x85EBCA77C2B2AE63L;
    static final long P5 = 0x27D4EB2F165667C5L;

    private final long seed;

    Xxh64Java(long seed) {
        super(HashAlgorithm.XXH64, seed);
        this.seed = seed;
    }

    @Override
    public long hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hashArray(input, offset, length, seed);
    }

    @Override
    public long hash(MemorySegment input) {
        byte[] array = Segments.array(input);
        if (array != null) {
            return hashArray(array, (int) input.address(), (int) input.byteSize(), seed);
        }
        return hashSegment(input, input.byteSize(), seed);
    }

    @Override
    public long hashLong(long value) {
        return avalanche(tail8(seed + P5 + 8, value));
    }

    @Override
    public long hashInt(int value) {
        return avalanche(tail4(seed + P5 + 4, value));
    }

    @Override
    public HashStream64 newStream() {
        return new Stream(seed);
    }

    // ---- the algorithm, on values already read ----

    static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    static long mergeRound(long acc, long v) {
        return (acc ^ round(0, v)) * P1 + P4;
    }

    static long converge(long v1, long v2, long v3, long v4) {
        long h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
        h = mergeRound(h, v1);
        h = mergeRound(h, v2);
        h = mergeRound(h, v3);
        return mergeRound(h, v4);
    }

    static long tail8(long h, long input) {
        return Long.rotateLeft(h ^ round(0, input), 27) * P1 + P4;
    }

    static long tail4(long h, int input) {
        return Long.rotateLeft(h ^ ((input & 0xFFFFFFFFL) * P1), 23) * P2 + P3;
    }

    static long tail1(long h, int unsignedByte) {
        return Long.rotateLeft(h ^ (unsignedByte * P5), 11) * P1;
    }

    static long avalanche(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }

    // ---- the two read paths ----

    static long hashArray(byte[] b, int offset, int length, long seed) {
        int p = offset;
        int end = offset + length;
        long h;
        if (length >= 32) {
            int limit = end - 32;
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            do {
                v1 = round(v1, getLong(b, p));
                v2 = round(v2, getLong(b, p + 8));
                v3 = round(v3, getLong(b, p + 16));
                v4 = round(v4, getLong(b, p + 24));
                p += 32;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        return finish(h, b, p, end);
    }

    /** Mixes the last {@code end - p < 32} bytes and avalanches. */
    static long finish(long h, byte[] b, int p, int end) {
        for (; p + 8 <= end; p += 8) {
            h = tail8(h, getLong(b, p));
        }
        if (p + 4 <= end) {
            h = tail4(h, getInt(b, p));
            p += 4;
        }
        for (; p < end; p++) {
            h = tail1(h, b[p] & 0xFF);
        }
        return avalanche(h);
    }

    static long hashSegment(MemorySegment s, long length, long seed) {
        long p = 0;
        long h;
        if (length >= 32) {
            long limit = length - 32;
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            do {
                v1 = round(v1, Segments.getLong(s, p));
                v2 = round(v2, Segments.getLong(s, p + 8));
                v3 = round(v3, Segments.getLong(s, p + 16));
                v4 = round(v4, Segments.getLong(s, p + 24));
                p += 32;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        for (; p + 8 <= length; p += 8) {
            h = tail8(h, Segments.getLong(s, p));
        }
        if (p + 4 <= length) {
            h = tail4(h, Segments.getInt(s, p));
            p += 4;
        }
        for (; p < length; p++) {
            h = tail1(h, Segments.getUnsignedByte(s, p));
        }
        return avalanche(h);
    }

    /** The {@code XXH64_state_t} of the reference: four lanes, a 32-byte buffer, the total length. */
    static final class Stream extends AbstractHashStream implements HashStream64 {
        private final long seed;
        private final byte[] buffer = new byte[32];
        private byte[] chunk;
        private long v1;
        private long v2;
        private long v3;
        private long v4;
        private int buffered;
        private long total;

        Stream(long seed) {
            this.seed = seed;
            reset();
        }

        @Override
        public void reset() {
            v1 = seed + P1 + P2;
            v2 = seed + P2;
            v3 = seed;
            v4 = seed - P1;
            buffered = 0;
            total = 0;
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            total += length;
            if (buffered + length < 32) {
                System.arraycopy(input, offset, buffer, buffered, length);
                buffered += length;
                return;
            }
            int p = offset;
            int end = offset + length;
            if (buffered > 0) {
                int fill = 32 - buffered;
                System.arraycopy(input, p, buffer, buffered, fill);
                p += fill;
                buffered = 0;
                v1 = round(v1, getLong(buffer, 0));
                v2 = round(v2, getLong(buffer, 8));
                v3 = round(v3, getLong(buffer, 16));
                v4 = round(v4, getLong(buffer, 24));
            }
            if (p <= end - 32) {
                long a = v1, b = v2, c = v3, d = v4;
                int limit = end - 32;
                do {
                    a = round(a, getLong(input, p));
                    b = round(b, getLong(input, p + 8));
                    c = round(c, getLong(input, p + 16));
                    d = round(d, getLong(input, p + 24));
                    p += 32;
                } while (p <= limit);
                v1 = a;
                v2 = b;
                v3 = c;
                v4 = d;
            }
            if (p < end) {
                System.arraycopy(input, p, buffer, 0, end - p);
                buffered = end - p;
            }
        }

        @Override
        public void update(MemorySegment input) {
            chunk = Segments.feed(this, input, chunk);
        }

        @Override
        public long digest() {
            long h = total >= 32 ? converge(v1, v2, v3, v4) : seed + P5;
            h += total;
            return finish(h, buffer, 0, buffered);
        }
    }
}
