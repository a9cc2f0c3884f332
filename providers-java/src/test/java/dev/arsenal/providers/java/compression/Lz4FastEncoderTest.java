package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arsenal.compression.Codec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Lz4FastEncoder}, the level-1 block compressor, on inputs that reach its corners: every
 * length from 0 to 64 bytes (the 13-byte minimum and the end rules), runs, incompressible data, the
 * sizes around its two tables' boundary (64 KiB + 11 bytes) and matches 65535 and 65536 bytes back.
 * Every block is decoded by this package's decoder and walked sequence by sequence to check the
 * format's end rules; outputs too small by any number of bytes fail cleanly, between guard bytes.
 * {@link Lz4ToolInteropTest} has the {@code lz4} tool read what it writes.
 */
class Lz4FastEncoderTest {
    private static final byte GUARD = (byte) 0x5A;

    @Test
    void everyLengthUpTo64RoundTrips() {
        for (int length = 0; length <= 64; length++) {
            for (String kind : List.of("zeros", "random", "text", "period 3", "period 7")) {
                byte[] input = input(kind, length);
                check(input, kind + ", " + length + " bytes");
            }
        }
    }

    @Test
    void blocksUnder13BytesAreLiterals() {
        for (int length = 0; length < Lz4FastEncoder.MIN_LENGTH; length++) {
            byte[] input = new byte[length]; // zeros: a match at every position, were one allowed
            List<int[]> sequences = sequences(compress(input), length);
            assertEquals(1, sequences.size(), length + " bytes");
            assertEquals(length, sequences.getFirst()[0], length + " bytes");
        }
        // From 13 bytes on, a run is a match.
        byte[] thirteen = new byte[13];
        assertEquals(2, sequences(compress(thirteen), 13).size());
    }

    @Test
    void runsAndIncompressibleDataRoundTrip() {
        Random random = new Random(1);
        for (int length : new int[] {100, 255, 270, 271, 1000, 4096, 65_535, 100_000, 1 << 20}) {
            byte[] zeros = new byte[length];
            check(zeros, "zeros " + length);
            byte[] noise = new byte[length];
            random.nextBytes(noise);
            byte[] block = check(noise, "random " + length);
            // Incompressible: no longer than its bytes as literals (1 token, 1 + (length - 15) / 255
            // length bytes).
            assertTrue(block.length <= length + 2 + (length - 15) / 255, "random " + length + ": " + block.length);
            byte[] mixed = new byte[length];
            for (int i = 0; i < length; i += 1 + random.nextInt(300)) {
                // Runs of a byte, each of a random length, between random bytes.
                int run = Math.min(length - i, random.nextInt(600));
                Arrays.fill(mixed, i, i + run, (byte) random.nextInt(4));
                i += run;
                if (i < length) {
                    mixed[i] = (byte) random.nextInt();
                }
            }
            check(mixed, "runs " + length);
        }
    }

    @Test
    void sizesAroundTheTablesBoundaryRoundTrip() {
        int boundary = Lz4FastEncoder.SMALL_INPUT;
        for (int length = boundary - 20; length <= boundary + 20; length++) {
            check(input("text", length), "text " + length);
            check(input("period 7", length), "period 7, " + length);
        }
        for (int length : new int[] {65_535, 65_536, 65_537, 131_072, 131_073}) {
            check(input("text", length), "text " + length);
        }
    }

    /**
     * Matches exactly 65535 bytes back (the farthest an offset reaches) are taken, at both ends of a
     * block; 65536 bytes back they are not (the 16-bit offset would be 0). The filler between the two
     * copies is a run, which keeps the search at one step per position without touching the copy's
     * table entries.
     */
    @Test
    void matchesReachBack65535BytesAndNoFarther() {
        Random random = new Random(2);
        byte[] copy = new byte[300];
        random.nextBytes(copy);
        for (int distance : new int[] {65_534, 65_535, 65_536, 65_537}) {
            byte[] input = new byte[distance + copy.length + 100];
            System.arraycopy(copy, 0, input, 0, copy.length);
            Arrays.fill(input, copy.length, distance, (byte) 'z');
            System.arraycopy(copy, 0, input, distance, copy.length);
            for (int i = distance + copy.length; i < input.length; i++) {
                input[i] = (byte) random.nextInt();
            }
            byte[] block = check(input, "distance " + distance);
            List<int[]> sequences = sequences(block, input.length);
            boolean reached = sequences.stream().anyMatch(s -> s[1] == distance && s[2] >= copy.length);
            assertEquals(distance <= 65_535, reached, "a match " + distance + " back");
        }
    }

