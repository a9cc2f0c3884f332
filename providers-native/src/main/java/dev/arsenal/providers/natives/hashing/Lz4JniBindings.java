package dev.arsenal.providers.natives.hashing;

import java.io.Closeable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import net.jpountz.xxhash.XXHashFactory;

/**
 * lz4-java's JNI xxHash ({@link XXHashFactory#nativeInstance()}), and what its hashers share.
 *
 * <p>This class and {@link Xxh32Lz4Jni} / {@link Xxh64Lz4Jni} are the only ones that name {@code
 * net.jpountz} types. {@link Lz4JniXxhashProvider} loads none of them before its probe has found
 * {@code net.jpountz.xxhash.XXHashFactory} with {@link Class#forName}, so the provider class loads
 * (and says why it is unavailable) without lz4-java.
 *
 * <p>lz4-java's streaming hashes hold a C state ({@code XXH32_state_t}, {@code XXH64_state_t}) that
 * {@code close()} frees. Arsenal's streams have no {@code close()}, so each lz4-java stream is
 * closed by a {@link Cleaner} once the Arsenal stream wrapping it is unreachable. (lz4-java also
 * frees it in {@code finalize()}, which {@code --finalization=disabled} turns off; the cleaner does
 * not depend on it.)
 */
final class Lz4JniBindings {
    /** The class whose presence means lz4-java is on the class path. */
    static final String FACTORY_CLASS = "net.jpountz.xxhash.XXHashFactory";

    /** The size of the copy buffer for segments that are neither a {@code byte[]} nor native. */
    static final int CHUNK = 8192;

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private Lz4JniBindings() {}

    /**
     * lz4-java's JNI factory: loads its native library on the first call (extracting it to {@code
     * java.io.tmpdir}) and runs lz4-java's own round-trip check.
     *
     * @throws LinkageError if the native library cannot be loaded ({@link
     *     ExceptionInInitializerError} the first time, {@link NoClassDefFoundError} after)
     * @throws AssertionError if lz4-java's self-check failed
     */
    static XXHashFactory factory() {
        return XXHashFactory.nativeInstance();
    }

    /** Loads the JNI factory and says what it is ({@code XXHashFactory:JNI}); throws as {@link #factory()}. */
    static String load() {
        return factory().toString();
    }

    /** Closes {@code stream} once {@code owner} is unreachable; the action holds no reference to the owner. */
    static void closeWhenUnreachable(Object owner, Closeable stream) {
        CleanerHolder.CLEANER.register(owner, () -> {
            try {
                stream.close();
            } catch (java.io.IOException e) {
                // lz4-java's streams do not throw on close
            }
        });
    }

    /**
     * The {@code byte[]} behind a writable heap segment, or {@code null}; the segment starts at index
     * {@link MemorySegment#address()} of that array.
     */
    static byte[] array(MemorySegment segment) {
        if (segment.isNative()) {
            return null;
        }
        return segment.heapBase().orElse(null) instanceof byte[] array ? array : null;
    }

    /** Receives bytes copied out of a segment. */
    interface ByteSink {
        /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
        void update(byte[] bytes, int offset, int length);
    }

    /**
     * Feeds a segment to {@code sink}: directly when it is a {@code byte[]}, else in copies of at most
     * {@link #CHUNK} bytes through {@code chunk}.
     *
     * @param chunk a buffer of {@link #CHUNK} bytes owned by the caller, or {@code null} to have one
     *     made
     * @return the buffer used, for the caller to keep
     */
    static byte[] feed(MemorySegment input, byte[] chunk, ByteSink sink) {
        byte[] array = array(input);
        if (array != null) {
            sink.update(array, (int) input.address(), (int) input.byteSize());
            return chunk;
        }
        long size = input.byteSize();
        if (size == 0) {
            return chunk;
        }
        byte[] buffer = chunk != null ? chunk : new byte[CHUNK];
        for (long position = 0; position < size; ) {
            int n = (int) Math.min(CHUNK, size - position);
            MemorySegment.copy(input, ValueLayout.JAVA_BYTE, position, buffer, 0, n);
            sink.update(buffer, 0, n);
            position += n;
        }
        return buffer;
    }
}
