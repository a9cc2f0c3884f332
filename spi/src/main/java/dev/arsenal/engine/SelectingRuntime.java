package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalException;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
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
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A runtime whose decisions were all made at construction. Obtaining a primitive is a map lookup
 * and a factory call on the chosen provider; for a single-provider route the primitive returned is
 * the provider's own object, so calling it costs nothing extra, and for a tiered route a {@code
 * TieredHasher} adds one length comparison.
 */
final class SelectingRuntime implements ArsenalRuntime {
    private final Configuration configuration;
    private final RuntimeReport report;
    private final Map<Algorithm, Route> routes;
    private final Selector selector;

    SelectingRuntime(
            Configuration configuration, RuntimeReport report, Map<Algorithm, Route> routes, Selector selector) {
        this.configuration = configuration;
        this.report = report;
        this.routes = Map.copyOf(routes);
        this.selector = selector;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        Route r = route(algorithm);
        Hasher32 large = ((HashingProvider) r.large()).hasher32(algorithm, seed);
        return r.tiered()
                ? new TieredHasher32(((HashingProvider) r.small()).hasher32(algorithm, seed), large, r.crossover())
                : large;
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        algorithm.checkSeed(seed);
        Route r = route(algorithm);
        Hasher64 large = ((HashingProvider) r.large()).hasher64(algorithm, seed);
        return r.tiered()
                ? new TieredHasher64(((HashingProvider) r.small()).hasher64(algorithm, seed), large, r.crossover())
                : large;
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        algorithm.checkSeed(seed);
        Route r = route(algorithm);
        Hasher128 large = ((HashingProvider) r.large()).hasher128(algorithm, seed);
        return r.tiered()
                ? new TieredHasher128(((HashingProvider) r.small()).hasher128(algorithm, seed), large, r.crossover())
                : large;
    }

    @Override
    public Compressor compressor(Codec codec, int level) {
        codec.checkLevel(level);
        Route r = route(codec);
        Decision decision = report.decision(codec.id()).orElseThrow();
        List<CompressionProvider> order = new ArrayList<>();
        order.add((CompressionProvider) r.large());
        if (decision.basis() != Decision.Basis.FORCED) {
            for (Provider p : selector.eligible(codec)) {
                if (!order.contains(p)) {
                    order.add((CompressionProvider) p);
                }
            }
        }
        for (CompressionProvider p : order) {
            if (p.supports(codec, level)) {
                return p.compressor(codec, level);
            }
        }
        throw new ProviderUnavailableException("no " + (decision.basis() == Decision.Basis.FORCED ? "forced " : "")
                + "provider compresses " + codec.id() + " at level " + level + ": "
                + order.stream()
                        .map(p -> p.id() + " supports levels " + p.supportedLevels(codec))
                        .collect(Collectors.joining("; ")));
    }

    @Override
    public Decompressor decompressor(Codec codec) {
        return ((CompressionProvider) route(codec).large()).decompressor(codec);
    }

    private Route route(Algorithm algorithm) {
        Route route = routes.get(algorithm);
        if (route == null) {
            String reason =
                    report.decision(algorithm.id()).map(Decision::reason).orElse("no decision was made");
            throw new ProviderUnavailableException("no provider for " + algorithm.id() + ": " + reason);
        }
        return route;
    }

    @Override
    public RuntimeReport report() {
        return report;
    }

    @Override
    public List<Measurement> measure(Family family, Duration budget, Consumer<String> progress) {
        if (family != Family.HASHING) {
            throw new ArsenalException(
                    "measuring " + family.id() + " is not implemented yet; only hashing is measured");
        }
        Map<Algorithm, List<Provider>> eligible = new LinkedHashMap<>();
        for (Algorithm a : KnownAlgorithms.all()) {
            if (a.family() == family) {
                eligible.put(a, selector.eligible(a));
            }
        }
        return new Calibrator(budget, progress).measure(eligible);
    }

    @Override
    public Calibration calibrate(Family family, Duration budget, Consumer<String> progress) {
        List<Measurement> measurements = measure(family, budget, progress);
        Calibration calibration = new Calibration(
                MachineSignature.of(report.platform()),
                Instant.now(),
                measurements,
                Optional.of(configuration.calibrationFile()));
        try {
            CalibrationStore.save(calibration, configuration.calibrationFile());
        } catch (IOException e) {
            throw new ArsenalException(
                    "cannot write the calibration file " + configuration.calibrationFile() + ": " + e, e);
        }
        return calibration;
    }

    @Override
    public String toString() {
        return "ArsenalRuntime[" + report.strategy() + ", " + routes.size() + " algorithms]";
    }
}
