package dev.arsenal.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.FeatureSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HotSpotFlags}: the derivation and the C2 decision, on flag maps. */
class HotSpotFlagsTest {
    private static final String SERVER = "OpenJDK 64-Bit Server VM";

    private static List<String> names(List<CpuFeature> features) {
        assertTrue(features.stream()
                .allMatch(f -> f.source() == FeatureSource.HOTSPOT && f.value().isEmpty()));
        return features.stream().map(CpuFeature::name).toList();
    }

    /** The product flags of JDK 25 on an AVX-512 machine with SHA-NI, as PrintFlagsFinal shows them. */
    private static Map<String, String> avx512Machine() {
        Map<String, String> flags = new HashMap<>();
        flags.put("UseSSE", "4");
        flags.put("UseAVX", "3");
        flags.put("UseSSE42Intrinsics", "true");
        flags.put("UseAES", "true");
        flags.put("UseSHA", "true");
        flags.put("UseFMA", "true");
        flags.put("UseBMI1Instructions", "true");
        flags.put("UseBMI2Instructions", "true");
        flags.put("UsePopCountInstruction", "true");
        flags.put("UseCLMUL", "true");
        flags.put("MaxVectorSize", "64");
        return flags;
    }

    @Test
    void x86Avx512() {
        List<String> derived = names(HotSpotFlags.derive(avx512Machine(), "amd64"));
        assertEquals(
                List.of(
                        "sse",
                        "sse2",
                        "pni",
                        "sse4_1",
                        "sse4_2",
                        "avx",
                        "avx2",
                        "avx512f",
                        "aes",
                        "fma",
                        "bmi1",
                        "bmi2",
                        "popcnt",
                        "pclmulqdq"),
                derived);
        assertFalse(derived.contains("sha_ni"), "UseSHA alone is also on for AVX2+BMI2 without SHA-NI");
    }

    @Test
    void x86ShaNiFromTheDiagnosticFlag() {
        Map<String, String> flags = avx512Machine();
        flags.put("UseSHA1Intrinsics", "true");
        assertTrue(names(HotSpotFlags.derive(flags, "x86_64")).contains("sha_ni"));
        flags.put("UseSHA1Intrinsics", "false");
        assertFalse(names(HotSpotFlags.derive(flags, "x86_64")).contains("sha_ni"));
    }

    @Test
    void x86ShaNiWhenAvx2IsOff() {
        Map<String, String> flags = avx512Machine();
        flags.put("UseAVX", "1");
        List<String> derived = names(HotSpotFlags.derive(flags, "amd64"));
        assertTrue(derived.contains("sha_ni"), "with AVX2 off only SHA-NI can turn UseSHA on");
        assertTrue(derived.contains("avx"));
        assertFalse(derived.contains("avx2"));
    }

    @Test
    void x86LimitedByCommandLine() {
        Map<String, String> flags = avx512Machine();
        flags.put("UseAVX", "2"); // -XX:UseAVX=2 on an AVX-512 machine
        flags.put("UseAES", "false");
        List<String> derived = names(HotSpotFlags.derive(flags, "amd64"));
        assertTrue(derived.contains("avx2"));
        assertFalse(derived.contains("avx512f"));
        assertFalse(derived.contains("aes"));
    }

    @Test
    void useSse4MeansSse41Only() {
        Map<String, String> flags = Map.of("UseSSE", "4", "UseAVX", "0");
        List<String> derived = names(HotSpotFlags.derive(flags, "amd64"));
        assertEquals(List.of("sse", "sse2", "pni", "sse4_1"), derived);
    }

    @Test
    void aarch64() {
        Map<String, String> flags = new HashMap<>();
        flags.put("UseAES", "true");
        flags.put("UseSHA", "true");
        flags.put("UseFMA", "true");
        flags.put("UseSVE", "2");
        flags.put("UseCRC32", "true");
        flags.put("UseLSE", "true");
        flags.put("UsePopCountInstruction", "true");
        assertEquals(
                List.of("aes", "sha2", "fma", "sve", "sve2", "crc32", "atomics"),
                names(HotSpotFlags.derive(flags, "aarch64")));

        flags.put("UseSVE", "0");
        flags.put("UseSHA256Intrinsics", "false");
        assertEquals(List.of("aes", "fma", "crc32", "atomics"), names(HotSpotFlags.derive(flags, "aarch64")));
    }

