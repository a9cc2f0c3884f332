package dev.arsenal.providers.natives.ffm;

import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * What the FFM codecs share about moving bytes between Java and C: how much is passed in place in
 * one critical call, the chunk streamed through native buffers otherwise, the cleaner that frees
 * the native state of streams dropped unclosed ({@link Release}), and an output stream over an
 * array range, with which a one-shot call of a large input runs as a stream over native chunks.
 *
 * <p>The sizes are those {@code native-zstd} was written with: a critical call holds off
 * safepoints while it runs, so what it may be given is small enough to take well under a
 * millisecond.
 */
public final class NativeChunks {
    /**
     * The largest input passed in place (a Java array) to one critical call: 256 KiB. LZ4 block
     * decoding, whose time follows the bytes it moves, takes up to {@link #CRITICAL_OUTPUT}.
     */
    public static final int CRITICAL_INPUT = 256 * 1024;

    /** The largest output range passed in place to one critical call: 4 MiB. */
    public static final int CRITICAL_OUTPUT = 4 * 1024 * 1024;

    /** The chunk of input and output streamed through native memory: 128 KiB. */
    public static final int CHUNK = 128 * 1024;

    /** One cleaner thread for the native state of every FFM stream of these codecs. */
    public static final Cleaner CLEANER = Cleaner.create();

    private NativeChunks() {}

    /**
     * Whether a call with {@code inputLength} bytes of input and {@code outputLength} bytes of room
     * may pass Java arrays in place.
     */
    public static boolean inPlace(long inputLength, long outputLength) {
        return inputLength <= CRITICAL_INPUT && outputLength <= CRITICAL_OUTPUT;
    }

    /**
     * A copy of {@code length} bytes of {@code bytes} from {@code offset} in memory of {@code arena}
     * (at least one byte, so that an empty input still has an address).
     */
    public static MemorySegment copy(Arena arena, byte[] bytes, int offset, int length) {
        MemorySegment s = arena.allocate(Math.max(1, length));
        MemorySegment.copy(bytes, offset, s, ValueLayout.JAVA_BYTE, 0, length);
        return s;
    }

    /**
     * Calls {@code free}, a C function {@code size_t free(void* context)} ({@code ZSTD_freeCCtx},
     * {@code LZ4F_freeDecompressionContext}, ...), on {@code context}, and returns its answer.
     */
    public static long free(MethodHandle free, MemorySegment context) {
        try {
            return (long) free.invokeExact(context);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * The native state of a stream, released once: by {@code close()} or, for a stream dropped
     * unclosed, by {@link #CLEANER}. Runs {@code free} on {@code context} (as {@link #free}), then
     * closes {@code arena}, which holds the stream's buffers.
     */
    public record Release(MethodHandle free, MemorySegment context, Arena arena) implements Runnable {
        @Override
        public void run() {
            NativeChunks.free(free, context);
            arena.close();
        }
    }

    /**
     * An output stream that fills {@code array[offset, offset + length)} and throws {@link
     * Overflow} instead of writing past it.
     */
    public static final class ArraySink extends OutputStream {
        private final byte[] array;
        private final int offset;
        private final int length;
        private int written;

        public ArraySink(byte[] array, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, array.length);
            this.array = array;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len > length - written) {
                throw new Overflow();
            }
            System.arraycopy(b, off, array, offset + written, len);
            written += len;
        }

        /** The bytes written so far. */
        public int written() {
            return written;
        }
    }

    /** What {@link ArraySink} throws when the range is full: the caller's output is too small. */
    public static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("output range full", null, false, false);
        }
    }
}
