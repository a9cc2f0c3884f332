package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal shell} in a child JVM started as {@code ./arsenal} starts it, with commands on a
 * stdin that is a file, not a terminal. {@link Launcher#run} fails the test if the shell does not
 * end within its timeout.
 */
class ShellIT {
    /** The lines of {@code lb}: {@code "   12|Active     |    1|Arsenal API (0.1.0...)|0.1.0..."}. */
    private static final Pattern LB_LINE = Pattern.compile("^\\s*\\d+\\|(\\w+)\\s*\\|\\s*\\d+\\|(.+)\\|[^|]*$");

    /** Bundle-Name prefixes of Arsenal's bundles (the names the parent POM's bnd gives them). */
    private static final List<String> ARSENAL_BUNDLES = List.of(
            "Arsenal API ",
            "Arsenal provider SPI ",
            "Arsenal selection engine ",
            "Arsenal pure-Java providers ",
            "Arsenal native providers ",
            "Arsenal SIMD providers ");

    @TempDir
    Path dir;

    @Test
    void lbListsEveryArsenalBundleActiveAndExitEndsWithStatusZero() throws IOException {
        Launcher.Result r = shell("lb\nexit\n");
        assertEquals(0, r.status(), r.err());
        Map<String, String> states = bundleStates(r.out());
        for (String bundle : ARSENAL_BUNDLES) {
            List<String> matching = states.keySet().stream()
                    .filter(name -> name.startsWith(bundle))
                    .toList();
            assertEquals(1, matching.size(), "one bundle named '" + bundle + "...' in: " + r.out());
            assertEquals("Active", states.get(matching.getFirst()), matching.getFirst() + " in: " + r.out());
        }
        assertTrue(states.keySet().stream().anyMatch(n -> n.startsWith("Apache Felix Declarative Services ")), r.out());
        assertFalse(r.err().contains("not started"), "every bundle starts with the Vector API present: " + r.err());
    }

    @Test
    void throughAShellPipeArsenalCommandsForceAndFollowBundles() throws IOException {
        // As in the issue: printf ... | arsenal shell, a pipe and not a file. The native bundle is
        // found by name, stopped and started with Gogo's own commands, and the selection follows.
        Matcher nativeBundle = Pattern.compile("(?m)^\\s*(\\d+)\\|\\w+\\s*\\|\\s*\\d+\\|Arsenal native providers ")
                .matcher(shell("lb\nexit\n").out());
        assertTrue(nativeBundle.find(), "lb lists the native bundle");
        String id = nativeBundle.group(1);
        String script = String.join(
                "\n",
                "arsenal:use xxh3 java-hashing",
                "arsenal:selection",
                "arsenal:reset xxh3",
                "stop " + id,
                "arsenal:selection",
                "start " + id,
                "arsenal:selection",
                "exit",
                "");
        Launcher.Result r = pipedShell(script);
        assertEquals(0, r.status(), r.err());
        assertTrue(
                r.out()
                        .contains(
                                "xxh3: java-hashing (forced by arsenal.provider.xxh3=java-hashing (from shell command"),
                r.out());
        List<String> xxh64 = r.out().lines().filter(l -> l.startsWith("xxh64 ")).toList();
        assertEquals(3, xxh64.size(), r.out());
        assertTrue(xxh64.get(0).contains("native-xxhash"), "before the stop: " + xxh64);
        assertFalse(xxh64.get(1).contains("native-xxhash"), "after 'stop': " + xxh64);
        assertTrue(xxh64.get(2).contains("native-xxhash"), "after 'start': " + xxh64);
        List<String> xxh3 = r.out().lines().filter(l -> l.startsWith("xxh3 ")).toList();
        assertTrue(xxh3.get(0).matches("xxh3\\s+java-hashing\\s+forced.*"), "forced: " + xxh3);
        assertTrue(xxh3.get(1).contains("simd-xxh3") && !xxh3.get(1).contains("forced"), "reset: " + xxh3);
    }

    @Test
    void endOfInputWithoutExitEndsWithStatusZero() throws IOException {
        Launcher.Result r = shell("lb\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("System Bundle"), r.out());

        Launcher.Result empty = shell("");
        assertEquals(0, empty.status(), empty.err());
    }

    @Test
    void theEngineCommandsListTheProviders() throws IOException {
        // Needs the arsenal:* Gogo commands the engine bundle (dev.arsenal.engine) registers.
        Launcher.Result r = shell("arsenal:providers\nexit\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("java-hashing"), "out: " + r.out() + "\nerr: " + r.err());
    }

    @Test
    void aFailingCommandIsReportedOnStderrAndTheShellGoesOn() throws IOException {
        Launcher.Result r = shell("no-such-command\necho still-here\nexit 3\n");
        assertEquals(3, r.status(), "exit N ends with status N; " + r.err());
        assertTrue(r.err().contains("Command not found: no-such-command"), r.err());
        assertTrue(r.out().contains("still-here"), r.out());
    }

    @Test
    void aPipedScriptWhoseCommandFailsExitsNonZeroWithTheErrorOnStderr() throws IOException {
        // As in the issue: echo 'arsenal:use nope x' | arsenal shell, through a real pipe.
        Launcher.Result r = pipedShell("arsenal:use nope x\n");
        assertEquals(1, r.status(), "out: " + r.out() + "\nerr: " + r.err());
        assertTrue(r.err().contains("unknown algorithm 'nope'"), r.err());
        assertTrue(r.err().contains("arsenal shell: 1 of 1 command failed; exit status 1"), r.err());
        assertFalse(r.out().contains("nope"), "errors are not on stdout: " + r.out());
    }

    @Test
    void aFailureAnywhereMakesABareExitOrTheEndOfInputNonZero() throws IOException {
        Launcher.Result exit = shell("arsenal:use xxh3 no-such-provider\narsenal:selection\nexit\n");
        assertEquals(1, exit.status(), exit.err());
        assertTrue(exit.err().contains("no provider 'no-such-provider' for xxh3"), exit.err());
        assertTrue(exit.out().contains("xxh3"), "the next command still ran: " + exit.out());
        assertTrue(exit.err().contains("1 of 2 commands failed"), exit.err());

        Launcher.Result end = shell("no-such-command\nlb\n");
        assertEquals(1, end.status(), end.err());
    }

    @Test
    void arsenalCommandsWithTheWrongNumberOfArgumentsAnswerWithTheirUsage() throws IOException {
        Launcher.Result r = shell("arsenal:use\narsenal:use xxh3\narsenal:use a b c\narsenal:reset\nexit\n");
        assertEquals(1, r.status(), r.err());
        List<String> errors =
                r.err().lines().filter(l -> l.startsWith("gogo: ")).toList();
        assertEquals(4, errors.size(), r.err());
        for (String error : errors.subList(0, 3)) {
            assertTrue(error.startsWith("gogo: usage: arsenal:use ALGORITHM PROVIDER"), error);
            assertTrue(error.contains("algorithms: xxh32, xxh64, xxh3, xxh128"), error);
        }
        assertTrue(errors.get(3).startsWith("gogo: usage: arsenal:reset ALGORITHM"), errors.get(3));
        assertFalse(r.err().contains("Cannot coerce"), r.err());
    }

    @Test
    void helpNamesTheParametersOfTheArsenalCommands() throws IOException {
        Launcher.Result r = shell("help arsenal:use\nhelp arsenal:reset\nhelp arsenal:providers\nexit\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("use - force PROVIDER for ALGORITHM"), r.out());
        assertTrue(r.out().contains("String   ALGORITHM: an algorithm or codec id"), r.out());
        assertTrue(r.out().contains("String   PROVIDER: a provider id"), r.out());
        assertTrue(r.out().contains("reset - drop what arsenal:use forced for ALGORITHM"), r.out());
        assertTrue(r.out().contains("providers - every provider: kind, status"), r.out());
    }

    @Test
    void theTemporaryStorageIsDeletedAndAGivenOneKept() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Launcher.Result r = shell(List.of("-Djava.io.tmpdir=" + tmp), "exit\n");
        assertEquals(0, r.status(), r.err());
        try (Stream<Path> left = Files.list(tmp)) {
            List<Path> storages = left.filter(p -> p.getFileName().toString().startsWith("arsenal-shell"))
                    .toList();
            assertEquals(List.of(), storages, "the temporary storage is deleted on exit");
        }

        Path storage = dir.resolve("storage");
        Launcher.Result kept = shell(List.of(), "exit\n", "--storage", storage.toString());
        assertEquals(0, kept.status(), kept.err());
        assertTrue(Files.isDirectory(storage.resolve("bundle0")), "Felix's cache is kept in " + storage);
    }

    /** Bundle name to state, from {@code lb} output. */
    private static Map<String, String> bundleStates(String out) {
        return out.lines()
                .map(LB_LINE::matcher)
                .filter(Matcher::matches)
                .collect(Collectors.toMap(m -> m.group(2), m -> m.group(1), (a, b) -> a));
    }

    /** {@code printf '%s' "$SCRIPT" | arsenal shell}: stdin a pipe, not a file. */
    private static Launcher.Result pipedShell(String script) {
        List<String> cmd = new ArrayList<>();
        cmd.add("sh");
        cmd.add("-c");
        cmd.add("printf '%s' \"$SCRIPT\" | \"$0\" \"$@\"");
        cmd.add(Launcher.java());
        cmd.addAll(Launcher.jvmOptions());
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-cp");
        cmd.add(Launcher.launcherJar()
                + File.pathSeparator
                + Launcher.libJars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add("dev.arsenal.launcher.Main");
        cmd.add("shell");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SCRIPT", script);
        return Launcher.run(pb);
    }

    private Launcher.Result shell(String stdin) throws IOException {
        return shell(List.of(), stdin);
    }

    /** {@code arsenal shell ARGS} on the class path as the script runs it, with this stdin. */
    private Launcher.Result shell(List<String> jvmOptions, String stdin, String... args) throws IOException {
        Path in = Files.createTempFile(dir, "stdin", ".txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        List<String> options = Stream.concat(
                        // As ./arsenal: Felix uses sun.misc.Unsafe, which JDK 25 warns about otherwise.
                        Stream.of("--sun-misc-unsafe-memory-access=allow"), jvmOptions.stream())
                .toList();
        String[] command = Stream.concat(Stream.of("shell"), Stream.of(args)).toArray(String[]::new);
        return Launcher.classPath(options, in, command);
    }
}
