package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.platform.CpuInfo;
import dev.arsenal.platform.JvmInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code arsenal calibrate [--family hashing|compression|crypto|random] [--budget DURATION]}: measures every eligible
 * provider and stores the table where the next start finds it; {@code arsenal bench hashing
 * [--budget DURATION] [--svg FILE]}: the same measurement for a person, as a table and optionally a
 * chart, stored nowhere. A budget is read as {@value Configuration#CALIBRATION_BUDGET} reads it,
 * with one parser, except that a bare number is seconds ({@code 10}) where the key reads
 * milliseconds; zero asks for the minimum the measurement takes.
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
        err.println("arsenal calibrate: measuring " + o.family.id() + about(o.budget)
                + "; keep the machine otherwise idle");
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
        err.println("arsenal bench: measuring " + o.family.id() + about(o.budget));
        List<Measurement> ms = runtime.measure(o.family, o.budget, progress());
        endProgress();
        MeasurementTable table = new MeasurementTable(ms);
        table.print(out);
        if (o.svg != null) {
            try {
                Files.writeString(o.svg, table.svg(caption(runtime, o)), StandardCharsets.UTF_8);
                out.println("chart written to " + o.svg);
            } catch (IOException e) {
                err.println("arsenal bench: cannot write " + o.svg + ": " + e.getMessage());
                return Main.PARTIAL;
            }
        }
        return Main.OK;
    }

    /** " for about 10 s", or what a budget of zero means. */
    static String about(Duration budget) {
        if (budget.isZero()) {
            return " with no budget beyond the minimum (each provider's warm-up and timed rounds)";
        }
        return " for about "
                + BigDecimal.valueOf(budget.toMillis())
                        .movePointLeft(3)
                        .stripTrailingZeros()
                        .toPlainString() + " s";
    }

    /** The chart's caption: the machine and the JVM as the runtime detected them, and the budget. */
    private static MeasurementTable.Caption caption(ArsenalRuntime runtime, Options o) {
        CpuInfo cpu = runtime.report().platform().cpu();
        JvmInfo jvm = runtime.report().platform().jvm();
        String machine = (cpu.model().isEmpty() ? "CPU model unknown" : cpu.model()) + ", " + cpu.logicalCpus()
                + " logical CPUs, " + cpu.os() + " " + InfoCommand.machineArch(cpu.arch());
        String vm = "Java " + jvm.version() + " (" + jvm.vendor() + ", " + jvm.vmName()
                + (jvm.hotspot() ? (jvm.c2() ? ", C2 on" : ", C2 off") : "") + ")";
        return new MeasurementTable.Caption(o.family.id(), Arsenal.version(), machine, vm, o.budget);
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

    /** The options of both commands; {@code svg} is null unless {@code --svg} was given. */
    record Options(Family family, Duration budget, Path svg) {
        static Options parse(List<String> args, boolean bench, int defaultSeconds) {
            Family family = Family.HASHING;
            Duration budget = Duration.ofSeconds(defaultSeconds);
            Path svg = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--family" -> family = family(UsageException.value(args, ++i, a));
                    case "--budget" -> budget = budget(UsageException.value(args, ++i, a));
                    case "--svg" -> {
                        if (!bench) {
                            throw new UsageException("--svg belongs to `arsenal bench`");
                        }
                        svg = Path.of(UsageException.value(args, ++i, a));
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

        /** A family by its id ({@code hashing}, {@code compression}); the runtime says if it cannot be measured. */
        private static Family family(String name) {
            String id = name.strip().toLowerCase(Locale.ROOT);
            for (Family f : Family.values()) {
                if (f.id().equals(id)) {
                    return f;
                }
            }
            throw new UsageException("unknown family '" + name + "'; families: hashing, compression, crypto, random");
        }

        /**
         * A budget as {@value Configuration#CALIBRATION_BUDGET} takes it (one parser for both),
         * except that a bare number is seconds here: {@code 10}, {@code 2.5s}, {@code 1500ms},
         * {@code PT2S}, {@code 0}.
         */
        private static Duration budget(String text) {
            try {
                return Configuration.parseDuration(text, ChronoUnit.SECONDS);
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad --budget '" + text + "': " + e.getMessage());
            }
        }
    }
}
