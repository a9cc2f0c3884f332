package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arsenal inside an application stays quiet: {@link QuietMain} (every codec and hash through the
 * static entry points) runs in a child JVM on the class path of Arsenal's jars, on the flags users
 * start with, and its stderr is checked. Nothing on stderr when all is well: no restricted-method
 * warning from the JVM (nothing restricted is called without native access), no {@code
 * sun.misc.Unsafe} warning (no provider, self-tested or not, touches it), no log lines (the
 * selection is DEBUG). The one line the JVM itself prints for {@code --add-modules
 * jdk.incubator.vector} is the only exception, and docs/getting-started.md says so.
 */
class QuietApplicationIT {
    private static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";

    private static Launcher.Result run(String... flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.java());
        cmd.addAll(List.of(flags));
        // No configuration file or calibration of the user's: the defaults, as on a fresh machine.
        cmd.add("-Darsenal.config=" + Launcher.emptyConfig());
        cmd.add("-Darsenal.calibration=off");
        List<String> cp = new ArrayList<>();
        Launcher.libJars().stream()
                .filter(j -> !j.getFileName().toString().startsWith("org.apache.felix")
                        && !j.getFileName().toString().startsWith("org.osgi"))
                .forEach(j -> cp.add(j.toString()));
        cp.add(Path.of(System.getProperty("arsenal.itests.classes", "target/test-classes"))
                .toAbsolutePath()
                .toString());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(QuietMain.class.getName());
        Launcher.Result r = Launcher.run(cmd, null);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().strip().endsWith("ok"), "every result right: " + r.out() + r.err());
        return r;
    }

    /** The provider of each algorithm, with its kind: {@code xxh3 -> "java-hashing java"}. */
    private static Map<String, String> providers(Launcher.Result r) {
        Map<String, String> providers = new LinkedHashMap<>();
        r.out().lines().filter(l -> l.contains(" ")).forEach(l -> {
            String[] f = l.split(" ");
            providers.put(f[0], f[1] + " " + f[2]);
        });
        return providers;
    }

    @Test
    void onDefaultFlagsNothingIsPrintedAndJavaServes() {
        Launcher.Result r = run();
        assertEquals("", r.err(), "stderr on default flags");
        providers(r)
                .forEach((algorithm, provider) -> assertTrue(
                        provider.endsWith(" java"), algorithm + " without native access: java, not " + provider));
    }

    @Test
    void withNativeAccessNothingIsPrintedAndNativeCodeServes() {
        Launcher.Result r = run("--enable-native-access=ALL-UNNAMED");
        assertEquals("", r.err(), "stderr with --enable-native-access");
        Map<String, String> providers = providers(r);
        assertTrue(
                providers.values().stream().anyMatch(p -> p.endsWith(" native")),
                "native providers serve with native access: " + providers);
    }

    @Test
    void withTheVectorApiOnlyTheJvmsIncubatorLineIsPrinted() {
        Launcher.Result r = run("--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector");
        assertEquals(INCUBATOR, r.err().strip(), "stderr with the Vector API");
    }

    @Test
    void noProviderTouchesSunMiscUnsafe() {
        // deny: any sun.misc.Unsafe memory access throws, so a provider (or its self-test) that used
        // it would fail its self-test, be warned about, or give a wrong result.
        Launcher.Result r = run(
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "--sun-misc-unsafe-memory-access=deny");
        assertEquals(INCUBATOR, r.err().strip(), "stderr with sun.misc.Unsafe denied");
        Launcher.Result java = run("--sun-misc-unsafe-memory-access=deny");
        assertEquals("", java.err(), "the pure-Java providers with sun.misc.Unsafe denied");
    }
}
