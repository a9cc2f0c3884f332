package dev.arsenal.providers.java.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * CRC-32 (ISO-HDLC) through {@link CRC32}, which HotSpot compiles to the CPU's carry-less multiply
 * (PCLMULQDQ, PMULL) or CRC instructions: nothing written in Java beats it. One-shot hashing makes
 * a fresh {@link CRC32} per call, an object the JIT's escape analysis usually removes.
 */
final class Crc32Java extends AbstractHasher32 {
    static final Crc32Java INSTANCE = new Crc32Java();

    private Crc32Java() {
        super(HashAlgorithm.CRC32, 0);
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        CRC32 crc = new CRC32();
        crc.update(input, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public int hash(ByteBuffer input) {
        CRC32 crc = new CRC32();
        crc.update(input.duplicate());
        return (int) crc.getValue();
    }

    @Override
    public int hash(MemorySegment input) {
        CRC32 crc = new CRC32();
        Segments.feed(crc, input);
        return (int) crc.getValue();
    }

    @Override
    public HashStream32 newStream() {
        return new Stream();
    }

    /** A {@link CRC32} behind the stream interface. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final CRC32 crc = new CRC32();

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
