package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ConfigurationException;
import dev.arsenal.platform.CacheInfo;
import dev.arsenal.platform.CpuFeature;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.FeatureSource;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code arsenal info [--json]}: the CPU with the source of each feature, every provider with its
 * status and cause, and the choice per algorithm with its reason.
 *
 * <p>This is the command a user runs to find out what is wrong, so a configuration that cannot be
 * used does not stop it, as it stops every other command: the error is shown first (and as {@code
 * configuration.error} in JSON), the rest of the report is what the defaults choose, and the exit
 * status is {@link Main#USAGE}, that of a configuration error, so that a script notices.
 */
final class InfoCommand {
    private final PrintStream out;
    private final Supplier<Configuration> load;
    private final Function<Configuration, ArsenalRuntime> runtime;

    /** The command on the process's configuration and its default runtime. */
    InfoCommand(PrintStream out) {
        this(out, Configuration::load, configuration -> Arsenal.runtime());
    }

    /** The command on the configuration {@code load} returns, with a runtime built from it: for tests. */
    InfoCommand(PrintStream out, Supplier<Configuration> load) {
        this(out, load, Arsenal::create);
    }

    private InfoCommand(
            PrintStream out, Supplier<Configuration> load, Function<Configuration, ArsenalRuntime> runtime) {
        this.out = out;
        this.load = load;
        this.runtime = runtime;
    }

    int run(List<String> args) {
        boolean json = false;
        for (String arg : args) {
            switch (arg) {
                case "--json" -> json = true;
                default -> throw new UsageException("unknown option '" + arg + "'; usage: arsenal info [--json]");
            }
        }
        ArsenalRuntime rt;
        ConfigurationException error = null;
        try {
            rt = runtime.apply(load.get());
        } catch (ConfigurationException e) {
            // A bad value, an unreadable file, a provider forced for an unknown algorithm.
            error = e;
            rt = Arsenal.create(Configuration.defaults());
        }
        RuntimeReport report = rt.report();
        if (json) {
            out.println(Json.write(toJson(report, rt.configuration(), error == null ? null : error.getMessage())));
        } else {
            printText(report, rt.configuration(), error);
        }
        return error == null ? Main.OK : Main.USAGE;
    }

    /** The machine architecture as {@code uname -m} names it. */
    static String machineArch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch;
        };
    }

    /**
     * The report as JSON; {@code configurationError} is the message of a configuration that could
     * not be used (the report is then the defaults'), or null.
     */
    static Map<String, Object> toJson(RuntimeReport report, Configuration config, String configurationError) {
        CpuInfo cpu = report.platform().cpu();
        JvmInfo jvm = report.platform().jvm();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("arsenal", Arsenal.version());
        root.put("modulePath", Arsenal.class.getModule().isNamed());

        Map<String, Object> cpuJson = new LinkedHashMap<>();
        cpuJson.put("arch", machineArch(cpu.arch()));
        cpuJson.put("osArch", cpu.arch());
        cpuJson.put("os", cpu.os());
        cpuJson.put("model", cpu.model());
        cpuJson.put("logicalCpus", cpu.logicalCpus());
        cpuJson.put("features", new ArrayList<>(cpu.featureNames()));
        Map<String, Object> sources = new TreeMap<>();
        Map<String, Object> hotspot = new TreeMap<>();
        Map<String, Object> vector = new TreeMap<>();
        for (CpuFeature f : cpu.features()) {
            if (f.value().isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) sources.computeIfAbsent(f.name(), k -> new ArrayList<>());
                list.add(f.source().id());
            } else if (f.source() == FeatureSource.HOTSPOT) {
                hotspot.put(f.name(), f.value());
            } else {
                vector.put(f.name(), f.value());
            }
        }
        cpuJson.put("featureSources", sources);
        cpuJson.put("hotspotFlags", hotspot);
        cpuJson.put("vectorApi", vector);
        List<Object> caches = new ArrayList<>();
        for (CacheInfo c : cpu.caches()) {
            Map<String, Object> cache = new LinkedHashMap<>();
            cache.put("level", c.level());
            cache.put("type", c.type());
            cache.put("sizeBytes", c.sizeBytes());
            cache.put("lineSizeBytes", c.lineSizeBytes());
            caches.add(cache);
        }
        cpuJson.put("caches", caches);
        cpuJson.put("cacheLineSize", cpu.cacheLineSize().orElse(null));
        cpuJson.put("notes", cpu.notes());
        root.put("cpu", cpuJson);

        Map<String, Object> jvmJson = new LinkedHashMap<>();
        jvmJson.put("version", jvm.version());
        jvmJson.put("vendor", jvm.vendor());
        jvmJson.put("vm", jvm.vmName());
        jvmJson.put("hotspot", jvm.hotspot());
        jvmJson.put("c2", jvm.c2());
        jvmJson.put("vectorApi", jvm.vectorApi());
        jvmJson.put("preferredVectorBits", jvm.preferredVectorBits());
        root.put("jvm", jvmJson);

        root.put("strategy", report.strategy().name());
        root.put(
                "calibration",
                report.calibration()
                        .map(c -> {
                            Map<String, Object> cj = new LinkedHashMap<>();
                            cj.put("file", c.file().map(Object::toString).orElse(""));
                            cj.put("created", c.created().toString());
                            cj.put("signature", c.signature());
                            return (Object) cj;
                        })
                        .orElse(null));
        Map<String, Object> configJson = new LinkedHashMap<>();
        configJson.put("error", configurationError);
        configJson.put("sources", report.configurationSources());
        configJson.put("values", new LinkedHashMap<Object, Object>(config.asMap()));
        configJson.put("warnings", report.warnings());
        root.put("configuration", configJson);

        List<Object> providers = new ArrayList<>();
        for (ProviderReport p : report.providers()) {
            Map<String, Object> pj = new LinkedHashMap<>();
            pj.put("id", p.id());
            pj.put("kind", p.kind().id());
            pj.put("family", p.family().id());
            pj.put("algorithms", p.algorithms());
            pj.put("requirements", p.requirements());
            pj.put("available", p.available());
            pj.put("reason", p.reason());
            providers.add(pj);
        }
        root.put("providers", providers);

        List<Object> selection = new ArrayList<>();
        for (Decision d : report.selection()) {
            Map<String, Object> dj = new LinkedHashMap<>();
            dj.put("algorithm", d.algorithm());
            dj.put("family", d.family().id());
            dj.put("provider", d.provider().orElse(null));
            dj.put("basis", d.basis().name().toLowerCase(java.util.Locale.ROOT));
            dj.put("reason", d.reason());
            List<Object> tiers = new ArrayList<>();
            for (var t : d.tiers()) {
                Map<String, Object> tj = new LinkedHashMap<>();
                tj.put("fromBytes", t.fromBytes());
                tj.put("provider", t.provider());
                tiers.add(tj);
            }
            dj.put("tiers", tiers);
            List<Object> candidates = new ArrayList<>();
            for (Candidate c : d.candidates()) {
                Map<String, Object> cj = new LinkedHashMap<>();
                cj.put("provider", c.providerId());
                cj.put("kind", c.kind().id());
                cj.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
                cj.put("detail", c.detail());
                cj.put("selfTest", c.selfTest().status().name().toLowerCase(java.util.Locale.ROOT));
                cj.put("selfTestDetail", c.selfTest().detail());
                cj.put("rank", c.rank());
                candidates.add(cj);
            }
            dj.put("candidates", candidates);
            selection.add(dj);
        }
        root.put("selection", selection);
        return root;
    }

    private void printText(RuntimeReport report, Configuration config, ConfigurationException configurationError) {
        CpuInfo cpu = report.platform().cpu();
        JvmInfo jvm = report.platform().jvm();
        out.printf(
                "Arsenal %s on %s %s, Java %s (%s, %s%s)%n",
                Arsenal.version(),
                cpu.os(),
                machineArch(cpu.arch()),
                jvm.version(),
                jvm.vendor(),
                jvm.vmName(),
                jvm.hotspot() ? (jvm.c2() ? ", C2 on" : ", C2 off") : "");
        if (configurationError != null) {
            out.println();
            String label = "CONFIGURATION ERROR  ";
            for (String problem : configurationError.problems()) {
                printWrapped(label, problem);
                label = " ".repeat(label.length());
            }
            printWrapped(
                    "  ",
                    "Every other command stops with this error until it is fixed (docs/configuration.md);"
                            + " below is what the defaults choose.");
        }
        out.println();
        out.printf(
                "CPU  %s, %d logical CPUs%n",
                cpu.model().isEmpty() ? "(model unknown)" : cpu.model(), cpu.logicalCpus());
        Map<FeatureSource, List<CpuFeature>> bySource = cpu.features().stream()
                .collect(Collectors.groupingBy(CpuFeature::source, TreeMap::new, Collectors.toList()));
        for (var e : bySource.entrySet()) {
            String label = switch (e.getKey()) {
                case PROC_CPUINFO -> "/proc/cpuinfo";
                case HOTSPOT -> "HotSpot flags";
                case VECTOR_API -> "Vector API";
                case OS -> "OS";
            };
            String items = e.getValue().stream()
                    .map(f -> f.value().isEmpty() ? f.name() : f.name() + "=" + f.value())
                    .collect(Collectors.toCollection(TreeSet::new))
                    .stream()
                    .collect(Collectors.joining(" "));
            printWrapped("  " + pad(label + ":", 16), items);
        }
        if (!cpu.caches().isEmpty()) {
            printWrapped(
                    "  " + pad("caches:", 16),
                    cpu.caches().stream().map(CacheInfo::toString).collect(Collectors.joining("; ")));
        }
        cpu.cacheLineSize().ifPresent(line -> out.println("  " + pad("cache line:", 16) + line + " B"));
        for (String note : cpu.notes()) {
            out.println("  note: " + note);
        }
        out.println();
        out.println("Strategy  " + report.strategy() + " (" + config.sourceOf(Configuration.STRATEGY) + ")");
        out.println("Calibration  "
                + report.calibration()
                        .map(c -> "measured " + c.created() + ", "
                                + c.file().map(Object::toString).orElse(""))
                        .orElse("none (" + config.calibrationMode().name().toLowerCase(java.util.Locale.ROOT)
                                + "; `arsenal calibrate` measures)"));
        out.println("Stored decisions  "
                + (config.storesDecisions()
                        ? config.decisionsFile() + " (a later start with the same signature takes them; safe to delete)"
                        : "off (" + config.describe(Configuration.DECISIONS) + ")"));
        out.println("Configuration  "
                + (configurationError != null
                        ? "defaults only, in place of the configuration with the error above"
                        : report.configurationSources().isEmpty()
                                ? "defaults only"
                                : String.join(", ", report.configurationSources())));
        for (String w : report.warnings()) {
            out.println("  warning: " + w);
        }
        out.println();
        out.println("Providers");
        // Columns as wide as their longest entry: ids and family names vary (lz4java-compression).
        int idWidth = width(report.providers().stream().map(ProviderReport::id));
        int kindWidth = width(report.providers().stream().map(p -> p.kind().id()));
        int familyWidth = width(report.providers().stream().map(p -> p.family().id()));
        for (ProviderReport p : report.providers()) {
            out.println("  " + pad(p.id(), idWidth + 1) + pad(p.kind().id(), kindWidth + 1)
                    + pad(p.family().id(), familyWidth + 1)
                    + pad(p.available() ? "available" : "UNAVAILABLE", "UNAVAILABLE".length() + 1) + p.reason());
        }
        out.println();
        out.println("Selection");
        int algorithmWidth = width(report.selection().stream().map(Decision::algorithm));
        int chosenWidth =
                width(report.selection().stream().map(d -> d.provider().orElse("NONE")));
        int candidateWidth = width(report.selection().stream()
                .flatMap(d -> d.candidates().stream())
                .map(Candidate::providerId));
        String indent = "  " + " ".repeat(algorithmWidth + 1) + "  ";
        for (Decision d : report.selection()) {
            out.println("  " + pad(d.algorithm(), algorithmWidth + 1)
                    + pad(d.provider().orElse("NONE"), chosenWidth + 1) + d.reason());
            if (d.tiered()) {
                out.println(indent + "tiers: "
                        + d.tiers().stream()
                                .map(t -> t.provider() + " from "
                                        + dev.arsenal.report.Measurement.formatSize(t.fromBytes()))
                                .collect(Collectors.joining(", ")));
            }
            for (Candidate c : d.candidates()) {
                if (d.tiers().stream().noneMatch(t -> t.provider().equals(c.providerId()))) {
                    out.println(indent + "not " + pad(c.providerId(), candidateWidth + 1)
                            + c.status()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' ')
                            + (c.detail().isEmpty() ? " (rank " + c.rank() + ")" : ": " + c.detail()));
                }
            }
        }
    }

    /** The length of the longest of {@code values}: a column's width. */
    private static int width(java.util.stream.Stream<String> values) {
        return values.mapToInt(String::length).max().orElse(0);
    }

    private void printWrapped(String label, String text) {
        int width = 100;
        StringBuilder line = new StringBuilder(label);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > label.length()) {
                out.println(line);
                line = new StringBuilder(" ".repeat(label.length()));
            }
            line.append(word).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
