package dev.arsenal.providers.natives.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs a class's {@code main} in a new JVM on the test's class path, for what one JVM cannot undo. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs {@code main} with {@code jvmOptions} and returns its output (stdout and stderr), stripped.
     * Fails the test if the JVM exits with an error or runs longer than a minute.
     */
    static String run(Class<?> main, String... jvmOptions) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
                .toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the child JVM did not finish: " + out);
        }
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
