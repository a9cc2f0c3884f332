package dev.arsenal.engine.calibration;

import dev.arsenal.Arsenal;
import dev.arsenal.Configuration;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a stored decision is valid for, computed in a millisecond or two without detecting the
 * platform (which is what a stored decision saves): one line of {@code name=value} facts, each a
 * reason to decide again when it changes:
 *
 * <ul>
 *   <li>{@code arsenal}: Arsenal's version;
 *   <li>{@code jvm}: the JVM's version, VM and home;
 *   <li>{@code os}: the operating system, architecture and number of CPUs;
 *   <li>{@code cpu}: the first processor's model and feature flags in {@code /proc/cpuinfo} (Linux);
 *   <li>{@code options}: the JVM options that change what can be used and how fast: those of the
 *       command line as {@code /proc/self/cmdline} has them ({@code -X...}, {@code --...} and the
 *       few system properties that matter, not an application's own {@code -D}), all of {@code
 *       JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and {@code _JAVA_OPTIONS}, and whether the
 *       Vector API module is in the boot layer;
 *   <li>{@code classpath}: each class-path and module-path entry with its size and modification
 *       time, so that a provider or a library jar added, removed or replaced is seen;
 *   <li>{@code libraries}: {@code LD_LIBRARY_PATH} and the size and time of {@code
 *       /etc/ld.so.cache}, which {@code ldconfig} rewrites whenever a package installs or upgrades
 *       a shared library (libzstd, libxxhash...);
 *   <li>{@code config}: every Arsenal setting, whatever its source, and the calibration file's size
 *       and time.
 * </ul>
 *
 * <p>The chosen providers are still probed and self-tested at every start, so a library that
 * changed in a way none of these show is still caught for them.
 */
public final class StartSignature {
    /**
     * The JVM options that take their value as the next argument; the scan of the command line
     * skips those values, and stops at the first argument that is not an option (the main class).
     */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-cp",
            "-classpath",
            "--class-path",
            "-p",
            "--module-path",
            "--upgrade-module-path",
            "--add-modules",
            "--add-exports",
            "--add-opens",
            "--add-reads",
            "--patch-module",
            "--limit-modules",
            "--enable-native-access",
            "--illegal-native-access",
            "--source");

    /**
     * The system properties of the command line that change what can be used: where native
     * libraries are found and unpacked, and whether multi-release jars are (zstd-jni's FFM binding is
     * one). Arsenal's own settings are in {@code config}; other properties (an application's own)
     * would only make every start look new.
     */
    private static final Set<String> SYSTEM_PROPERTIES =
            Set.of("java.library.path", "java.io.tmpdir", "jdk.util.jar.enableMultiRelease");

    private StartSignature() {}

    private static String propertyName(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option.substring(2) : option.substring(2, eq);
    }

    /** The signature of this process under {@code configuration}. */
    public static String of(Configuration configuration) {
        List<String> parts = new ArrayList<>();
        parts.add("arsenal=" + Arsenal.version());
        parts.add("jvm=" + System.getProperty("java.vm.version") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.home"));
        parts.add("os=" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " "
                + Runtime.getRuntime().availableProcessors());
        parts.add("cpu=" + cpu());
        parts.add("options=" + jvmOptions() + " vector="
                + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        parts.add("classpath=" + entries(System.getProperty("java.class.path", "")) + " modulepath="
                + entries(System.getProperty("jdk.module.path", "")));
        parts.add("libraries=" + env("LD_LIBRARY_PATH") + " " + stamp(new File("/etc/ld.so.cache")));
        Map<String, String> settings = new TreeMap<>(configuration.asMap());
        parts.add("config=" + settings + " calibration="
                + stamp(configuration.calibrationFile().toFile()));
        return String.join("; ", parts);
    }

    /** The first processor's model and flags from {@code /proc/cpuinfo}, or {@code unknown}. */
    private static String cpu() {
        File cpuinfo = new File("/proc/cpuinfo");
        if (!cpuinfo.canRead()) {
            return "unknown";
        }
        StringBuilder facts = new StringBuilder();
        try (InputStream in = new FileInputStream(cpuinfo)) {
            // The first processor's block is enough, and is all the kernel has to write for it.
            String text = new String(in.readNBytes(16 * 1024), StandardCharsets.US_ASCII);
            int end = text.indexOf("\n\n");
            for (String line : (end < 0 ? text : text.substring(0, end)).split("\n")) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).strip();
                if (key.equals("model name")
                        || key.equals("flags")
                        || key.equals("Features")
                        || key.equals("CPU part")) {
                    facts.append(line.substring(colon + 1).strip()).append('|');
                }
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return facts.toString();
    }

    /** The JVM options of the command line and of the environment variables the launcher reads. */
    private static String jvmOptions() {
        StringBuilder options = new StringBuilder();
        File cmdline = new File("/proc/self/cmdline");
        if (cmdline.canRead()) {
            try (InputStream in = new FileInputStream(cmdline)) {
                String[] args = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\0");
                for (int i = 1; i < args.length; i++) {
                    String arg = args[i];
                    if (!arg.startsWith("-") || arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                        break; // the main class, jar or module: what follows is the program's
                    }
                    if (OPTIONS_WITH_VALUE.contains(arg)) {
                        if (!arg.equals("-cp")
                                && !arg.equals("-classpath")
                                && !arg.equals("--class-path")
                                && !arg.equals("-p")
                                && !arg.equals("--module-path")
                                && i + 1 < args.length) {
                            options.append(arg).append(' ').append(args[i + 1]).append(' ');
                        }
                        i++;
                    } else if (!arg.startsWith("-D") || SYSTEM_PROPERTIES.contains(propertyName(arg))) {
                        options.append(arg).append(' ');
                    }
                }
            } catch (IOException e) {
                options.append("unreadable ");
            }
        }
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            options.append(name).append('=').append(env(name)).append(' ');
        }
        return options.toString().strip();
    }

    /** Each entry of a path list with its size and time. */
    private static String entries(String pathList) {
        if (pathList.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String entry : pathList.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.append(entry).append('@').append(stamp(new File(entry))).append(',');
            }
        }
        return out.toString();
    }

    /**
     * A file's size and modification time, {@code -} when it does not exist. With {@link File}: the
     * JDK's own start has initialized it, where {@code java.nio.file} attributes would cost
     * classes of their own.
     */
    private static String stamp(File file) {
        long modified = file.lastModified();
        return modified == 0 ? "-" : file.length() + ":" + modified;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
