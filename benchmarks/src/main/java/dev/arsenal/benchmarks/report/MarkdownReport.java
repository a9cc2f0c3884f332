package dev.arsenal.benchmarks.report;

import dev.arsenal.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) into Markdown, one table per benchmark
 * class, for pasting into {@code docs/benchmarks.md}.
 *
 * <p>Rows are the parameter combinations (the {@code size} parameter last, numerically), columns
 * the benchmark methods: Arsenal's selection first, then Arsenal's providers, then the anchors. In a
 * class with a {@code size} parameter, a cell is the throughput in GB/s, the {@code size}
 * parameter's bytes divided by the average time per operation (10<sup>9</sup> bytes per second),
 * followed, when the class has a baseline method ({@code hash4j}, else {@code zeroAllocation}:
 * hash4j has no XXH64), by the ratio to the baseline in the same row: the baseline's time divided
 * by this one's, so above 1 is faster than the baseline. A {@code †} marks a score whose error
 * (JMH's 99.9% confidence half-width) exceeds 5% of it or is unknown (a single iteration); {@code
 * —} a benchmark of this jar absent from
 * the file: its setup failed (the JMH log says why: a provider unavailable here, say) or it was not
 * selected. Other classes, such as {@code DispatchBenchmark}, show nanoseconds per
 * operation with their error, and for each {@code selectedX}, {@code tieredX} or {@code liveX}
 * method that has a {@code directX} partner the ratio of their times.
 *
 * <p>The compression benchmarks (results with an {@code impl} parameter and a {@code bytes}
 * counter) are laid out by {@link CompressionReport} instead: MB/s and ratios per codec, and the
 * compression issue's targets.
 *
 * <p>Run, from the project root:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.arsenal.benchmarks.report.MarkdownReport \
 *     benchmarks/target/hashing.json [more.json ...] [benchmarks/target/hashing.md]
 * }</pre>
 *
 * <p>Without an output file the Markdown goes to standard output, in UTF-8.
 */
public final class MarkdownReport {
    /** The anchors ratios are taken against, in order of preference. */
    private static final List<String> BASELINES = List.of("hash4j", "zeroAllocation");

    private static final double NOISY = 0.05;

    /** Prefixes of the methods that {@code DispatchBenchmark} compares with its {@code direct} ones. */
    private static final List<String> WRAPPERS = List.of("selected", "tiered", "live");

    /** One benchmark's score, in nanoseconds per operation whatever the mode's unit was. */
    record Result(
            String className,
            String method,
            Map<String, String> params,
            double nanosPerOp,
            double errorNanos,
            Map<String, Object> raw) {
        boolean noisy() {
            return !(errorNanos <= NOISY * nanosPerOp);
        }
    }

    private MarkdownReport() {}