    @Test
    void randomInputsRoundTrip() {
        Random random = new Random(3);
        for (int round = 0; round < 300; round++) {
            int length = random.nextInt(8) == 0 ? random.nextInt(200_000) : random.nextInt(3000);
            byte[] input = new byte[length];
            int alphabet = 1 + random.nextInt(random.nextBoolean() ? 4 : 256);
            for (int i = 0; i < length; i++) {
                // Copies from earlier, near and far, between bytes of a small alphabet.
                if (i > 8 && random.nextInt(20) == 0) {
                    int from = random.nextInt(i);
                    int n = Math.min(length - i, random.nextInt(100));
                    for (int k = 0; k < n; k++) {
                        input[i + k] = input[from + k];
                    }
                    i += Math.max(0, n - 1);
                } else {
                    input[i] = (byte) random.nextInt(alphabet);
                }
            }
            check(input, "round " + round + ", " + length + " bytes");
        }
    }

    /**
     * Into every output size below the block's length the encoder fails (-1) and writes nothing
     * outside the range; into exactly its length it writes the same block: its room checks count
     * exactly what the rest of the block needs.
     */
    @Test
    void outputsTooSmallFailWithoutWritingPastTheRange() {
        List<byte[]> inputs = new ArrayList<>();
        for (String kind : List.of("zeros", "random", "text", "period 3")) {
            for (int length : new int[] {0, 1, 12, 13, 14, 20, 300, 1000}) {
                inputs.add(input(kind, length));
            }
        }
        inputs.add(input("text", 70_000)); // the large table
        byte[] longRuns = new byte[5000]; // length bytes of 255s in literal runs and matches
        new Random(4).nextBytes(longRuns);
        Arrays.fill(longRuns, 600, 1500, (byte) 7);
        inputs.add(longRuns);
        for (byte[] input : inputs) {
            byte[] block = compress(input);
            int step = block.length > 2000 ? 37 : 1;
            for (int room = 0; room <= block.length; room += room >= block.length - 20 ? 1 : step) {
                byte[] output = new byte[room + 64];
                Arrays.fill(output, GUARD);
                int n = Lz4BlockJava.compressBlock(input, 0, input.length, output, 32, room);
                String what = input.length + " bytes into " + room + " (needs " + block.length + ")";
                if (room < block.length) {
                    assertEquals(-1, n, what);
                } else {
                    assertEquals(block.length, n, what);
                    assertArrayEquals(block, Arrays.copyOfRange(output, 32, 32 + n), what);
                }
                for (int i = 0; i < 32; i++) {
                    assertEquals(GUARD, output[i], what + ": wrote before the range");
                    assertEquals(GUARD, output[32 + room + i], what + ": wrote past the range");
                }
            }
        }
    }

    @Test
    void inputAtAnOffsetCompressesAsAlone() {
        byte[] text = input("text", 20_000);
        byte[] alone = compress(Arrays.copyOfRange(text, 777, 15_777));
        byte[] output = new byte[Lz4BlockJava.maxBlockLength(15_000) + 100];
        int n = Lz4BlockJava.compressBlock(text, 777, 15_000, output, 50, output.length - 50);
        assertArrayEquals(alone, Arrays.copyOfRange(output, 50, 50 + n));
        // The bytes before the offset are not matched into: the same text before it changes nothing.
        byte[] twice = new byte[30_000];
        System.arraycopy(text, 0, twice, 0, 15_000);
        System.arraycopy(text, 0, twice, 15_000, 15_000);
        byte[] second = compress(Arrays.copyOfRange(twice, 15_000, 30_000));
        n = Lz4BlockJava.compressBlock(twice, 15_000, 15_000, output, 0, output.length);
        assertArrayEquals(second, Arrays.copyOf(output, n));
    }

