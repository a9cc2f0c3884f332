package dev.arsenal.engine;

import dev.arsenal.Strategy;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import java.lang.System.Logger.Level;
import java.util.stream.Collectors;

/**
 * Writes the INFO lines that summarize a runtime's choices, without stack traces: choices per
 * algorithm, and the providers that are unavailable with their causes; one line per family as a
 * runtime decides it, or one for all (a container's runtime, which decides everything at once).
 */
final class SelectionLog {
    private static final System.Logger LOG = System.getLogger("dev.arsenal");

    private SelectionLog() {}

    static void logOnce(RuntimeReport report) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        LOG.log(Level.INFO, summary(report));
    }

    /** The line of one family, when a runtime decides it on its first use. */
    static void logFamily(Strategy strategy, Selector.FamilyChoice choice) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, familySummary(strategy, choice));
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
