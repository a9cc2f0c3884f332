package dev.arsenal.spi.random;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.RandomView;
import dev.arsenal.spi.FamilyDescriptor;
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

    /** The {@link RandomView} a runtime gives ({@code runtime.view(RandomView.class)}). */
    @Override
    public Optional<View<?>> view() {
        return Optional.of(new View<>(RandomView.class, SelectedRandom::new));
    }
}
