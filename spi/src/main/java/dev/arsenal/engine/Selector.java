package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.Configuration;
import dev.arsenal.ConfigurationException;
import dev.arsenal.Strategy;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes every decision once: for each provider, configuration exclusions, requirements and probe;
 * for each algorithm, the candidates' self-tests, then forced choice or ranking. Each step's
 * outcome is kept in the decision record.
 *
 * <p>Disabled providers are not probed at all: disabling is how a user keeps a native library
 * that crashes from being loaded.
 */
final class Selector {
    private final Configuration config;
    private final PlatformInfo platform;
    private final List<? extends Provider> providers;
    private final List<String> problems;
    private final Strategy strategy;

    Selector(Configuration config, PlatformInfo platform, List<? extends Provider> providers, List<String> problems) {
        this.config = config;
        this.platform = platform;
        this.providers = List.copyOf(providers);
        this.problems = List.copyOf(problems);
        this.strategy = config.strategy();
    }

    SelectingRuntime select() {
        Map<Algorithm, String> forced = forcedProviders();
        Map<Provider, Availability> availability = new LinkedHashMap<>();
        Map<Provider, String> disabled = new HashMap<>();
        for (Provider p : providers) {
            Optional<String> why = disabledBy(p);
            if (why.isPresent()) {
                disabled.put(p, why.get());
                availability.put(p, Availability.unavailable(why.get()));
            } else {
                availability.put(p, probe(p));
            }
        }

        List<Decision> decisions = new ArrayList<>();
        Map<Algorithm, Provider> chosen = new HashMap<>();
        for (Algorithm algorithm : KnownAlgorithms.all()) {
            List<Candidate> candidates = new ArrayList<>();
            Map<String, Provider> byId = new LinkedHashMap<>();
            for (Provider p : providers) {
                if (!p.algorithms().contains(algorithm)) {
                    continue;
                }
                byId.put(p.id(), p);
                candidates.add(candidate(p, algorithm, availability.get(p), disabled.containsKey(p)));
            }
            candidates.sort(Comparator.comparingInt(Candidate::rank).reversed().thenComparing(Candidate::providerId));
            Decision decision = decide(algorithm, candidates, forced.get(algorithm));
            decision.provider().ifPresent(id -> chosen.put(algorithm, byId.get(id)));
            decisions.add(decision);
        }

        List<ProviderReport> providerReports = new ArrayList<>();
        for (Provider p : providers) {
            Availability a = availability.get(p);
            providerReports.add(new ProviderReport(
                    p.id(),
                    p.kind(),
                    p.family(),
                    p.algorithms().stream().map(Algorithm::id).toList(),
                    p.requirements().stream().map(Requirement::toString).toList(),
                    a.isAvailable(),
                    a.isAvailable() ? safeDescription(p) : a.cause()));
        }
        List<String> warnings = new ArrayList<>(config.warnings());
        warnings.addAll(problems);
        RuntimeReport report =
                new RuntimeReport(platform, strategy, providerReports, decisions, config.sources(), warnings);
        return new SelectingRuntime(config, report, chosen);
    }

    private Map<Algorithm, String> forcedProviders() {
        Map<Algorithm, String> forced = new HashMap<>();
        for (String algorithmId : config.forcedAlgorithms()) {
            String key = Configuration.PROVIDER_PREFIX + algorithmId;
            try {
                forced.put(
                        KnownAlgorithms.byId(algorithmId),
                        config.forcedProvider(algorithmId).orElseThrow());
            } catch (UnknownAlgorithmException e) {
                throw new ConfigurationException("unknown algorithm '" + algorithmId + "' in " + key + " (from "
                        + config.sourceOf(key) + "); known algorithms: " + String.join(", ", KnownAlgorithms.ids()));
            }
        }
        return forced;
    }

    private Optional<String> disabledBy(Provider p) {
        if (config.disabledProviders().contains(p.id())) {
            return Optional.of("disabled by " + config.describe(Configuration.DISABLED_PROVIDERS));
        }
        if (config.disabledKinds().contains(p.kind())) {
            return Optional.of("disabled by " + config.describe(Configuration.DISABLED_KINDS));
        }
        return Optional.empty();
    }

