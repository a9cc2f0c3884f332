package dev.arsenal.spi.random;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.RandomView;
import dev.arsenal.spi.FamilyDescriptor;
import dev.arsenal.spi.Provider;
import java.util.List;
import java.util.Optional;

/** The random family: {@link RandomAlgorithm}s served by {@link RandomProvider}s. */
public final class RandomFamily implements FamilyDescriptor {
    /** The one instance. */
    public static final RandomFamily INSTANCE = new RandomFamily();

    private static final List<Contract> CONTRACTS =
            List.of(new Contract("random algorithms", RandomProvider.class, a -> a instanceof RandomAlgorithm));

    private RandomFamily() {}

    @Override
    public Family family() {
        return Family.RANDOM;
    }

    @Override
    public List<? extends Algorithm> algorithms() {
        return List.of(RandomAlgorithm.values());
    }

    /** {@code xoshiro256pp} and {@code xoshiro256ss} too ({@link RandomAlgorithm#byId}). */
    @Override
    public Optional<Algorithm> byId(String id) {
        try {
            return Optional.of(RandomAlgorithm.byId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Contract> contracts() {
        return CONTRACTS;
    }

    /** Not yet: one provider per algorithm (bulk generation, where sizes matter, is the next step). */
    @Override
    public boolean splitsBySize() {
        return false;
    }

    /**
     * Filling {@code byte[]}s of each size with a generator's raw outputs ({@link RandomLoop}),
     * seeded with a fixed seed: what {@code arsenal bench random} prints.
     */
    @Override
    public Optional<Workload> workload(Provider provider, Algorithm algorithm) {
        if (!(provider instanceof RandomProvider p) || !(algorithm instanceof RandomAlgorithm a)) {
            return Optional.empty();
        }
        return Optional.of(new Workload(RandomLoop.class, p.generator(a, 0xC0FFEE), new byte[(1 << 20) + 16]));
    }

    /** The {@link RandomView} a runtime gives ({@code runtime.view(RandomView.class)}). */
    @Override
    public Optional<View<?>> view() {
        return Optional.of(new View<>(RandomView.class, SelectedRandom::new));
    }
}
