package dev.arsenal.providers.java.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.compression.MalformedInputException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Lz4BlockJava}'s decoder on blocks written here sequence by sequence, so that they hold
 * what an encoder seldom writes: every short match distance (the overlapping copies), literal and
 * match lengths around the 15 and 255 steps of their encoding. Each is checked against a
 * byte-by-byte decoding, with output ranges exactly as long as the content and longer, and bytes
 * around the range that must stay as they were. Those blocks keep the format's end rules (the last
 * 12 bytes literals), so that they decode in any room that holds them; the blocks that break them
 * get liblz4's verdicts, which depend on the room ({@link #endRulesFollowLiblz4}).
 */
class Lz4BlockJavaTest {
    private static final byte CANARY = (byte) 0xA5;

    @Test
    void everyShortDistanceAndLengthDecodes() {
        for (int distance = 1; distance <= 20; distance++) {
            for (int match = 4; match <= 40; match++) {
                for (int literals = 0; literals <= 20; literals++) {
                    // A long last run puts the matches far from the end, where copies run ahead.
                    for (int tail : new int[] {Math.max(literals, 12), 100}) {
                        Block b = new Block(new Random(distance * 1000L + match * 50L + literals));
                        b.sequence(Math.max(literals, distance), 0, 0); // something to reach back to
                        b.sequence(literals, distance, match);
                        b.sequence(literals, distance, match);
                        b.last(tail);
                        check(
                                b,
                                "distance " + distance + ", match " + match + ", literals " + literals + ", tail "
                                        + tail);
                    }
                }
            }
        }
    }

