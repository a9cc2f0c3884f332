package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.random.Generators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code arsenal random}: each format carries the generator's reference sequence (SplitMix64 is
 * {@code SplittableRandom}'s, PCG32 from {@code srandom(42, 54)} pcg-c's), {@code -n} counts bytes
 * or numbers, and misuse is refused: an unknown algorithm or format, raw bytes to a terminal,
 * endless output to a regular file.
 */
class RandomCommandTest {
    private static byte[] raw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void rawIsLittleEndianWordsOfTheSequence() {
        byte[] b = raw("random", "-a", "splitmix64", "--seed", "1234567", "-n", "100003");
        assertEquals(100003, b.length);
        ByteBuffer words = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom jdk = new SplittableRandom(1234567);
        for (int i = 0; i + 8 <= b.length; i += 8) {
            assertEquals(jdk.nextLong(), words.getLong(i), "word " + i / 8);
        }
    }

    @Test
    void pcg32WritesThirtyTwoBitWordsAndNumbers() {
        // --seed goes through the seeding RandomAlgorithm documents (two SplitMix64 outputs);
        // GeneratorsTest checks the sequences themselves against pcg-c's check files
        SeededRandom expected = Generators.fromSeed(RandomAlgorithm.PCG32, 42);
        String lines = new String(
                raw("random", "-a", "pcg32", "--seed", "42", "--format", "u32", "-n", "3"), StandardCharsets.US_ASCII);
        ByteBuffer w = ByteBuffer.wrap(raw("random", "-a", "pcg32", "--seed", "42", "-n", "12"))
                .order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            int x = expected.nextInt();
            want.append(Integer.toUnsignedString(x)).append('\n');
            assertEquals(x, w.getInt(4 * i), "word " + i);
        }
        assertEquals(want.toString(), lines);
    }

    @Test
    void hexAndU64CarryTheSameSequence() {
        byte[] bin = raw("random", "-a", "xoshiro256++", "--seed", "0x2a", "-n", "80");
        String hex = new String(
                raw("random", "-a", "xoshiro256pp", "--seed", "42", "-n", "80", "--format", "hex"),
                StandardCharsets.US_ASCII);
        assertEquals(List.of(64, 64, 32), hex.lines().map(String::length).toList());
        assertArrayEquals(bin, HexFormat.of().parseHex(hex.replace("\n", "")));
        String[] u64 = new String(
                        raw("random", "-a", "xoshiro256++", "--seed", "42", "--format", "u64", "-n", "10"),
                        StandardCharsets.US_ASCII)
                .split("\n");
        assertEquals(10, u64.length);
        ByteBuffer w = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 10; i++) {
            assertEquals(Long.toUnsignedString(w.getLong(8 * i)), u64[i]);
        }
    }

    @Test
    void misuseIsRefusedNamingWhatWasWrong() {
        MainTest.Run r = MainTest.run("random", "-a", "mt19937", "-n", "8");
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("unknown random algorithm 'mt19937'; known: splitmix64"), r.err());
        r = MainTest.run("random", "-n", "8");
        assertTrue(r.err().contains("which generator? -a ALGO"), r.err());
        r = MainTest.run("random", "-a", "pcg64", "--format", "octal", "-n", "8");
        assertTrue(r.err().contains("bad --format 'octal'"), r.err());
        r = MainTest.run("random", "-a", "pcg64", "--seed", "forty-two", "-n", "8");
        assertTrue(r.err().contains("bad --seed 'forty-two'"), r.err());
        r = MainTest.run("random", "-a", "pcg64", "-n", "-5");
        assertTrue(r.err().contains("bad -n '-5'"), r.err());

        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var terminal = new RandomCommand(sink, new Terminals(false, true, false), false);
        var e = assertThrows(UsageException.class, () -> terminal.run(List.of("-a", "pcg64", "-n", "8")));
        assertTrue(e.getMessage().contains("not written to a terminal"), e.getMessage());
        assertEquals(Main.OK, terminal.run(List.of("-a", "pcg64", "-n", "8", "--format", "hex")));
        var file = new RandomCommand(sink, Terminals.NONE, true);
        e = assertThrows(UsageException.class, () -> file.run(List.of("-a", "pcg64")));
        assertTrue(e.getMessage().contains("would fill its disk"), e.getMessage());
        assertEquals(Main.OK, file.run(List.of("-a", "pcg64", "-n", "1000")));
    }
}
