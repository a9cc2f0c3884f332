package dev.arsenal.spi.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.RandomView;
import dev.arsenal.random.SeededRandom;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import java.util.Objects;

/**
 * The random family's view. A generator holds state, so it stays with the provider that made it
 * ({@link Selections#madeBy}), as a digest stream does.
 */
final class SelectedRandom implements RandomView {
    private final Selections selections;

    SelectedRandom(Selections selections) {
        this.selections = selections;
    }

    @Override
    public SeededRandom generator(RandomAlgorithm algorithm, long seed) {
        Objects.requireNonNull(algorithm, "algorithm");
        Provider p = selections.chosen(algorithm);
        return selections.madeBy(p, ((RandomProvider) p).generator(algorithm, seed));
    }

    @Override
    public SeededRandom fromState(RandomAlgorithm algorithm, long... state) {
        Objects.requireNonNull(algorithm, "algorithm");
        Provider p = selections.chosen(algorithm);
        return selections.madeBy(p, ((RandomProvider) p).fromState(algorithm, state));
    }
}
