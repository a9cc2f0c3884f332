package dev.arsenal.providers.simd.hashing;

import static dev.arsenal.spi.hashing.Xxh3Core.MIDSIZE_MAX;

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
 * XXH3 with the stripe loop on the Vector API, 64-bit ({@code XXH3_64bits_withSeed}) and 128-bit
 * ({@code XXH3_128bits_withSeed}) output, bit-exact with xxHash 0.8 and with the pure-Java
 * provider.
 *
 * <p>Inputs of up to 240 bytes take the scalar short paths of {@link Xxh3Core} (the very code the
 * pure-Java provider runs: a vector does not pay for itself there); longer ones go to an {@link
 * Xxh3Kernel}, and streams are {@link Xxh3Core.State} with the kernel as their stripe
 * accumulation. No Vector API type appears in this class: it names the kernel only by its
 * Vector-API-free base.
 */
final class Xxh3Simd {
    private Xxh3Simd() {}

    /** XXH3 with 64-bit output for one seed. */
    static final class Bits64 extends AbstractHasher64 {
        private final long seed;
        private final Secret secret;
        private final long bitflip;
        private final Xxh3Kernel kernel;

        Bits64(long seed, Xxh3Kernel kernel) {
            super(HashAlgorithm.XXH3_64, seed);
            this.seed = seed;
            this.secret = Secret.forSeed(seed);
            this.bitflip = Xxh3Core.bitflip64(seed);
            this.kernel = kernel;
        }

        @Override
        public long hash(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            if (length <= MIDSIZE_MAX) {
                return Xxh3Core.hash64Short(input, offset, length, seed);
            }
            return kernel.hashLong64(input, offset, length, secret);
        }

        @Override
        public long hash(MemorySegment input) {
            byte[] array = Xxh3Core.array(input);
            if (array != null) {
                return hash(array, (int) input.address(), (int) input.byteSize());
            }
            long length = input.byteSize();
            if (length <= MIDSIZE_MAX) {
                return Xxh3Core.hash64Short(input, (int) length, seed);
            }
            return kernel.hashLong64(input, secret);
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
            return new Stream64(seed, secret, kernel);
        }
    }

    /** XXH3 with 128-bit output for one seed. */
    static final class Bits128 extends AbstractHasher128 {
        private final long seed;
        private final Secret secret;
        private final long bitflip;
        private final Xxh3Kernel kernel;

        Bits128(long seed, Xxh3Kernel kernel) {
            super(HashAlgorithm.XXH3_128, seed);
            this.seed = seed;
            this.secret = Secret.forSeed(seed);
            this.bitflip = Xxh3Core.bitflip128(seed);
            this.kernel = kernel;
        }

        @Override
        public Hash128 hash(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            if (length <= MIDSIZE_MAX) {
                return Xxh3Core.hash128Short(input, offset, length, seed);
            }
            return kernel.hashLong128(input, offset, length, secret);
        }

        @Override
        public Hash128 hash(MemorySegment input) {
            byte[] array = Xxh3Core.array(input);
            if (array != null) {
                return hash(array, (int) input.address(), (int) input.byteSize());
            }
            long length = input.byteSize();
            if (length <= MIDSIZE_MAX) {
                return Xxh3Core.hash128Short(input, (int) length, seed);
            }
            return kernel.hashLong128(input, secret);
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
            return new Stream128(seed, secret, kernel);
        }
    }

    /** The 64-bit stream: {@link Xxh3Core.State} with the kernel's stripe accumulation. */
    static final class Stream64 extends Xxh3Core.State implements HashStream64 {
        Stream64(long seed, Secret secret, Xxh3Kernel kernel) {
            super(seed, secret, kernel);
        }

        @Override
        public long digest() {
            return digest64();
        }
    }

    /** The 128-bit stream: {@link Xxh3Core.State} with the kernel's stripe accumulation. */
    static final class Stream128 extends Xxh3Core.State implements HashStream128 {
        Stream128(long seed, Secret secret, Xxh3Kernel kernel) {
            super(seed, secret, kernel);
        }

        @Override
        public Hash128 digest() {
            return digest128();
        }
    }
}
