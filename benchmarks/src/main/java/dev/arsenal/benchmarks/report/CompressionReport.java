package dev.arsenal.benchmarks.report;

import dev.arsenal.benchmarks.report.MarkdownReport.Result;
import dev.arsenal.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The Markdown of the compression benchmarks ({@code dev.arsenal.benchmarks.compression}): for each
 * class and level, compress MB/s, decompress MB/s and the ratio, rows the {@code impl} values,
 * columns the {@code data} values; then the targets, each a ratio of two throughputs with
 * its error and whether it is met.
 *
 * <p>MB/s is the {@code bytes} auxiliary counter (original bytes per second, for compress and
 * decompress alike) ÷ 10<sup>6</sup>, ± JMH's error (99.9% confidence half-width); {@code †} marks
 * an error above 5% of the score or unknown. The ratio is compressed ÷ original bytes, the {@code
 * compressedBytes} counter ÷ the {@code bytes} counter of the compress run (the decompress run's
 * when compress is missing). A ratio of throughputs carries the two relative errors combined
 * (root of the sum of squares); a target within that error of its threshold is marked "tie".
 */
final class CompressionReport {
    private static final double NOISY = 0.05;

    /** The data values in the order of the columns; others follow in name order. */
    private static final List<String> DATA_ORDER = List.of("4k", "64k", "1m", "canterbury", "calgary");

    /** The wrapper target: each Arsenal provider and the library it wraps, called directly, at 64 KiB. */
    private static final Map<String, List<String[]>> WRAPPED = Map.of(
            "Lz4BlockBenchmark",
                    List.of(
                            new String[] {"lz4java-compression", "direct-lz4-java"},
                            new String[] {"native-lz4", "direct-liblz4"},
                            new String[] {"java-compression", "direct-aircompressor"}),
            "ZstdBenchmark",
                    List.of(
                            new String[] {"zstd-jni", "direct-zstd-jni"},
                            new String[] {"native-zstd", "direct-libzstd"},
                            new String[] {"java-compression", "direct-aircompressor"}),
            "GzipBenchmark",
                    List.of(
                            new String[] {"native-gzip", "direct-libdeflate"},
                            new String[] {"java-compression", "direct-deflater"}));

    /** The classes where the pure-Java LZ4 decoder is held to 0.6× the native one. */
    private static final List<String> LZ4_CLASSES = List.of("Lz4BlockBenchmark", "Lz4FrameBenchmark");

    /**
     * Pure-Java LZ4 decoders, in order of preference, for that target: Arsenal's, else
     * aircompressor's that it wraps (the measured run has the latter at every size, the former at 64
     * KiB only).
     */
    private static final List<String> JAVA_LZ4 = List.of("java-compression", "direct-aircompressor");

    /** Native LZ4 decoders, in order of preference, for that target. */
    private static final List<String> NATIVE_LZ4 =
            List.of("native-lz4", "lz4java-compression", "direct-lz4-java", "direct-liblz4");

    private CompressionReport() {}

    /** One cell: the throughput in bytes per second and the ratio compressed/original, as measured. */
    private record Cell(double bytesPerSecond, double error, double ratio) {
        double relativeError() {
            return error / bytesPerSecond;
        }

        boolean noisy() {
            return !(error <= NOISY * bytesPerSecond);
        }
    }

    /** Whether {@code r} is a result of a compression benchmark: it has the {@code bytes} counter and an {@code impl}. */
    static boolean isCompression(Result r) {
        return r.params().containsKey("impl") && r.params().containsKey("data") && metric(r, "bytes") != null;
    }

    static void render(StringBuilder md, String className, List<Result> results) {
        Map<String, List<Result>> byLevel = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        for (Result r : results) {
            byLevel.computeIfAbsent(r.params().getOrDefault("level", "0"), k -> new ArrayList<>())
                    .add(r);
        }
        byLevel.forEach((level, list) -> renderLevel(md, className, level, list));
    }

