package dev.arsenal.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged example as its users would start it, and checks what it prints: the right
 * results, the providers docs/getting-started.md says each way of starting gets, and nothing on
 * stderr but what the JVM itself prints for the Vector API.
 */
class QuickStartIT {
    private static final Path TARGET = Path.of(System.getProperty("example.dir", "target"));
    private static final String JAR = TARGET.resolve("arsenal-example.jar").toString();
    private static final String LIB = TARGET.resolve("lib").toString();

    record Run(String out, String err) {}

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("example", ".out");
        Path err = Files.createTempFile("example", ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("hung: " + cmd);
        }
        Run r = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), cmd + "\n" + r.err());
        assertTrue(r.out().contains("round trip ok"), r.out());
        return r;
    }

    private static String servedBy(Run r, String algorithm) {
        return r.out()
                .lines()
                .filter(l -> l.startsWith(algorithm + " served by "))
                .map(l -> l.split(" ")[3])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + algorithm + " served by' in " + r.out()));
    }

    @Test
    void anExecutableJarGetsNativeCodeThroughItsManifestAndPrintsNothingElse() throws Exception {
        Run r = java("-jar", JAR);
        assertEquals("", r.err(), "stderr of java -jar");
        assertTrue(!servedBy(r, "zstd").startsWith("java-"), "Enable-Native-Access in the manifest: " + r.out());
    }

    @Test
    void onTheClassPathWithoutFlagsJavaServesQuietly() throws Exception {
        Run r = java("-cp", JAR + File.pathSeparator + LIB + File.separator + "*", "dev.arsenal.example.QuickStart");
        assertEquals("", r.err(), "stderr on the class path without flags");
        assertEquals("java-compression", servedBy(r, "zstd"), r.out());
    }

    @Test
    void onTheClassPathWithTheRecommendedFlags() throws Exception {
        Run r = java(
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                JAR + File.pathSeparator + LIB + File.separator + "*",
                "dev.arsenal.example.QuickStart");
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector", r.err().strip());
        assertTrue(!servedBy(r, "zstd").startsWith("java-"), r.out());
        assertEquals("simd-xxh3", servedBy(r, "xxh3"), r.out());
    }

    @Test
    void onTheModulePathWithoutFlagsJavaServes() throws Exception {
        Run r = java("-p", JAR + File.pathSeparator + LIB, "-m", "dev.arsenal.example/dev.arsenal.example.QuickStart");
        assertEquals("java-compression", servedBy(r, "zstd"), r.out());
        System.out.println("module path, no flags, stderr: [" + r.err() + "]");
    }

    @Test
    void onTheModulePathWithTheRecommendedFlags() throws Exception {
        Run r = java(
                "--enable-native-access=dev.arsenal.providers.natives,com.github.luben.zstd_jni,org.lz4.java,org.conscrypt",
                "--add-modules",
                "jdk.incubator.vector,com.github.luben.zstd_jni,org.lz4.java,org.conscrypt",
                "-p",
                JAR + File.pathSeparator + LIB,
                "-m",
                "dev.arsenal.example/dev.arsenal.example.QuickStart");
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector", r.err().strip());
        assertEquals("zstd-jni", servedBy(r, "zstd"), r.out());
        assertEquals("simd-xxh3", servedBy(r, "xxh3"), r.out());
    }
}
