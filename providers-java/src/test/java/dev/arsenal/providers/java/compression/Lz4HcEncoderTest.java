package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Lz4HcEncoder}, LZ4 HC at levels 2 to 9, on the fast encoder's awkward inputs: every length
 * to 64 bytes, runs, incompressible data, sizes around 64 KiB, far matches and random mixes, each
 * decoded and walked for the end rules ({@link Lz4FastEncoderTest#sequences}); outputs too small
 * fail between guard bytes; higher levels never write more than the fast compressor on text.
 * {@link Lz4ToolInteropTest} has the {@code lz4} tool read HC frames and compares their sizes.
 */
class Lz4HcEncoderTest {
    private static final byte GUARD = (byte) 0xC3;

    @Test
    void everyLengthUpTo64RoundTripsAtEveryLevel() {
        for (int level = Lz4HcEncoder.MIN_LEVEL; level <= Lz4HcEncoder.MAX_LEVEL; level++) {
            for (int length = 0; length <= 64; length++) {
                for (String kind : List.of("zeros", "random", "text", "period 3", "period 7")) {
                    check(level, Lz4FastEncoderTest.input(kind, length), kind + ", " + length + " bytes");
                }
            }
        }
    }

    @Test
    void largerInputsRoundTripAtEveryLevel() {
        Random random = new Random(5);
        for (int level = Lz4HcEncoder.MIN_LEVEL; level <= Lz4HcEncoder.MAX_LEVEL; level++) {
            for (int length : new int[] {100, 1000, 65_535, 65_536, 65_547, 200_000}) {
                for (String kind : List.of("zeros", "random", "text", "period 7")) {
                    check(level, Lz4FastEncoderTest.input(kind, length), kind + " " + length);
                }
                byte[] mixed = new byte[length];
                for (int i = 0; i < length; i++) {
                    if (i > 8 && random.nextInt(16) == 0) {
                        int from = Math.max(0, i - 1 - random.nextInt(Math.min(i, 70_000)));
                        int n = Math.min(length - i, 4 + random.nextInt(60));
                        System.arraycopy(mixed, from, mixed, i, Math.min(n, i - from));
                        i += Math.min(n, i - from) - 1;
                    } else {
                        mixed[i] = (byte) random.nextInt(random.nextBoolean() ? 3 : 256);
                    }
                }
                check(level, mixed, "mixed " + length);
            }
        }
    }

    /** A copy 65535 bytes back is found; 65536 back it is out of reach. */
    @Test
    void matchesReachBack65535BytesAndNoFarther() {
        Random random = new Random(6);
        byte[] copy = new byte[300];
        random.nextBytes(copy);
        for (int level : new int[] {2, 9}) {
            for (int distance : new int[] {65_535, 65_536}) {
                byte[] input = new byte[distance + copy.length + 100];
                System.arraycopy(copy, 0, input, 0, copy.length);
                for (int i = copy.length; i < distance; i++) {
                    input[i] = (byte) ('a' + random.nextInt(3));
                }
                System.arraycopy(copy, 0, input, distance, copy.length);
                byte[] block = check(level, input, "distance " + distance);
                boolean reached = Lz4FastEncoderTest.sequences(block, input.length).stream()
                        .anyMatch(s -> s[1] == distance && s[2] >= copy.length - 8);
                assertEquals(distance <= 65_535, reached, "level " + level + ": a match " + distance + " back");
            }
        }
    }

    @Test
    void outputsTooSmallFailWithoutWritingPastTheRange() {
        List<byte[]> inputs = new ArrayList<>();
        for (String kind : List.of("zeros", "random", "text")) {
            for (int length : new int[] {0, 12, 13, 40, 700}) {
                inputs.add(Lz4FastEncoderTest.input(kind, length));
            }
        }
        for (int level : new int[] {2, 5, 9}) {
            for (byte[] input : inputs) {
                byte[] block = compress(level, input);
                for (int room = 0; room <= block.length; room++) {
                    byte[] output = new byte[room + 64];
                    Arrays.fill(output, GUARD);
                    int n = Lz4BlockJava.compressBlock(level, input, 0, input.length, output, 32, room);
                    String what = "level " + level + ", " + input.length + " bytes into " + room;
                    assertEquals(room < block.length ? -1 : block.length, n, what);
                    for (int i = 0; i < 32; i++) {
                        assertEquals(GUARD, output[i], what + ": wrote before the range");
                        assertEquals(GUARD, output[32 + room + i], what + ": wrote past the range");
                    }
                }
            }
        }
    }

    /** On text, each level writes no more than the fast compressor, and level 9 less than level 2. */
    @Test
    void higherLevelsWriteLess() {
        byte[] text = Lz4FastEncoderTest.input("text", 300_000);
        int fast = compress(1, text).length;
        int previous = fast;
        for (int level = Lz4HcEncoder.MIN_LEVEL; level <= Lz4HcEncoder.MAX_LEVEL; level++) {
            int n = compress(level, text).length;
            assertTrue(n <= fast, "level " + level + ": " + n + " bytes, level 1 " + fast);
            previous = n;
        }
        assertTrue(previous < compress(2, text).length, "level 9 " + previous);
    }

    /** Matchers are pooled: threads compressing at once, at mixed levels, write what one thread does. */
    @Test
    void threadsCompressingAtOnceWriteWhatOneThreadWrites() throws Exception {
        int[] levels = {2, 9, 10, 12};
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(Lz4FastEncoderTest.input(i % 2 == 0 ? "text" : "period 7", 2000 + i * 7_000));
        }
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            expected.add(compress(levels[i % levels.length], inputs.get(i)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            int k = (i + first) % inputs.size();
                            assertArrayEquals(
                                    expected.get(k), compress(levels[k % levels.length], inputs.get(k)), "input " + k);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private static byte[] check(int level, byte[] input, String what) {
        String w = "level " + level + ", " + what;
        byte[] block = compress(level, input);
        assertTrue(block.length <= Lz4BlockJava.maxBlockLength(input.length), w + ": above the bound");
        byte[] back = new byte[input.length];
        int n = Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, block, 0, block.length, back, 0, back.length);
        assertEquals(input.length, n, w);
        assertArrayEquals(input, back, w);
        Lz4FastEncoderTest.sequences(block, input.length);
        return block;
    }

    private static byte[] compress(int level, byte[] input) {
        byte[] output = new byte[Lz4BlockJava.maxBlockLength(input.length)];
        int n = Lz4BlockJava.compressBlock(level, input, 0, input.length, output, 0, output.length);
        assertTrue(n > 0, "does not fit its bound: " + n);
        return Arrays.copyOf(output, n);
    }
}