    private static void renderLevel(StringBuilder md, String className, String level, List<Result> results) {
        Map<String, Map<String, Map<String, Cell>>> cells = new LinkedHashMap<>(); // method -> impl -> data -> cell
        // Declared implementations absent from the results (a setup that failed) get a row of —.
        List<String> impls = new ArrayList<>(declaredImpls(className));
        List<String> data = new ArrayList<>();
        for (Result r : results) {
            String impl = r.params().get("impl");
            String d = r.params().get("data");
            if (!impls.contains(impl)) {
                impls.add(impl);
            }
            if (!data.contains(d)) {
                data.add(d);
            }
            Map<String, Object> bytes = metric(r, "bytes");
            Map<String, Object> compressed = metric(r, "compressedBytes");
            double perSecond = Json.number(bytes.get("score"));
            double error = Math.abs(Json.number(bytes.get("scoreError")));
            double ratio = compressed == null ? Double.NaN : Json.number(compressed.get("score")) / perSecond;
            cells.computeIfAbsent(r.method(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(impl, k -> new LinkedHashMap<>())
                    .put(d, new Cell(perSecond, error, ratio));
        }
        impls.sort(Comparator.comparingInt(CompressionReport::implGroup).thenComparing(i -> i));
        data.sort(Comparator.comparingInt((String d) -> {
                    int i = DATA_ORDER.indexOf(d);
                    return i < 0 ? DATA_ORDER.size() : i;
                })
                .thenComparing(d -> d));

        md.append("### ")
                .append(className.replace("Benchmark", ""))
                .append(" level ")
                .append(level)
                .append(" (`")
                .append(className)
                .append("`)\n\n");
        md.append(MarkdownReport.environment(results.getFirst().raw())).append("\n\n");
        md.append("MB/s = original bytes ÷ time, 10⁶ bytes/s, for compress and decompress alike, ± JMH's error;"
                + " † error above 5% of the score or unknown; — not measured (setup failed, see the JMH log; or not"
                + " run). Blocks (4k, 64k, 1m) are consecutive blocks of Calgary + Canterbury, one per op, round the"
                + " corpus; canterbury and calgary compress each file of the set alone.\n\n");

        for (String method : List.of("compress", "decompress")) {
            Map<String, Map<String, Cell>> byImpl = cells.getOrDefault(method, Map.of());
            md.append("**").append(method).append(", MB/s**\n\n");
            header(md, data);
            for (String impl : impls) {
                md.append("| ").append(impl).append(" |");
                for (String d : data) {
                    Cell c = byImpl.getOrDefault(impl, Map.of()).get(d);
                    md.append(' ').append(c == null ? "—" : throughput(c)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }

        md.append("**ratio, compressed ÷ original**\n\n");
        header(md, data);
        for (String impl : impls) {
            md.append("| ").append(impl).append(" |");
            for (String d : data) {
                Cell c = Optional.ofNullable(cells.getOrDefault("compress", Map.of())
                                .getOrDefault(impl, Map.of())
                                .get(d))
                        .orElse(cells.getOrDefault("decompress", Map.of())
                                .getOrDefault(impl, Map.of())
                                .get(d));
                md.append(' ')
                        .append(
                                c == null || Double.isNaN(c.ratio())
                                        ? "—"
                                        : String.format(Locale.ROOT, "%.4f", c.ratio()))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');

        List<String> targets = targets(className, cells, data);
        if (!targets.isEmpty()) {
            md.append("**targets** (ratio = first ÷ second throughput)\n\n");
            md.append("| target | data | op | ratio | threshold | met |\n|---|---|---|---:|---:|---|\n");
            targets.forEach(md::append);
            md.append('\n');
        }
    }

    private static List<String> targets(
            String className, Map<String, Map<String, Map<String, Cell>>> cells, List<String> data) {
        List<String> rows = new ArrayList<>();
        for (String[] pair : WRAPPED.getOrDefault(className, List.of())) {
            for (String method : List.of("compress", "decompress")) {
                rows.add(target(
                        "wrapper " + pair[0] + " ÷ " + pair[1],
                        "64k",
                        method,
                        cell(cells, method, pair[0], "64k"),
                        cell(cells, method, pair[1], "64k"),
                        0.97));
            }
        }
        for (String d : data) {
            for (String method : List.of("compress", "decompress")) {
                Map<String, Map<String, Cell>> byImpl = cells.getOrDefault(method, Map.of());
                String best = byImpl.keySet().stream()
                        .filter(i -> i.startsWith("direct-") && byImpl.get(i).containsKey(d))
                        // Its compress is direct-lz4-java's.
                        .filter(i -> !(method.equals("compress") && i.equals("direct-lz4-java-fastdec")))
                        .max(Comparator.comparingDouble(
                                i -> byImpl.get(i).get(d).bytesPerSecond()))
                        .orElse(null);
                if (best != null) {
                    rows.add(target(
                            "selected ÷ best library (" + best + ")",
                            d,
                            method,
                            cell(cells, method, "selected", d),
                            cell(cells, method, best, d),
                            1.0));
                }
            }
        }
        if (LZ4_CLASSES.contains(className)) {
            for (String d : data) {
                String nativeImpl = first(cells, NATIVE_LZ4, d);
                String javaImpl = first(cells, JAVA_LZ4, d);
                rows.add(target(
                        "pure-Java LZ4 decoder " + javaImpl + " ÷ " + nativeImpl,
                        d,
                        "decompress",
                        cell(cells, "decompress", javaImpl, d),
                        cell(cells, "decompress", nativeImpl, d),
                        0.6));
            }
        }
        return rows;
    }

    /** The first of {@code impls} with a decompress result for {@code data}, else the first. */
    private static String first(Map<String, Map<String, Map<String, Cell>>> cells, List<String> impls, String data) {
        return impls.stream()
                .filter(i -> cell(cells, "decompress", i, data) != null)
                .findFirst()
                .orElse(impls.getFirst());
    }

    private static String target(String what, String data, String method, Cell a, Cell b, double threshold) {
        String prefix = "| " + what + " | " + data + " | " + method + " | ";
        if (a == null || b == null) {
            return prefix + "— | " + threshold(threshold) + " | not measured |\n";
        }
        double ratio = a.bytesPerSecond() / b.bytesPerSecond();
        double error = ratio * Math.hypot(a.relativeError(), b.relativeError());
        String met;
        if (Double.isNaN(error)) {
            met = ratio >= threshold ? "yes (error unknown)" : "**missed** (error unknown)";
        } else if (Math.abs(ratio - threshold) <= error) {
            met = "tie (within error)";
        } else {
            met = ratio >= threshold ? "yes" : "**missed**";
        }
        String value = Double.isNaN(error)
                ? String.format(Locale.ROOT, "%.3f", ratio)
                : String.format(Locale.ROOT, "%.3f ± %.3f", ratio, error);
        return prefix + value + " | " + threshold(threshold) + " | " + met + " |\n";
    }

    private static String threshold(double t) {
        return String.format(Locale.ROOT, "≥ %.2f", t);
    }

    private static Cell cell(
            Map<String, Map<String, Map<String, Cell>>> cells, String method, String impl, String data) {
        return cells.getOrDefault(method, Map.of()).getOrDefault(impl, Map.of()).get(data);
    }

    private static void header(StringBuilder md, List<String> data) {
        md.append("| impl |");
        data.forEach(d -> md.append(' ').append(d).append(" |"));
        md.append("\n|---|");
        data.forEach(d -> md.append("---:|"));
        md.append('\n');
    }

    private static String throughput(Cell c) {
        double mbps = c.bytesPerSecond() / 1e6;
        double err = c.error() / 1e6;
        String cell = Double.isNaN(err) ? number(mbps) : number(mbps) + " ± " + number(err);
        return c.noisy() ? cell + " †" : cell;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * The {@code impl} values a class of this jar declares, from JMH's generated list; empty when it
     * cannot be read.
     */
    private static List<String> declaredImpls(String className) {
        List<String> impls = new ArrayList<>();
        try (InputStream in = CompressionReport.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                return impls;
            }
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                if (entry.getUsername().contains("." + className + ".")
                        && entry.getParams().hasValue()) {
                    String[] values = entry.getParams().get().get("impl");
                    for (String v : values == null ? new String[0] : values) {
                        if (!impls.contains(v)) {
                            impls.add(v);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return impls;
    }

    /** Selection first, then Arsenal's providers, then the libraries called directly. */
    private static int implGroup(String impl) {
        return impl.equals("selected") ? 0 : impl.startsWith("direct-") ? 2 : 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metric(Result r, String name) {
        if (r.raw().get("secondaryMetrics") instanceof Map<?, ?> secondary
                && secondary.get(name) instanceof Map<?, ?> metric) {
            return (Map<String, Object>) metric;
        }
        return null;
    }
}