    private Availability probe(Provider p) {
        if (p.algorithms().stream().anyMatch(a -> a instanceof HashAlgorithm) && !(p instanceof HashingProvider)) {
            return Availability.unavailable("lists hashing algorithms but does not implement HashingProvider");
        }
        try {
            for (Requirement r : p.requirements()) {
                Optional<String> unmet = r.check(platform);
                if (unmet.isPresent()) {
                    return Availability.unavailable(unmet.get());
                }
            }
            Availability a = p.probe(platform);
            return a == null ? Availability.unavailable("probe returned null") : a;
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("probe threw " + e, e);
        }
    }

    private Candidate candidate(Provider p, Algorithm algorithm, Availability a, boolean isDisabled) {
        int rank = safeRank(p, algorithm);
        if (isDisabled) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.DISABLED, a.cause(), SelfTest.NOT_RUN, rank);
        }
        if (!a.isAvailable()) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.UNAVAILABLE, a.cause(), SelfTest.NOT_RUN, rank);
        }
        SelfTest test;
        try {
            test = p.selfTest(algorithm);
            if (test == null) {
                test = new SelfTest(SelfTest.Status.FAILED, "self-test returned null");
            }
        } catch (RuntimeException | LinkageError e) {
            test = new SelfTest(SelfTest.Status.FAILED, "self-test threw " + e);
        }
        if (!test.passed()) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.SELF_TEST_FAILED, test.detail(), test, rank);
        }
        return new Candidate(p.id(), p.kind(), Candidate.Status.ELIGIBLE, "", test, rank);
    }

    private int safeRank(Provider p, Algorithm algorithm) {
        try {
            return p.rank(algorithm, strategy);
        } catch (RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static String safeDescription(Provider p) {
        try {
            return p.description();
        } catch (RuntimeException e) {
            return p.kind().id();
        }
    }

    private Decision decide(Algorithm algorithm, List<Candidate> candidates, String forcedId) {
        if (forcedId != null) {
            String key = Configuration.PROVIDER_PREFIX + algorithm.id();
            String by = "forced by " + key + "=" + forcedId + " (from " + config.sourceOf(key) + ")";
            Optional<Candidate> forced = candidates.stream()
                    .filter(c -> c.providerId().equals(forcedId))
                    .findFirst();
            if (forced.isEmpty()) {
                String known = candidates.isEmpty()
                        ? "none"
                        : candidates.stream().map(Candidate::providerId).collect(Collectors.joining(", "));
                return none(
                        algorithm,
                        candidates,
                        "provider '" + forcedId + "' forced by " + key + " (from " + config.sourceOf(key)
                                + ") does not exist or does not implement " + algorithm.id() + "; providers of "
                                + algorithm.id() + ": " + known);
            }
            Candidate c = forced.get();
            if (!c.eligible()) {
                return none(algorithm, candidates, forcedId + " " + by + " cannot be used: " + describe(c));
            }
            return new Decision(
                    algorithm.id(), algorithm.family(), Optional.of(forcedId), Decision.Basis.FORCED, by, candidates);
        }
        List<Candidate> eligible =
                candidates.stream().filter(Candidate::eligible).toList();
        if (eligible.isEmpty()) {
            String why = candidates.isEmpty()
                    ? "no provider implements " + algorithm.id()
                    : "no eligible provider: "
                            + candidates.stream()
                                    .map(c -> c.providerId() + " " + describe(c))
                                    .collect(Collectors.joining("; "));
            return none(algorithm, candidates, why);
        }
        Candidate best = eligible.getFirst(); // candidates are sorted by rank, highest first
        String others = eligible.size() == 1
                ? "the only eligible provider"
                : "highest rank for " + strategy + " among "
                        + eligible.stream()
                                .map(c -> c.providerId() + " " + c.rank())
                                .collect(Collectors.joining(", "));
        return new Decision(
                algorithm.id(),
                algorithm.family(),
                Optional.of(best.providerId()),
                Decision.Basis.RANKED,
                others + " (rank " + best.rank() + ")",
                candidates);
    }

    private static String describe(Candidate c) {
        return switch (c.status()) {
            case ELIGIBLE -> "eligible";
            case UNAVAILABLE -> "unavailable: " + c.detail();
            case DISABLED -> c.detail();
            case SELF_TEST_FAILED -> "self-test failed: " + c.detail();
        };
    }

    private static Decision none(Algorithm algorithm, List<Candidate> candidates, String reason) {
        return new Decision(
                algorithm.id(), algorithm.family(), Optional.empty(), Decision.Basis.NONE, reason, candidates);
    }
}
