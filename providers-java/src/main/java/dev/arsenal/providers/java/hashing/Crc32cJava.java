package dev.arsenal.providers.java.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli) through {@link CRC32C}, which HotSpot compiles to the CPU's CRC32
 * instruction (SSE4.2, ARMv8 CRC) or carry-less multiply (PCLMULQDQ, PMULL): nothing written in
 * Java beats it. One-shot hashing makes a fresh {@link CRC32C} per call, an object the JIT's escape
 * analysis usually removes.
 */
final class Crc32cJava extends AbstractHasher32 {
    static final Crc32cJava INSTANCE = new Crc32cJava();

    private Crc32cJava() {
        super(HashAlgorithm.CRC32C, 0);
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        CRC32C crc = new CRC32C();
        crc.update(input, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public int hash(ByteBuffer input) {
        CRC32C crc = new CRC32C();
        crc.update(input.duplicate());
        return (int) crc.getValue();
    }

    @Override
    public int hash(MemorySegment input) {
        CRC32C crc = new CRC32C();
        Segments.feed(crc, input);
        return (int) crc.getValue();
    }

    @Override
    public HashStream32 newStream() {
        return new Stream();
    }

    /** A {@link CRC32C} behind the stream interface. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final CRC32C crc = new CRC32C();

        @Override
        public void update(int b) {
            crc.update(b);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            crc.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer input) {
            crc.update(input);
        }

        @Override
        public void update(MemorySegment input) {
            Segments.feed(crc, input);
        }

        @Override
        public int digest() {
            return (int) crc.getValue();
        }

        @Override
        public void reset() {
            crc.reset();
        }
    }
}
