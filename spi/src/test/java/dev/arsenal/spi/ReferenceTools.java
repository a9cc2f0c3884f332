package dev.arsenal.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference command-line tools ({@code zstd}, {@code lz4}, {@code gzip}, {@code xxhsum}) in
 * tests: whether one is there, with the skip-or-fail rule ({@code -Darsenal.test.requireNative=true},
 * which {@code ./run-tests} gives, turns a skip into a failure), and running one with a bound for
 * hangs only ({@link HangGuard#GENEROUS}).
 */
public final class ReferenceTools {
    /** Whether missing native code or tools fail the tests instead of skipping them. */
    public static final boolean REQUIRE_NATIVE = Boolean.getBoolean("arsenal.test.requireNative");

    private ReferenceTools() {}

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Skips the test when {@code command} is not on the PATH; fails instead under requireNative. */
    public static void assumeCommand(String command) {
        boolean found = onPath(command);
        if (REQUIRE_NATIVE) {
            assertTrue(found, command + " must be on the PATH here (arsenal.test.requireNative=true)");
        }
        assumeTrue(found, command + " is not on the PATH");
    }

    /**
     * Runs {@code command} in {@code dir} with nothing on its standard input; returns what it printed
     * (standard output and error, stripped). Fails the test unless it exits with 0.
     */
    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!process.waitFor(HangGuard.GENEROUS.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish: " + out);
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ": " + out);
        return out;
    }

    /** Runs a shell line ({@code sh -c}) in {@code dir}, as {@link #run}. */
    public static String shell(Path dir, String script) throws IOException, InterruptedException {
        return run(dir, "sh", "-c", script);
    }

    /**
     * Runs {@code command}, a shell line ("lz4 -d -c"), in {@code dir} with {@code input} as its
     * standard input (through the file {@code in}), as {@link #run}, and returns its standard output
     * (the file {@code out}).
     */
    public static byte[] pipe(Path dir, byte[] input, String command) throws IOException, InterruptedException {
        Files.write(dir.resolve("in"), input);
        shell(dir, command + " < in > out");
        return Files.readAllBytes(dir.resolve("out"));
    }
}
