package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built launcher in a fresh JVM, on the class path exactly as {@code ./arsenal} does, or
 * on the module path, from the jars under {@code launcher/target}.
 */
final class Launcher {
    /** How long a child process may run before it counts as hung: generous, for hangs only. */
    static final java.time.Duration HANG = java.time.Duration.ofMinutes(5);

    record Result(int status, String out, String err) {}

    private Launcher() {}

    static Path projectDir() {
        return Path.of(System.getProperty("arsenal.project.dir", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path launcherJar() {
        Path jar = projectDir().resolve("launcher/target/arsenal-launcher.jar");
        assertTrue(Files.isRegularFile(jar), "the launcher jar is built before the integration tests: " + jar);
        return jar;
    }

    static List<Path> libJars() {
        try (Stream<Path> jars = Files.list(projectDir().resolve("launcher/target/lib"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The OSGi bundles among the launcher's jars, as a container would install them: every jar with
     * a {@code Bundle-SymbolicName} except the framework itself and the Gogo shell bundles (which
     * would read the test's stdin).
     */
    static List<Path> bundleJars() {
        return libJars().stream()
                .filter(j -> {
                    String name = symbolicName(j);
                    return name != null
                            && !name.equals("org.apache.felix.framework")
                            && !name.startsWith("org.apache.felix.gogo");
                })
                .toList();
    }

    /** The bundle symbolic name in a jar's manifest (without directives), or null. */
    static String symbolicName(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? null : name.split(";")[0].strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class path of a child JVM that boots Felix: the framework jar and the integration tests'
     * own classes, and no Arsenal jar, so that Arsenal runs only as bundles.
     */
    static String containerClassPath() {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("org.apache.felix.framework") || entry.endsWith("test-classes")) {
                cp.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    /** The children's {@code XDG_CACHE_HOME}: {@code itests/target/xdg-cache}. */
    static Path cacheHome() {
        return projectDir().resolve("itests").resolve("target").resolve("xdg-cache");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> jvmOptions() {
        return List.of(
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Darsenal.config=" + emptyConfig());
    }

    static String emptyConfig() {
        try {
            Path f = Files.createTempFile("arsenal-it", ".properties");
            f.toFile().deleteOnExit();
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result classPath(Path stdin, String... args) {
        return classPath(List.of(), stdin, args);
    }

    /** As {@link #classPath(Path, String...)}, with extra JVM options (later ones win). */
    static Result classPath(List<String> extraJvmOptions, Path stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions());
        cmd.addAll(extraJvmOptions);
        List<String> cp = new ArrayList<>();
        cp.add(launcherJar().toString());
        libJars().forEach(j -> cp.add(j.toString()));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add("dev.arsenal.launcher.Main");
        cmd.addAll(List.of(args));
        return run(cmd, stdin);
    }

    /**
     * The command line that runs {@code mainClass} in a fresh JVM on the class path as {@link
     * #classPath} does, with the integration tests' own classes after the launcher's jars (for
     * drivers that call {@code Main.run} many times in one JVM), for callers that connect the
     * process's streams themselves (binary stdout, pipelines).
     */
    static List<String> classPathCommand(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions());
        List<String> cp = new ArrayList<>();
        cp.add(launcherJar().toString());
        libJars().forEach(j -> cp.add(j.toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("test-classes")) {
                cp.add(entry);
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Result modulePath(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(List.of(
                // providers-native requires zstd-jni (explicit) and lz4-java (automatic) only
                // statically, providers-java Bouncy Castle, and providers-simd the Vector API: on the
                // module path each is resolved when asked for. --enable-native-access takes module names (no
                // ALL-MODULE-PATH).
                "--add-modules",
                "jdk.incubator.vector,com.github.luben.zstd_jni,org.lz4.java,org.bouncycastle.provider,org.conscrypt",
                "--enable-native-access=dev.arsenal.providers.natives,com.github.luben.zstd_jni,org.lz4.java,org.conscrypt",
                "-Darsenal.config=" + emptyConfig()));
        List<String> mp = new ArrayList<>();
        mp.add(launcherJar().toString());
        libJars().forEach(j -> mp.add(j.toString()));
        cmd.add("--module-path");
        cmd.add(String.join(java.io.File.pathSeparator, mp));
        cmd.add("-m");
        cmd.add("dev.arsenal.launcher/dev.arsenal.launcher.Main");
        cmd.addAll(List.of(args));
        return run(cmd, null);
    }

    /** jstack's output for a process that hangs, so a timeout says where. */
    private static String threadDump(long pid) {
        try {
            Process jstack = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jstack")
                                    .toString(),
                            Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstack.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    static Result run(List<String> cmd, Path stdin) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        return run(pb);
    }

    /**
     * Runs {@code pb} with its output captured, failing with a thread dump after {@link #HANG}: a
     * bound for hangs only, far beyond what any child takes on a slow, busy machine.
     */
    static Result run(ProcessBuilder pb) {
        List<String> cmd = pb.command();
        // The children's calibration and stored decisions go to a cache of the build's, never the user's.
        pb.environment().put("XDG_CACHE_HOME", cacheHome().toString());
        try {
            Path out = Files.createTempFile("arsenal-it", ".out");
            Path err = Files.createTempFile("arsenal-it", ".err");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
                String threads = threadDump(p.pid());
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd + "\nstdout so far:\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "\nthreads:\n" + threads);
            }
            Result r = new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
