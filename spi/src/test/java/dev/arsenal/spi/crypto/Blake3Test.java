package dev.arsenal.spi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Blake3} with the scalar batch, and the contract of every {@link Blake3.ChunkBatch}: a
 * batch's test extends this class and overrides {@link #batch()}, and everything here runs again
 * with it.
 *
 * <ul>
 *   <li>BLAKE3's official vectors ({@link Blake3Vectors}, checked against their SHA256SUMS): every
 *       length, the three modes, the 131-byte extended output and its 32-byte prefix, from arrays,
 *       heap, direct and read-only buffers and segments on and off the heap;
 *   <li>input split at every block and chunk boundary and one byte either side, and at random, gives
 *       the one-shot output; so does finishing midway and going on;
 *   <li>the output from any position equals that slice of a longer output; a copy and a reset are
 *       independent of the original;
 *   <li>a batch of another degree, hashing its chunks another way, gives the same bytes for every
 *       length around every boundary to 20,000 (with the scalar batch only: a batch's own test
 *       compares it with the scalar code);
 *   <li>misuse refused with the facts: keys of 31 and 33 bytes, ranges outside arrays, a negative
 *       output position.
 * </ul>
 */
public class Blake3Test {
    /** The batch under test; a subclass returns its own. */
    protected Blake3.ChunkBatch batch() {
        return Blake3.ChunkBatch.scalar();
    }

    /** The test vectors' input: the bytes {@code i % 251}. */
    protected static byte[] input(int length) {
        return DigestKnownAnswers.input(length);
    }

    /** {@code length} bytes of output from the start. */
    protected static byte[] output(Blake3 h, int length) {
        byte[] out = new byte[length];
        h.finish(out, 0, length);
        return out;
    }

    /** The output of {@code in} hashed at once. */
    private byte[] oneShot(Supplier<Blake3> mode, byte[] in, int length) {
        Blake3 h = mode.get();
        h.update(in, 0, in.length);
        return output(h, length);
    }

    private Supplier<Blake3> hash() {
        return () -> Blake3.hash(batch());
    }

    /** The three modes under the vectors' key and context, with this test's batch. */
    private List<Supplier<Blake3>> modes() {
        Blake3.ChunkBatch b = batch();
        byte[] key = Blake3Vectors.key();
        String context = Blake3Vectors.context();
        return List.of(() -> Blake3.hash(b), () -> Blake3.keyed(key, b), () -> Blake3.deriveKey(context, b));
    }