    @Test
    void randomBlocksDecode() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            Block b = new Block(random);
            int sequences = random.nextInt(40);
            for (int s = 0; s < sequences; s++) {
                int literals = random.nextInt(8) == 0 ? random.nextInt(700) : random.nextInt(20);
                int available = b.content.size() + literals;
                if (available == 0) {
                    b.sequence(1 + literals, 0, 0);
                    continue;
                }
                int distance = random.nextInt(3) == 0
                        ? 1 + random.nextInt(Math.min(available, 10))
                        : 1 + random.nextInt(Math.min(available, Lz4BlockJava.WINDOW - 1));
                int match = random.nextInt(8) == 0 ? 4 + random.nextInt(1000) : 4 + random.nextInt(30);
                b.sequence(literals, distance, match);
            }
            b.last(12 + random.nextInt(30));
            check(b, "round " + round);
        }
    }

    /**
     * Long runs of sequences at the fast loop's edges (literal runs of 14 and 15, the token's escape;
     * matches of 18 and 19; distances 7 and 8, and those whose 24-byte copy overlaps its own
     * writes), so that it goes from one path to the other mid-block and hands over to the careful
     * loop at every distance from the end.
     */
    @Test
    void sequencesAtTheFastLoopsEdgesDecode() {
        int[] literalRuns = {0, 1, 7, 8, 14, 15, 16, 17, 31, 270};
        int[] matches = {4, 5, 11, 17, 18, 19, 20, 23, 34, 300};
        int[] distances = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 4000};
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            Block b = new Block(random);
            b.sequence(40, 0, 0);
            for (int s = 0, sequences = 1 + random.nextInt(200); s < sequences; s++) {
                int literals = literalRuns[random.nextInt(literalRuns.length)];
                int distance = Math.min(distances[random.nextInt(distances.length)], b.content.size() + literals);
                b.sequence(literals, distance, matches[random.nextInt(matches.length)]);
            }
            b.last(12 + random.nextInt(48));
            check(b, "round " + round);
        }
    }

    @Test
    void matchesReachBackIntoTheWindow() {
        Random random = new Random(3);
        byte[] window = new byte[100_000];
        random.nextBytes(window);
        for (int round = 0; round < 200; round++) {
            int windowStart = random.nextInt(1000);
            int outputOffset = windowStart + 1 + random.nextInt(Lz4BlockJava.WINDOW);
            Block b = new Block(random);
            b.history = Arrays.copyOfRange(window, windowStart, outputOffset);
            for (int s = 0; s < 10; s++) {
                int literals = random.nextInt(20);
                int available = b.history.length + b.content.size() + literals;
                int distance = 1 + random.nextInt(Math.min(available, Lz4BlockJava.WINDOW - 1));
                b.sequence(literals, distance, 4 + random.nextInt(100));
            }
            b.last(12 + random.nextInt(10));
            byte[] block = b.block();
            byte[] expected = b.content.toByteArray();
            int limit = outputOffset + expected.length + random.nextInt(3) * 16;
            byte[] output = Arrays.copyOf(window, limit + 8);
            Arrays.fill(output, limit, output.length, CANARY);
            int end = Lz4BlockJava.decodeLinked(
                    Codec.LZ4, 0, block, 0, block.length, output, windowStart, outputOffset, limit);
            assertEquals(outputOffset + expected.length, end, "round " + round);
            assertArrayEquals(expected, Arrays.copyOfRange(output, outputOffset, end), "round " + round);
            assertArrayEquals(
                    Arrays.copyOf(window, outputOffset), Arrays.copyOf(output, outputOffset), "round " + round);
            for (int i = limit; i < output.length; i++) {
                assertEquals(CANARY, output[i], "round " + round + ": wrote past the limit at " + i);
            }
        }
    }

    @Test
    void aMatchBeforeTheWindowIsRefusedWithItsOffset() {
        Block b = new Block(new Random(1));
        b.sequence(10, 0, 0); // 14 bytes
        b.sequence(2, 16, 4); // 16 reaches the first byte
        b.last(12);
        byte[] ok = b.block();
        assertEquals(32, Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, ok, 0, ok.length, new byte[32], 0, 32));
        byte[] bad = ok.clone();
        int offsetAt = (1 + 10 + 2) + (1 + 2);
        assertEquals(16, bad[offsetAt]);
        bad[offsetAt] = 17;
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 100, bad, 0, bad.length, new byte[64], 0, 64));
        assertEquals(100 + offsetAt, e.offset(), e.getMessage());
        assertTrue(e.reason().contains("offset 17"), e.getMessage());
    }

    @Test
    void aBadOffsetDeepInsideABlockIsNamedWhereItIs() {
        // Far from both ends, where the decoder copies 8 bytes at a time.
        Block b = new Block(new Random(5));
        b.sequence(100, 0, 0); // 104 bytes
        for (int s = 0; s < 200; s++) {
            b.sequence(5, 50, 20);
        }
        int offsetAt = b.block().length + 1 + 5;
        b.sequence(5, 50, 20);
        for (int s = 0; s < 200; s++) {
            b.sequence(5, 50, 20);
        }
        b.last(20);
        byte[] bad = b.block();
        bad[offsetAt] = (byte) 6000;
        bad[offsetAt + 1] = (byte) (6000 >>> 8);
        byte[] output = new byte[1 << 16];
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> Lz4BlockJava.decodeIndependent(Codec.LZ4, 7, bad, 0, bad.length, output, 0, output.length));
        assertEquals(7 + offsetAt, e.offset(), e.getMessage());
        assertTrue(
                e.reason().contains("offset 6000 reaches before the start of the window (5109 bytes)"), e.getMessage());
    }

    /**
     * liblz4's end-of-block rules, which {@code LZ4_decompress_safe} applies against the room it is
     * given rather than the decoded length: a match must end 5 bytes before the room's end, and a
     * sequence whose literals end within 12 bytes of it (or within 8 bytes of the input's end) must
     * be the last; with no room, only the block {@code 00} is valid; a match offset of 0 copies
     * zeros. (The differential test checks the same blocks against liblz4 itself.)
     */
    @Test
    void endRulesFollowLiblz4() {
        Block b = new Block(new Random(9));
        b.sequence(20, 0, 0); // 24 bytes
        b.sequence(20, 20, 20); // a long literal run: no shortcut
        b.last(5); // the match ends 5 bytes before the end of the content
        byte[] block = b.block();
        int n = b.content.size();
        assertEquals(n, Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, block, 0, block.length, new byte[n], 0, n));
        Block ending = new Block(new Random(9));
        ending.sequence(20, 0, 0);
        ending.sequence(20, 20, 20);
        ending.sequence(6, 20, 0); // a 4-byte match at distance 1 ends the content
        ending.last(0);
        byte[] bad = ending.block();
        int m = ending.content.size();
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, bad, 0, bad.length, new byte[m], 0, m));
        assertTrue(e.reason().contains("not the last") || e.reason().contains("last 5 bytes"), e.getMessage());
        // The one-byte blocks: 00 in no room; 0x (a last token whose match half is ignored) in some.
        assertEquals(0, Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, new byte[] {0}, 0, 1, new byte[0], 0, 0));
        assertThrows(
                MalformedInputException.class,
                () -> Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, new byte[] {8}, 0, 1, new byte[0], 0, 0));
        assertEquals(0, Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, new byte[] {8}, 0, 1, new byte[16], 0, 16));
        // A long match whose length leaves a token and 4 literals: liblz4 1.9.4 takes it, 1.10 and
        // later refuse it; raw blocks follow the later (6 bytes left), frames 1.9.4's frame API (5).
        byte[] tail4 = java.util.HexFormat.of().parseHex("1f000100ea4000000000");
        assertThrows(
                MalformedInputException.class,
                () -> Lz4BlockJava.decodeIndependent(
                        Codec.LZ4_BLOCK, 0, tail4, 0, tail4.length, new byte[300], 0, 300));
        assertEquals(258, Lz4BlockJava.decodeIndependent(Codec.LZ4, 0, tail4, 0, tail4.length, new byte[300], 0, 300));
        byte[] tail5 = java.util.HexFormat.of().parseHex("1f000100ea500000000000");
        assertEquals(
                259, Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, tail5, 0, tail5.length, new byte[300], 0, 300));
        // Offset 0: zeros, never what the output held before.
        Block zero = new Block(new Random(2));
        zero.sequence(20, 0, 0);
        byte[] head = zero.block();
        byte[] withZero = Arrays.copyOf(head, head.length + 3 + 13);
        withZero[head.length] = 0x04; // no literals, match of 8
        // offset bytes stay 0 0; then the last sequence: 12 literals
        withZero[head.length + 3] = (byte) 0xC0;
        byte[] out = new byte[24 + 8 + 12];
        Arrays.fill(out, CANARY);
        int k = Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, withZero, 0, withZero.length, out, 0, out.length);
        assertEquals(out.length, k);
        assertArrayEquals(new byte[8], Arrays.copyOfRange(out, 24, 32), "an offset of 0 decodes to zeros");
    }

    @Test
    void truncatedBlocksAndShortOutputsFailCleanly() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Block b = new Block(random);
            b.sequence(1 + random.nextInt(40), 0, 0);
            for (int s = 0; s < 5; s++) {
                b.sequence(random.nextInt(300), 1 + random.nextInt(b.content.size()), 4 + random.nextInt(300));
            }
            b.last(5);
            byte[] block = b.block();
            byte[] expected = b.content.toByteArray();
            // Every prefix is either a shorter valid block (cut after literals) or malformed.
            int cut = random.nextInt(block.length);
            byte[] prefix = Arrays.copyOf(block, cut);
            try {
                decodeGuarded(prefix, expected.length + 32, expected, "round " + round + " cut at " + cut);
            } catch (MalformedInputException e) {
                // A prefix that ends inside a sequence; decodeGuarded checked the canaries.
            }
            // An output range one byte too short is malformed, and nothing outside it changes.
            MalformedInputException e = assertThrows(
                    MalformedInputException.class,
                    () -> decodeGuarded(block, expected.length - 1, expected, "short output"),
                    "round " + round);
            assertTrue(e.reason().contains("room"), e.getMessage());
        }
    }

    /**
     * Decodes {@code block} into a range of {@code room} bytes between canaries, checks the
     * canaries and that the decoded bytes start {@code expected}.
     */
    private static void decodeGuarded(byte[] block, int room, byte[] expected, String what) {
        byte[] output = new byte[room + 32];
        Arrays.fill(output, CANARY);
        int n;
        try {
            n = Lz4BlockJava.decodeIndependent(Codec.LZ4_BLOCK, 0, block, 0, block.length, output, 16, room);
        } finally {
            for (int i = 0; i < 16; i++) {
                assertEquals(CANARY, output[i], what + ": wrote before the range at " + i);
                assertEquals(CANARY, output[16 + room + i], what + ": wrote after the range at " + i);
            }
        }
        assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOfRange(output, 16, 16 + n), what);
    }

    private static void check(Block b, String what) {
        byte[] block = b.block();
        byte[] expected = b.content.toByteArray();
        for (int slack : new int[] {0, 1, 7, 8, 16, 64}) {
            byte[] output = new byte[expected.length + slack + 32];
            Arrays.fill(output, CANARY);
            int n = Lz4BlockJava.decodeIndependent(
                    Codec.LZ4_BLOCK, 0, block, 0, block.length, output, 16, expected.length + slack);
            assertEquals(expected.length, n, what + ", slack " + slack);
            assertArrayEquals(expected, Arrays.copyOfRange(output, 16, 16 + n), what + ", slack " + slack);
            for (int i = 0; i < 16; i++) {
                assertEquals(CANARY, output[i], what + ", slack " + slack + ": wrote before the range");
                assertEquals(
                        CANARY,
                        output[16 + expected.length + slack + i],
                        what + ", slack " + slack + ": wrote after the range");
            }
        }
    }

    /** An LZ4 block written sequence by sequence, with its content decoded byte by byte. */
    private static final class Block {
        private final Random random;
        private final ByteArrayOutputStream block = new ByteArrayOutputStream();
        private final Content content = new Content();
        /** Output before the block's, that its matches may reach back into. */
        private byte[] history = new byte[0];

        Block(Random random) {
            this.random = random;
        }

        /**
         * Random literals, then a match; match 0 stands for a 4-byte match at distance 1 (every
         * sequence but the last has a match).
         */
        void sequence(int literals, int distance, int match) {
            int lit = Math.min(literals, 15);
            int mat = match == 0 ? 0 : Math.min(match - 4, 15);
            block.write(lit << 4 | mat);
            if (lit == 15) {
                length(literals - 15);
            }
            byte[] bytes = new byte[literals];
            for (int i = 0; i < literals; i++) {
                // Few distinct values, so that wrong copies show.
                bytes[i] = (byte) random.nextInt(random.nextBoolean() ? 4 : 256);
            }
            block.writeBytes(bytes);
            content.writeBytes(bytes);
            if (match == 0) {
                // A sequence whose match copies nothing is not writable; stand in 4 bytes of distance 1.
                if (content.size() + history.length == 0) {
                    throw new IllegalStateException("nothing to reach back to");
                }
                match = 4;
                distance = 1;
                mat = 0;
            }
            block.write(distance);
            block.write(distance >>> 8);
            if (mat == 15) {
                length(match - 4 - 15);
            }
            for (int i = 0; i < match; i++) {
                int at = content.size() - distance;
                content.write(at >= 0 ? content.bytes()[at] : history[history.length + at]);
            }
        }

        /** The last sequence: literals only. */
        void last(int literals) {
            int lit = Math.min(literals, 15);
            block.write(lit << 4);
            if (lit == 15) {
                length(literals - 15);
            }
            byte[] bytes = new byte[literals];
            random.nextBytes(bytes);
            block.writeBytes(bytes);
            content.writeBytes(bytes);
        }

        private void length(int rest) {
            while (rest >= 255) {
                block.write(255);
                rest -= 255;
            }
            block.write(rest);
        }

        byte[] block() {
            return block.toByteArray();
        }
    }

    /** The decoded content so far, its bytes readable while it grows. */
    private static final class Content extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
