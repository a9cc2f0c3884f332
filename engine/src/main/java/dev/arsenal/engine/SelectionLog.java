package dev.arsenal.engine;

import dev.arsenal.Strategy;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Logs a runtime's choices, without stack traces. A library stays quiet when all is well: the line
 * that summarizes the choices (per algorithm, and the providers that are unavailable with their
 * causes; one line per family as a runtime decides it, or one for all in a container, which decides
 * everything at once) is at DEBUG (java.util.logging's FINE; {@code arsenal -v} and {@code arsenal
 * info} show it). A WARNING is only for what the user asked for or should fix ({@link
 * Selector.FamilyChoice#warnings}): an algorithm without a provider (a forced provider that cannot
 * be used), a failed self-test, a setting that keeps a provider from loading.
 */
final class SelectionLog {
    private static final System.Logger LOG = System.getLogger("dev.arsenal");

    private SelectionLog() {}

    /** The line for every family at once, and the warnings of those families. */
    static void logOnce(RuntimeReport report, List<String> warnings) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, summary(report));
        }
        warn(warnings);
    }

    /** The line of one family, when a runtime decides it on its first use, and its warnings. */
    static void logFamily(Strategy strategy, Selector.FamilyChoice choice) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, familySummary(strategy, choice));
        }
        warn(choice.warnings());
    }

    /** One algorithm decided alone at its first use: its decision at DEBUG, then its warnings. */
    static void logAlgorithm(Strategy strategy, Decision decision, List<String> warnings) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(
                    Level.DEBUG,
                    "Arsenal " + strategy + " " + decision.family().id() + ": " + decision.algorithm() + "="
                            + decision.provider().orElse("NONE") + " (" + decision.reason() + ")");
        }
        warn(warnings);
    }

    /** Each warning, one WARNING line apiece. */
    static void warn(List<String> warnings) {
        for (String w : warnings) {
            LOG.log(Level.WARNING, "Arsenal: " + w);
        }
    }

    static String familySummary(Strategy strategy, Selector.FamilyChoice choice) {
        StringBuilder line = new StringBuilder("Arsenal ")
                .append(strategy)
                .append(' ')
                .append(choice.family().id())
                .append(": ")
                .append(choice.decisions().values().stream()
                        .map(d -> d.algorithm() + "=" + d.provider().orElse("NONE"))
                        .collect(Collectors.joining(", ")));
        if (!choice.unavailable().isEmpty()) {
            line.append("; unavailable: ")
                    .append(choice.unavailable().stream()
                            .map(p -> p.id() + " (" + p.reason() + ")")
                            .collect(Collectors.joining(", ")));
        }
        long failed = choice.decisions().values().stream()
                .filter(d -> d.basis() == Decision.Basis.NONE)
                .count();
        if (failed > 0) {
            line.append("; ").append(failed).append(" algorithm(s) without a provider, see `arsenal info`");
        }
        return line.toString();
    }

    static String summary(RuntimeReport report) {
        String choices = report.selection().stream()
                .map(d -> d.algorithm() + "=" + d.provider().orElse("NONE"))
                .collect(Collectors.joining(", "));
        StringBuilder line = new StringBuilder("Arsenal ")
                .append(report.strategy())
                .append(": ")
                .append(choices);
        long unavailable =
                report.providers().stream().filter(p -> !p.available()).count();
        if (unavailable > 0) {
            line.append("; unavailable: ")
                    .append(report.providers().stream()
                            .filter(p -> !p.available())
                            .map(ProviderReport::id)
                            .map(id -> id + " (" + reason(report, id) + ")")
                            .collect(Collectors.joining(", ")));
        }
        long failed = report.selection().stream()
                .filter(d -> d.basis() == Decision.Basis.NONE)
                .count();
        if (failed > 0) {
            line.append("; ").append(failed).append(" algorithm(s) without a provider, see `arsenal info`");
        }
        return line.toString();
    }

    private static String reason(RuntimeReport report, String id) {
        return report.providers().stream()
                .filter(p -> p.id().equals(id))
                .map(ProviderReport::reason)
                .findFirst()
                .orElse("");
    }
}
