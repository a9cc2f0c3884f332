package dev.arsenal.providers.java.random;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.random.Generators;
import dev.arsenal.spi.random.RandomProvider;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java generators ({@value #ID}): every {@link RandomAlgorithm} as the SPI's {@link
 * Generators} define it, one output at a time. Always available; rank 100.
 */
@ServiceProvider(value = Provider.class, resolution = Resolution.OPTIONAL)
@Component(service = Provider.class, property = "service.ranking:Integer=100")
public final class JavaRandomProvider implements RandomProvider {
    /** The provider's id: {@value}. */
    public static final String ID = "java-random";

    private static final Set<Algorithm> ALGORITHMS = Set.copyOf(List.of(RandomAlgorithm.values()));

    /** Makes the provider. */
    public JavaRandomProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.JAVA;
    }

    @Override
    public Set<Algorithm> algorithms() {
        return ALGORITHMS;
    }

    @Override
    public Availability probe(PlatformInfo platform) {
        return Availability.available();
    }

    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return 100;
    }

    @Override
    public SeededRandom generator(RandomAlgorithm algorithm, long seed) {
        return Generators.fromSeed(algorithm, seed);
    }

    @Override
    public SeededRandom fromState(RandomAlgorithm algorithm, long... state) {
        return Generators.fromState(algorithm, state);
    }

    @Override
    public String description() {
        return "Arsenal's Java SplitMix64, PCG32, PCG64, xoshiro256++ and xoshiro256** (reference sequences)";
    }
}
