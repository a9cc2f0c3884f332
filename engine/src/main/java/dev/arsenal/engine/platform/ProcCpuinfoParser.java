package dev.arsenal.engine.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses Linux's {@code /proc/cpuinfo}: a pure function of the text, so tests feed it samples.
 *
 * <p>Only the first processor's block (up to the first blank line) is read. Features come from
 * the x86 {@code flags} line or the aarch64 {@code Features} line. The model comes from {@code
 * model name} (x86, 32-bit Arm) or, on aarch64 where the kernel prints none, from {@code CPU
 * implementer} and {@code CPU part} (the fields of the {@code MIDR_EL1} register), named after the
 * table in Linux's {@code arch/arm64/include/asm/cputype.h} when the part is a well-known one.
 *
 * <pre>
 * x86-64                                  aarch64
 * processor  : 0                          processor       : 0
 * vendor_id  : GenuineIntel               BogoMIPS        : 243.75
 * model name : Intel(R) Xeon(R) ...       Features        : fp asimd aes pmull sha1 ...
 * flags      : fpu vme ... avx512f ...    CPU implementer : 0x41
 *                                         CPU part        : 0xd0c
 * </pre>
 *
 * <p>No regular expressions: this runs while the application starts, and in a fresh JVM the first
 * use of {@code java.util.regex} costs milliseconds.
 */
final class ProcCpuinfoParser {
    /**
     * What the first processor block says.
     *
     * @param model the model name, empty if the text has none
     * @param features the lower-case feature names in the order printed, without duplicates
     * @param cacheAlignment the x86 {@code cache_alignment} in bytes (the line size the kernel
     *     aligns to), 0 when absent
     */
    record Result(String model, List<String> features, int cacheAlignment) {
        Result {
            features = List.copyOf(features);
        }
    }

    /** Implementer codes (MIDR_EL1 bits 31..24) to vendor names. */
    private static final Map<Integer, String> IMPLEMENTERS = Map.ofEntries(
            Map.entry(0x41, "ARM"),
            Map.entry(0x42, "Broadcom"),
            Map.entry(0x43, "Cavium"),
            Map.entry(0x46, "Fujitsu"),
            Map.entry(0x48, "HiSilicon"),
            Map.entry(0x4e, "NVIDIA"),
            Map.entry(0x51, "Qualcomm"),
            Map.entry(0x61, "Apple"),
            Map.entry(0x6d, "Microsoft"),
            Map.entry(0xc0, "Ampere"));

    /**
     * Well-known parts, keyed by {@code implementer << 12 | part}. Cloud parts named by the core
     * they use: Graviton2 and Ampere Altra are Neoverse N1, Graviton3 is Neoverse V1, Graviton4 and
     * NVIDIA Grace are Neoverse V2; the kernel cannot tell them apart from the core alone.
     */
    private static final Map<Integer, String> PARTS = Map.ofEntries(
            part(0x41, 0xd03, "Cortex-A53"),
            part(0x41, 0xd05, "Cortex-A55"),
            part(0x41, 0xd07, "Cortex-A57"),
            part(0x41, 0xd08, "Cortex-A72"),
            part(0x41, 0xd0b, "Cortex-A76"),
            part(0x41, 0xd0c, "Neoverse N1"),
            part(0x41, 0xd40, "Neoverse V1"),
            part(0x41, 0xd41, "Cortex-A78"),
            part(0x41, 0xd44, "Cortex-X1"),
            part(0x41, 0xd47, "Cortex-A710"),
            part(0x41, 0xd48, "Cortex-X2"),
            part(0x41, 0xd49, "Neoverse N2"),
            part(0x41, 0xd4f, "Neoverse V2"),
            part(0x41, 0xd83, "Neoverse V3AE"),
            part(0x41, 0xd84, "Neoverse V3"),
            part(0x41, 0xd8e, "Neoverse N3"),
            part(0x43, 0x0af, "ThunderX2"),
            part(0x46, 0x001, "A64FX"),
            part(0x48, 0xd01, "TaiShan v110"),
            part(0x4e, 0x004, "Carmel"),
            part(0x51, 0x001, "Oryon"),
            part(0x61, 0x022, "M1 Icestorm"),
            part(0x61, 0x023, "M1 Firestorm"),
            part(0x61, 0x024, "M1 Pro Icestorm"),
            part(0x61, 0x025, "M1 Pro Firestorm"),
            part(0x61, 0x028, "M1 Max Icestorm"),
            part(0x61, 0x029, "M1 Max Firestorm"),
            part(0x61, 0x032, "M2 Blizzard"),
            part(0x61, 0x033, "M2 Avalanche"),
            part(0x6d, 0xd49, "Azure Cobalt 100"),
            part(0xc0, 0xac3, "AmpereOne"),
            part(0xc0, 0xac4, "AmpereOne A"));

    private ProcCpuinfoParser() {}

    private static Map.Entry<Integer, String> part(int implementer, int part, String name) {
        return Map.entry(implementer << 12 | part, name);
    }

    /**
     * Parses the first processor block of {@code text}.
     *
     * @param text the content of {@code /proc/cpuinfo}, or only its first block
     * @return the model and features; empty ones if the text has neither
     */
    static Result parse(String text) {
        String model = "";
        String implementer = "";
        String part = "";
        int cacheAlignment = 0;
        Set<String> features = new LinkedHashSet<>();
        boolean seenContent = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                if (seenContent) {
                    break;
                }
                continue;
            }
            seenContent = true;
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "flags", "Features" -> addWords(value, features);
                case "model name" -> model = value;
                case "CPU implementer" -> implementer = value;
                case "CPU part" -> part = value;
                case "cache_alignment" -> cacheAlignment = parsePositive(value);
                default -> {}
            }
        }
        if (model.isEmpty() && !implementer.isEmpty()) {
            model = armModel(implementer, part);
        }
        return new Result(model, new ArrayList<>(features), cacheAlignment);
    }

    private static int parsePositive(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Adds the lower-cased whitespace-separated words of {@code value}; no regex, see the class doc. */
    private static void addWords(String value, Set<String> words) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int begin = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i > begin) {
                words.add(value.substring(begin, i).toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Names an Arm core from its {@code CPU implementer} and {@code CPU part} values.
     *
     * @param implementer the implementer as printed, {@code 0x41}
     * @param part the part as printed, {@code 0xd0c}; may be empty
     * @return {@code "ARM Neoverse N1"} for a known part, else the vendor (or the implementer code)
     *     and the part in hex: {@code "ARM part 0xd99"}, {@code "implementer 0x99 part 0x001"}
     */
    static String armModel(String implementer, String part) {
        int imp = parseHex(implementer);
        int partNumber = parseHex(part);
        String vendor = imp < 0 ? "implementer " + implementer : IMPLEMENTERS.get(imp);
        if (vendor == null) {
            vendor = "implementer " + implementer;
        }
        if (partNumber < 0) {
            return part.isEmpty() ? vendor : vendor + " part " + part;
        }
        String name = imp < 0 ? null : PARTS.get(imp << 12 | partNumber);
        return name != null ? vendor + " " + name : vendor + " part 0x" + hex3(partNumber);
    }

    /** At least three lower-case hex digits, as the kernel prints parts; no {@code String.format}. */
    private static String hex3(int value) {
        String hex = Integer.toHexString(value);
        return hex.length() >= 3 ? hex : "000".substring(hex.length()) + hex;
    }

    /** Parses {@code 0x41} or {@code 65}; -1 if neither. */
    private static int parseHex(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
