package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.random.Generators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statistical quality with Debian's {@code dieharder} (installed by {@code run-tests}), a subset
 * sized for the build: birthday spacings (test 0), runs (15) and the STS monobit test (100), each on
 * a fixed seed so that the verdict is the same on every run. {@code arsenal random} feeds it through
 * a pipe for xoshiro256++ (the command line users run); the other generators are written from this
 * JVM (one JVM start less per test). A deliberately broken generator (SplitMix64 with the low byte
 * of every word cleared) must fail, so that the check can fail. The whole battery runs on demand:
 * {@code arsenal random -a ALGO | dieharder -g 200 -a}.
 */
class DieharderIT {
    /** dieharder test number and the psamples it runs with here (fewer than its default for some). */
    private static final int[][] SUBSET = {{0, 20}, {15, 20}, {100, 100}};

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static List<String> dieharder(int test, int psamples) {
        return List.of("dieharder", "-g", "200", "-d", Integer.toString(test), "-p", Integer.toString(psamples));
    }

    /** The result lines of one dieharder test fed by {@code source} (raw little-endian 64-bit words). */
    private static List<String> run(int test, int psamples, LongSupplier source) throws Exception {
        Process p = new ProcessBuilder(dieharder(test, psamples))
                .redirectErrorStream(true)
                .start();
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            byte[] chunk = new byte[1 << 16];
            try (OutputStream out = p.getOutputStream()) {
                while (true) {
                    for (int i = 0; i < chunk.length; i += 8) {
                        LONG.set(chunk, i, source.getAsLong());
                    }
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // dieharder closed its input: it has read what it needs
            }
        });
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS), "dieharder hangs");
        writer.join(10_000);
        assertEquals(0, p.exitValue(), output);
        return results(output);
    }

    private static List<String> results(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("PASSED") || line.contains("WEAK") || line.contains("FAILED")) {
                lines.add(line.strip());
            }
        }
        assertFalse(lines.isEmpty(), "no result line in dieharder's output:\n" + output);
        return lines;
    }

    @Test
    void theCommandLinesXoshiroPassesTheSubset() throws Exception {
        for (int[] t : SUBSET) {
            List<String> cmd = new ArrayList<>(Launcher.classPathCommand(
                    "dev.arsenal.launcher.Main", "random", "-a", "xoshiro256++", "--seed", "20261207"));
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD),
                    new ProcessBuilder(dieharder(t[0], t[1])).redirectErrorStream(true)));
            Process last = pipeline.getLast();
            String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(last.waitFor(Launcher.HANG.toSeconds(), TimeUnit.SECONDS), "dieharder hangs");
            Process arsenal = pipeline.getFirst();
            assertTrue(arsenal.waitFor(60, TimeUnit.SECONDS), "arsenal random goes on after its reader left");
            assertEquals(141, arsenal.exitValue(), "arsenal random's status once its reader is gone");
            for (String line : results(output)) {
                assertFalse(line.contains("FAILED"), "xoshiro256++ through the CLI: " + line);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RandomAlgorithm.class,
            names = {"XOSHIRO256_PLUS_PLUS"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyOtherGeneratorPassesTheSubset(RandomAlgorithm algorithm) throws Exception {
        for (int[] t : SUBSET) {
            SeededRandom r = Generators.fromSeed(algorithm, 20261207);
            for (String line : run(t[0], t[1], r::nextLong)) {
                assertFalse(line.contains("FAILED"), algorithm.id() + ": " + line);
            }
        }
    }

    @Test
    void aBrokenGeneratorFails() throws Exception {
        SeededRandom r = Generators.fromSeed(RandomAlgorithm.SPLITMIX64, 20261207);
        List<String> all = new ArrayList<>();
        for (int[] t : SUBSET) {
            all.addAll(run(t[0], t[1], () -> r.nextLong() & ~0xffL));
        }
        assertTrue(all.stream().anyMatch(l -> l.contains("FAILED")), "the low byte always zero passed: " + all);
    }
}
