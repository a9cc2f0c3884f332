package dev.arsenal.launcher;

import dev.arsenal.report.Measurement;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
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
 * provider in GB/s, the fastest marked; and the same data as one SVG chart.
 *
 * <p>The chart is small multiples: a panel per algorithm, in a grid, all on the same axes (input
 * size and throughput, both on log scales), so that panels compare at a glance. Each provider has
 * one colour and one marker shape in every panel, and one legend entry at the top. Every point is
 * the best round; a bar runs from the median round up to it, and a point whose median round is more
 * than {@link Measurement#NOISE_TOLERANCE} below it is drawn hollow: its speed is not to be read
 * closer than that. (The slowest round is in each point's tooltip, not drawn: in a short run it is
 * often a round the JIT disturbed, and a bar down to it would stretch the scale for every panel.) A caption says what was measured, where and for how long. The SVG is
 * self-contained: no script, no external font (the generic {@code sans-serif}), no stylesheet.
 */
final class MeasurementTable {
    /** What the chart's caption says about the run. */
    record Caption(String family, String arsenal, String machine, String jvm, Duration budget) {}

    /**
     * Okabe and Ito's colour-blind-safe palette, yellow last (faint on white); a provider's colour
     * is its place in the sorted provider ids, so it is the same in every panel.
     */
    private static final String[] COLOURS = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"
    };

    /** Marker shapes, cycled with the colours: a second cue where colours are hard to tell apart. */
    private enum Shape {
        CIRCLE,
        SQUARE,
        TRIANGLE,
        DIAMOND,
        TRIANGLE_DOWN
    }

    private static final int WIDTH = 960;
    private static final int COLUMNS = 3;
    /** Room at the left of every row for the rotated y-axis title. */
    private static final int ROW_TITLE = 26;
    /** Inside a cell: room for the y tick labels, and the plot's own size. */
    private static final int GUTTER = 46;

    private static final int PLOT_HEIGHT = 170;
    private static final int CELL_HEIGHT = PLOT_HEIGHT + 78;

    private final Map<String, List<Measurement>> byAlgorithm = new LinkedHashMap<>();
    private final List<String> providers;

    MeasurementTable(List<Measurement> measurements) {
        Set<String> ids = new TreeSet<>();
        for (Measurement m : measurements) {
            byAlgorithm.computeIfAbsent(m.algorithm(), k -> new ArrayList<>()).add(m);
            ids.add(m.provider());
        }
        this.providers = List.copyOf(ids);
    }

    void print(PrintStream out) {
        boolean anyNoisy = false;
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
                    Measurement m = find(e.getValue(), p, size);
                    String cell = "-";
                    if (m != null) {
                        anyNoisy |= m.noisy();
                        cell = String.format(
                                Locale.ROOT,
                                "%.2f GB/s%s%s",
                                m.gigabytesPerSecond(),
                                m.bytesPerSecond() == best ? "*" : " ",
                                m.noisy() ? "~" : " ");
                    }
                    row.append(String.format(Locale.ROOT, " %16s", cell));
                }
                out.println(row);
            }
        }
        out.println();
        out.println("* fastest at that size. One-shot byte[] input, single thread; JMH numbers: docs/benchmarks.md.");
        if (anyNoisy) {
            out.printf(
                    Locale.ROOT,
                    "~ noisy: the median round was more than %.0f%% slower than the best; a longer --budget steadies it.%n",
                    100 * Measurement.NOISE_TOLERANCE);
        }
    }

    /** The chart: a panel per algorithm on shared log scales, a legend, and the caption. */
    String svg(Caption caption) {
        int n = byAlgorithm.size();
        int columns = Math.max(1, Math.min(COLUMNS, n));
        int rows = Math.max(1, (n + columns - 1) / columns);
        int cellWidth = (WIDTH - ROW_TITLE - 12) / columns;
        int plotWidth = cellWidth - GUTTER - 18;

        List<Measurement> all =
                byAlgorithm.values().stream().flatMap(List::stream).toList();
        long minSize = all.stream().mapToLong(Measurement::sizeBytes).min().orElse(1);
        long maxSize = all.stream().mapToLong(Measurement::sizeBytes).max().orElse(1);
        double[] yRange = niceRange(
                all.stream()
                        .mapToDouble(m -> m.medianBytesPerSecond() / 1e9)
                        .filter(v -> v > 0)
                        .min()
                        .orElse(0.1),
                all.stream()
                        .mapToDouble(Measurement::gigabytesPerSecond)
                        .filter(v -> v > 0)
                        .max()
                        .orElse(1));
        Axis x = new Axis(Math.log(minSize), Math.log(maxSize));
        Axis y = new Axis(Math.log(yRange[0]), Math.log(yRange[1]));

        Svg svg = new Svg();
        // Header: title, legend (wrapped to rows), the key to the markers.
        int top = 30;
        svg.text(20, top, 17, "bold", "start", caption.family() + " throughput by input size: higher is better");
        top += 26;
        int legendX = 20;
        for (String provider : providers) {
            int entryWidth = 44 + 7 * provider.length() + 22;
            if (legendX + entryWidth > WIDTH - 20) {
                legendX = 20;
                top += 22;
            }
            String colour = colour(provider);
            svg.raw(String.format(
                    Locale.ROOT,
                    "<g class=\"legend-entry\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                            + " stroke-width=\"2\"/>",
                    legendX,
                    top - 4,
                    legendX + 30,
                    top - 4,
                    colour));
            marker(svg, shape(provider), legendX + 15, top - 4, colour, false, null);
            svg.text(legendX + 38, top, 13, null, "start", provider);
            svg.raw("</g>\n");
            legendX += entryWidth;
        }
        top += 24;
        int keyX = 20;
        marker(svg, Shape.CIRCLE, keyX + 6, top - 4, "#444444", false, null);
        keyX = keyText(svg, keyX + 16, top, "steady: the median round within " + percent() + " of the best");
        marker(svg, Shape.CIRCLE, keyX + 6, top - 4, "#444444", true, null);
        keyX = keyText(svg, keyX + 16, top, "noisy: the median round more than " + percent() + " below");
        svg.raw(String.format(
                Locale.ROOT,
                "<path d=\"M%d %dV%dM%d %dh6\" stroke=\"#444444\" fill=\"none\"/>%n",
                keyX + 6,
                top - 9,
                top + 3,
                keyX + 3,
                top + 3));
        keyText(svg, keyX + 16, top, "bar: from the median round up to the best");
        top += 18;

        // The panels.
        for (int i = 0; i < n; i++) {
            String algorithm = new ArrayList<>(byAlgorithm.keySet()).get(i);
            int row = i / columns;
            int column = i % columns;
            int cellX = ROW_TITLE + column * cellWidth;
            int cellY = top + row * CELL_HEIGHT;
            int plotX = cellX + GUTTER;
            int plotY = cellY + 26;
            if (column == 0) {
                int mid = plotY + PLOT_HEIGHT / 2;
                svg.raw(String.format(
                        Locale.ROOT,
                        "<text class=\"axis-title\" x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\""
                                + " transform=\"rotate(-90 14 %d)\">throughput, GB/s (log scale)</text>%n",
                        mid,
                        mid));
            }
            panel(svg, algorithm, byAlgorithm.get(algorithm), plotX, plotY, plotWidth, x, y, yRange);
        }

        // The caption.
        int captionY = top + rows * CELL_HEIGHT + 6;
        long noisy = all.stream().filter(Measurement::noisy).count();
        int maxRounds = all.stream().mapToInt(Measurement::rounds).max().orElse(1);
        List<String> lines = new ArrayList<>();
        lines.add("Arsenal " + caption.arsenal() + ", arsenal bench " + caption.family() + " with a budget of "
                + seconds(caption.budget()) + ": one-shot byte[] input, one thread; each point is the best of "
                + maxRounds + (maxRounds == 1 ? " round." : " rounds."));
        lines.add("Machine: " + caption.machine() + ". JVM: " + caption.jvm() + ".");
        lines.add(
                noisy == 0
                        ? "No point is noisy. A quick comparison, not a benchmark: docs/benchmarks.md has JMH numbers."
                        : noisy + " of " + all.size() + " points are noisy: read them as ranges; a longer --budget"
                                + " steadies them. JMH numbers: docs/benchmarks.md.");
        svg.raw("<g class=\"caption\">\n");
        for (String line : lines) {
            svg.text(20, captionY + 14, 12, null, "start", line);
            captionY += 17;
        }
        svg.raw("</g>\n");
        return svg.document(WIDTH, captionY + 12);
    }

    /** One algorithm's panel: frame, grid, ticks, axis title, and a series per provider. */
    private void panel(
            Svg svg,
            String algorithm,
            List<Measurement> ms,
            int plotX,
            int plotY,
            int plotWidth,
            Axis x,
            Axis y,
            double[] yRange) {
        svg.raw("<g class=\"panel\" data-algorithm=\"" + escape(algorithm) + "\">\n");
        svg.text(plotX, plotY - 9, 14, "bold", "start", algorithm);
        svg.raw(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999999\"/>%n",
                plotX,
                plotY,
                plotWidth,
                PLOT_HEIGHT));
        List<Double> ticks = ticks(yRange[0], yRange[1]);
        boolean labelAll = ticks.size() <= 10;
        for (double t : ticks) {
            double py = plotY + PLOT_HEIGHT - y.at(Math.log(t)) * PLOT_HEIGHT;
            svg.raw(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>%n",
                    plotX,
                    py,
                    plotX + plotWidth,
                    py));
            if (labelAll || leadingDigit(t) == 1) {
                svg.text(plotX - 5, py + 4, 11, null, "end", label(t));
            }
        }
        List<Long> sizes = new ArrayList<>(sizes(ms));
        for (long size : sizes) {
            double px = plotX + x.at(Math.log(size)) * plotWidth;
            svg.raw(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999999\"/>%n",
                    px,
                    plotY + PLOT_HEIGHT,
                    px,
                    plotY + PLOT_HEIGHT + 4));
            svg.text(px, plotY + PLOT_HEIGHT + 16, 10, null, "middle", shortSize(size));
        }
        svg.raw(String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">input size,"
                        + " bytes (log scale)</text>%n",
                plotX + plotWidth / 2,
                plotY + PLOT_HEIGHT + 32));
        for (String provider : providers) {
            List<Measurement> line = ms.stream()
                    .filter(m -> m.provider().equals(provider) && m.bytesPerSecond() > 0)
                    .sorted((a, b) -> Long.compare(a.sizeBytes(), b.sizeBytes()))
                    .toList();
            if (line.isEmpty()) {
                continue;
            }
            String colour = colour(provider);
            svg.raw("<g class=\"series\" data-provider=\"" + escape(provider) + "\">\n");
            StringBuilder points = new StringBuilder();
            for (Measurement m : line) {
                points.append(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f ",
                        plotX + x.at(Math.log(m.sizeBytes())) * plotWidth,
                        plotY + PLOT_HEIGHT - y.at(Math.log(m.gigabytesPerSecond())) * PLOT_HEIGHT));
            }
            svg.raw(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-opacity=\"0.8\" points=\"%s\"/>%n",
                    colour,
                    points.toString().strip()));
            for (Measurement m : line) {
                double px = plotX + x.at(Math.log(m.sizeBytes())) * plotWidth;
                double best = plotY + PLOT_HEIGHT - y.at(Math.log(m.gigabytesPerSecond())) * PLOT_HEIGHT;
                double median = plotY
                        + PLOT_HEIGHT
                        - y.at(Math.log(Math.max(m.medianBytesPerSecond() / 1e9, yRange[0]))) * PLOT_HEIGHT;
                if (median - best >= 1) {
                    svg.raw(String.format(
                            Locale.ROOT,
                            "<path class=\"spread\" d=\"M%.1f %.1fV%.1fM%.1f %.1fh6\" stroke=\"%s\" fill=\"none\"/>%n",
                            px,
                            best,
                            median,
                            px - 3,
                            median,
                            colour));
                }
                String title = String.format(
                        Locale.ROOT,
                        "%s, %s, %s: %.2f GB/s, best of %d; median %.2f, slowest %.2f",
                        algorithm,
                        m.provider(),
                        Measurement.formatSize(m.sizeBytes()),
                        m.gigabytesPerSecond(),
                        m.rounds(),
                        m.medianBytesPerSecond() / 1e9,
                        m.slowestBytesPerSecond() / 1e9);
                marker(svg, shape(provider), px, best, colour, m.noisy(), title);
            }
            svg.raw("</g>\n");
        }
        svg.raw("</g>\n");
    }

    /** Writes a line of the marker key at {@code x}; returns where the next one goes. */
    private static int keyText(Svg svg, int x, int y, String text) {
        svg.text(x, y, 12, null, "start", text);
        return x + (int) Math.ceil(text.length() * 6.4) + 22; // about 6.4 px a character at 12 px
    }

    /** A marker: filled for a steady point, hollow (white inside) for a noisy one. */
    private static void marker(
            Svg svg, Shape shape, double cx, double cy, String colour, boolean hollow, String title) {
        String paint = String.format(
                Locale.ROOT,
                "class=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"",
                hollow ? "point noisy" : "point",
                hollow ? "white" : colour,
                colour);
        String tooltip = title == null ? "" : "<title>" + escape(title) + "</title>";
        double r = 3.5;
        String element = switch (shape) {
            case CIRCLE ->
                String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s", cx, cy, r, paint);
            case SQUARE ->
                String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s",
                        cx - r,
                        cy - r,
                        2 * r,
                        2 * r,
                        paint);
            case TRIANGLE -> polygon(paint, cx, cy - r - 1, cx + r + 1, cy + r, cx - r - 1, cy + r);
            case DIAMOND -> polygon(paint, cx, cy - r - 1, cx + r + 1, cy, cx, cy + r + 1, cx - r - 1, cy);
            case TRIANGLE_DOWN -> polygon(paint, cx, cy + r + 1, cx + r + 1, cy - r, cx - r - 1, cy - r);
        };
        svg.raw(element
                + (tooltip.isEmpty() ? "/>" : ">" + tooltip + "</" + element.substring(1, element.indexOf(' ')) + ">")
                + "\n");
    }

    private static String polygon(String paint, double... xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xy[i], xy[i + 1]));
        }
        return "<polygon points=\"" + points.toString().strip() + "\" " + paint;
    }

    private String colour(String provider) {
        return COLOURS[providers.indexOf(provider) % COLOURS.length];
    }

    private Shape shape(String provider) {
        return Shape.values()[providers.indexOf(provider) % Shape.values().length];
    }

    private static String percent() {
        return String.format(Locale.ROOT, "%.0f%%", 100 * Measurement.NOISE_TOLERANCE);
    }

    private static String seconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros();
        return s.toPlainString() + " s";
    }

    /** A position on a log axis, as a fraction of the axis from its low end. */
    private record Axis(double low, double high) {
        double at(double value) {
            return high > low ? (value - low) / (high - low) : 0.5;
        }
    }

    /** The 1-2-5 values just below {@code min} and just above {@code max}. */
    static double[] niceRange(double min, double max) {
        double low = nice(min, false);
        double high = nice(max, true);
        if (high <= low) {
            high = nice(low * 1.01, true);
        }
        return new double[] {low, high};
    }

    private static double nice(double v, boolean up) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double[] steps = {1, 2, 5, 10};
        if (up) {
            for (double s : steps) {
                if (s * decade >= v * (1 - 1e-9)) {
                    return s * decade;
                }
            }
            return 10 * decade;
        }
        for (int i = steps.length - 1; i >= 0; i--) {
            if (steps[i] * decade <= v * (1 + 1e-9)) {
                return steps[i] * decade;
            }
        }
        return decade;
    }

    /** The 1-2-5 values from {@code low} to {@code high}. */
    static List<Double> ticks(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        double decade = Math.pow(10, Math.floor(Math.log10(low)));
        for (int guard = 0; guard < 100; guard++) {
            for (double s : new double[] {1, 2, 5}) {
                double t = s * decade;
                if (t >= low * (1 - 1e-9) && t <= high * (1 + 1e-9)) {
                    ticks.add(t);
                }
            }
            decade *= 10;
            if (decade > high * (1 + 1e-9)) {
                break;
            }
        }
        return ticks;
    }

    private static int leadingDigit(double v) {
        return (int) Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
    }

    /** {@code 0.05}, {@code 1}, {@code 20}: a tick value without a float's tail. */
    static String label(double v) {
        return new BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** {@code 16}, {@code 1K}, {@code 64K}, {@code 1M}: sizes under the x axis, where room is short. */
    static String shortSize(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + "M";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "K";
        }
        return Long.toString(bytes);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The document being written. */
    private static final class Svg {
        private final StringBuilder body = new StringBuilder();

        void raw(String s) {
            body.append(s);
        }

        void text(double x, double y, int size, String weight, String anchor, String text) {
            body.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\">%s</text>%n",
                    x,
                    y,
                    size,
                    weight == null ? "" : " font-weight=\"" + weight + "\"",
                    anchor,
                    escape(text)));
        }

        String document(int width, int height) {
            return String.format(
                            Locale.ROOT,
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                                    + " font-family=\"sans-serif\" fill=\"#222222\">%n"
                                    + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                            width,
                            height,
                            width,
                            height)
                    + body
                    + "</svg>\n";
        }
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

    private static Measurement find(List<Measurement> ms, String provider, long size) {
        return ms.stream()
                .filter(m -> m.provider().equals(provider) && m.sizeBytes() == size)
                .findFirst()
                .orElse(null);
    }
}
