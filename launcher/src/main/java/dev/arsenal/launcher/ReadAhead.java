package dev.arsenal.launcher;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads a channel to its end on a thread of its own, a few off-heap buffers ahead of the caller,
 * who consumes each piece (hashes it) while the next ones are read: the copy from the page cache
 * and the hashing overlap instead of adding up.
 *
 * <p>Design: {@value #BUFFERS} buffers of one size go round between two queues. The reader takes a
 * free buffer, reads into it (one read: a pipe gives what it has) and hands it over as a piece; the
 * caller consumes the piece and gives the buffer back. The queues are the only shared state, and
 * their {@code put}/{@code take} order the buffer's bytes between the threads (a queue's
 * happens-before edge), so the buffers need no other fence. The reader ends with an end piece, or
 * a piece carrying its {@link IOException}. If the caller stops early (its consumer threw), it
 * interrupts the reader and waits for it, so that no read is in a buffer when the arena closes;
 * an interrupted read closes the channel, which the caller was done with. Memory is the buffers,
 * whatever the input's length.
 */
final class ReadAhead implements AutoCloseable {
    /** Three: one being consumed, one read, one waiting; more gave nothing on the test machine. */
    static final int BUFFERS = 3;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] buffers = new MemorySegment[BUFFERS];

    /** Buffers of {@code size} bytes, allocated now and freed by {@link #close}. */
    ReadAhead(int size) {
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = arena.allocate(size, 4096);
        }
    }

    /** A piece read: {@code length} bytes of {@code buffer}; or the end; or the reader's failure. */
    private record Piece(MemorySegment buffer, int length, IOException failure) {
        static final Piece END = new Piece(null, -1, null);
    }

    /**
     * Reads {@code channel} to its end, giving {@code consumer} each piece in order (a slice of a
     * buffer, valid during the call only).
     *
     * @throws IOException if a read failed, after the pieces before it were consumed
     */
    void forEach(ReadableByteChannel channel, Consumer<MemorySegment> consumer) throws IOException {
        BlockingQueue<MemorySegment> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Piece> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (MemorySegment b : buffers) {
            free.add(b);
        }
        Thread reader = Thread.ofPlatform().name("arsenal-read-ahead").daemon().start(() -> read(channel, free, full));
        boolean finished = false;
        try {
            while (true) {
                Piece p = full.take();
                if (p == Piece.END) {
                    finished = true;
                    return;
                }
                if (p.failure() != null) {
                    finished = true;
                    throw p.failure();
                }
                consumer.accept(p.buffer().asSlice(0, p.length()));
                free.put(p.buffer());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } finally {
            if (!finished) {
                reader.interrupt();
            }
            joinUninterruptibly(reader);
        }
    }

    private static void read(
            ReadableByteChannel channel, BlockingQueue<MemorySegment> free, BlockingQueue<Piece> full) {
        try {
            while (true) {
                MemorySegment b = free.take();
                ByteBuffer view = b.asByteBuffer();
                int n = channel.read(view);
                while (n == 0) { // a read of a non-empty buffer that gave nothing: ask again
                    n = channel.read(view);
                }
                if (n < 0) {
                    full.put(Piece.END);
                    return;
                }
                full.put(new Piece(b, n, null));
            }
        } catch (IOException e) {
            putUninterruptibly(full, new Piece(null, -1, e));
        } catch (InterruptedException e) {
            // the caller stopped
        }
    }

    private static void putUninterruptibly(BlockingQueue<Piece> full, Piece p) {
        boolean interrupted = Thread.interrupted();
        try {
            full.offer(p); // room: the queue holds one more than there are buffers
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frees the buffers; no reader is running by then. */
    @Override
    public void close() {
        arena.close();
    }
}