    /** Compressors share their tables through a pool: threads at once write what one thread does. */
    @Test
    void threadsCompressingAtOnceWriteWhatOneThreadWrites() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            inputs.add(input(i % 2 == 0 ? "text" : "period 7", 1000 + i * 9_000));
        }
        List<byte[]> expected =
                inputs.stream().map(Lz4FastEncoderTest::compress).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            int k = (i + first) % inputs.size();
                            assertArrayEquals(expected.get(k), compress(inputs.get(k)), "input " + k);
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

    // ---- helpers ----

    /** Compresses {@code input}, decodes the block, checks it and the end rules; returns the block. */
    private static byte[] check(byte[] input, String what) {
        byte[] block = compress(input);
        assertTrue(block.length <= Lz4BlockJava.maxBlockLength(input.length), what + ": above the bound");
        byte[] back = new byte[input.length];
        int n = Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, block, 0, block.length, back, 0, back.length);
        assertEquals(input.length, n, what);
        assertArrayEquals(input, back, what);
        sequences(block, input.length);
        return block;
    }

    private static byte[] compress(byte[] input) {
        byte[] output = new byte[Lz4BlockJava.maxBlockLength(input.length)];
        int n = Lz4BlockJava.compressBlock(input, 0, input.length, output, 0, output.length);
        assertTrue(n > 0, "does not fit its bound: " + n);
        return Arrays.copyOf(output, n);
    }

    /**
     * The sequences of a block of {@code length} bytes, each {literals, offset, match length} (the
     * last with offset 0), after checking the format's end rules as the reference encoder keeps them:
     * the last 5 bytes are literals, every match starts 12 bytes or more before the end, and a block
     * under 13 bytes is one run of literals.
     */
    static List<int[]> sequences(byte[] block, int length) {
        List<int[]> sequences = new ArrayList<>();
        int ip = 0;
        int out = 0;
        while (true) {
            int token = block[ip++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    b = block[ip++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            ip += literals;
            out += literals;
            if (ip == block.length) {
                sequences.add(new int[] {literals, 0, 0});
                break;
            }
            int offset = (block[ip] & 0xFF) | (block[ip + 1] & 0xFF) << 8;
            ip += 2;
            int match = token & 15;
            if (match == 15) {
                int b;
                do {
                    b = block[ip++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            match += 4;
            if (out > length - Lz4FastEncoder.LAST_MATCH_START) {
                fail("a match starts " + (length - out) + " bytes before the end of " + length);
            }
            if (out + match > length - Lz4FastEncoder.LAST_LITERALS) {
                fail("a match ends " + (length - out - match) + " bytes before the end of " + length);
            }
            if (offset == 0 || offset > out) {
                fail("offset " + offset + " at " + out);
            }
            sequences.add(new int[] {literals, offset, match});
            out += match;
        }
        assertEquals(length, out, "the block's length");
        if (length < Lz4FastEncoder.MIN_LENGTH) {
            assertEquals(1, sequences.size(), "a block under 13 bytes has literals only");
        }
        return sequences;
    }

    /** Test inputs of a kind, the same for the same length. */
    static byte[] input(String kind, int length) {
        byte[] b = new byte[length];
        Random random = new Random(length * 31L + kind.hashCode());
        switch (kind) {
            case "zeros" -> {}
            case "random" -> random.nextBytes(b);
            case "text" -> {
                byte[] words = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs\n"
                        .getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < length; i++) {
                    b[i] = random.nextInt(16) == 0 ? (byte) random.nextInt(256) : words[(i * 7 / 5) % words.length];
                }
            }
            case "period 3" -> {
                for (int i = 0; i < length; i++) {
                    b[i] = (byte) "abc".charAt(i % 3);
                }
            }
            case "period 7" -> {
                for (int i = 0; i < length; i++) {
                    b[i] = (byte) (i % 7 * 37);
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return b;
    }
}
