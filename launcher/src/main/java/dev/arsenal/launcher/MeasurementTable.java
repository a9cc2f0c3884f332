package dev.arsenal.launcher;

import dev.arsenal.report.Measurement;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measurements laid out for people: one table per algorithm, a row per size, a column per
 * provider in GB/s, the fastest marked; and the same data as an SVG line chart (GB/s against
 * input size on a log scale, one line per provider).
 */
final class MeasurementTable {
    private final Map<String, List<Measurement>> byAlgorithm = new LinkedHashMap<>();

    MeasurementTable(List<Measurement> measurements) {
        for (Measurement m : measurements) {
            byAlgorithm.computeIfAbsent(m.algorithm(), k -> new ArrayList<>()).add(m);
        }
    }

    void print(PrintStream out) {
        for (var e : byAlgorithm.entrySet()) {
            Set<String> providers = providers(e.getValue());
            out.println();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-8s %8s", e.getKey(), "size"));
            providers.forEach(p -> head.append(String.format(Locale.ROOT, " %16s", p)));
            out.println(head);
            for (long size : sizes(e.getValue())) {
                StringBuilder row =
                        new StringBuilder(String.format(Locale.ROOT, "%-8s %8s", "", Measurement.formatSize(size)));
                double best = e.getValue().stream()
                        .filter(m -> m.sizeBytes() == size)
                        .mapToDouble(Measurement::bytesPerSecond)
                        .max()
                        .orElse(0);
                for (String p : providers) {
                    double v = speed(e.getValue(), p, size);
                    String cell =
                            v == 0 ? "-" : String.format(Locale.ROOT, "%.2f GB/s%s", v / 1e9, v == best ? "*" : " ");
                    row.append(String.format(Locale.ROOT, " %16s", cell));
                }
                out.println(row);
            }
        }
        out.println();
        out.println("* fastest at that size. One-shot byte[] input, single thread; JMH numbers: docs/benchmarks.md.");
    }

    /** An SVG line chart per algorithm, stacked vertically. */
    String svg() {
        int width = 720;
        int chartHeight = 300;
        int top = 40;
        int left = 70;
        int right = 180;
        int bottom = 40;
        String[] colors = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
        int height = byAlgorithm.size() * (chartHeight + top + bottom);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        int y0 = 0;
        for (var e : byAlgorithm.entrySet()) {
            List<Measurement> ms = e.getValue();
            List<Long> sizes = new ArrayList<>(sizes(ms));
            double max = ms.stream()
                    .mapToDouble(Measurement::gigabytesPerSecond)
                    .max()
                    .orElse(1);
            double yMax = Math.ceil(max / 5) * 5;
            int plotW = width - left - right;
            int plotTop = y0 + top;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s: GB/s by input size</text>%n",
                    left,
                    plotTop - 12,
                    e.getKey()));
            for (int t = 0; t <= 5; t++) {
                double v = yMax * t / 5;
                double y = plotTop + chartHeight - chartHeight * t / 5.0;
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                        left,
                        y,
                        left + plotW,
                        y,
                        left - 6,
                        y + 4,
                        v));
            }
            for (int i = 0; i < sizes.size(); i++) {
                double x = left + (sizes.size() == 1 ? 0 : plotW * i / (double) (sizes.size() - 1));
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        x,
                        plotTop + chartHeight + 18,
                        Measurement.formatSize(sizes.get(i))));
            }
            int c = 0;
            for (String p : providers(ms)) {
                String color = colors[c % colors.length];
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < sizes.size(); i++) {
                    double v = speed(ms, p, sizes.get(i)) / 1e9;
                    double x = left + (sizes.size() == 1 ? 0 : plotW * i / (double) (sizes.size() - 1));
                    double y = plotTop + chartHeight - chartHeight * v / yMax;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                svg.append(String.format(
                        Locale.ROOT,
                        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                        color,
                        points.toString().strip(),
                        left + plotW + 12,
                        plotTop + 16 + 18 * c,
                        color,
                        escape(p)));
                c++;
            }
            y0 += chartHeight + top + bottom;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Set<String> providers(List<Measurement> ms) {
        Set<String> ids = new LinkedHashSet<>();
        ms.forEach(m -> ids.add(m.provider()));
        return ids;
    }

    private static Set<Long> sizes(List<Measurement> ms) {
        Set<Long> sizes = new TreeSet<>();
        ms.forEach(m -> sizes.add(m.sizeBytes()));
        return sizes;
    }

    private static double speed(List<Measurement> ms, String provider, long size) {
        return ms.stream()
                .filter(m -> m.provider().equals(provider) && m.sizeBytes() == size)
                .mapToDouble(Measurement::bytesPerSecond)
                .findFirst()
                .orElse(0);
    }
}
