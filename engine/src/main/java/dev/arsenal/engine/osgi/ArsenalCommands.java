package dev.arsenal.engine.osgi;

import dev.arsenal.Algorithm;
import dev.arsenal.Configuration;
import dev.arsenal.engine.KnownAlgorithms;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;

/**
 * The Gogo commands of scope {@code arsenal}, registered by {@link OsgiEngine}. Gogo calls the
 * public methods by name and prints what they return; what they throw for a bad argument (an
 * {@link IllegalArgumentException}, or an {@link dev.arsenal.UnknownAlgorithmException} listing the
 * known algorithms) is printed as the error line.
 *
 * <p>Two things make the commands explain themselves in Gogo:
 *
 * <ul>
 *   <li>{@code @Descriptor} on each command and parameter, which Gogo's {@code help} prints ({@code
 *       help arsenal:use}). The annotation is Gogo's own type, so that its {@code help} finds it:
 *       this bundle imports its package optionally, and where no bundle exports it the annotations
 *       are simply not there.
 *   <li>For a command with arguments, an overload taking any number of them, which answers a wrong
 *       count with the usage. Gogo picks the overload whose parameters fit ({@code use(String,
 *       String)} for two words, with no conversion, before {@code use(String...)}, which costs it
 *       more), so without one it would answer {@code arsenal:use} alone with "Cannot coerce
 *       use() to any of [(String, String)]".
 * </ul>
 */
public final class ArsenalCommands {
    /** The usage of {@code arsenal:use}, also its error for a wrong number of arguments. */
    static final String USE_USAGE = "usage: arsenal:use ALGORITHM PROVIDER (arsenal:use xxh3 java-hashing);"
            + " arsenal:selection lists the algorithms and their providers, arsenal:providers every provider";

    /** The usage of {@code arsenal:reset}. */
    static final String RESET_USAGE =
            "usage: arsenal:reset ALGORITHM (arsenal:reset xxh3): drops what arsenal:use" + " forced for it";

    private final OsgiEngine engine;

    ArsenalCommands(OsgiEngine engine) {
        this.engine = engine;
    }

    /**
     * {@code arsenal:providers}: every provider service with its bundle, kind, status and cause,
     * then every Arsenal provider bundle that is not active, with what it lacks.
     */
    @Descriptor("every provider: kind, status (available, unavailable, disabled), bundle and cause; then the"
            + " Arsenal provider bundles that are not active, with what they lack")
    public String providers() {
        RuntimeReport report = engine.report();
        Table table = new Table("PROVIDER", "KIND", "STATUS", "BUNDLE", "DETAIL");
        for (ProviderReport p : report.providers()) {
            String bundle = engine.registered().stream()
                    .filter(r -> r.provider().id().equals(p.id()))
                    .map(OsgiEngine.Registered::bundle)
                    .findFirst()
                    .orElse("?");
            table.row(p.id(), p.kind().id(), status(p), bundle, p.reason());
        }
        engine.context()
                .ifPresent(c -> BundleDiagnosis.inactiveProviderBundles(c)
                        .forEach(b -> table.row("-", "-", b.state(), b.bundle(), b.why())));
        StringBuilder out = new StringBuilder(table.toString());
        report.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString().stripTrailing();
    }

    private static String status(ProviderReport p) {
        if (p.available()) {
            return "available";
        }
        return p.reason().startsWith("disabled by") ? "disabled" : "unavailable";
    }

    /** {@code arsenal:selection}: per algorithm, the provider (tiers by size), the basis and why. */
    @Descriptor("per algorithm: the provider chosen (with size tiers), the basis (ranked, measured, forced, none)"
            + " and the reason")
    public String selection() {
        Table table = new Table("ALGORITHM", "PROVIDER", "BASIS", "REASON");
        for (Decision d : engine.report().selection()) {
            table.row(d.algorithm(), OsgiEngine.route(d), d.basis().name().toLowerCase(Locale.ROOT), d.reason());
        }
        return table.toString().stripTrailing();
    }

