package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.engine.calibration.CalibrationStore;
import dev.arsenal.engine.calibration.Calibrator;
import dev.arsenal.engine.calibration.MachineSignature;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Candidate;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A runtime that decides each algorithm on its first use and keeps the decision: the first XXH3
 * hasher probes and self-tests only the providers that decision rests on (its tiers), the first
 * zstd compressor those of zstd ({@link Selector#decideOne}), and {@link #report()} decides every
 * family with every candidate checked. Primitives come from the families' views ({@link
 * FamilyDescriptor#view}, over this runtime's {@link Selections}); once decided, obtaining one is a
 * map lookup and a factory call on the chosen provider; for a single-provider route the primitive returned is the
 * provider's own object, so calling it costs nothing extra, and for a tiered route a generated
 * {@link Tiered} record ({@code TieredHasher64}...) adds one length comparison.
 *
 * <p>Deciding takes the runtime's lock (the {@link Selector} is not thread-safe); reading a decided
 * family does not: {@code families} is replaced, never changed, and read through a volatile field.
 */
final class SelectingRuntime implements ArsenalRuntime {
    private final Configuration configuration;
    private final Selector selector;
    private final Optional<Calibration> calibration;
    private final List<String> calibrationWarnings;
    private final boolean logDecisions;
    private final StoredDecisions stored;
    private final Object lock = new Object();

    /** The families decided so far, every candidate checked; a new map on every decision (copy on write). */
    private volatile Map<Family, Selector.FamilyChoice> families = Map.of();

    /** The algorithms decided alone so far, for their first use; copy on write as {@code families}. */
    private volatile Map<Algorithm, Selector.Decided> algorithms = Map.of();

    private volatile RuntimeReport report;

    SelectingRuntime(
            Configuration configuration,
            Selector selector,
            Optional<Calibration> calibration,
            List<String> calibrationWarnings) {
        this(configuration, selector, calibration, calibrationWarnings, StoredDecisions.NONE, false);
    }

    /** A runtime that takes and stores decisions through {@code stored}. */
    SelectingRuntime(
            Configuration configuration,
            Selector selector,
            Optional<Calibration> calibration,
            List<String> calibrationWarnings,
            StoredDecisions stored) {
        this(configuration, selector, calibration, calibrationWarnings, stored, false);
    }

    private SelectingRuntime(
            Configuration configuration,
            Selector selector,
            Optional<Calibration> calibration,
            List<String> calibrationWarnings,
            StoredDecisions stored,
            boolean logDecisions) {
        this.configuration = configuration;
        this.selector = selector;
        this.calibration = calibration;
        this.calibrationWarnings = List.copyOf(calibrationWarnings);
        this.stored = stored;
        this.logDecisions = logDecisions;
    }

    /** The warnings of the families and algorithms decided so far ({@link Selector.FamilyChoice#warnings}). */
    List<String> warnings() {
        Set<String> warnings = new LinkedHashSet<>();
        families.values().forEach(f -> warnings.addAll(f.warnings()));
        algorithms.values().forEach(a -> warnings.addAll(a.warnings()));
        return List.copyOf(warnings);
    }

    /** This runtime, logging each family's choices (DEBUG) and warnings when it decides it. */
    SelectingRuntime logging() {
        return new SelectingRuntime(configuration, selector, calibration, calibrationWarnings, stored, true);
    }

    /** The decisions of {@code family}, made now if this is its first use. */
    Selector.FamilyChoice family(Family family) {
        Selector.FamilyChoice choice = families.get(family);
        if (choice != null) {
            return choice;
        }
        synchronized (lock) {
            choice = families.get(family);
            if (choice == null) {
                choice = selector.decide(family, calibration);
                Map<Family, Selector.FamilyChoice> next = new EnumMap<>(Family.class);
                next.putAll(families);
                next.put(family, choice);
                families = Map.copyOf(next);
                if (logDecisions) {
                    SelectionLog.logFamily(selector.strategy(), choice);
                }
            }
            return choice;
        }
    }

    /** The decision of {@code algorithm}: its family's if decided whole, else the one made alone, now if need be. */
    Decision decision(Algorithm algorithm) {
        Selector.FamilyChoice full = families.get(algorithm.family());
        return full != null
                ? full.decisions().get(algorithm)
                : decided(algorithm).decision();
    }

    /** {@code algorithm} decided alone, now if this is its first use. */
    private Selector.Decided decided(Algorithm algorithm) {
        Selector.Decided d = algorithms.get(algorithm);
        if (d != null) {
            return d;
        }
        synchronized (lock) {
            d = algorithms.get(algorithm);
            if (d == null) {
                Optional<Selector.Decided> taken = stored.take(selector, algorithm);
                if (taken.isPresent()) {
                    d = taken.get();
                } else {
                    d = selector.decideOne(algorithm, calibration);
                    stored.record(d, selector.platform());
                }
                Map<Algorithm, Selector.Decided> next = new HashMap<>(algorithms);
                next.put(algorithm, d);
                algorithms = Map.copyOf(next);
                if (logDecisions) {
                    SelectionLog.logAlgorithm(selector.strategy(), d.decision(), d.warnings());
                }
            }
            return d;
        }
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    /**
     * The object {@code make} gets from the route's provider, or, for a tiered route, the generated
     * {@link Tiered} record of the small and the large provider's objects.
     */
    <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
        Route r = route(algorithm);
        if (!r.tiered()) {
            return make.apply(r.large());
        }
        // Size classes end at 1 MiB, so a crossover always fits an int; int compares are cheapest.
        int crossover = (int) Math.min(Integer.MAX_VALUE, r.crossover());
        T small = make.apply(r.small());
        boolean generated = Dispatch.types().contains(type);
        Provider bulk = r.large();
        Candidate checked;
        synchronized (lock) {
            checked = selector.isChecked(bulk, algorithm) ? selector.check(bulk, algorithm) : null;
        }
        T large;
        if (checked != null) {
            // Checked already (a report, a first call, or the decision itself): its verdict stands.
            large = checked.eligible() ? make.apply(bulk) : small;
        } else if (generated) {
            large = Dispatch.pending(type, () -> resolve(algorithm, bulk, make, small));
        } else {
            large = resolve(algorithm, bulk, make, small); // a proxy cannot wait: checked now
        }
        return generated
                ? Dispatch.tiered(type, small, large, crossover)
                : ReflectiveDispatch.tiered(type, small, large, crossover);
    }

    /**
     * The bulk tier's object at its first call: {@code p} is probed and self-tested now; if it passes,
     * its object; else {@code small} (checked, the same function), with the failure logged as a
     * decision's would be, and the algorithm decided again for what is asked for next.
     */
    private <T> T resolve(Algorithm algorithm, Provider p, Function<Provider, T> make, T small) {
        Candidate c;
        synchronized (lock) {
            c = selector.check(p, algorithm);
        }
        if (c.eligible()) {
            try {
                return make.apply(p);
            } catch (RuntimeException | LinkageError e) {
                c = new Candidate(
                        c.providerId(), c.kind(), Candidate.Status.UNAVAILABLE, "threw " + e, c.selfTest(), c.rank());
            }
        }
        synchronized (lock) {
            Map<Algorithm, Selector.Decided> next = new HashMap<>(algorithms);
            next.remove(algorithm);
            algorithms = Map.copyOf(next);
        }
        if (logDecisions && c.status() == Candidate.Status.SELF_TEST_FAILED) {
            SelectionLog.warn(List.of(
                    p.id() + " failed its self-test of " + algorithm.id() + " and is not used for it: " + c.detail()));
        }
        return small;
    }

    private boolean isForced(Algorithm algorithm) {
        Decision d = decision(algorithm);
        return d != null && d.basis() == Decision.Basis.FORCED;
    }

    private Route route(Algorithm algorithm) {
        Selector.FamilyChoice full = families.get(algorithm.family());
        Route route;
        Decision d;
        if (full != null) {
            route = full.routes().get(algorithm);
            d = full.decisions().get(algorithm);
        } else {
            Selector.Decided one = decided(algorithm);
            route = one.route().orElse(null);
            d = one.decision();
        }
        if (route == null) {
            String reason = d == null ? "no decision was made" : d.reason();
            throw new ProviderUnavailableException("no provider for " + algorithm.id() + ": " + reason);
        }
        return route;
    }

    /** Decides every family not decided yet, once, and reports them all. */
    @Override
    public RuntimeReport report() {
        RuntimeReport r = report;
        if (r == null) {
            for (Family f : Selector.families()) {
                family(f);
            }
            synchronized (lock) {
                if (report == null) {
                    report = selector.report(families, calibration, calibrationWarnings);
                }
                r = report;
            }
        }
        return r;
    }

    /**
     * Measures the eligible providers of {@code family}'s algorithms with the loops its descriptor
     * gives ({@link FamilyDescriptor#workload}); a family whose descriptor measures nothing gets an
     * empty list.
     *
     * @throws ArsenalException if the engine knows no such family
     */
    @Override
    public List<Measurement> measure(Family family, Duration budget, Consumer<String> progress) {
        FamilyDescriptor descriptor = Families.find(family)
                .orElseThrow(() -> new ArsenalException("measuring " + family.id()
                        + " is not possible: this engine has no such family (it knows "
                        + Selector.families().stream().map(Family::id).collect(Collectors.joining(", ")) + ")"));
        Map<Algorithm, List<Provider>> eligible = new LinkedHashMap<>();
        for (Algorithm a : descriptor.algorithms()) {
            eligible.put(a, selector.eligible(a));
        }
        return new Calibrator(budget, progress).measure(eligible, descriptor::workload);
    }

    /**
     * Measures {@code family} and stores the table, keeping the stored measurements of the other
     * families when the file holds a valid table for this machine (so that calibrating compression
     * does not drop hashing's).
     */
    @Override
    public Calibration calibrate(Family family, Duration budget, Consumer<String> progress) {
        List<Measurement> measurements = new ArrayList<>();
        String signature = MachineSignature.of(selector.platform());
        if (CalibrationStore.load(configuration.calibrationFile(), signature)
                instanceof CalibrationStore.Loaded.Valid(Calibration stored)) {
            for (Measurement m : stored.measurements()) {
                if (familyOf(m.algorithm()) != family) {
                    measurements.add(m);
                }
            }
        }
        measurements.addAll(measure(family, budget, progress));
        Calibration calibration =
                new Calibration(signature, Instant.now(), measurements, Optional.of(configuration.calibrationFile()));
        try {
            CalibrationStore.save(calibration, configuration.calibrationFile());
        } catch (IOException e) {
            throw new ArsenalException(
                    "cannot write the calibration file " + configuration.calibrationFile() + ": " + e, e);
        }
        return calibration;
    }

    private static Family familyOf(String algorithmId) {
        try {
            return KnownAlgorithms.byId(algorithmId).family();
        } catch (UnknownAlgorithmException e) {
            return null;
        }
    }

    /**
     * The view of the family whose descriptor offers {@code type} ({@link FamilyDescriptor#view}),
     * over this runtime's selections.
     */
    @Override
    public <V> V view(Class<V> type) {
        return views.of(type);
    }

    /** What a family's view sees of this runtime: its routes and eligible providers, fixed. */
    private final Selections selections = new Selections() {
        @Override
        public <T> T handOut(
                Class<T> type,
                Algorithm algorithm,
                String noun,
                Supplier<Map<String, Object>> identity,
                Function<Selections, T> make) {
            return make.apply(this);
        }

        @Override
        public <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
            return SelectingRuntime.this.routed(type, algorithm, make);
        }

        @Override
        public Provider chosen(Algorithm algorithm) {
            return route(algorithm).large();
        }

        @Override
        public List<Provider> eligible(Algorithm algorithm) {
            return selector.eligible(algorithm);
        }

        @Override
        public boolean isForced(Algorithm algorithm) {
            return SelectingRuntime.this.isForced(algorithm);
        }

        @Override
        public Selections snapshot() {
            return this;
        }
    };

    private final Views views = new Views(selections);

    /** This runtime's selections, for a {@link LiveRuntime} that hands out live views of them. */
    Selections selections() {
        return selections;
    }

    @Override
    public String toString() {
        return "ArsenalRuntime[" + selector.strategy() + ", " + families.keySet() + " decided]";
    }
}
