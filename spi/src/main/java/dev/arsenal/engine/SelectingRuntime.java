package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.report.Decision;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.util.Map;

/**
 * A runtime whose decisions were all made at construction. Obtaining a primitive is a map lookup
 * and a factory call on the chosen provider; the primitive returned is the provider's own object,
 * so calling it costs nothing extra.
 */
final class SelectingRuntime implements ArsenalRuntime {
    private final Configuration configuration;
    private final RuntimeReport report;
    private final Map<Algorithm, Provider> chosen;

    SelectingRuntime(Configuration configuration, RuntimeReport report, Map<Algorithm, Provider> chosen) {
        this.configuration = configuration;
        this.report = report;
        this.chosen = Map.copyOf(chosen);
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        return hashing(algorithm).hasher32(algorithm, seed);
    }

    @Override
    public Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        algorithm.checkSeed(seed);
        return hashing(algorithm).hasher64(algorithm, seed);
    }

    @Override
    public Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        algorithm.checkSeed(seed);
        return hashing(algorithm).hasher128(algorithm, seed);
    }

    private HashingProvider hashing(HashAlgorithm algorithm) {
        Provider provider = chosen.get(algorithm);
        if (provider == null) {
            String reason =
                    report.decision(algorithm.id()).map(Decision::reason).orElse("no decision was made");
            throw new ProviderUnavailableException("no provider for " + algorithm.id() + ": " + reason);
        }
        return (HashingProvider) provider;
    }

    @Override
    public RuntimeReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "ArsenalRuntime[" + report.strategy() + ", " + chosen.size() + " algorithms]";
    }
}
