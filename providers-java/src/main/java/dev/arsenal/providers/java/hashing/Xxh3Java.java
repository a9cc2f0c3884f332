package dev.arsenal.providers.java.hashing;

import dev.arsenal.hashing.Hash128;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream128;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.spi.hashing.AbstractHasher128;
import dev.arsenal.spi.hashing.AbstractHasher64;
import dev.arsenal.spi.hashing.Xxh3Core;
import dev.arsenal.spi.hashing.Xxh3Core.Secret;
import java.lang.foreign.MemorySegment;

/**
 * XXH3 in pure Java, 64-bit ({@code XXH3_64bits_withSeed}) and 128-bit ({@code
 * XXH3_128bits_withSeed}) output, bit-exact with xxHash 0.8 including its streaming state.
 *
 * <p>The algorithm lives in {@link Xxh3Core}, which every XXH3 provider shares; this class is its
 * scalar form: the short paths, the stripe loop with the eight accumulators in locals, and the
 * stream with {@link Xxh3Core#SCALAR} accumulation. A hasher derives the seed's secret once, when
 * made, so 64-bit hashing allocates nothing (the 128-bit result is an object, and above 240 bytes
 * its accumulators are handed over in a small array).
 */
final class Xxh3Java {
    private Xxh3Java() {}

    /** The 64-bit hasher for a seed. */
    static Bits64 hasher64(long seed) {
        return new Bits64(seed);
    }

    /** The 128-bit hasher for a seed. */
    static Bits128 hasher128(long seed) {
        return new Bits128(seed);
    }

    /** XXH3 with 64-bit output for one seed. */
    static final class Bits64 extends AbstractHasher64 {
        private final long seed;
        private final Secret secret;
        private final long bitflip;

        Bits64(long seed) {
            super(HashAlgorithm.XXH3_64, seed);
            this.seed = seed;
            this.secret = Secret.forSeed(seed);
            this.bitflip = Xxh3Core.bitflip64(seed);
        }

        @Override
        public long hash(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            return Xxh3Core.hash64(input, offset, length, seed, secret);
        }

        @Override
        public long hash(MemorySegment input) {
            byte[] array = Xxh3Core.array(input);
            if (array != null) {
                return Xxh3Core.hash64(array, (int) input.address(), (int) input.byteSize(), seed, secret);
            }
            return Xxh3Core.hash64(input, seed, secret);
        }

        @Override
        public long hashLong(long value) {
            return Xxh3Core.ofLong64(value, bitflip);
        }

        @Override
        public long hashInt(int value) {
            return Xxh3Core.ofInt64(value, bitflip);
        }

        @Override
        public HashStream64 newStream() {
            return new Stream64(seed, secret);
        }
    }

    /** XXH3 with 128-bit output for one seed. */
    static final class Bits128 extends AbstractHasher128 {
        private final long seed;
        private final Secret secret;
        private final long bitflip;

        Bits128(long seed) {
            super(HashAlgorithm.XXH3_128, seed);
            this.seed = seed;
            this.secret = Secret.forSeed(seed);
            this.bitflip = Xxh3Core.bitflip128(seed);
        }

        @Override
        public Hash128 hash(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            return Xxh3Core.hash128(input, offset, length, seed, secret);
        }

        @Override
        public Hash128 hash(MemorySegment input) {
            byte[] array = Xxh3Core.array(input);
            if (array != null) {
                return Xxh3Core.hash128(array, (int) input.address(), (int) input.byteSize(), seed, secret);
            }
            return Xxh3Core.hash128(input, seed, secret);
        }

        @Override
        public Hash128 hashLong(long value) {
            return Xxh3Core.ofLong128(value, bitflip);
        }

        @Override
        public Hash128 hashInt(int value) {
            return Xxh3Core.ofInt128(value, bitflip);
        }

        @Override
        public HashStream128 newStream() {
            return new Stream128(seed, secret);
        }
    }

    /** The 64-bit stream: {@link Xxh3Core.State} with scalar accumulation. */
    static final class Stream64 extends Xxh3Core.State implements HashStream64 {
        Stream64(long seed, Secret secret) {
            super(seed, secret, Xxh3Core.SCALAR);
        }

        @Override
        public long digest() {
            return digest64();
        }
    }

    /** The 128-bit stream: {@link Xxh3Core.State} with scalar accumulation. */
    static final class Stream128 extends Xxh3Core.State implements HashStream128 {
        Stream128(long seed, Secret secret) {
            super(seed, secret, Xxh3Core.SCALAR);
        }

        @Override
        public Hash128 digest() {
            return digest128();
        }
    }
}
