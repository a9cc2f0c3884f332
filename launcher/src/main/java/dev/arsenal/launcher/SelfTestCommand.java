package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.SelfTest;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code arsenal selftest}: every available provider's known-answer self-test per algorithm, as the
 * engine ran them at start. Exits 1 if any failed.
 */
final class SelfTestCommand {
    private final PrintStream out;

    SelfTestCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments, got " + String.join(" ", args));
        }
        int passed = 0;
        int failed = 0;
        int notRun = 0;
        for (Decision d : Arsenal.runtime().report().selection()) {
            for (Candidate c : d.candidates()) {
                SelfTest t = c.selfTest();
                String status = switch (t.status()) {
                    case PASSED -> "passed";
                    case FAILED -> "FAILED";
                    case NOT_RUN -> "not run";
                };
                switch (t.status()) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case NOT_RUN -> notRun++;
                }
                String detail = t.status() == SelfTest.Status.NOT_RUN ? c.detail() : t.detail();
                out.printf("%-8s %-18s %-8s %s%n", d.algorithm(), c.providerId(), status, detail);
            }
        }
        out.printf("%d passed, %d failed, %d not run%n", passed, failed, notRun);
        return failed == 0 ? Main.OK : Main.PARTIAL;
    }
}