    /** Lengths 0 to {@code max}: every one near a block or chunk boundary, a few between. */
    protected static int[] boundaryLengths(int max) {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int boundary = 0; boundary <= max + 2; boundary += Blake3.BLOCK_LEN) {
            for (int d = -2; d <= 2; d++) {
                lengths.add(boundary + d);
            }
            lengths.add(boundary + 17);
        }
        return lengths.stream()
                .mapToInt(Integer::intValue)
                .filter(n -> n >= 0 && n <= max)
                .toArray();
    }

    @Test
    void theOfficialVectorsMatchInEveryMode() {
        Blake3.ChunkBatch b = batch();
        byte[] key = Blake3Vectors.key();
        String context = Blake3Vectors.context();
        for (Blake3Vectors.Case c : Blake3Vectors.cases()) {
            byte[] in = input(c.inputLength());
            String what = c.inputLength() + " bytes with " + b;
            check(c.hash(), Blake3.hash(b), in, "hash of " + what);
            check(c.keyedHash(), Blake3.keyed(key, b), in, "keyed hash of " + what);
            check(c.deriveKey(), Blake3.deriveKey(context, b), in, "derive_key of " + what);
            check(
                    c.deriveKey(),
                    Blake3.deriveKey(context.getBytes(StandardCharsets.UTF_8), b),
                    in,
                    "derive_key(byte[])");
        }
        if (b == Blake3.ChunkBatch.scalar()) {
            Blake3Vectors.Case c = Blake3Vectors.cases().get(20);
            byte[] in = input(c.inputLength());
            check(c.hash(), Blake3.hash(), in, "hash()");
            check(c.keyedHash(), Blake3.keyed(key), in, "keyed(key)");
            check(c.deriveKey(), Blake3.deriveKey(context), in, "deriveKey(String)");
            check(c.deriveKey(), Blake3.deriveKey(context.getBytes(StandardCharsets.UTF_8)), in, "deriveKey(byte[])");
        }
    }

    /** The 131 bytes, the 32-byte prefix, and both again (finishing changes nothing). */
    private static void check(byte[] expected, Blake3 h, byte[] in, String what) {
        h.update(in, 0, in.length);
        assertArrayEquals(expected, output(h, expected.length), what);
        assertArrayEquals(Arrays.copyOf(expected, 32), output(h, 32), what + ", 32 bytes");
        assertArrayEquals(expected, output(h, expected.length), what + ", finished twice");
    }

    @Test
    void everyInputFormGivesTheOfficialHash() {
        try (Arena arena = Arena.ofConfined()) {
            for (Blake3Vectors.Case c : Blake3Vectors.cases()) {
                int n = c.inputLength();
                byte[] padded = new byte[n + 10];
                System.arraycopy(input(n), 0, padded, 7, n);
                String what = n + " bytes";

                Blake3 h = Blake3.hash(batch());
                h.update(padded, 7, n);
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from an offset");

                ByteBuffer heap = ByteBuffer.wrap(padded, 7, n).slice();
                h = Blake3.hash(batch());
                h.update(heap);
                assertEquals(heap.limit(), heap.position(), what + ": the heap buffer is consumed");
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from a heap buffer");

                ByteBuffer direct = ByteBuffer.allocateDirect(n + 3).position(3);
                direct.put(input(n)).position(3);
                h = Blake3.hash(batch());
                h.update(direct);
                assertFalse(direct.hasRemaining(), what + ": the direct buffer is consumed");
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from a direct buffer");

                h = Blake3.hash(batch());
                h.update(ByteBuffer.wrap(padded, 7, n).asReadOnlyBuffer());
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from a read-only buffer");

                h = Blake3.hash(batch());
                h.update(MemorySegment.ofArray(padded).asSlice(7, n));
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from a heap segment");

                MemorySegment offHeap = arena.allocate(n + 1).asSlice(1, n);
                offHeap.copyFrom(MemorySegment.ofArray(input(n)));
                h = Blake3.hash(batch());
                h.update(offHeap);
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from an off-heap segment");

                h = Blake3.hash(batch());
                h.update(MemorySegment.ofArray(padded).asSlice(7, n).asReadOnly());
                assertArrayEquals(c.hash(), output(h, c.hash().length), what + " from a read-only segment");
            }
        }
    }

    @Test
    void splitsAtEveryBoundaryGiveTheOneShotOutput() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n : new int[] {0, 1, 63, 64, 65, 1023, 1024, 1025, 2048, 3 * 1024 + 5, 17 * 1024, 17 * 1024 + 1}) {
            byte[] in = new byte[n];
            random.nextBytes(in);
            for (Supplier<Blake3> mode : modes()) {
                byte[] expected = oneShot(mode, in, 100);
                for (int boundary = 0; boundary <= n; boundary += Blake3.BLOCK_LEN) {
                    for (int split = Math.max(0, boundary - 1); split <= Math.min(n, boundary + 1); split++) {
                        Blake3 h = mode.get();
                        h.update(in, 0, split);
                        h.update(in, split, n - split);
                        assertArrayEquals(expected, output(h, 100), n + " bytes split at " + split);
                    }
                }
            }
        }
    }

    @Test
    void randomPiecesGiveTheOneShotOutput() {
        SplittableRandom random = new SplittableRandom(2);
        for (int round = 0; round < 100; round++) {
            int n = random.nextInt(40_000);
            byte[] in = new byte[n];
            random.nextBytes(in);
            byte[] expected = oneShot(hash(), in, 64);
            Blake3 h = Blake3.hash(batch());
            StringBuilder pieces = new StringBuilder();
            for (int p = 0; p < n; ) {
                int k = Math.min(n - p, random.nextInt(4) == 0 ? random.nextInt(9000) : random.nextInt(200));
                h.update(in, p, k);
                pieces.append(k).append(' ');
                p += k;
            }
            assertArrayEquals(expected, output(h, 64), n + " bytes in pieces " + pieces);
        }
    }

    @Test
    void finishingMidwayChangesNothing() {
        SplittableRandom random = new SplittableRandom(3);
        TreeSet<Integer> lengths = new TreeSet<>(List.of(0, 1, 63, 64, 65, 127, 128, 129));
        for (int chunk = Blake3.CHUNK_LEN; chunk <= 20 * Blake3.CHUNK_LEN; chunk += Blake3.CHUNK_LEN) {
            lengths.addAll(List.of(chunk - 1, chunk, chunk + 1));
        }
        for (int n : lengths) {
            byte[] in = new byte[n];
            random.nextBytes(in);
            int first = n == 0 ? 0 : random.nextInt(n + 1);
            Blake3 h = Blake3.hash(batch());
            h.update(in, 0, first);
            byte[] early = output(h, 40);
            h.update(in, first, n - first);
            assertArrayEquals(oneShot(hash(), in, 40), output(h, 40), n + " bytes, finished after " + first);
            assertArrayEquals(oneShot(hash(), Arrays.copyOf(in, first), 40), early, "the early output");
        }
    }

    @Test
    void outputFromAPositionIsThatSliceOfALongerOutput() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : new int[] {0, 64, 1024, 5000}) {
            Blake3 h = Blake3.hash(batch());
            h.update(input(n), 0, n);
            byte[] all = output(h, 4096);
            for (int i = 0; i < 300; i++) {
                int position = random.nextInt(4096);
                int length = random.nextInt(4096 - position + 1);
                byte[] slice = new byte[length + 2];
                h.finish(position, slice, 1, length);
                assertArrayEquals(
                        Arrays.copyOfRange(all, position, position + length),
                        Arrays.copyOfRange(slice, 1, length + 1),
                        n + " bytes, output from " + position + " for " + length);
            }
            // far into the stream: overlapping reads agree (block counter above 2^32)
            long far = (1L << 40) + 61;
            byte[] wide = new byte[200];
            h.finish(far - 100, wide, 0, 200);
            byte[] narrow = new byte[50];
            h.finish(far, narrow, 0, 50);
            assertArrayEquals(Arrays.copyOfRange(wide, 100, 150), narrow, "output from 2^40 + 61");
        }
    }

    @Test
    void aCopyAndAResetAreIndependent() {
        byte[] in = input(10_000);
        for (Supplier<Blake3> mode : modes()) {
            // copied at every kind of state: empty, a partial block, a full chunk waiting, whole
            // chunks hashed by the batch with the last one's chaining value waiting
            for (int at : new int[] {0, 1, 64, 1024, 2048, 3000, 4096, 8192}) {
                Blake3 h = mode.get();
                h.update(in, 0, at);
                Blake3 copy = h.copy();
                copy.update(in, at, in.length - at);
                h.update(new byte[5], 0, 5);
                assertArrayEquals(oneShot(mode, in, 64), output(copy, 64), "a copy made after " + at + " bytes");
                byte[] mixed = Arrays.copyOf(in, at + 5);
                Arrays.fill(mixed, at, at + 5, (byte) 0);
                assertArrayEquals(oneShot(mode, mixed, 64), output(h, 64), "the original, copied after " + at);

                h.reset();
                assertArrayEquals(oneShot(mode, new byte[0], 64), output(h, 64), "reset: no input");
                h.update(in, 0, in.length);
                assertArrayEquals(oneShot(mode, in, 64), output(h, 64), "reset, then the whole input");
            }
        }
    }

    /** Degree 4 (and 3), each chunk by {@link Blake3#hashChunk} in reverse order; counts its chunks. */
    private static final class OtherBatch implements Blake3.ChunkBatch {
        final int degree;
        final AtomicInteger chunks = new AtomicInteger();

        OtherBatch(int degree) {
            this.degree = degree;
        }

        @Override
        public int degree() {
            return degree;
        }

        @Override
        public void hashChunks(byte[] in, int off, int chunks, int[] key, long counter, int flags, int[] cvsOut) {
            assertTrue(chunks >= 1 && chunks <= Math.max(16, degree), chunks + " chunks in one call");
            for (int i = chunks - 1; i >= 0; i--) {
                Blake3.hashChunk(in, off + i * Blake3.CHUNK_LEN, key, counter + i, flags, cvsOut, 8 * i);
            }
            this.chunks.addAndGet(chunks);
        }
    }

    /** The tree against another batch: run once, here; a batch's test compares with the scalar code. */
    @Test
    void aBatchOfAnotherDegreeGivesTheSameBytes() {
        assumeTrue(batch() == Blake3.ChunkBatch.scalar(), "tests Blake3's tree with the scalar batch only");
        byte[] in = new byte[20_000];
        new SplittableRandom(5).nextBytes(in);
        byte[] key = Blake3Vectors.key();
        for (int degree : new int[] {4, 3}) {
            OtherBatch other = new OtherBatch(degree);
            for (int n : boundaryLengths(in.length)) {
                byte[] data = Arrays.copyOf(in, n);
                assertArrayEquals(
                        oneShot(hash(), data, 64),
                        oneShot(() -> Blake3.hash(other), data, 64),
                        n + " bytes, batch of degree " + degree);
                if (n % 1024 <= 1) {
                    assertArrayEquals(
                            oneShot(() -> Blake3.keyed(key, batch()), data, 64),
                            oneShot(() -> Blake3.keyed(key, other), data, 64),
                            n + " bytes keyed, batch of degree " + degree);
                }
            }
            assertTrue(other.chunks.get() > 1000, "the batch hashed " + other.chunks + " chunks");
        }
    }

    @Test
    void misuseIsRefusedWithTheFacts() {
        for (int length : new int[] {0, 31, 33}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Blake3.keyed(new byte[length], batch()));
            assertTrue(e.getMessage().contains("not " + length), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> Blake3.keyed(null));
        assertThrows(IllegalArgumentException.class, () -> Blake3.hash(new OtherBatch(0)));

        Blake3 h = Blake3.hash(batch());
        byte[] in = new byte[10];
        assertThrows(IndexOutOfBoundsException.class, () -> h.update(in, 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> h.update(in, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> h.finish(in, 8, 3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> h.finish(-3, new byte[1], 0, 1));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        assertArrayEquals(oneShot(hash(), new byte[0], 32), output(h, 32), "refused calls leave the state alone");
    }
}
