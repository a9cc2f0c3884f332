package dev.arsenal.providers.java.compression;

import static dev.arsenal.providers.java.compression.ZstdDecoderTest.assertMalformedEverywhere;
import static dev.arsenal.providers.java.compression.ZstdDecoderTest.checkEveryForm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Decompressor;
import dev.arsenal.compression.MalformedInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder on frames written here block by block ({@link Frame}), so that they hold what an
 * encoder seldom writes: every short offset with every short length (the overlapping copies, near
 * the output's end and away from it), repeat offsets in every case of 3.1.1.5, offsets at the
 * window's edge and past it, matches into a dictionary and across its end into the frame, lengths
 * with the most extra bits beside a large offset, and a window much smaller than the frame (the
 * stream's buffer wraps around). A model that follows the RFC byte by byte gives the expected
 * output.
 */
class ZstdSequenceDecoderTest {
    private static final byte GUARD = (byte) 0xA5;

    @Test
    void everyShortOffsetAndLengthDecodes() {
        Decompressor d = new ZstdJava.Decompressor();
        for (int offset = 1; offset <= 20; offset++) {
            for (int match = 3; match <= 40; match++) {
                for (int literals = 0; literals <= 20; literals += 4) {
                    for (int tail : new int[] {0, 100}) {
                        Random random = new Random(offset * 10_000L + match * 100L + literals);
                        Frame f = new Frame(0x50, null); // 1 MiB window
                        f.raw(bytes(random, 32));
                        f.sequence(bytes(random, literals), offset + 3, match, new byte[0]);
                        f.sequence(bytes(random, literals), offset + 3, match, bytes(random, tail));
                        String what =
                                "offset " + offset + ", match " + match + ", literals " + literals + ", tail " + tail;
                        checkRange(d, f.build(false), f.content(), what);
                    }
                }
            }
        }
    }

    @Test
    void repeatOffsetsFollowTheRfc() throws IOException {
        Decompressor d = new ZstdJava.Decompressor();
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Frame f = new Frame(0x50, null);
            f.raw(bytes(random, 200));
            for (int s = 0; s < 30; s++) {
                int literals = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
                int value = random.nextInt(3) == 0 ? 4 + random.nextInt(150) : 1 + random.nextInt(3);
                if (f.resolve(value, literals) <= 0 || f.resolve(value, literals) > f.produced() + literals) {
                    value = 4 + random.nextInt(100);
                }
                f.sequence(bytes(random, literals), value, 3 + random.nextInt(20), bytes(random, random.nextInt(3)));
            }
            checkEveryForm(d, f.build(round % 2 == 0), f.content(), "round " + round);
        }
    }

    @Test
    void aRepeatOffsetOfZeroIsMalformed() {
        Frame f = new Frame(0x50, null);
        f.raw(bytes(new Random(1), 10));
        f.sequence(new byte[] {1}, 1 + 3, 5, new byte[0]); // offset 1: repeat offsets 1, 1, 4
        byte[] ok = f.build(false);
        assertArrayEquals(f.content(), new ZstdJava.Decompressor().decompress(ok, 100));
        f.sequence(new byte[0], 3, 5, new byte[0]); // literal length 0, value 3: offset 1 - 1
        MalformedInputException e = assertMalformedEverywhere(new ZstdJava.Decompressor(), f.build(false), "offset 0");
        assertTrue(e.reason().contains("offset 0"), e.getMessage());
    }

    @Test
    void offsetsReachTheWindowAndNotBeyond() throws IOException {
        Random random = new Random(3);
        byte[] a = bytes(random, 20_000);
        byte[] b = bytes(random, 20_000);
        for (int window : new int[] {0x28, 0x30}) { // 32 KiB, 64 KiB
            Frame f = new Frame(window, null);
            f.raw(a);
            f.raw(b);
            f.sequence("literals".getBytes(), 40_000 + 3, 100, new byte[0]);
            if (window == 0x30) {
                checkEveryForm(new ZstdJava.Decompressor(), f.build(true), f.content(), "64 KiB window");
            } else {
                MalformedInputException e =
                        assertMalformedEverywhere(new ZstdJava.Decompressor(), f.build(true), "32 KiB window");
                assertTrue(e.reason().contains("offset 40000 is beyond the window of 32768 bytes"), e.getMessage());
                assertEquals(4 + 2 + 3 + 20_000 + 3 + 20_000, e.offset(), "the block's offset");
            }
        }
        Frame f = new Frame(0x50, null);
        f.raw(bytes(random, 10));
        f.sequence(new byte[0], 100 + 3, 10, new byte[0]);
        MalformedInputException e = assertMalformedEverywhere(new ZstdJava.Decompressor(), f.build(false), "start");
        assertTrue(
                e.reason().contains("offset 100 reaches before the frame's start (10 bytes decoded, no dictionary)"),
                e.getMessage());
    }

    @Test
    void matchesReachIntoARawDictionaryAndOnIntoTheFrame() throws IOException {
        Random random = new Random(5);
        byte[] dictionary = bytes(random, 1000);
        Decompressor d = new ZstdJava.Decompressor(dictionary);
        for (int round = 0; round < 200; round++) {
            Frame f = new Frame(0x50, dictionary);
            int literals = random.nextInt(20);
            int position = literals;
            // From inside the dictionary, for longer than what is left of it: the match goes on into the frame.
            int offset = position + 1 + random.nextInt(dictionary.length);
            f.sequence(bytes(random, literals), offset + 3, 3 + random.nextInt(2000), bytes(random, 5));
            f.sequence(bytes(random, 3), f.produced() + 3 + 1 + random.nextInt(dictionary.length), 50, new byte[0]);
            checkEveryForm(d, f.build(round % 2 == 0), f.content(), "round " + round);
        }
        Frame f = new Frame(0x50, dictionary);
        f.sequence(new byte[0], 1001 + 3, 10, new byte[0]);
        MalformedInputException e = assertMalformedEverywhere(d, f.build(false), "before the dictionary");
        assertTrue(
                e.reason().contains("offset 1001 reaches before the dictionary (0 bytes decoded, 1000 bytes"),
                e.getMessage());
        // Past the window (1 KiB) the dictionary is out of reach.
        f = new Frame(0x00, dictionary);
        f.raw(bytes(random, 1024));
        f.raw(bytes(random, 1));
        f.sequence(new byte[0], 1025 + 10 + 3, 10, new byte[0]);
        e = assertMalformedEverywhere(d, f.build(false), "after the window");
        assertTrue(e.reason().contains("reaches into the dictionary after 1025 bytes"), e.getMessage());
    }

    @Test
    void theLongestLengthsBesideALargeOffsetDecode() throws IOException {
        // Literal length code 35 (16 extra bits), match length code 51 (15), offset code 20: 51 extra
        // bits in one sequence, more than one refill of the bit container holds.
        Random random = new Random(9);
        Frame f = new Frame(0x58, null); // 2 MiB window
        for (int i = 0; i < 9; i++) {
            f.raw(bytes(random, 128 * 1024));
        }
        f.sequence(bytes(random, 70_000), (1 << 20) + 12_345 + 3, 50_000, new byte[0]);
        f.sequence(bytes(random, 100), 2, 65_539 - 60_000, bytes(random, 7));
        checkEveryForm(new ZstdJava.Decompressor(), f.build(true), f.content(), "long lengths");
    }

    @Test
    void aSmallWindowWrapsTheStreamsBufferAround() throws IOException {
        Random random = new Random(13);
        Decompressor d = new ZstdJava.Decompressor();
        for (int window : new int[] {0x00, 0x10}) { // 1 KiB, 4 KiB
            int size = 1 << (10 + (window >>> 3));
            Frame f = new Frame(window, null);
            while (f.produced() < 300_000) {
                switch (random.nextInt(4)) {
                    case 0 -> f.raw(bytes(random, 1 + random.nextInt(size)));
                    case 1 -> f.rle((byte) random.nextInt(), 1 + random.nextInt(size));
                    default -> {
                        int literals = random.nextInt(100);
                        long reach = Math.min(f.produced() + literals, size);
                        if (reach == 0) {
                            f.raw(bytes(random, 10));
                            continue;
                        }
                        int offset = 1 + random.nextInt((int) reach);
                        int match = 3 + random.nextInt(size - literals - 3);
                        f.sequence(bytes(random, literals), offset + 3, match, new byte[0]);
                    }
                }
            }
            checkEveryForm(d, f.build(true), f.content(), size + " byte window");
            try (ZstdDecodingStream in = new ZstdDecodingStream(new ByteArrayInputStream(f.build(true)), null)) {
                assertArrayEquals(f.content(), in.readAllBytes(), size + " byte window");
                // The window and two blocks of the window's size: the buffer wrapped around ~100 times.
                assertEquals(3 * size + ZstdSequenceDecoder.OUTPUT_SLACK, in.bufferLength());
            }
        }
    }

    // ---- helpers ----

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + random.nextInt(random.nextInt(4) == 0 ? 26 : 3));
        }
        return b;
    }

    /** Into a range of exactly the size, and one of 100 bytes more, guards around each. */
    private static void checkRange(Decompressor d, byte[] frame, byte[] expected, String what) {
        for (int spare : new int[] {0, 100}) {
            byte[] out = new byte[expected.length + spare + 20];
            Arrays.fill(out, GUARD);
            int n = d.decompress(frame, 0, frame.length, out, 10, expected.length + spare);
            assertEquals(expected.length, n, what);
            assertArrayEquals(expected, Arrays.copyOfRange(out, 10, 10 + n), what);
            for (int i = 0; i < 10; i++) {
                assertEquals(GUARD, out[i], what + ": before the range");
                assertEquals(GUARD, out[out.length - 1 - i], what + ": after the range");
            }
        }
        if (expected.length > 0) {
            assertThrows(
                    MalformedInputException.class,
                    () -> d.decompress(frame, 0, frame.length, new byte[expected.length - 1], 0, expected.length - 1),
                    what + ": one byte short");
        }
    }

    /**
     * A frame written block by block, without content size: raw and RLE blocks, and compressed
     * blocks of raw literals and one sequence whose three codes are RLE-mode tables (so the bit
     * stream holds the extra bits only). A model applies each block to the content as 3.1.1.4 and
     * 3.1.1.5 say, the dictionary's content in front.
     */
    static final class Frame {
        private final ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();
        private final int windowDescriptor;
        private final byte[] dictionary;
        private final int[] repeats = {1, 4, 8};
        private int lastBlockAt = -1;

        Frame(int windowDescriptor, byte[] dictionary) {
            this.windowDescriptor = windowDescriptor;
            this.dictionary = dictionary == null ? new byte[0] : dictionary;
        }

        int produced() {
            return content.size();
        }

        byte[] content() {
            return content.toByteArray();
        }

        void raw(byte[] data) {
            header(0, data.length);
            blocks.writeBytes(data);
            content.writeBytes(data);
        }

        void rle(byte b, int n) {
            header(1, n);
            blocks.write(b);
            for (int i = 0; i < n; i++) {
                content.write(b);
            }
        }

        /** The offset {@code value} stands for after {@code literals} literals (no state change). */
        int resolve(int value, int literals) {
            if (value > 3) {
                return value - 3;
            }
            int index = literals == 0 ? value : value - 1;
            return index == 0 ? repeats[0] : index == 1 ? repeats[1] : index == 2 ? repeats[2] : repeats[0] - 1;
        }

        /** A compressed block: {@code literals}, a match of offset {@code value}, then {@code tail}. */
        void sequence(byte[] literals, int value, int match, byte[] tail) {
            int n = literals.length + tail.length;
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (n < 32) {
                b.write(n << 3);
            } else if (n < 4096) {
                b.write((n & 15) << 4 | 1 << 2);
                b.write(n >>> 4);
            } else {
                b.write((n & 15) << 4 | 3 << 2);
                b.write(n >>> 4);
                b.write(n >>> 12);
            }
            b.writeBytes(literals);
            b.writeBytes(tail);
            b.write(1); // one sequence
            b.write(0x54); // RLE, RLE, RLE
            int llCode = code(ZstdFormat.LITERAL_LENGTH_BASE, literals.length);
            int mlCode = code(ZstdFormat.MATCH_LENGTH_BASE, match);
            int ofCode = 31 - Integer.numberOfLeadingZeros(value);
            b.write(llCode);
            b.write(ofCode);
            b.write(mlCode);
            int llBits = ZstdFormat.LITERAL_LENGTH_BITS[llCode];
            int mlBits = ZstdFormat.MATCH_LENGTH_BITS[mlCode];
            long ll = literals.length - ZstdFormat.LITERAL_LENGTH_BASE[llCode];
            long ml = match - ZstdFormat.MATCH_LENGTH_BASE[mlCode];
            long of = value - (1L << ofCode);
            int total = ofCode + mlBits + llBits;
            long stream = 1L << total | of << (mlBits + llBits) | ml << llBits | ll;
            for (int i = 0; i < (total + 8) / 8; i++) {
                b.write((int) (stream >>> (8 * i)));
            }
            header(2, b.size());
            blocks.writeBytes(b.toByteArray());

            // The model.
            int offset = resolve(value, literals.length);
            if (value > 3) {
                repeats[2] = repeats[1];
                repeats[1] = repeats[0];
                repeats[0] = offset;
            } else {
                int index = literals.length == 0 ? value : value - 1;
                if (index != 0) {
                    if (index != 1) {
                        repeats[2] = repeats[1];
                    }
                    repeats[1] = repeats[0];
                    repeats[0] = offset;
                }
            }
            content.writeBytes(literals);
            byte[] all = concat(dictionary, content.toByteArray());
            ByteArrayOutputStream grown = new ByteArrayOutputStream();
            grown.writeBytes(all);
            byte[] g = Arrays.copyOf(all, all.length + match);
            for (int i = 0; i < match; i++) {
                int from = all.length + i - offset;
                g[all.length + i] = from >= 0 && offset > 0 ? g[from] : 0;
            }
            content.write(g, all.length, match);
            content.writeBytes(tail);
        }

        private static int code(int[] base, int value) {
            int c = 0;
            while (c + 1 < base.length && base[c + 1] <= value) {
                c++;
            }
            return c;
        }

        private void header(int type, int size) {
            lastBlockAt = blocks.size();
            int h = type << 1 | size << 3;
            blocks.write(h);
            blocks.write(h >>> 8);
            blocks.write(h >>> 16);
        }

        /** The frame: header (window descriptor, no content size), the blocks, the last one marked. */
        byte[] build(boolean checksum) {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.writeBytes(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, (byte) (checksum ? 0x04 : 0)});
            f.write(windowDescriptor);
            byte[] b = blocks.toByteArray();
            if (b.length == 0) {
                b = new byte[] {0, 0, 0};
                lastBlockAt = 0;
            }
            b[lastBlockAt] |= 1;
            f.writeBytes(b);
            if (checksum) {
                byte[] c = content();
                int h = (int) ZstdFrameDecoder.XXH64.hash(c, 0, c.length);
                f.writeBytes(new byte[] {(byte) h, (byte) (h >>> 8), (byte) (h >>> 16), (byte) (h >>> 24)});
            }
            return f.toByteArray();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }
}
