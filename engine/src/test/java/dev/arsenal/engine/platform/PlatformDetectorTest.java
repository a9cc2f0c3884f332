package dev.arsenal.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link PlatformDetector#detect()} on the machine running the tests. */
class PlatformDetectorTest {
    private static final String OS = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    private static final String ARCH = System.getProperty("os.arch");

    @Test
    void detectsThisMachine() {
        long start = System.nanoTime();
        PlatformInfo platform = PlatformDetector.detect();
        long micros = (System.nanoTime() - start) / 1000;
        CpuInfo cpu = platform.cpu();
        System.out.println("detect() took " + micros + " us");
        System.out.println(cpu.os() + "/" + cpu.arch() + ", " + cpu.model() + ", " + cpu.logicalCpus() + " CPUs");
        System.out.println("features: " + cpu.features());
        System.out.println("caches: " + cpu.caches());
        System.out.println("notes: " + cpu.notes());
        System.out.println("jvm: " + platform.jvm());

        assertEquals(OS, cpu.os());
        assertFalse(cpu.arch().isEmpty());
        assertEquals(ARCH, cpu.arch());
        assertTrue(cpu.logicalCpus() >= 1);
        for (CpuFeature f : cpu.features()) {
            assertNotNull(f.source(), f.name());
            assertFalse(f.name().isEmpty());
        }
        if (OS.startsWith("linux") && (ARCH.equals("amd64") || ARCH.equals("x86_64"))) {
            assertTrue(cpu.has("sse2"), cpu.featureNames().toString());
            assertTrue(cpu.features().contains(CpuFeature.flag("sse2", FeatureSource.PROC_CPUINFO)));
            assertFalse(cpu.model().isEmpty());
        }
        if (OS.startsWith("linux") && ARCH.equals("aarch64")) {
            assertTrue(cpu.has("asimd"), cpu.featureNames().toString());
        }
        if (!OS.startsWith("linux")) {
            assertTrue(cpu.notes().stream().anyMatch(n -> n.startsWith("/proc/cpuinfo not available on " + OS)));
        }
    }

    @Test
    void hotSpotFactsOnHotSpot() {
        PlatformInfo platform = PlatformDetector.detect();
        JvmInfo jvm = platform.jvm();
        assertEquals(System.getProperty("java.version"), jvm.version());
        assertEquals(System.getProperty("java.vm.name"), jvm.vmName());
        if (jvm.hotspot() && (ARCH.equals("amd64") || ARCH.equals("x86_64"))) {
            assertTrue(
                    platform.cpu().value("UseSSE").isPresent(),
                    platform.cpu().features().toString());
            assertTrue(platform.cpu().features().contains(CpuFeature.flag("sse2", FeatureSource.HOTSPOT)));
        }
    }

    @Test
    void vectorApiAsTheJvmWasStarted() {
        PlatformInfo platform = PlatformDetector.detect();
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, platform.jvm().vectorApi());
        if (module) {
            int bits = platform.jvm().preferredVectorBits();
            assertTrue(bits >= 64 && Integer.bitCount(bits) == 1, "bits " + bits);
            assertEquals(
                    String.valueOf(bits),
                    platform.cpu().value("preferred_vector_bits").orElseThrow());
        } else {
            assertEquals(0, platform.jvm().preferredVectorBits());
            assertTrue(platform.cpu().notes().stream().anyMatch(n -> n.contains("--add-modules jdk.incubator.vector")));
        }
    }

    @Test
    void hotSpotNames() {
        assertTrue(PlatformDetector.isHotSpot("OpenJDK 64-Bit Server VM"));
        assertTrue(PlatformDetector.isHotSpot("Java HotSpot(TM) 64-Bit Server VM"));
        assertTrue(PlatformDetector.isHotSpot("OpenJDK 64-Bit Minimal VM"));
        assertFalse(PlatformDetector.isHotSpot("Eclipse OpenJ9 VM"));
        assertFalse(PlatformDetector.isHotSpot("Substrate VM"));
        assertFalse(PlatformDetector.isHotSpot(""));
    }
}
