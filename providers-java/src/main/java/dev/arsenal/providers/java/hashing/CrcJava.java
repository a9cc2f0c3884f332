package dev.arsenal.providers.java.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli) through the JDK's {@link CRC32} and {@link CRC32C},
 * which HotSpot compiles to the CPU's CRC32 instruction (SSE4.2, ARMv8 CRC) or carry-less multiply
 * (PCLMULQDQ, PMULL): nothing written in Java beats them. One-shot hashing makes a fresh checksum
 * object per call, which the JIT's escape analysis usually removes.
 */
final class CrcJava extends AbstractHasher32 {
    static final CrcJava CRC32 = new CrcJava(HashAlgorithm.CRC32, CRC32::new);
    static final CrcJava CRC32C = new CrcJava(HashAlgorithm.CRC32C, CRC32C::new);

    private final Supplier<Checksum> checksums;

    private CrcJava(HashAlgorithm algorithm, Supplier<Checksum> checksums) {
        super(algorithm, 0);
        this.checksums = checksums;
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        Checksum crc = checksums.get();
        crc.update(input, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public int hash(ByteBuffer input) {
        Checksum crc = checksums.get();
        crc.update(input.duplicate());
        return (int) crc.getValue();
    }

    @Override
    public int hash(MemorySegment input) {
        Checksum crc = checksums.get();
        Segments.feed(crc, input);
        return (int) crc.getValue();
    }

    @Override
    public HashStream32 newStream() {
        return new Stream(checksums.get());
    }

    /** A JDK checksum behind the stream interface. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final Checksum crc;

        Stream(Checksum crc) {
            this.crc = crc;
        }

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
