package dev.arsenal.launcher;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.Randoms;
import dev.arsenal.random.SeededRandom;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code arsenal random -a ALGO [--seed N] [-n COUNT] [--format raw|hex|u32|u64]}: a generator's
 * output on stdout, endless unless {@code -n} says how much, for {@code dieharder -g 200} or
 * PractRand's {@code RNG_test stdin64}. Raw output is the generator's raw words, little-endian: 64
 * bits each, 32 for PCG32 (so {@code stdin32}). Raw bytes are not written to a terminal, and
 * endless output not to a regular file (it would fill the disk): there {@code -n} is needed.
 */
final class RandomCommand {
    static final String USAGE = """
            usage: arsenal random -a ALGO [--seed N] [-n COUNT] [--format raw|hex|u32|u64]

            Writes the generator's output to stdout until -n is reached or the reader goes away:
              raw  the raw outputs, little-endian (64-bit words; 32-bit for pcg32), for
                   'dieharder -g 200 -a' or PractRand's 'RNG_test stdin64' ('stdin32' for pcg32)
              hex  the same bytes as hex, 64 digits a line
              u32  unsigned 32-bit numbers, one a line (nextInt())
              u64  unsigned 64-bit numbers, one a line (nextLong())
            -n COUNT: bytes for raw and hex, numbers for u32 and u64.
            --seed N: the seed (a long; 0x for hex); without it, a seed from the OS.
            ALGO: splitmix64, pcg32, pcg64, xoshiro256++ (xoshiro256pp), xoshiro256** (xoshiro256ss).
            """;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNK = 1 << 16;

    private final PrintStream out;
    private final Terminals terminals;
    private final boolean stdoutIsFile;

    /**
     * @param stdoutIsFile whether stdout is a regular file ({@link #stdoutIsRegularFile()}), where
     *     endless output would fill the disk
     */
    RandomCommand(PrintStream out, Terminals terminals, boolean stdoutIsFile) {
        this.out = out;
        this.terminals = terminals;
        this.stdoutIsFile = stdoutIsFile;
    }

    /** Whether this process's stdout is a regular file (Linux: {@code /proc/self/fd/1}); false where unknown. */
    static boolean stdoutIsRegularFile() {
        try {
            return Files.isRegularFile(Path.of("/proc/self/fd/1"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    int run(List<String> args) {
        RandomAlgorithm algorithm = null;
        Long seed = null;
        long count = -1;
        String format = "raw";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-a", "--algorithm" -> algorithm = algorithm(UsageException.value(args, ++i, a));
                case "--seed" -> seed = number(UsageException.value(args, ++i, a), "--seed");
                case "-n" -> {
                    count = number(UsageException.value(args, ++i, a), "-n");
                    if (count < 0) {
                        throw new UsageException("bad -n '" + args.get(i) + "': a count of zero or more");
                    }
                }
                case "--format" -> {
                    format = UsageException.value(args, ++i, a).toLowerCase(Locale.ROOT);
                    if (!List.of("raw", "hex", "u32", "u64").contains(format)) {
                        throw new UsageException("bad --format '" + args.get(i) + "': raw, hex, u32 or u64");
                    }
                }
                default -> throw new UsageException("unknown option '" + a + "'\n" + USAGE.strip());
            }
        }
        if (algorithm == null) {
            throw new UsageException("which generator? -a ALGO (splitmix64, pcg32, pcg64, xoshiro256++, xoshiro256**)");
        }
        if (format.equals("raw") && terminals.stdout()) {
            throw new UsageException("raw output is bytes, not written to a terminal; pipe it (| dieharder -g 200 -a)"
                    + " or use --format hex");
        }
        if (count < 0 && stdoutIsFile) {
            throw new UsageException("endless output to a regular file would fill its disk; say how much with -n"
                    + " (-n 1073741824 for 1 GiB)");
        }
        SeededRandom random = Randoms.of(algorithm, seed != null ? seed : new SecureRandom().nextLong());
        switch (format) {
            case "raw", "hex" -> bytes(random, count, format.equals("hex"));
            default -> numbers(random, count, format.equals("u32"));
        }
        out.flush();
        return Main.OK;
    }

    private static RandomAlgorithm algorithm(String name) {
        try {
            return RandomAlgorithm.byId(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long number(String value, String option) {
        try {
            String v = value.strip();
            boolean negative = v.startsWith("-");
            String digits = negative ? v.substring(1) : v;
            long n = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseUnsignedLong(digits);
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            throw new UsageException("bad " + option + " '" + value + "': expected a whole number (42, -7, 0x2a)");
        }
    }

    /** {@code count} bytes of raw words (all of them when negative), as bytes or hex lines. */
    private void bytes(SeededRandom random, long count, boolean hex) {
        boolean narrow = random.algorithm().outputBits() == 32;
        byte[] chunk = new byte[CHUNK];
        HexFormat hexFormat = HexFormat.of();
        long left = count;
        while ((left != 0) && !out.checkError()) {
            if (narrow) {
                for (int i = 0; i < CHUNK; i += 4) {
                    INT.set(chunk, i, random.nextInt());
                }
            } else {
                for (int i = 0; i < CHUNK; i += 8) {
                    LONG.set(chunk, i, random.nextLong());
                }
            }
            int n = left < 0 ? CHUNK : (int) Math.min(CHUNK, left);
            if (hex) {
                StringBuilder lines = new StringBuilder(n * 2 + n / 32 + 1);
                for (int i = 0; i < n; i += 32) {
                    lines.append(hexFormat.formatHex(chunk, i, Math.min(n, i + 32)))
                            .append('\n');
                }
                out.print(lines);
            } else {
                out.write(chunk, 0, n);
            }
            if (left > 0) {
                left -= n;
            }
        }
    }

    /** {@code count} numbers (all of them when negative), one a line. */
    private void numbers(SeededRandom random, long count, boolean u32) {
        StringBuilder lines = new StringBuilder(1 << 16);
        long left = count;
        while (left != 0 && !out.checkError()) {
            for (int i = 0; i < 2048 && left != 0; i++) {
                lines.append(
                                u32
                                        ? Integer.toUnsignedString(random.nextInt())
                                        : Long.toUnsignedString(random.nextLong()))
                        .append('\n');
                if (left > 0) {
                    left--;
                }
            }
            out.write(lines.toString().getBytes(StandardCharsets.US_ASCII), 0, lines.length());
            lines.setLength(0);
        }
    }
}
