package dev.arsenal.providers.natives.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream32;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher32;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * XXH32 through lz4-java's JNI ({@code XXHash32JNI}, {@code StreamingXXHash32JNI}), with the seed
 * as lz4-java's {@code int}: the low 32 bits of {@link #seed()}. Input forms as in {@link
 * Xxh64Lz4Jni}.
 */
final class Xxh32Lz4Jni extends AbstractHasher32 {
    private final XXHashFactory factory;
    private final XXHash32 hash;
    private final int seed;

    private Xxh32Lz4Jni(XXHashFactory factory, long seed) {
        super(HashAlgorithm.XXH32, seed);
        this.factory = factory;
        this.hash = factory.hash32();
        this.seed = (int) seed;
    }

    /** An XXH32 hasher; requires lz4-java's native library (see {@link Lz4JniBindings#factory()}). */
    static Hasher32 hasher(long seed) {
        return new Xxh32Lz4Jni(Lz4JniBindings.factory(), seed);
    }

    @Override
    public int hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hash.hash(input, offset, length, seed);
    }

    @Override
    public int hash(MemorySegment input) {
        byte[] array = Lz4JniBindings.array(input);
        if (array != null) {
            return hash.hash(array, (int) input.address(), (int) input.byteSize(), seed);
        }
        if (input.isNative() && input.byteSize() <= Integer.MAX_VALUE) {
            ByteBuffer buffer = input.asByteBuffer();
            return hash.hash(buffer, 0, buffer.capacity(), seed);
        }
        StreamingXXHash32 stream = factory.newStreamingHash32(seed);
        try {
            Lz4JniBindings.feed(input, null, stream::update);
            return stream.getValue();
        } finally {
            stream.close();
        }
    }

    @Override
    public HashStream32 newStream() {
        return new Stream(factory.newStreamingHash32(seed));
    }

    /** Wraps lz4-java's stream; its C state is freed by a cleaner once this stream is unreachable. */
    static final class Stream extends AbstractHashStream implements HashStream32 {
        private final StreamingXXHash32 stream;
        private byte[] chunk;

        Stream(StreamingXXHash32 stream) {
            this.stream = stream;
            Lz4JniBindings.closeWhenUnreachable(this, stream);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            checkRange(input, offset, length);
            stream.update(input, offset, length);
        }

        @Override
        public void update(MemorySegment input) {
            chunk = Lz4JniBindings.feed(input, chunk, stream::update);
        }

        @Override
        public int digest() {
            return stream.getValue();
        }

        @Override
        public void reset() {
            stream.reset();
        }
    }
}