    @Test
    void unknownArchitectureOrNoFlags() {
        assertEquals(List.of(), HotSpotFlags.derive(avx512Machine(), "riscv64"));
        assertEquals(List.of(), HotSpotFlags.derive(Map.of(), "amd64"));
        assertEquals(List.of(), HotSpotFlags.derive(Map.of("UseAVX", "bogus"), "amd64"));
    }

    @Test
    void cpuFlagsBecomeValuedFeatures() {
        Map<String, String> flags = new HashMap<>(avx512Machine());
        flags.put("TieredStopAtLevel", "4");
        List<CpuFeature> features = HotSpotFlags.asFeatures(flags);
        assertTrue(features.contains(new CpuFeature("UseAVX", FeatureSource.HOTSPOT, "3")));
        assertTrue(features.contains(new CpuFeature("MaxVectorSize", FeatureSource.HOTSPOT, "64")));
        assertTrue(
                features.stream().noneMatch(f -> f.name().equals("TieredStopAtLevel")),
                "compiler flags are not CPU facts");
    }

    @Test
    void c2() {
        Map<String, String> defaults =
                Map.of("UseCompiler", "true", "TieredCompilation", "true", "TieredStopAtLevel", "4");
        assertTrue(HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "mixed mode, sharing", defaults));
        assertTrue(
                HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "mixed mode", Map.of()), "defaults when flags are unreadable");
        assertTrue(HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "compiled mode", defaults));

        assertFalse(HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "interpreted mode, sharing", defaults), "-Xint");
        assertFalse(HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "mixed mode", with(defaults, "UseCompiler", "false")));
        assertFalse(HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "mixed mode", with(defaults, "TieredStopAtLevel", "1")));
        assertTrue(
                HotSpotFlags.c2(
                        SERVER,
                        "25.0.1+8-LTS",
                        "mixed mode",
                        with(with(defaults, "TieredStopAtLevel", "1"), "TieredCompilation", "false")),
                "-XX:-TieredCompilation is C2 only; TieredStopAtLevel does not apply");
        assertFalse(
                HotSpotFlags.c2(SERVER, "25.0.1+8-LTS", "mixed mode", with(defaults, "UseJVMCICompiler", "true")),
                "Graal JIT");
        assertFalse(
                HotSpotFlags.c2("Java HotSpot(TM) 64-Bit Server VM", "25+37-jvmci-b01", "mixed mode", defaults),
                "GraalVM: Graal is the default top tier");
        assertTrue(HotSpotFlags.c2(
                "Java HotSpot(TM) 64-Bit Server VM",
                "25+37-jvmci-b01",
                "mixed mode",
                with(defaults, "UseJVMCICompiler", "false")));
        assertFalse(HotSpotFlags.c2("OpenJDK 64-Bit Minimal VM", "25", "mixed mode", defaults));
        assertFalse(HotSpotFlags.c2("OpenJDK 64-Bit Zero VM", "25", "interpreted mode", Map.of()));
    }

    @Test
    void readingNeverThrowsAndSkipsAbsentFlags() {
        List<String> notes = new ArrayList<>();
        String arch = System.getProperty("os.arch");
        Map<String, String> flags = HotSpotFlags.read(arch, notes);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            assertFalse(flags.containsKey("UseSVE"), "an aarch64 flag on x86");
        } else if (arch.equals("aarch64")) {
            assertFalse(flags.containsKey("UseAVX"), "an x86 flag on aarch64");
        }
        assertTrue(flags.values().stream().noneMatch(String::isEmpty));
        assertTrue(HotSpotFlags.CPU_FLAGS.containsAll(HotSpotFlags.DIAGNOSTIC_FLAGS));
    }

    @Test
    void families() {
        assertEquals(HotSpotFlags.Family.X86, HotSpotFlags.family("amd64"));
        assertEquals(HotSpotFlags.Family.X86, HotSpotFlags.family("x86_64"));
        assertEquals(HotSpotFlags.Family.AARCH64, HotSpotFlags.family("aarch64"));
        assertEquals(HotSpotFlags.Family.OTHER, HotSpotFlags.family("ppc64le"));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
