package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.UnknownAlgorithmException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.engine.calibration.CalibrationStore;
import dev.arsenal.engine.calibration.Calibrator;
import dev.arsenal.engine.calibration.MachineSignature;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import dev.arsenal.spi.compression.ByteShuffle;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.compression.ShuffleFrames;
import dev.arsenal.spi.compression.ShuffleProvider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A runtime that decides each family on its first use and keeps the decision: the first hasher
 * probes and self-tests the hashing providers only, the first compressor the compression ones, and
 * {@link #report()} decides every family. After that, obtaining a primitive is a map lookup and a
 * factory call on the chosen provider; for a single-provider route the primitive returned is the
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
    private final Object lock = new Object();

    /** The families decided so far; a new map on every decision (copy on write). */
    private volatile Map<Family, Selector.FamilyChoice> families = Map.of();

    private volatile RuntimeReport report;

    SelectingRuntime(
            Configuration configuration,
            Selector selector,
            Optional<Calibration> calibration,
            List<String> calibrationWarnings) {
        this(configuration, selector, calibration, calibrationWarnings, false);
    }

    private SelectingRuntime(
            Configuration configuration,
            Selector selector,
            Optional<Calibration> calibration,
            List<String> calibrationWarnings,
            boolean logDecisions) {
        this.configuration = configuration;
        this.selector = selector;
        this.calibration = calibration;
        this.calibrationWarnings = List.copyOf(calibrationWarnings);
        this.logDecisions = logDecisions;
    }

    /** The warnings of the families decided so far ({@link Selector.FamilyChoice#warnings}). */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        families.values().forEach(f -> warnings.addAll(f.warnings()));
        return warnings;
    }

    /** This runtime, logging each family's choices (DEBUG) and warnings when it decides it. */
    SelectingRuntime logging() {
        return new SelectingRuntime(configuration, selector, calibration, calibrationWarnings, true);
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

    private Decision decision(Algorithm algorithm) {
        return family(algorithm.family()).decisions().get(algorithm);
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        return routed(Hasher32.class, algorithm, p -> ((HashingProvider) p).hasher32(algorithm, seed));
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        algorithm.checkSeed(seed);
        return routed(Hasher64.class, algorithm, p -> ((HashingProvider) p).hasher64(algorithm, seed));
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        algorithm.checkSeed(seed);
        return routed(Hasher128.class, algorithm, p -> ((HashingProvider) p).hasher128(algorithm, seed));
    }

    /**
     * The object {@code make} gets from the route's provider, or, for a tiered route, the generated
     * {@link Tiered} record of the small and the large provider's objects.
     */
    <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
        Route r = route(algorithm);
        T large = make.apply(r.large());
        if (!r.tiered()) {
            return large;
        }
        // Size classes end at 1 MiB, so a crossover always fits an int; int compares are cheapest.
        int crossover = (int) Math.min(Integer.MAX_VALUE, r.crossover());
        T small = make.apply(r.small());
        return Dispatch.types().contains(type)
                ? Dispatch.tiered(type, small, large, crossover)
                : ReflectiveDispatch.tiered(type, small, large, crossover);
    }

    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        checkCompressor(codec, level, options);
        if (codec.isShuffle()) {
            Compressor inner =
                    compressor(codec.inner(), level, options.withElementSize(CompressionOptions.DEFAULT_ELEMENT_SIZE));
            return ShuffleFrames.compressor(codec, shuffle(codec), inner, options.elementSize());
        }
        List<CompressionProvider> order = candidates(codec);
        for (CompressionProvider p : order) {
            if (p.supports(codec, level, options)) {
                return p.compressor(codec, level, options);
            }
        }
        throw new ProviderUnavailableException("no " + forced(codec) + "provider compresses " + codec.id()
                + " at level " + level + (options.isPlain() ? "" : " with " + options) + ": "
                + order.stream()
                        .map(p -> p.id() + " supports levels " + p.supportedLevels(codec)
                                + (options.isPlain() ? "" : " with " + p.supportedOptions(codec)))
                        .collect(Collectors.joining("; ")));
    }

    /**
     * Refuses what no provider could change: a level outside the codec's range, an element size for
     * a codec without a shuffle stage.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static void checkCompressor(Codec codec, int level, CompressionOptions options) {
        codec.checkLevel(level);
        if (!codec.isShuffle() && options.elementSize() != CompressionOptions.DEFAULT_ELEMENT_SIZE) {
            throw new IllegalArgumentException("an element size applies to the shuffle codecs only, not to "
                    + codec.id() + " (use " + codec.id() + "+shuffle)");
        }
    }

    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        if (codec.isShuffle()) {
            return ShuffleFrames.decompressor(codec, shuffle(codec), decompressor(codec.inner(), options));
        }
        List<CompressionProvider> order = candidates(codec);
        for (CompressionProvider p : order) {
            if (p.supportsDecompression(codec, options)) {
                return p.decompressor(codec, options);
            }
        }
        throw new ProviderUnavailableException("no " + forced(codec) + "provider decodes " + codec.id()
                + " with a dictionary: "
                + order.stream()
                        .map(p -> p.id() + " supports " + p.supportedOptions(codec))
                        .collect(Collectors.joining("; ")));
    }

    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        List<CompressionProvider> order = candidates(codec);
        for (CompressionProvider p : order) {
            if (p.trainsDictionaries(codec)) {
                return p.trainDictionary(codec, samples, maxSize);
            }
        }
        throw new ProviderUnavailableException("no " + forced(codec) + "provider trains " + codec.id()
                + " dictionaries (asked: "
                + order.stream().map(Provider::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The selected shuffle stage of a shuffle codec. */
    private ByteShuffle shuffle(Codec codec) {
        return ((ShuffleProvider) route(codec).large()).shuffle();
    }

    /**
     * The providers to ask for {@code codec}, best first: the selected one, then (unless it was
     * forced) the other eligible ones, so that a level or option the first lacks reaches another.
     */
    private List<CompressionProvider> candidates(Codec codec) {
        Route r = route(codec);
        List<CompressionProvider> order = new ArrayList<>();
        order.add((CompressionProvider) r.large());
        if (!isForced(codec)) {
            for (Provider p : selector.eligible(codec)) {
                if (!order.contains(p)) {
                    order.add((CompressionProvider) p);
                }
            }
        }
        return order;
    }

    private boolean isForced(Codec codec) {
        Decision d = decision(codec);
        return d != null && d.basis() == Decision.Basis.FORCED;
    }

    private String forced(Codec codec) {
        return isForced(codec) ? "forced " : "";
    }

    private Route route(Algorithm algorithm) {
        Selector.FamilyChoice choice = family(algorithm.family());
        Route route = choice.routes().get(algorithm);
        if (route == null) {
            Decision d = choice.decisions().get(algorithm);
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
        return view(type, selections);
    }

    /** The view {@code type} over {@code selections}, from the descriptor that offers it. */
    static <V> V view(Class<V> type, Selections selections) {
        for (FamilyDescriptor d : Families.all()) {
            Optional<FamilyDescriptor.View<?>> view = d.view();
            if (view.isPresent() && view.get().type() == type) {
                return type.cast(view.get().make().apply(selections));
            }
        }
        throw new IllegalArgumentException("no family offers the view " + type.getName());
    }

    /** What a family's view sees of this runtime: its routes and eligible providers. */
    private final Selections selections = new Selections() {
        @Override
        public <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
            return SelectingRuntime.this.routed(type, algorithm, make);
        }

        @Override
        public List<Provider> eligible(Algorithm algorithm) {
            return selector.eligible(algorithm);
        }
    };

    /** This runtime's selections, for a {@link LiveRuntime} that hands out live views of them. */
    Selections selections() {
        return selections;
    }

    @Override
    public String toString() {
        return "ArsenalRuntime[" + selector.strategy() + ", " + families.keySet() + " decided]";
    }
}
