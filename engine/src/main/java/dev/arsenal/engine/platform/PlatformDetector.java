package dev.arsenal.engine.platform;

import dev.arsenal.platform.CacheInfo;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.platform.PlatformInfo;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detects the CPU and the JVM Arsenal runs on. It runs once at startup, so it reads only what is
 * cheap: the first processor block of {@code /proc/cpuinfo} (the kernel formats the file processor
 * by processor, hundreds of kilobytes on a large server), a couple of dozen HotSpot flags, the
 * Vector API's preferred shape, and CPU 0's caches in sysfs. Once the JVM is warm a call takes
 * about a millisecond; the first in a fresh JVM pays for {@code ManagementFactory}'s first use
 * and, when {@code jdk.incubator.vector} is present, for initializing the Vector API, which a
 * SIMD provider would pay anyway.
 *
 * <p>Every fact is a {@link CpuFeature} with its {@link FeatureSource}: {@code avx512f} from
 * {@code /proc/cpuinfo} says the CPU has it, {@code avx512f} from HotSpot says the JIT will use it
 * ({@code -XX:UseAVX=2} removes the second but not the first). A source that gives nothing leaves
 * a note in {@link CpuInfo#notes()} instead of an exception.
 *
 * <p>Linux is read in full. On other systems there is no {@code /proc}: the features come from
 * HotSpot's flags alone (the OS's own API, {@code sysctl} on macOS and {@code
 * GetLogicalProcessorInformationEx} on Windows, is not read yet) and the notes say so.
 */
public final class PlatformDetector {
    private static final String PROC_CPUINFO = "/proc/cpuinfo";

    /** Bounds the read of the first processor block, whatever the file looks like. */
    private static final int MAX_PROC_BYTES = 64 * 1024;

    private PlatformDetector() {}

    /**
     * Detects the platform. Never throws: each failure becomes a note in {@link CpuInfo#notes()},
     * and an unexpected failure yields what was learned before it.
     *
     * @return the CPU and the JVM, with every feature's source
     */
    public static PlatformInfo detect() {
        List<String> notes = new ArrayList<>();
        String os = property("os.name").toLowerCase(Locale.ROOT);
        String arch = property("os.arch");
        int cpus = availableProcessors(notes);
        String model = "";
        List<CpuFeature> features = new ArrayList<>();
        List<CacheInfo> caches = List.of();
        Map<String, String> flags = Map.of();
        VectorApiProbe.Result vector = new VectorApiProbe.Result(false, 0);
        try {
            if (os.startsWith("linux")) {
                ProcCpuinfoParser.Result proc = readProcCpuinfo(notes);
                model = proc.model();
                for (String name : proc.features()) {
                    features.add(CpuFeature.flag(name, FeatureSource.PROC_CPUINFO));
                }
                if (proc.cacheAlignment() > 0) {
                    features.add(new CpuFeature(
                            "cache_alignment", FeatureSource.PROC_CPUINFO, Integer.toString(proc.cacheAlignment())));
                }
            } else {
                notes.add("/proc/cpuinfo not available on " + os + "; features from HotSpot flags only");
            }

            flags = HotSpotFlags.read(arch, notes);
            features.addAll(HotSpotFlags.asFeatures(flags));
            features.addAll(HotSpotFlags.derive(flags, arch));
            if (flags.isEmpty() && !os.startsWith("linux")) {
                notes.add("no CPU features known on " + os + "/" + arch);
            }

            vector = VectorApiProbe.probe(notes);
            if (vector.preferredBits() > 0) {
                features.add(new CpuFeature(
                        "preferred_vector_bits", FeatureSource.VECTOR_API, Integer.toString(vector.preferredBits())));
            }

            if (os.startsWith("linux")) {
                caches = SysfsCaches.read(notes);
            } else {
                notes.add("cache sizes not read on " + os);
            }
        } catch (RuntimeException | LinkageError e) {
            notes.add("platform detection stopped early: " + e);
        }
        CpuInfo cpu = new CpuInfo(os, arch, model, cpus, features, caches, notes);
        return new PlatformInfo(cpu, jvm(flags, vector));
    }

    private static JvmInfo jvm(Map<String, String> flags, VectorApiProbe.Result vector) {
        String vmName = property("java.vm.name");
        boolean hotspot = isHotSpot(vmName);
        boolean c2 = hotspot && HotSpotFlags.c2(vmName, property("java.vm.version"), property("java.vm.info"), flags);
        return new JvmInfo(
                property("java.version"),
                property("java.vendor"),
                vmName,
                hotspot,
                c2,
                vector.present(),
                vector.preferredBits());
    }

    /**
     * Whether {@code java.vm.name} names a HotSpot VM: {@code Java HotSpot(TM) 64-Bit Server VM}
     * (Oracle, GraalVM's JIT mode) or {@code OpenJDK 64-Bit Server VM} and its Client, Minimal and
     * Zero siblings; not {@code Eclipse OpenJ9 VM}, not {@code Substrate VM} (native image).
     */
    static boolean isHotSpot(String vmName) {
        return vmName.contains("HotSpot") || (vmName.startsWith("OpenJDK") && vmName.endsWith(" VM"));
    }

    /**
     * Reads the first processor block of {@code /proc/cpuinfo} and parses it. Plain {@code
     * java.io}: in a fresh JVM the first use of NIO's file API costs about 10 ms, this a tenth of
     * that.
     */
    private static ProcCpuinfoParser.Result readProcCpuinfo(List<String> notes) {
        String text;
        try (InputStream in = new FileInputStream(PROC_CPUINFO)) {
            text = readFirstBlock(in);
        } catch (IOException | RuntimeException e) {
            notes.add("/proc/cpuinfo not readable: " + e);
            return new ProcCpuinfoParser.Result("", List.of(), 0);
        }
        ProcCpuinfoParser.Result result = ProcCpuinfoParser.parse(text);
        if (result.features().isEmpty()) {
            notes.add("/proc/cpuinfo has no flags or Features line");
        }
        return result;
    }

    /** Reads until the first blank line after some content, the end, or {@link #MAX_PROC_BYTES}. */
    private static String readFirstBlock(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int length = 0;
        int scanned = 0;
        boolean content = false;
        while (length < MAX_PROC_BYTES) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_PROC_BYTES));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            for (; scanned < length; scanned++) {
                byte b = buffer[scanned];
                if (b == '\n' && content && scanned > 0 && buffer[scanned - 1] == '\n') {
                    return new String(buffer, 0, scanned, StandardCharsets.ISO_8859_1);
                }
                content |= b != '\n' && b != '\r' && b != ' ' && b != '\t';
            }
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static int availableProcessors(List<String> notes) {
        try {
            return Runtime.getRuntime().availableProcessors();
        } catch (RuntimeException e) {
            notes.add("available processors unknown: " + e);
            return 1;
        }
    }

    private static String property(String name) {
        try {
            String value = System.getProperty(name);
            return value == null ? "" : value;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
