package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.Configuration;
import dev.arsenal.ConfigurationException;
import dev.arsenal.Family;
import dev.arsenal.Strategy;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.ProviderReport;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.report.SelfTest;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes every decision: for each provider, configuration exclusions, requirements and probe; for
 * each algorithm, the candidates' self-tests (both once per selector), then a forced choice or a
 * {@link TierPlanner plan} by measurement or rank. Each step's outcome is kept in the decision
 * record. A selector can decide again with a calibration without probing again.
 *
 * <p>An algorithm is decided when first needed ({@link #decideOne}), checking only the providers
 * the decision rests on: a program that only hashes never loads a compression library, and one
 * that asks for zstd does not probe the LZ4 libraries nor self-test the providers that would lose
 * anyway. A whole family is decided, every candidate checked, for a report ({@link #decide}). Not
 * thread-safe: {@link SelectingRuntime} calls it under its lock.
 *
 * <p>Disabled providers are not probed at all: disabling is how a user keeps a native library
 * that crashes from being loaded.
 */
final class Selector {
    private final Configuration config;
    private final PlatformInfo platform;
    private final Providers providers;
    private final Strategy strategy;
    private final ProviderChecks checks;

    Selector(Configuration config, PlatformInfo platform, List<? extends Provider> providers, List<String> problems) {
        this(config, platform, providers, problems, new ProviderChecks());
    }

    /**
     * A selector that takes probe and self-test outcomes from {@code checks} when it holds them,
     * so that deciding again after a provider came or went does not test the others again.
     */
    Selector(
            Configuration config,
            PlatformInfo platform,
            List<? extends Provider> providers,
            List<String> problems,
            ProviderChecks checks) {
        this(config, platform, Providers.fixed(providers, problems), checks);
    }

    /** A selector over {@code providers}, made as families need them ({@link Providers}). */
    Selector(Configuration config, PlatformInfo platform, Providers providers, ProviderChecks checks) {
        this.config = config;
        this.platform = platform;
        this.providers = providers;
        this.strategy = config.strategy();
        this.checks = checks;
    }

    /**
     * What does not depend on a calibration, computed once per family when the family is first
     * decided: availability (probes) and candidates (self-tests).
     */
    private final Map<Provider, Availability> availability = new LinkedHashMap<>();

    private final Map<Provider, Boolean> disabled = new HashMap<>();
    private final Map<Algorithm, List<Candidate>> candidates = new HashMap<>();
    /** Every check made so far, by algorithm and provider: a decision made again starts from them. */
    private final Map<Algorithm, Map<Provider, Candidate>> checkedSoFar = new HashMap<>();

    private final Set<Family> evaluated = EnumSet.noneOf(Family.class);

    /** Probes every provider of {@code family} and self-tests every candidate of its algorithms, once. */
    private void evaluate(Family family) {
        if (!evaluated.add(family)) {
            return;
        }
        for (Provider p : providers.of(family)) {
            if (serves(p, family)) {
                availability(p);
            }
        }
        for (Algorithm algorithm : Families.of(family).algorithms()) {
            candidates(algorithm);
        }
    }

    /** Every candidate of {@code algorithm}, probed and self-tested, best-ranked first; once. */
    private List<Candidate> candidates(Algorithm algorithm) {
        List<Candidate> known = candidates.get(algorithm);
        if (known == null) {
            List<Candidate> list = new ArrayList<>();
            for (Provider p : offering(algorithm)) {
                list.add(check(p, algorithm));
            }
            list.sort(CANDIDATE_ORDER); // again: a probe may have changed a rank
            known = List.copyOf(list);
            candidates.put(algorithm, known);
        }
        return known;
    }

    /** The providers that list {@code algorithm}, best-ranked first (then by id): candidate order. */
    private List<Provider> offering(Algorithm algorithm) {
        List<Provider> offering = new ArrayList<>();
        for (Provider p : providers.of(algorithm.family())) {
            if (p.algorithms().contains(algorithm)) {
                offering.add(p);
            }
        }
        offering.sort(Comparator.comparingInt((Provider p) -> safeRank(p, algorithm))
                .reversed()
                .thenComparing(Provider::id));
        return offering;
    }

    /** {@code p} as a candidate for {@code algorithm}: probed (once) and self-tested (once), unless disabled. */
    Candidate check(Provider p, Algorithm algorithm) {
        return checkedSoFar
                .computeIfAbsent(algorithm, a -> new java.util.IdentityHashMap<>())
                .computeIfAbsent(p, q -> candidate(q, algorithm, availability(q), disabled.get(q)));
    }

    /** Whether {@code p} was checked for {@code algorithm} already (probe and self-test, or disabled). */
    boolean isChecked(Provider p, Algorithm algorithm) {
        return checkedSoFar.getOrDefault(algorithm, Map.of()).containsKey(p);
    }

    /** A candidate that was neither probed nor self-tested. */
    private Candidate unchecked(Provider p, Algorithm algorithm) {
        return new Candidate(
                p.id(),
                p.kind(),
                Candidate.Status.NOT_CHECKED,
                "not probed nor self-tested: the decision did not rest on it",
                SelfTest.NOT_RUN,
                safeRank(p, algorithm));
    }

    /**
     * A decision and, when a provider was chosen, its route (whose bulk provider may not be checked
     * yet: see {@link #decideOne}), and its warnings.
     */
    record Decided(Decision decision, Optional<Route> route, List<String> warnings) {}

    /**
     * Decides {@code algorithm} alone, checking (probe, then self-test) only the providers the
     * decision rests on: a plan is made over every provider not known to fail, as if all passed;
     * the providers it rests on ({@link TierPlanner.Plan#decidedBy()}) are checked; one that fails
     * leaves the pool and the plan is made again. The result is the decision {@link #decide} makes
     * with every candidate checked (a provider that only lost cannot change a winner), with the
     * candidates nobody needed marked {@link Candidate.Status#NOT_CHECKED}.
     *
     * <p>The bulk tier of a tiered route waits: its provider (a SIMD or native one, whose library
     * or cold vector code costs tens of milliseconds to load and self-test) is checked at the first
     * call that reaches it ({@link SelectingRuntime} hands out a {@code PendingX} for it), and
     * until then the decision names it {@code NOT_CHECKED}. Should it fail then, that tier falls
     * back to the small tier's provider, which was checked and computes the same function.
     */
    Decided decideOne(Algorithm algorithm, Optional<Calibration> calibration) {
        Map<Algorithm, String> forced = forcedProviders();
        List<Provider> offering = offering(algorithm);
        Map<Provider, Candidate> checked =
                new java.util.IdentityHashMap<>(checkedSoFar.getOrDefault(algorithm, Map.of()));
        checked.keySet().retainAll(offering);
        Decision decision;
        Optional<Route> route = Optional.empty();
        if (forced.containsKey(algorithm)) {
            String forcedId = forced.get(algorithm);
            for (Provider p : offering) {
                if (p.id().equals(forcedId)) {
                    checked.put(p, check(p, algorithm));
                }
            }
            decision = forcedDecision(algorithm, list(offering, checked, algorithm), forcedId);
            if (decision.basis() == Decision.Basis.FORCED) {
                route = Optional.of(Route.single(byId(forcedId)));
            }
        } else {
            while (true) {
                List<Provider> pool = new ArrayList<>();
                for (Provider p : offering) {
                    Candidate c = checked.get(p);
                    if (c == null && disabledBy(p).isPresent()) {
                        c = check(p, algorithm); // disabled: not probed, only noted
                        checked.put(p, c);
                    }
                    if (c == null || c.eligible()) {
                        pool.add(p);
                    }
                }
                if (pool.isEmpty()) {
                    decision = plannedDecision(algorithm, list(offering, checked, algorithm), List.of(), calibration)
                            .decision();
                    break;
                }
                TierPlanner.Plan plan = new TierPlanner(algorithm, strategy, pool, calibration, shortLived()).plan();
                Route planned = plan.route();
                Optional<Provider> waits = planned.tiered() && !checked.containsKey(planned.large())
                        ? Optional.of(planned.large())
                        : Optional.empty();
                List<Provider> unverified = plan.decidedBy().stream()
                        .filter(p -> !checked.containsKey(p)
                                && waits.map(w -> w != p).orElse(true))
                        .toList();
                if (unverified.isEmpty()) {
                    decision = decision(algorithm, list(offering, checked, algorithm), plan);
                    return new Decided(
                            decision,
                            Optional.of(planned),
                            warnings(algorithm.family(), Map.of(algorithm, decision), false));
                }
                for (Provider p : unverified) {
                    checked.put(p, check(p, algorithm));
                }
            }
        }
        return new Decided(decision, route, warnings(algorithm.family(), Map.of(algorithm, decision), false));
    }

    /**
     * Takes a stored decision ({@link dev.arsenal.engine.calibration.DecisionStore}) for {@code
     * algorithm}, made by an earlier start with the same signature: its providers are made by class
     * name and checked (probe, then self-test) as {@link #decideOne} checks them (the bulk tier's
     * provider at its first call), and no other provider is found, made or checked. Empty when the
     * decision cannot be taken as it stands (a provider missing, of another class, not offering the
     * algorithm, or failing a check; the algorithm forced by configuration): the caller then decides
     * afresh, with the failure among the checks.
     *
     * @param classes the class of each provider named by the stored decision, by id
     */
    Optional<Decided> decideStored(Algorithm algorithm, Decision stored, Map<String, String> classes) {
        if (stored.basis() == Decision.Basis.NONE
                || stored.basis() == Decision.Basis.FORCED
                || forcedProviders().containsKey(algorithm)) {
            return Optional.empty();
        }
        List<Provider> tiers = new ArrayList<>();
        for (Tier t : stored.tiers()) {
            String type = classes.get(t.provider());
            Optional<Provider> p = type == null ? Optional.empty() : providers.make(t.provider(), type);
            if (p.isEmpty() || !p.get().algorithms().contains(algorithm)) {
                return Optional.empty();
            }
            tiers.add(p.get());
        }
        Provider small = tiers.getFirst();
        Provider large = tiers.getLast();
        Map<String, Candidate> fresh = new HashMap<>();
        for (Provider p : tiers) {
            // The bulk tier waits for its first call (SelectingRuntime), unless checked already.
            if (p == small || p == large && (small == large || isChecked(p, algorithm))) {
                Candidate c = check(p, algorithm);
                if (!c.eligible()) {
                    return Optional.empty();
                }
                fresh.put(p.id(), c);
            }
        }
        List<Candidate> list = new ArrayList<>();
        for (Candidate c : stored.candidates()) {
            list.add(fresh.getOrDefault(c.providerId(), c));
        }
        list.sort(CANDIDATE_ORDER);
        Decision decision = new Decision(
                algorithm.id(),
                algorithm.family(),
                Optional.of(large.id()),
                stored.basis(),
                stored.reason() + "; stored by an earlier start with this signature, its providers checked again",
                list,
                stored.tiers());
        Route route = small == large
                ? Route.single(large)
                : new Route(small, large, stored.tiers().get(1).fromBytes());
        return Optional.of(new Decided(
                decision, Optional.of(route), warnings(algorithm.family(), Map.of(algorithm, decision), false)));
    }

    /** The candidates of {@code offering}, the checked ones as they came out, the others not checked. */
    private List<Candidate> list(List<Provider> offering, Map<Provider, Candidate> checked, Algorithm algorithm) {
        List<Candidate> list = new ArrayList<>();
        for (Provider p : offering) {
            Candidate c = checked.get(p);
            list.add(c != null ? c : unchecked(p, algorithm));
        }
        list.sort(CANDIDATE_ORDER);
        return List.copyOf(list);
    }

    /** Best-ranked first, then by id. */
    private static final Comparator<Candidate> CANDIDATE_ORDER =
            Comparator.comparingInt(Candidate::rank).reversed().thenComparing(Candidate::providerId);

    private static boolean serves(Provider p, Family family) {
        return p.family() == family || p.algorithms().stream().anyMatch(a -> a.family() == family);
    }

    private Availability availability(Provider p) {
        Availability known = availability.get(p);
        if (known != null) {
            return known;
        }
        Optional<String> why = disabledBy(p);
        disabled.put(p, why.isPresent());
        Availability a = why.isPresent() ? Availability.unavailable(why.get()) : checks.probe(p, this::probe);
        availability.put(p, a);
        return a;
    }

    /** The providers that passed every check for {@code algorithm}, best-ranked first. */
    List<Provider> eligible(Algorithm algorithm) {
        return candidates(algorithm).stream()
                .filter(Candidate::eligible)
                .map(c -> byId(c.providerId()))
                .toList();
    }

    private Provider byId(String id) {
        for (Provider p : providers.made()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalStateException("no provider " + id);
    }

    /**
     * A runtime that decides each family when it is first used, by measurement where {@code
     * calibration} covers the candidates. The configuration's forced choices are checked now: an
     * unknown algorithm is a {@link ConfigurationException} at once, not at first use.
     */
    SelectingRuntime select(Optional<Calibration> calibration, List<String> calibrationWarnings) {
        return select(calibration, calibrationWarnings, StoredDecisions.NONE);
    }

    /** As {@link #select(Optional, List)}, taking and storing decisions through {@code stored}. */
    SelectingRuntime select(
            Optional<Calibration> calibration, List<String> calibrationWarnings, StoredDecisions stored) {
        forcedProviders();
        return new SelectingRuntime(config, this, calibration, calibrationWarnings, stored);
    }

    /** The decisions for the algorithms of {@code family}, in {@link KnownAlgorithms} order, and their routes. */
    FamilyChoice decide(Family family, Optional<Calibration> calibration) {
        Map<Algorithm, String> forced = forcedProviders();
        evaluate(family);
        Map<Algorithm, Decision> decisions = new LinkedHashMap<>();
        Map<Algorithm, Route> routes = new HashMap<>();
        for (Algorithm algorithm : Families.of(family).algorithms()) {
            List<Candidate> list = candidates(algorithm);
            Decision decision;
            if (forced.containsKey(algorithm)) {
                decision = forcedDecision(algorithm, list, forced.get(algorithm));
                if (decision.basis() == Decision.Basis.FORCED) {
                    routes.put(algorithm, Route.single(byId(decision.provider().orElseThrow())));
                }
            } else {
                Decided planned = plannedDecision(algorithm, list, eligible(algorithm), calibration);
                decision = planned.decision();
                planned.route().ifPresent(r -> routes.put(algorithm, r));
            }
            decisions.put(algorithm, decision);
        }
        List<ProviderReport> unavailable = new ArrayList<>();
        for (Provider p : providers.of(family)) {
            if (serves(p, family) && !availability(p).isAvailable()) {
                unavailable.add(providerReport(p));
            }
        }
        return new FamilyChoice(family, decisions, routes, unavailable, warnings(family, decisions, true));
    }

    /**
     * What the user should hear about even when they asked for nothing: an algorithm whose providers
     * are installed but none can be used (a forced one that cannot, unless the program forced it:
     * {@link Configuration.Source#byProgram()}), a provider failing its self-test, a
     * provider refused because of a setting the user made ({@link Availability#misconfigured}).
     * Ordinary unavailability (a library not installed, native access not enabled) is not here.
     */
    private List<String> warnings(Family family, Map<Algorithm, Decision> decisions, boolean probeAll) {
        Set<String> warnings = new LinkedHashSet<>();
        // Without probeAll, only the providers probed so far: warning must not cost a probe (nor
        // finding the providers, which a stored decision does without).
        for (Provider p : probeAll ? providers.of(family) : List.copyOf(availability.keySet())) {
            if (serves(p, family) && availability(p).isMisconfigured()) {
                warnings.add(p.id() + " cannot be used: " + availability(p).cause());
            }
        }
        for (Decision d : decisions.values()) {
            for (Candidate c : d.candidates()) {
                if (c.status() == Candidate.Status.SELF_TEST_FAILED) {
                    warnings.add(c.providerId() + " failed its self-test of " + d.algorithm()
                            + " and is not used for it: " + c.detail());
                }
            }
            // A program that forced a provider (the API, its command line) gets the failure when it
            // uses the algorithm; a deployment's setting (property, environment, file) deserves the
            // warning.
            String forcedBy = Configuration.PROVIDER_PREFIX + d.algorithm();
            boolean byTheProgram = config.forcedProvider(d.algorithm()).isPresent()
                    && config.sourceOf(forcedBy).byProgram();
            // No candidate at all means nothing for it was installed: the use fails, with the cause.
            if (d.basis() == Decision.Basis.NONE
                    && !byTheProgram
                    && !d.candidates().isEmpty()) {
                warnings.add("no provider for " + d.algorithm() + ": " + d.reason());
            }
        }
        return List.copyOf(warnings);
    }

    /**
     * The decisions and routes of one family, its providers that cannot be used, and what is worth a
     * warning ({@link #warnings}).
     */
    record FamilyChoice(
            Family family,
            Map<Algorithm, Decision> decisions,
            Map<Algorithm, Route> routes,
            List<ProviderReport> unavailable,
            List<String> warnings) {
        FamilyChoice {
            decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
            routes = Map.copyOf(routes);
            unavailable = List.copyOf(unavailable);
            warnings = List.copyOf(warnings);
        }
    }

    /** The whole report, from every family's decisions (which the caller has made). */
    RuntimeReport report(
            Map<Family, FamilyChoice> families, Optional<Calibration> calibration, List<String> calibrationWarnings) {
        List<Decision> decisions = new ArrayList<>();
        for (Algorithm algorithm : KnownAlgorithms.all()) {
            decisions.add(families.get(algorithm.family()).decisions().get(algorithm));
        }
        List<ProviderReport> providerReports = new ArrayList<>();
        for (Provider p : providers.all()) {
            providerReports.add(providerReport(p));
        }
        List<String> warnings = new ArrayList<>(config.warnings());
        warnings.addAll(providers.problems());
        warnings.addAll(calibrationWarnings);
        return new RuntimeReport(
                platform, strategy, providerReports, decisions, config.sources(), warnings, calibration);
    }

    private ProviderReport providerReport(Provider p) {
        Availability a = availability(p);
        return new ProviderReport(
                p.id(),
                p.kind(),
                p.family(),
                p.algorithms().stream().map(Algorithm::id).toList(),
                p.requirements().stream().map(Requirement::toString).toList(),
                a.isAvailable(),
                a.isAvailable() ? safeDescription(p) : a.cause());
    }

    private boolean shortLived() {
        return config.lifetime() == Configuration.Lifetime.SHORT;
    }

    /** The strategy decisions are made for. */
    Strategy strategy() {
        return strategy;
    }

    /** The platform decisions are made for. */
    PlatformInfo platform() {
        return platform;
    }

    /** Every family the engine knows a descriptor of, in {@link Family} order. */
    static Set<Family> families() {
        Set<Family> families = EnumSet.noneOf(Family.class);
        Families.all().forEach(d -> families.add(d.family()));
        return families;
    }

    private Decided plannedDecision(
            Algorithm algorithm, List<Candidate> list, List<Provider> eligible, Optional<Calibration> calibration) {
        if (eligible.isEmpty()) {
            String why = list.isEmpty()
                    ? "no provider implements " + algorithm.id()
                    : "no eligible provider: "
                            + list.stream()
                                    .map(c -> c.providerId() + " " + describe(c))
                                    .collect(Collectors.joining("; "));
            return new Decided(none(algorithm, list, why), Optional.empty(), List.of());
        }
        TierPlanner.Plan plan = new TierPlanner(algorithm, strategy, eligible, calibration, shortLived()).plan();
        return new Decided(decision(algorithm, list, plan), Optional.of(plan.route()), List.of());
    }

    private static Decision decision(Algorithm algorithm, List<Candidate> list, TierPlanner.Plan plan) {
        return new Decision(
                algorithm.id(),
                algorithm.family(),
                Optional.of(plan.route().large().id()),
                plan.basis(),
                plan.reason(),
                list,
                plan.tiers());
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
        Optional<String> refused = refusal(p);
        if (refused.isPresent()) {
            return Availability.unavailable(refused.get());
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

    /**
     * Why {@code p} cannot serve what it lists: an algorithm of a family whose {@linkplain
     * FamilyDescriptor#contracts() contract} it does not implement, or of no known family.
     */
    private static Optional<String> refusal(Provider p) {
        for (Algorithm a : p.algorithms()) {
            Optional<FamilyDescriptor> family = Families.find(a.family());
            if (family.isEmpty()) {
                return Optional.of("lists " + a.id() + ", of the family "
                        + a.family().id() + ", which this engine has no descriptor of");
            }
            for (FamilyDescriptor.Contract c : family.get().contracts()) {
                if (c.covers().test(a) && !c.type().isInstance(p)) {
                    return Optional.of(c.refusal());
                }
            }
        }
        return Optional.empty();
    }

    private Candidate candidate(Provider p, Algorithm algorithm, Availability a, boolean isDisabled) {
        int rank = safeRank(p, algorithm);
        if (isDisabled) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.DISABLED, a.cause(), SelfTest.NOT_RUN, rank);
        }
        if (!a.isAvailable()) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.UNAVAILABLE, a.cause(), SelfTest.NOT_RUN, rank);
        }
        SelfTest test = checks.selfTest(p, algorithm, Selector::selfTest);
        if (!test.passed()) {
            return new Candidate(p.id(), p.kind(), Candidate.Status.SELF_TEST_FAILED, test.detail(), test, rank);
        }
        return new Candidate(p.id(), p.kind(), Candidate.Status.ELIGIBLE, "", test, rank);
    }

    private static SelfTest selfTest(Provider p, Algorithm algorithm) {
        try {
            SelfTest test = Families.of(algorithm).selfTest(p, algorithm);
            return test == null ? new SelfTest(SelfTest.Status.FAILED, "self-test returned null") : test;
        } catch (RuntimeException | LinkageError e) {
            return new SelfTest(SelfTest.Status.FAILED, "self-test threw " + e);
        }
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

    private Decision forcedDecision(Algorithm algorithm, List<Candidate> candidates, String forcedId) {
        String key = Configuration.PROVIDER_PREFIX + algorithm.id();
        String by = "forced by " + key + "=" + forcedId + " (from " + config.sourceOf(key) + ")";
        Optional<Candidate> forced =
                candidates.stream().filter(c -> c.providerId().equals(forcedId)).findFirst();
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
                algorithm.id(),
                algorithm.family(),
                Optional.of(forcedId),
                Decision.Basis.FORCED,
                by,
                candidates,
                List.of(new Tier(0, forcedId)));
    }

    private static String describe(Candidate c) {
        return switch (c.status()) {
            case ELIGIBLE -> "eligible";
            case UNAVAILABLE -> "unavailable: " + c.detail();
            case DISABLED -> c.detail();
            case SELF_TEST_FAILED -> "self-test failed: " + c.detail();
            case NOT_CHECKED -> "not checked";
        };
    }

    private static Decision none(Algorithm algorithm, List<Candidate> candidates, String reason) {
        return new Decision(
                algorithm.id(),
                algorithm.family(),
                Optional.empty(),
                Decision.Basis.NONE,
                reason,
                candidates,
                List.of());
    }
}