    /**
     * {@code MarkdownReport <jmh-result.json>... [output.md]}: the results of several files (runs
     * split in parts) make one report; the last argument is the output when it ends in {@code .md}.
     * Exit status 2 on bad usage or input.
     */
    public static void main(String[] args) throws IOException {
        boolean toFile = args.length >= 2 && args[args.length - 1].endsWith(".md");
        int inputs = toFile ? args.length - 1 : args.length;
        if (inputs < 1) {
            System.err.println("usage: MarkdownReport <jmh-result.json>... [output.md]");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            try {
                results.addAll(parse(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                System.err.println("MarkdownReport: " + args[i] + ": " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        String markdown = render(results, declaredBenchmarks());
        if (toFile) {
            Files.writeString(Path.of(args[args.length - 1]), markdown, StandardCharsets.UTF_8);
        } else {
            // Not closed: that would close standard output.
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(markdown);
            out.flush();
        }
    }

    /**
     * Reads JMH's JSON: an array of objects with {@code benchmark}, {@code params} and {@code
     * primaryMetric} ({@code score}, {@code scoreError}, {@code scoreUnit}).
     *
     * @throws IllegalArgumentException if the text is not such an array or a unit is unknown
     */
    static List<Result> parse(String json) {
        if (!(Json.parse(json) instanceof List<?> items)) {
            throw new IllegalArgumentException("not a JMH result file: expected a JSON array");
        }
        List<Result> results = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("benchmark") instanceof String name)) {
                throw new IllegalArgumentException("not a JMH result: " + item);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) entry;
            Map<String, String> params = new LinkedHashMap<>();
            if (entry.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            }
            if (!(entry.get("primaryMetric") instanceof Map<?, ?> metric)) {
                throw new IllegalArgumentException(name + " has no primaryMetric");
            }
            double score = Json.number(metric.get("score"));
            double error = Json.number(metric.get("scoreError"));
            String unit = String.valueOf(metric.get("scoreUnit"));
            double nanos = toNanosPerOp(score, unit, name);
            // For a throughput the relative error carries over to the time per operation.
            double errorNanos = Double.isNaN(error) ? Double.NaN : nanos * Math.abs(error / score);
            int lastDot = name.lastIndexOf('.');
            String qualifiedClass = name.substring(0, lastDot);
            results.add(new Result(
                    qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1),
                    name.substring(lastDot + 1),
                    params,
                    nanos,
                    errorNanos,
                    raw));
        }
        return results;
    }

    private static double toNanosPerOp(double score, String unit, String benchmark) {
        return switch (unit) {
            case "ns/op" -> score;
            case "us/op" -> score * 1e3;
            case "ms/op" -> score * 1e6;
            case "s/op" -> score * 1e9;
            case "ops/ns" -> 1 / score;
            case "ops/us" -> 1e3 / score;
            case "ops/ms" -> 1e6 / score;
            case "ops/s" -> 1e9 / score;
            default ->
                throw new IllegalArgumentException(
                        benchmark + ": unit '" + unit + "' is not a time per" + " operation or operations per time");
        };
    }

    /** The Markdown for all classes, in the order they first appear in the results. */
    static String render(List<Result> results) {
        return render(results, Map.of());
    }

    /**
     * The Markdown for all classes; {@code declared} maps a class's simple name to its benchmark
     * methods, so that one that is missing from the results gets a column of {@code —}.
     */
    static String render(List<Result> results, Map<String, Set<String>> declared) {
        Map<String, List<Result>> byClass = new LinkedHashMap<>();
        for (Result r : results) {
            byClass.computeIfAbsent(r.className(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        byClass.forEach((name, list) -> {
            if (list.stream().allMatch(CompressionReport::isCompression)) {
                CompressionReport.render(md, name, list);
            } else {
                renderClass(md, name, list, declared.getOrDefault(name, Set.of()));
            }
        });
        return md.toString();
    }

    /**
     * The benchmark methods in this jar by simple class name, from JMH's generated list; empty when
     * the list cannot be read (the report then shows only what the results contain).
     */
    static Map<String, Set<String>> declaredBenchmarks() {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        try (InputStream in = MarkdownReport.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                return declared;
            }
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                String name = entry.getUsername();
                int lastDot = name.lastIndexOf('.');
                String qualifiedClass = name.substring(0, lastDot);
                declared.computeIfAbsent(
                                qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1),
                                k -> new LinkedHashSet<>())
                        .add(name.substring(lastDot + 1));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return declared;
    }

    private static void renderClass(StringBuilder md, String className, List<Result> results, Set<String> declared) {
        List<String> paramNames = paramNames(results);
        List<String> methods = Stream.concat(results.stream().map(Result::method), declared.stream())
                .distinct()
                .sorted(Comparator.comparingInt(MarkdownReport::methodGroup).thenComparing(m -> m))
                .toList();
        Map<List<String>, Map<String, Result>> rows = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparing((Result r) -> rowKey(r, paramNames), MarkdownReport::compareRows))
                .forEach(r -> rows.computeIfAbsent(rowKey(r, paramNames), k -> new LinkedHashMap<>())
                        .put(r.method(), r));
        String baselineMethod =
                BASELINES.stream().filter(methods::contains).findFirst().orElse(null);
        boolean throughput = paramNames.contains("size");

        md.append("### ").append(className).append("\n\n");
        md.append(environment(results.getFirst().raw())).append("\n\n");
        if (throughput) {
            md.append("GB/s = size ÷ average time per hash; ");
            if (baselineMethod != null) {
                md.append("(×) = ")
                        .append(baselineMethod)
                        .append("'s time ÷ this one's, above 1 is faster than ")
                        .append(baselineMethod)
                        .append("; ");
            }
            md.append("† error above 5% of the score or unknown; — not measured (setup failed, see the JMH log;"
                    + " or not run).\n\n");
        } else {
            md.append("Average ns per operation ± JMH's error (99.9% confidence); — not measured (setup failed, see the"
                    + " JMH log; or not run).\n\n");
        }

        md.append('|');
        paramNames.forEach(p -> md.append(' ').append(p).append(" |"));
        methods.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|");
        paramNames.forEach(p -> md.append(p.equals("size") ? "---:|" : "---|"));
        methods.forEach(m -> md.append("---:|"));
        md.append('\n');

        List<String> ratios = new ArrayList<>();
        rows.forEach((key, cells) -> {
            md.append('|');
            for (int i = 0; i < paramNames.size(); i++) {
                String value = key.get(i);
                md.append(' ')
                        .append(paramNames.get(i).equals("size") ? formatSize(value) : value)
                        .append(" |");
            }
            Result baseline = baselineMethod == null ? null : cells.get(baselineMethod);
            for (String method : methods) {
                Result r = cells.get(method);
                md.append(' ')
                        .append(
                                r == null
                                        ? "—"
                                        : throughput ? throughputCell(r, baseline, key, paramNames) : timeCell(r))
                        .append(" |");
            }
            md.append('\n');
            if (!throughput) {
                ratios.addAll(pairRatios(key, paramNames, cells));
            }
        });
        if (!ratios.isEmpty()) {
            md.append('\n');
            ratios.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        md.append('\n');
    }

    /** Selection first, then Arsenal's providers (and the direct paths), then everything else. */
    private static int methodGroup(String method) {
        if (method.equals("arsenalSelected") || wrapperPrefix(method) != null) {
            return 0;
        }
        if (method.startsWith("arsenal") || method.startsWith("direct")) {
            return 1;
        }
        return 2;
    }

    private static List<String> paramNames(List<Result> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.addAll(r.params().keySet()));
        List<String> ordered = new ArrayList<>(names);
        if (ordered.remove("size")) {
            ordered.add("size");
        }
        return ordered;
    }

    private static List<String> rowKey(Result r, List<String> paramNames) {
        return paramNames.stream().map(p -> r.params().getOrDefault(p, "")).toList();
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValues(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String throughputCell(Result r, Result baseline, List<String> key, List<String> paramNames) {
        double bytes = Double.parseDouble(key.get(paramNames.indexOf("size")));
        String cell = formatGbps(bytes / r.nanosPerOp());
        if (baseline != null && baseline != r) {
            cell += String.format(Locale.ROOT, " (%.2f×)", baseline.nanosPerOp() / r.nanosPerOp());
        }
        return r.noisy() ? cell + " †" : cell;
    }

    private static String timeCell(Result r) {
        String time = formatNanos(r.nanosPerOp());
        return Double.isNaN(r.errorNanos()) ? time : time + " ± " + formatNanos(r.errorNanos());
    }

    /**
     * The prefix of a method that measures a wrapper of the {@code direct} method with the same rest
     * of the name ({@code selected}, {@code tiered}, {@code live}), or null.
     */
    private static String wrapperPrefix(String method) {
        return WRAPPERS.stream().filter(method::startsWith).findFirst().orElse(null);
    }

    /** "tieredHash ÷ directHash = 1.01 ± 0.02" for every wrapper/direct pair in the row. */
    private static List<String> pairRatios(List<String> key, List<String> paramNames, Map<String, Result> cells) {
        List<String> lines = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < paramNames.size(); i++) {
            where.append(i == 0 ? "" : ", ")
                    .append(paramNames.get(i))
                    .append('=')
                    .append(key.get(i));
        }
        cells.keySet().stream().filter(m -> wrapperPrefix(m) != null).sorted().forEach(m -> {
            Result selected = cells.get(m);
            Result direct = cells.get("direct" + m.substring(wrapperPrefix(m).length()));
            if (direct == null) {
                return;
            }
            double ratio = selected.nanosPerOp() / direct.nanosPerOp();
            double relative = Math.hypot(
                    selected.errorNanos() / selected.nanosPerOp(), direct.errorNanos() / direct.nanosPerOp());
            String error = Double.isNaN(relative) ? "" : String.format(Locale.ROOT, " ± %.2f", ratio * relative);
            lines.add(String.format(
                    Locale.ROOT,
                    "%s%s ÷ %s = %.3f%s (target: at most 1.05)",
                    where.isEmpty() ? "" : where + ": ",
                    m,
                    direct.method(),
                    ratio,
                    error));
        });
        return lines;
    }

    /** "JDK 25.0.1, OpenJDK 64-Bit Server VM 25.0.1+8-LTS, JMH 1.37; 1 fork, 1 thread, ..." */
    static String environment(Map<String, Object> raw) {
        return String.format(
                Locale.ROOT,
                "JDK %s, %s %s, JMH %s; %s fork(s), %s thread(s), warmup %s × %s, measurement %s × %s.",
                raw.getOrDefault("jdkVersion", "?"),
                raw.getOrDefault("vmName", "?"),
                raw.getOrDefault("vmVersion", "?"),
                raw.getOrDefault("jmhVersion", "?"),
                integer(raw.get("forks")),
                integer(raw.get("threads")),
                integer(raw.get("warmupIterations")),
                raw.getOrDefault("warmupTime", "?"),
                integer(raw.get("measurementIterations")),
                raw.getOrDefault("measurementTime", "?"));
    }

    private static String integer(Object value) {
        double d = Json.number(value);
        return Double.isNaN(d) ? "?" : Long.toString((long) d);
    }

    static String formatSize(String value) {
        long bytes;
        try {
            bytes = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    static String formatGbps(double gbps) {
        return String.format(Locale.ROOT, gbps >= 10 ? "%.1f" : gbps >= 1 ? "%.2f" : "%.3f", gbps);
    }

    static String formatNanos(double nanos) {
        return String.format(Locale.ROOT, nanos >= 100 ? "%.0f" : nanos >= 10 ? "%.1f" : "%.2f", nanos);
    }
}
