package dev.arsenal.providers.natives.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.HashStream64;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.spi.hashing.AbstractHashStream;
import dev.arsenal.spi.hashing.AbstractHasher64;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * XXH64 through lz4-java's JNI ({@code XXHash64JNI}, {@code StreamingXXHash64JNI}). A {@code
 * byte[]} goes to JNI as an array (lz4-java pins it with {@code GetPrimitiveArrayCritical}), a
 * native segment as a direct {@link ByteBuffer} over it; any other segment (read-only, over another
 * array type, beyond 2 GiB) is copied through a small array into a stream.
 */
final class Xxh64Lz4Jni extends AbstractHasher64 {
    private final XXHashFactory factory;
    private final XXHash64 hash;
    private final long seed;

    private Xxh64Lz4Jni(XXHashFactory factory, long seed) {
        super(HashAlgorithm.XXH64, seed);
        this.factory = factory;
        this.hash = factory.hash64();
        this.seed = seed;
    }

    /** An XXH64 hasher; requires lz4-java's native library (see {@link Lz4JniBindings#factory()}). */
    static Hasher64 hasher(long seed) {
        return new Xxh64Lz4Jni(Lz4JniBindings.factory(), seed);
    }

    @Override
    public long hash(byte[] input, int offset, int length) {
        checkRange(input, offset, length);
        return hash.hash(input, offset, length, seed);
    }

    @Override
    public long hash(MemorySegment input) {
        byte[] array = Lz4JniBindings.array(input);
        if (array != null) {
            return hash.hash(array, (int) input.address(), (int) input.byteSize(), seed);
        }
        if (input.isNative() && input.byteSize() <= Integer.MAX_VALUE) {
            ByteBuffer buffer = input.asByteBuffer();
            return hash.hash(buffer, 0, buffer.capacity(), seed);
        }
        StreamingXXHash64 stream = factory.newStreamingHash64(seed);
        try {
            Lz4JniBindings.feed(input, null, stream::update);
            return stream.getValue();
        } finally {
            stream.close();
        }
    }

    @Override
    public HashStream64 newStream() {
        return new Stream(factory.newStreamingHash64(seed));
    }

    /** Wraps lz4-java's stream; its C state is freed by a cleaner once this stream is unreachable. */
    static final class Stream extends AbstractHashStream implements HashStream64 {
        private final StreamingXXHash64 stream;
        private byte[] chunk;

        Stream(StreamingXXHash64 stream) {
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
        public long digest() {
            return stream.getValue();
        }

        @Override
        public void reset() {
            stream.reset();
        }
    }
}