    /**
     * {@code arsenal:use ALGORITHM PROVIDER}: forces the provider for the algorithm, taking
     * precedence over every configuration source, until {@code arsenal:reset}. Refused (nothing
     * changes) when the provider does not implement the algorithm or cannot run here.
     */
    @Descriptor("force PROVIDER for ALGORITHM, above every configuration source, until arsenal:reset;"
            + " refused, with the reason, if that provider cannot serve it here")
    public String use(
            @Descriptor("ALGORITHM: an algorithm or codec id as arsenal:selection lists them (xxh3, crc32c, zstd)")
                    String algorithm,
            @Descriptor("PROVIDER: a provider id as arsenal:providers lists them (java-hashing, simd-xxh3)")
                    String provider) {
        Algorithm a = KnownAlgorithms.byId(algorithm);
        Decision current = decision(a);
        List<Candidate> candidates = current.candidates();
        Optional<Candidate> chosen =
                candidates.stream().filter(c -> c.providerId().equals(provider)).findFirst();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no provider '" + provider + "' for " + a.id() + "; providers: "
                    + candidates.stream().map(Candidate::providerId).collect(Collectors.joining(", ")));
        }
        if (!chosen.get().eligible()) {
            throw new IllegalArgumentException(provider + " cannot serve " + a.id() + ": "
                    + chosen.get().status().name().toLowerCase(Locale.ROOT) + " "
                    + chosen.get().detail());
        }
        engine.force(a.id(), provider);
        return line(decision(a));
    }

    /**
     * {@code arsenal:use} with a number of arguments other than two: the usage, as an error.
     *
     * @throws IllegalArgumentException always, with the usage
     */
    @Descriptor("with any other number of arguments: answers with the usage")
    public String use(@Descriptor("anything but ALGORITHM PROVIDER") String... arguments) {
        throw new IllegalArgumentException(USE_USAGE + "; algorithms: " + String.join(", ", KnownAlgorithms.ids()));
    }

    /**
     * {@code arsenal:reset ALGORITHM}: drops what {@code arsenal:use} forced, so the algorithm is
     * decided by the configuration and the providers again.
     */
    @Descriptor("drop what arsenal:use forced for ALGORITHM: the configuration and the providers decide again")
    public String reset(
            @Descriptor("ALGORITHM: an algorithm or codec id as arsenal:selection lists them (xxh3, crc32c, zstd)")
                    String algorithm) {
        Algorithm a = KnownAlgorithms.byId(algorithm);
        boolean had = engine.reset(a.id());
        String key = Configuration.PROVIDER_PREFIX + a.id();
        String note = had ? "" : " (nothing was forced from the shell)";
        Optional<String> stillForced = engine.configuration().get(key);
        if (stillForced.isPresent()) {
            note += "; still forced by " + engine.configuration().describe(key);
        }
        return line(decision(a)) + note;
    }

    /**
     * {@code arsenal:reset} with a number of arguments other than one: the usage, as an error.
     *
     * @throws IllegalArgumentException always, with the usage
     */
    @Descriptor("with any other number of arguments: answers with the usage")
    public String reset(@Descriptor("anything but ALGORITHM") String... arguments) {
        throw new IllegalArgumentException(RESET_USAGE);
    }

    private Decision decision(Algorithm a) {
        return engine.report()
                .decision(a.id())
                .orElseThrow(() -> new IllegalStateException("no decision for " + a.id()));
    }

    private static String line(Decision d) {
        return d.algorithm() + ": " + OsgiEngine.route(d) + " (" + d.reason() + ")";
    }

    /** Left-aligned columns, the last one unpadded. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int columns = rows.getFirst().length;
            int[] width = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < columns - 1; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (String[] r : rows) {
                for (int i = 0; i < columns; i++) {
                    out.append(i < columns - 1 ? String.format("%-" + width[i] + "s  ", r[i]) : r[i]);
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
