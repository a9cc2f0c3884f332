package dev.arsenal.engine.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.FeatureSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HotSpot's flags: what the JIT will really use, which can be less than the CPU has ({@code
 * -XX:UseAVX=2} on an AVX-512 machine, or HotSpot's own choices such as AVX-512 left off on early
 * Skylake steppings and AVX off when the OS does not save its registers). Reading goes through {@link HotSpotDiagnosticMXBean};
 * the interpretation ({@link #derive}, {@link #c2}) is pure so tests feed it maps.
 *
 * <p>What the levels mean, from {@code src/hotspot/cpu/x86/vm_version_x86.cpp}: {@code UseSSE=4}
 * needs SSE4.1 only (SSE4.2 is {@code UseSSE42Intrinsics}); {@code UseAVX=3} needs AVX-512F (EVEX)
 * and nothing more; {@code UseSHA} is also on for AVX2 with BMI2 without SHA-NI (the SHA-512 stub
 * uses AVX2), so SHA-NI shows only in {@code UseSHA1Intrinsics}. Diagnostic flags ({@code
 * UseAESIntrinsics}, {@code UseSHA1Intrinsics}, {@code UseCRC32Intrinsics} ...) can be read only
 * under {@code -XX:+UnlockDiagnosticVMOptions}; the derivation uses them when present and does
 * without otherwise.
 *
 * <p>Like the rest of the detection, which runs while the application starts, this code uses no
 * lambdas, streams or regular expressions: in a fresh JVM their first use costs milliseconds.
 */
final class HotSpotFlags {
    /** x86 flags about the CPU. */
    static final List<String> X86_FLAGS =
            List.of("UseSSE", "UseAVX", "UseSSE42Intrinsics", "UseBMI1Instructions", "UseBMI2Instructions", "UseCLMUL");

    /** aarch64 flags about the CPU. */
    static final List<String> AARCH64_FLAGS = List.of("UseSVE", "UseCRC32", "UseLSE");

    /** Flags about the CPU on every architecture. */
    static final List<String> COMMON_FLAGS =
            List.of("UseAES", "UseSHA", "UseFMA", "UsePopCountInstruction", "MaxVectorSize");

    /**
     * Diagnostic flags, readable only under {@code -XX:+UnlockDiagnosticVMOptions}. The first is
     * declared on every architecture, so its absence means they are locked and the rest is skipped.
     */
    static final List<String> DIAGNOSTIC_FLAGS = List.of(
            "UseVectorizedMismatchIntrinsic",
            "UseAESIntrinsics",
            "UseSHA1Intrinsics",
            "UseSHA256Intrinsics",
            "UseSHA512Intrinsics",
            "UseCRC32Intrinsics",
            "UseCRC32CIntrinsics");

    /** Every flag about the CPU, recorded as valued features when present. */
    static final List<String> CPU_FLAGS = concat(X86_FLAGS, AARCH64_FLAGS, COMMON_FLAGS, DIAGNOSTIC_FLAGS);

    /**
     * Flags about the compilers, read for {@link #c2} only. {@code UseJVMCICompiler} is
     * experimental, so usually unreadable.
     */
    static final List<String> COMPILER_FLAGS =
            List.of("UseCompiler", "TieredCompilation", "TieredStopAtLevel", "UseJVMCICompiler");

    private HotSpotFlags() {}

    /**
     * Reads the flags of {@link #CPU_FLAGS} that apply to {@code arch}, and {@link
     * #COMPILER_FLAGS}, that this VM has. Never throws: a VM without the MXBean yields an empty map
     * and a note; an absent flag is skipped.
     *
     * <p>In a fresh JVM the first call costs over ten milliseconds, nearly all of it {@link
     * ManagementFactory}'s first use (there is no cheaper supported way to read flags); each flag
     * then costs microseconds. Flags of other
     * architectures are not asked for, since each absent flag is an exception.
     *
     * @param arch {@code os.arch}; an unknown one reads the flags of every architecture
     * @param notes receives why flags could not be read
     * @return flag name to value ({@code "true"}, {@code "3"}), in the order of the lists
     */
    static Map<String, String> read(String arch, List<String> notes) {
        Map<String, String> values = new LinkedHashMap<>();
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            notes.add("HotSpot flags not readable: " + e);
            return values;
        }
        if (bean == null) {
            notes.add("HotSpot flags not readable: this VM has no HotSpotDiagnosticMXBean");
            return values;
        }
        List<String> names = new ArrayList<>();
        switch (family(arch)) {
            case X86 -> names.addAll(X86_FLAGS);
            case AARCH64 -> names.addAll(AARCH64_FLAGS);
            case OTHER -> {
                names.addAll(X86_FLAGS);
                names.addAll(AARCH64_FLAGS);
            }
        }
        names.addAll(COMMON_FLAGS);
        names.addAll(COMPILER_FLAGS);
        for (String name : names) {
            readFlag(bean, name, values, notes);
        }
        if (values.isEmpty()) {
            notes.add("HotSpot flags: none of " + names.size() + " flags known to this VM");
            return values;
        }
        if (readFlag(bean, DIAGNOSTIC_FLAGS.get(0), values, notes)) {
            for (String name : DIAGNOSTIC_FLAGS.subList(1, DIAGNOSTIC_FLAGS.size())) {
                readFlag(bean, name, values, notes);
            }
        } else {
            notes.add("HotSpot diagnostic flags (UseAESIntrinsics, UseSHA1Intrinsics ...) need"
                    + " -XX:+UnlockDiagnosticVMOptions; features derived from product flags only");
        }
        return values;
    }

    /** Reads one flag into {@code values}; whether it was there. */
    private static boolean readFlag(
            HotSpotDiagnosticMXBean bean, String name, Map<String, String> values, List<String> notes) {
        try {
            String value = bean.getVMOption(name).getValue();
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
                return true;
            }
        } catch (IllegalArgumentException e) {
            // Absent on this architecture or VM, or a locked diagnostic or experimental flag.
        } catch (RuntimeException e) {
            notes.add("HotSpot flag " + name + " not readable: " + e);
        }
        return false;
    }

    /**
     * The CPU flags among {@code flags} as valued features with source {@link
     * FeatureSource#HOTSPOT}.
     */
    static List<CpuFeature> asFeatures(Map<String, String> flags) {
        List<CpuFeature> features = new ArrayList<>();
        for (String name : CPU_FLAGS) {
            String value = flags.get(name);
            if (value != null && !value.isEmpty()) {
                features.add(new CpuFeature(name, FeatureSource.HOTSPOT, value));
            }
        }
        return features;
    }

    /**
     * Derives plain features (in {@code /proc/cpuinfo} names) from HotSpot flags: the features the
     * JIT has been allowed to use. Only what a flag implies for certain is derived; an unknown
     * architecture yields nothing.
     *
     * <p>x86-64: {@code UseSSE} 1..4 gives {@code sse}, {@code sse2}, {@code pni} (SSE3), {@code
     * sse4_1}; {@code UseSSE42Intrinsics} {@code sse4_2}; {@code UseAVX} 1..3 {@code avx}, {@code
     * avx2}, {@code avx512f}; {@code UseAES} {@code aes}; {@code UseFMA} {@code fma}; {@code
     * UseBMI1Instructions}/{@code UseBMI2Instructions} {@code bmi1}/{@code bmi2}; {@code
     * UsePopCountInstruction} {@code popcnt}; {@code UseCLMUL} {@code pclmulqdq}; {@code
     * UseSHA1Intrinsics}, or {@code UseSHA} with {@code UseAVX} below 2, {@code sha_ni}.
     *
     * <p>aarch64: {@code UseAES} {@code aes}; {@code UseSHA256Intrinsics}, else {@code UseSHA},
     * {@code sha2} ({@code UseSHA} means some SHA extension; no core ships SHA1 or SHA3 without
     * SHA2); {@code UseFMA} {@code fma} (always on: FMADD is base AArch64); {@code UseSVE} 1..2
     * {@code sve}, {@code sve2}; {@code UseCRC32} {@code crc32}; {@code UseLSE} {@code atomics}.
     *
     * @param flags flag name to value, as {@link #read} returns
     * @param arch {@code os.arch}: {@code amd64}, {@code x86_64}, {@code aarch64}, {@code arm64}
     * @return plain features with source {@link FeatureSource#HOTSPOT}, without duplicates
     */
    static List<CpuFeature> derive(Map<String, String> flags, String arch) {
        Set<String> names = new LinkedHashSet<>();
        switch (family(arch)) {
            case X86 -> {
                int sse = intFlag(flags, "UseSSE");
                String[] sseNames = {"sse", "sse2", "pni", "sse4_1"};
                for (int level = 1; level <= Math.min(sse, sseNames.length); level++) {
                    names.add(sseNames[level - 1]);
                }
                if (on(flags, "UseSSE42Intrinsics")) {
                    names.add("sse4_2");
                }
                int avx = intFlag(flags, "UseAVX");
                String[] avxNames = {"avx", "avx2", "avx512f"};
                for (int level = 1; level <= Math.min(avx, avxNames.length); level++) {
                    names.add(avxNames[level - 1]);
                }
                addIf(names, flags, "UseAES", "aes");
                addIf(names, flags, "UseFMA", "fma");
                addIf(names, flags, "UseBMI1Instructions", "bmi1");
                addIf(names, flags, "UseBMI2Instructions", "bmi2");
                addIf(names, flags, "UsePopCountInstruction", "popcnt");
                addIf(names, flags, "UseCLMUL", "pclmulqdq");
                // UseSHA is also on for AVX2+BMI2 without SHA-NI; with AVX2 off only SHA-NI can set it.
                boolean avxKnown = flags.containsKey("UseAVX");
                if (on(flags, "UseSHA1Intrinsics") || (on(flags, "UseSHA") && avxKnown && avx < 2)) {
                    names.add("sha_ni");
                }
            }
            case AARCH64 -> {
                addIf(names, flags, "UseAES", "aes");
                if (flags.containsKey("UseSHA256Intrinsics") ? on(flags, "UseSHA256Intrinsics") : on(flags, "UseSHA")) {
                    names.add("sha2");
                }
                addIf(names, flags, "UseFMA", "fma");
                int sve = intFlag(flags, "UseSVE");
                if (sve >= 1) {
                    names.add("sve");
                }
                if (sve >= 2) {
                    names.add("sve2");
                }
                addIf(names, flags, "UseCRC32", "crc32");
                addIf(names, flags, "UseLSE", "atomics");
            }
            case OTHER -> {}
        }
        List<CpuFeature> features = new ArrayList<>(names.size());
        for (String name : names) {
            features.add(CpuFeature.flag(name, FeatureSource.HOTSPOT));
        }
        return List.copyOf(features);
    }

    /**
     * Whether C2, the optimizing JIT, compiles this VM's hot code: a HotSpot Server VM (Client,
     * Minimal and Zero VMs have no C2), not interpreted-only ({@code -Xint}, {@code
     * -XX:-UseCompiler}), not stopped below tier 4 ({@code -XX:TieredStopAtLevel=1}; the level does
     * not apply under {@code -XX:-TieredCompilation}, which means C2 only), and not replaced by a
     * JVMCI compiler such as Graal. {@code UseJVMCICompiler} is an experimental flag, readable only
     * when unlocked, so a VM whose version names JVMCI (GraalVM: {@code 25+37-jvmci-b01}, where
     * Graal is the default top tier) counts as Graal unless the flag reads {@code false}. Other
     * flags missing from {@code flags} are taken at their defaults.
     *
     * @param vmName {@code java.vm.name}
     * @param vmVersion {@code java.vm.version}
     * @param vmInfo {@code java.vm.info} ({@code mixed mode}, {@code interpreted mode} ...)
     * @param flags flag name to value, as {@link #read} returns
     */
    static boolean c2(String vmName, String vmVersion, String vmInfo, Map<String, String> flags) {
        if (!vmName.contains("Server VM") || vmInfo.contains("interpreted mode")) {
            return false;
        }
        if ("false".equals(flags.get("UseCompiler"))) {
            return false;
        }
        String jvmciCompiler = flags.getOrDefault("UseJVMCICompiler", vmVersion.contains("jvmci") ? "true" : "false");
        if (jvmciCompiler.equals("true")) {
            return false;
        }
        if ("false".equals(flags.get("TieredCompilation"))) {
            return true;
        }
        return !flags.containsKey("TieredStopAtLevel") || intFlag(flags, "TieredStopAtLevel") >= 4;
    }

    /** The architectures the derivation knows. */
    enum Family {
        X86,
        AARCH64,
        OTHER
    }

    /** The family of an {@code os.arch} value. */
    static Family family(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> Family.X86;
            case "aarch64", "arm64" -> Family.AARCH64;
            default -> Family.OTHER;
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    private static void addIf(Set<String> names, Map<String, String> flags, String flag, String feature) {
        if (on(flags, flag)) {
            names.add(feature);
        }
    }

    private static boolean on(Map<String, String> flags, String flag) {
        return "true".equals(flags.get(flag));
    }

    /** The flag's integer value, 0 if absent or not a number. */
    private static int intFlag(Map<String, String> flags, String flag) {
        String value = flags.get(flag);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
