package dev.arsenal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.compression.Codec;
import dev.arsenal.crypto.AeadAlgorithm;
import dev.arsenal.crypto.DigestAlgorithm;
import dev.arsenal.crypto.KdfAlgorithm;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.MacAlgorithm;
import dev.arsenal.crypto.SecretMemoryAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.itests.osgi.OsgiScenarioMain;
import dev.arsenal.itests.osgi.PlainSelectionMain;
import dev.arsenal.random.RandomAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arsenal in a plain Felix 7.0.5 with SCR and Configuration Admin, from the built jars, in a child
 * JVM whose class path has no Arsenal code: the providers are Declarative Services components, the
 * engine follows them, and bundles can come and go under load with nothing lost.
 */
class OsgiRuntimeIT {
    private static final List<String> JVM = List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-Darsenal.calibration=off");

    private static Launcher.Result scenario(List<String> jvm, String scenario, String... extraJvm) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.java());
        cmd.addAll(jvm);
        cmd.addAll(List.of(extraJvm));
        cmd.add("-Darsenal.config=" + Launcher.emptyConfig());
        cmd.add("-cp");
        cmd.add(Launcher.containerClassPath());
        cmd.add(OsgiScenarioMain.class.getName());
        cmd.add(scenario);
        Launcher.bundleJars().forEach(j -> cmd.add(j.toString()));
        Launcher.Result r = Launcher.run(cmd, null);
        assertEquals(0, r.status(), "scenario " + scenario + " ran: " + r.out() + r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("start-failure")), "every bundle started: " + r.out());
        return r;
    }

    /** The {@code key value} lines with this key, values in order. */
    private static List<String> values(Launcher.Result r, String key) {
        return r.out()
                .lines()
                .filter(l -> l.startsWith(key + " "))
                .map(l -> l.substring(key.length() + 1))
                .toList();
    }

    private static String value(Launcher.Result r, String key) {
        List<String> v = values(r, key);
        assertEquals(1, v.size(), "one line '" + key + "' in: " + r.out());
        return v.getFirst();
    }

    private static Map<String, String> routes(Launcher.Result r) {
        Map<String, String> routes = new LinkedHashMap<>();
        values(r, "route").forEach(l -> routes.put(l.split(" ")[0], l.split(" ")[1]));
        return routes;
    }

    @Test
    void choicesEqualThoseMadeWithoutOsgi() {
        Map<String, String> osgi = routes(scenario(JVM, "selection"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.java());
        cmd.addAll(JVM);
        cmd.add("-Darsenal.config=" + Launcher.emptyConfig());
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        Launcher.libJars().forEach(j -> cp.add(j.toString()));
        cp.add(Launcher.containerClassPath());
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(PlainSelectionMain.class.getName());
        Launcher.Result plain = Launcher.run(cmd, null);
        assertEquals(0, plain.status(), plain.err());
        assertEquals(
                HashAlgorithm.values().length
                        + Codec.values().length
                        + AeadAlgorithm.values().length
                        + DigestAlgorithm.values().length
                        + MacAlgorithm.values().length
                        + KdfAlgorithm.values().length
                        + SignatureAlgorithm.values().length
                        + KeyAgreementAlgorithm.values().length
                        + SecretMemoryAlgorithm.values().length
                        + RandomAlgorithm.values().length,
                osgi.size(),
                "a route per algorithm (every hashing algorithm, codec, AEAD, digest, MAC, KDF, signature, key"
                        + " agreement, secret memory and random generator): " + osgi);
        assertEquals(routes(plain), osgi, "OSGi chooses as ServiceLoader does on the same machine");
    }

    @Test
    void hotSwapUnderLoadLosesNothing() {
        int rounds = 5;
        Launcher.Result r = scenario(JVM, "hotswap", "-Drounds=" + rounds);
        System.out.println("hot-swap under load:\n" + r.out());
        assertEquals(
                List.of(),
                r.err()
                        .lines()
                        .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector"))
                        .toList(),
                "nothing on stderr but the JVM's incubator notice");
        long calls = Long.parseLong(value(r, "calls"));
        assertEquals("0", value(r, "failures"), r.out());
        assertEquals("0", value(r, "wrong"), r.out());
        assertEquals("0", value(r, "stale"), "every live object follows the route after each operation: " + r.out());
        assertEquals("0", value(r, "unavailable"), r.out());
        assertEquals(
                String.valueOf(6 * rounds),
                value(r, "departed-revisions-told"),
                "the stopped or replaced revision is never current in the phase after its operation: " + r.out());
        assertTrue(calls > 10_000, "calls ran: " + calls);
        assertEquals(String.valueOf(6 * rounds), value(r, "operations"), "every operation ran: " + r.out());
        for (String kind : List.of("stop-start", "update", "reinstall")) {
            assertEquals(String.valueOf(2 * rounds), value(r, "operation " + kind), kind + " ran: " + r.out());
        }
        Map<String, Long> perProvider = new LinkedHashMap<>();
        values(r, "provider").forEach(l -> perProvider.put(l.split(" ")[0], Long.parseLong(l.split(" ")[1])));
        for (String p : List.of("java-hashing", "native-xxhash", "simd-xxh3")) {
            assertTrue(perProvider.getOrDefault(p, 0L) > 0, p + " served calls: " + perProvider);
        }
        assertEquals(routes(scenario(JVM, "selection")), routes(r), "the final choice is the initial one again");

        // Compression under the same operations: live compressors and decompressors taken once.
        assertTrue(Long.parseLong(value(r, "compression-matrix-frames")) > 0, r.out());
        for (String key : List.of("failures", "unavailable", "wrong", "stale-calls")) {
            assertEquals("0", value(r, "compression-" + key), key + ": " + r.out());
        }
        assertTrue(Long.parseLong(value(r, "compression-calls")) >= 2 * 20 + 2 * 6 * rounds * 8, r.out());
        Map<String, Long> compression = new LinkedHashMap<>();
        values(r, "compression-provider")
                .forEach(
                        l -> compression.put(l.split(" ")[0] + " " + l.split(" ")[1], Long.parseLong(l.split(" ")[2])));
        for (String p : List.of(
                "compressor java-compression",
                "compressor native-lz4",
                "compressor lz4java-compression",
                "compressor zstd-jni",
                "compressor native-gzip",
                "compressor simd-shuffle+native-lz4",
                "compressor simd-shuffle+zstd-jni",
                "decompressor java-compression",
                "decompressor zstd-jni",
                "read-by java-compression",
                "read-by native-zstd")) {
            assertTrue(compression.getOrDefault(p, 0L) > 0, p + " served calls: " + compression);
        }
    }

    @Test
    void anUninstalledProviderBundleIsReclaimedAndTheStreamsItBeganFailNamingIt() {
        Launcher.Result r = scenario(JVM, "reclaim");
        assertTrue(value(r, "route-before").contains("native-xxhash"), r.out());
        assertTrue(!value(r, "route-after").contains("native-xxhash"), r.out());
        assertEquals("zstd-jni", value(r, "frame-begun-on"), r.out());
        for (var expected : List.of(
                List.of(
                        "stream-after-uninstall",
                        "this HashStream64 was begun on provider native-xxhash, which has gone"),
                List.of("frame-after-uninstall", "this OutputStream was begun on provider zstd-jni, which has gone"),
                List.of("frame-close-after-uninstall", "this OutputStream was begun on provider zstd-jni"))) {
            String line = value(r, expected.get(0));
            assertTrue(
                    line.startsWith("unavailable ") && line.contains(expected.get(1)),
                    "a stream stays with its provider and, once it is gone, says so: " + expected.get(0) + " " + line);
        }
        assertEquals("ok", value(r, "hasher-after-uninstall"), r.out());
        assertEquals("ok", value(r, "compressors-before-uninstall"), r.out());
        assertEquals("ok", value(r, "compressors-after-uninstall"), "re-pointed, they still serve: " + r.out());
        List<String> serving = values(r, "serving");
        assertEquals(2 * 6, serving.size(), r.out());
        assertTrue(serving.subList(0, 6).contains("zstd zstd-jni"), "native before: " + serving);
        assertTrue(serving.subList(6, 12).contains("zstd java-compression"), "java after: " + serving);
        assertEquals(
                "true",
                value(r, "loader-collected"),
                "the bundle's class loader was collected while its live compressors were kept: " + r.out());
    }

    @Test
    void configurationAdminForcesAndReleasesAChoiceAtOnce() {
        Launcher.Result r = scenario(JVM, "configadmin");
        assertEquals("java-hashing", value(r, "route-forced"), r.out());
        assertTrue(value(r, "reason-forced").contains("OSGi configuration dev.arsenal"), r.out());
        assertEquals(value(r, "route-before"), value(r, "route-deleted"), r.out());
        assertEquals(value(r, "route-before"), value(r, "route-bad"), "a refused configuration changes nothing");
        assertTrue(!value(r, "xxh64-after-stop").contains("native-xxhash"), "still following providers: " + r.out());
        assertTrue(value(r, "xxh64-after-start").contains("native-xxhash"), r.out());
        assertTrue(r.err().contains("configuration refused"), "the refusal is logged: " + r.err());
    }

    @Test
    void theEngineBundleIsUpdatedWithoutRewiringAnyOther() {
        Launcher.Result r = scenario(JVM, "engine-update");
        assertEquals("[dev.arsenal.engine]", value(r, "engine-dependency-closure"), "no bundle wires to the engine");
        assertEquals("true", value(r, "engine-revision-new"), r.out());
        assertEquals("[]", value(r, "rewired"), "api, spi and providers keep their revisions: " + r.out());
        assertEquals("[]", value(r, "removal-pending"), "no refresh is needed: " + r.out());
        assertEquals("true", value(r, "routes-equal"), "the new engine chooses as the old one did: " + r.out());
        String right = value(r, "new-hasher-right");
        assertEquals(right.substring(right.indexOf('/') + 1), right.substring(0, right.indexOf('/')), r.out());
        assertEquals(
                "ProviderUnavailableException", value(r, "old-hasher"), "the old engine's hashers refuse: " + r.out());
        assertTrue(
                !value(r, "xxh64-after-stop").contains("native-xxhash"),
                "the new engine follows providers: " + r.out());
        assertTrue(value(r, "xxh64-after-start").contains("native-xxhash"), r.out());
    }

    @Test
    void shellCommandsReportProvidersAndForceChoices() {
        Launcher.Result r = scenario(JVM, "commands");
        String out = r.out();
        String providers = out.substring(out.indexOf("--- providers"), out.indexOf("--- selection"));
        for (String p : List.of("java-hashing", "native-xxhash", "lz4java-xxhash", "simd-xxh3")) {
            assertTrue(
                    providers
                            .lines()
                            .anyMatch(l -> l.split("\\s+")[0].equals(p) && l.split("\\s+")[2].equals("available")),
                    p + " is available: " + out);
        }
        String use = out.substring(out.indexOf("--- use"), out.indexOf("--- use-bad"));
        assertTrue(use.contains("xxh3: java-hashing (forced by arsenal.provider.xxh3=java-hashing"), use);
        String bad = out.substring(out.indexOf("--- use-bad"), out.indexOf("--- reset"));
        assertTrue(bad.contains("no provider 'no-such-provider' for xxh3"), bad);
        String reset = out.substring(out.indexOf("--- reset"), out.indexOf("--- use-zstd"));
        assertTrue(!reset.contains("java-hashing (forced"), reset);
        assertEquals("zstd-jni zstd-jni", value(r, "zstd-before"), "compressor, decompressor: " + out);
        assertEquals("native-zstd native-zstd", value(r, "zstd-used"), "arsenal:use moves them: " + out);
        assertEquals("ok", value(r, "zstd-used-round-trips"), out);
        assertEquals("zstd-jni zstd-jni", value(r, "zstd-reset"), "arsenal:reset moves them back: " + out);
    }

    @Test
    void withoutTheVectorApiTheSimdBundleIsAbsentWithItsReason() {
        List<String> jvm = JVM.stream()
                .filter(o -> !o.equals("--add-modules") && !o.equals("jdk.incubator.vector"))
                .toList();
        List<String> cmd = new ArrayList<>();
        cmd.add(Launcher.java());
        cmd.addAll(jvm);
        cmd.add("-Darsenal.config=" + Launcher.emptyConfig());
        cmd.add("-cp");
        cmd.add(Launcher.containerClassPath());
        cmd.add(OsgiScenarioMain.class.getName());
        cmd.add("commands");
        Launcher.bundleJars().forEach(j -> cmd.add(j.toString()));
        Launcher.Result r = Launcher.run(cmd, null);
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("bundle dev.arsenal.providers.simd NOT_ACTIVE"), r.out());
        for (String name : List.of(
                "dev.arsenal.api",
                "dev.arsenal.spi",
                "dev.arsenal.engine",
                "dev.arsenal.providers.java",
                "dev.arsenal.providers.natives")) {
            assertTrue(lines.contains("bundle " + name + " ACTIVE"), name + " active: " + r.out());
        }
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("dev.arsenal.providers.simd")
                                && l.contains("no bundle exports jdk.incubator.vector")),
                "arsenal:providers names what the SIMD bundle lacks: " + r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("simd-xxh3")), r.out());
    }
}
