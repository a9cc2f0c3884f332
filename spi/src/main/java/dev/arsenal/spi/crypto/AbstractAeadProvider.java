package dev.arsenal.spi.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.crypto.AeadAlgorithm;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What AEAD providers share: their id, kind, algorithms and one rank for every algorithm and
 * strategy, given once. A provider adds its probe, its {@link #aead} and its description.
 */
public abstract class AbstractAeadProvider implements AeadProvider {
    private final String id;
    private final ProviderKind kind;
    private final int rank;
    private final Set<AeadAlgorithm> algorithms;

    /**
     * @param id the provider id
     * @param kind its kind
     * @param rank its rank for every algorithm under every strategy
     * @param algorithms what it serves
     */
    protected AbstractAeadProvider(String id, ProviderKind kind, int rank, Set<AeadAlgorithm> algorithms) {
        this.id = id;
        this.kind = kind;
        this.rank = rank;
        this.algorithms = Collections.unmodifiableSet(EnumSet.copyOf(algorithms));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ProviderKind kind() {
        return kind;
    }

    @Override
    public final Set<AeadAlgorithm> algorithms() {
        return algorithms;
    }

    /** The rank given at construction, whatever the algorithm and strategy. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank;
    }
}
