package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Family;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code arsenal calibrate [--family hashing] [--budget SECONDS]}: measures every eligible provider
 * and stores the table where the next start finds it; {@code arsenal bench hashing [--budget
 * SECONDS] [--svg FILE]}: the same measurement for a person, as a table and optionally a chart,
 * stored nowhere.
 */
final class MeasureCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    MeasureCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.terminal = System.console() != null;
    }

    int calibrate(List<String> args) {
        Options o = Options.parse(args, false, 10);
        ArsenalRuntime runtime = Arsenal.runtime();
        err.println("arsenal calibrate: measuring " + o.family.id() + " for about " + o.budget.toSeconds()
                + " s; keep the machine otherwise idle");
        Calibration c = runtime.calibrate(o.family, o.budget, progress());
        endProgress();
        new MeasurementTable(c.measurements()).print(out);
        out.println("stored in " + c.file().map(Path::toString).orElse("(nowhere)"));
        out.println("the next start chooses by it (arsenal.calibration=auto); `arsenal info` shows the reasons");
        return Main.OK;
    }

    int bench(List<String> args) {
        Options o = Options.parse(args, true, 5);
        ArsenalRuntime runtime = Arsenal.runtime();
        err.println("arsenal bench: measuring " + o.family.id() + " for about " + o.budget.toSeconds() + " s");
        List<Measurement> ms = runtime.measure(o.family, o.budget, progress());
        endProgress();
        MeasurementTable table = new MeasurementTable(ms);
        table.print(out);
        if (o.svg != null) {
            try {
                Files.writeString(o.svg, table.svg(), StandardCharsets.UTF_8);
                out.println("chart written to " + o.svg);
            } catch (IOException e) {
                err.println("arsenal bench: cannot write " + o.svg + ": " + e.getMessage());
                return Main.PARTIAL;
            }
        }
        return Main.OK;
    }

    /** Progress on stderr: one line rewritten in place on a terminal, a line per cell otherwise. */
    private Consumer<String> progress() {
        return line -> {
            if (terminal) {
                err.print("\r\033[K" + line);
                err.flush();
            } else {
                err.println(line);
            }
        };
    }

    private void endProgress() {
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private record Options(Family family, Duration budget, Path svg) {
        static Options parse(List<String> args, boolean bench, int defaultSeconds) {
            Family family = Family.HASHING;
            Duration budget = Duration.ofSeconds(defaultSeconds);
            Path svg = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--family" -> family = family(value(args, ++i, a));
                    case "--budget" -> budget = seconds(value(args, ++i, a));
                    case "--svg" -> {
                        if (!bench) {
                            throw new UsageException("--svg belongs to `arsenal bench`");
                        }
                        svg = Path.of(value(args, ++i, a));
                    }
                    default -> {
                        if (bench && !a.startsWith("-")) {
                            family = family(a);
                        } else {
                            throw new UsageException("unknown option '" + a + "'");
                        }
                    }
                }
            }
            return new Options(family, budget, svg);
        }

        private static Family family(String name) {
            if (!name.toLowerCase(Locale.ROOT).equals("hashing")) {
                throw new UsageException("unknown or not yet measurable family '" + name + "'; families: hashing");
            }
            return Family.HASHING;
        }

        private static Duration seconds(String text) {
            try {
                double s = Double.parseDouble(text.endsWith("s") ? text.substring(0, text.length() - 1) : text);
                if (!(s > 0 && s <= 3600)) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis((long) (s * 1000));
            } catch (NumberFormatException e) {
                throw new UsageException("bad --budget '" + text + "': expected seconds between 0 and 3600");
            }
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
