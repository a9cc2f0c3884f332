package dev.arsenal.providers.java.hashing;

import static dev.arsenal.spi.hashing.ByteOrderAccess.getInt;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.MemorySegment;

/**
 * XXH32 in pure Java, bit-exact with {@code XXH32()} and the {@code XXH32_update} / {@code
 * XXH32_digest} stream of xxHash 0.8.
 *
 * <p>The input is consumed in 16-byte stripes by four 32-bit lanes; the tail is mixed 4 bytes, then
 * 1 byte at a time. The mixing steps are static methods on values already read, shared by the
 * {@code byte[]} loop, the {@link MemorySegment} loop and the stream.
 */
final class Xxh32Java extends AbstractHasher32 {
    static final int P1 = 0x9E3779B1;
    static final int P2 = 0x85EBCA77;
    static final int P3 = 0xC2B2AE3D;
    static final int P4 = 0x27D4EB2F;
    static final int P5 = 0x165667B1;

    private final int seed32;

    Xxh32Java(long seed) {
        super(HashAlgorithm.XXH32, seed);
        this.seed32 = (int) seed;
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hashArray(input, offset, length, seed32);
    }

    @Override
    public int hash(MemorySegment input) {
        byte[] array = Segments.array(input);
        if (array != null) {
            return hashArray(array, (int) input.address(), (int) input.byteSize(), seed32);
        }
        return hashSegment(input, input.byteSize(), seed32);
    }

    @Override
    public int hashLong(long value) {
        int h = seed32 + P5 + 8;
        h = tail4(h, (int) value);
        h = tail4(h, (int) (value >>> 32));
        return avalanche(h);
    }

    @Override
    public int hashInt(int value) {
        return avalanche(tail4(seed32 + P5 + 4, value));
    }

    @Override
    public HashStream32 newStream() {
        return new Stream(seed32);
    }

    // ---- the algorithm, on values already read ----

    static int round(int acc, int input) {
        return Integer.rotateLeft(acc + input * P2, 13) * P1;
    }

    static int converge(int v1, int v2, int v3, int v4) {
        return Integer.rotateLeft(v1, 1)
                + Integer.rotateLeft(v2, 7)
                + Integer.rotateLeft(v3, 12)
                + Integer.rotateLeft(v4, 18);
    }

    static int tail4(int h, int input) {
        return Integer.rotateLeft(h + input * P3, 17) * P4;
    }

    static int tail1(int h, int unsignedByte) {
        return Integer.rotateLeft(h + unsignedByte * P5, 11) * P1;
    }

    static int avalanche(int h) {
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        return h ^ (h >>> 16);
    }

    // ---- the two read paths ----

    static int hashArray(byte[] b, int offset, int length, int seed) {
        int p = offset;
        int end = offset + length;
        int h;
        if (length >= 16) {
            int limit = end - 16;
            int v1 = seed + P1 + P2;
            int v2 = seed + P2;
            int v3 = seed;
            int v4 = seed - P1;
            do {
                v1 = round(v1, getInt(b, p));
                v2 = round(v2, getInt(b, p + 4));
                v3 = round(v3, getInt(b, p + 8));
                v4 = round(v4, getInt(b, p + 12));
                p += 16;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        return finish(h, b, p, end);
    }

    /** Mixes the last {@code end - p < 16} bytes and avalanches. */
    static int finish(int h, byte[] b, int p, int end) {
        for (; p + 4 <= end; p += 4) {
            h = tail4(h, getInt(b, p));
        }
        for (; p < end; p++) {
            h = tail1(h, b[p] & 0xFF);
        }
        return avalanche(h);
    }

    static int hashSegment(MemorySegment s, long length, int seed) {
        long p = 0;
        int h;
        if (length >= 16) {
            long limit = length - 16;
            int v1 = seed + P1 + P2;
            int v2 = seed + P2;
            int v3 = seed;
            int v4 = seed - P1;
            do {
                v1 = round(v1, Segments.getInt(s, p));
                v2 = round(v2, Segments.getInt(s, p + 4));
                v3 = round(v3, Segments.getInt(s, p + 8));
                v4 = round(v4, Segments.getInt(s, p + 12));
                p += 16;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = seed + P5;
        }
        h += (int) length;
        for (; p + 4 <= length; p += 4) {
            h = tail4(h, Segments.getInt(s, p));
        }
        for (; p < length; p++) {
            h = tail1(h, Segments.getUnsignedByte(s, p));
        }
        return avalanche(h);
    }

    /** The {@code XXH32_state_t} of the reference: four lanes, a 16-byte buffer, the total length. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final int seed;
        private final byte[] buffer = new byte[16];
        private byte[] chunk;
        private int v1;
        private int v2;
        private int v3;
        private int v4;
        private int buffered;
        private long total;

        Stream(int seed) {
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
            if (buffered + length < 16) {
                System.arraycopy(input, offset, buffer, buffered, length);
                buffered += length;
                return;
            }
            int p = offset;
            int end = offset + length;
            if (buffered > 0) {
                int fill = 16 - buffered;
                System.arraycopy(input, p, buffer, buffered, fill);
                p += fill;
                buffered = 0;
                v1 = round(v1, getInt(buffer, 0));
                v2 = round(v2, getInt(buffer, 4));
                v3 = round(v3, getInt(buffer, 8));
                v4 = round(v4, getInt(buffer, 12));
            }
            if (p <= end - 16) {
                int a = v1, b = v2, c = v3, d = v4;
                int limit = end - 16;
                do {
                    a = round(a, getInt(input, p));
                    b = round(b, getInt(input, p + 4));
                    c = round(c, getInt(input, p + 8));
                    d = round(d, getInt(input, p + 12));
                    p += 16;
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
        public int digest() {
            int h = total >= 16 ? converge(v1, v2, v3, v4) : seed + P5;
            h += (int) total;
            return finish(h, buffer, 0, buffered);
        }
    }
}
