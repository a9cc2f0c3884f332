package dev.arsenal.providers.simd.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.engine.platform.PlatformDetector;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the guard tests of the SIMD providers share: platforms to refuse, the property, a JVM without the module. */
public final class VectorGuardTesting {
    /** This JVM and machine. */
    public static final PlatformInfo REAL = PlatformDetector.detect();

    private VectorGuardTesting() {}

    /** This machine, with a JVM that says what is asked. */
    public static PlatformInfo with(boolean hotspot, boolean c2, boolean vectorApi, int bits) {
        JvmInfo jvm = REAL.jvm();
        return new PlatformInfo(
                REAL.cpu(), new JvmInfo(jvm.version(), jvm.vendor(), jvm.vmName(), hotspot, c2, vectorApi, bits));
    }

    /** Runs {@code body} and then puts {@value VectorSupport#MAX_BITS_PROPERTY} back as it was. */
    public static void restoringMaxBitsProperty(Runnable body) {
        String old = System.getProperty(VectorSupport.MAX_BITS_PROPERTY);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(VectorSupport.MAX_BITS_PROPERTY);
            } else {
                System.setProperty(VectorSupport.MAX_BITS_PROPERTY, old);
            }
        }
    }

    /**
     * Runs {@code main} in a JVM on this class path started without {@code --add-modules
     * jdk.incubator.vector}, and returns what it printed, once it has ended with 0.
     */
    public static String runWithoutVectorApi(Class<?> main) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), "-Xshare:auto", main.getName())
                .redirectErrorStream(true)
                .start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child JVM did not end");
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
