package dev.arsenal.spi.crypto;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What crypto providers share: their id, kind, algorithms and one rank for every algorithm and
 * strategy, given once. A provider implements {@link AeadProvider} and {@link DigestProvider} for
 * the kinds it serves, and adds its probe, their factories and its description.
 */
public abstract class AbstractCryptoProvider implements CryptoProvider {
    private final String id;
    private final ProviderKind kind;
    private final int rank;
    private final Set<Algorithm> algorithms;

    /**
     * @param id the provider id
     * @param kind its kind
     * @param rank its rank for every algorithm under every strategy
     * @param algorithms what it serves, in the order to list them
     */
    protected AbstractCryptoProvider(
            String id, ProviderKind kind, int rank, Collection<? extends Algorithm> algorithms) {
        this.id = id;
        this.kind = kind;
        this.rank = rank;
        this.algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
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
    public final Set<Algorithm> algorithms() {
        return algorithms;
    }

    /** The rank given at construction, whatever the algorithm and strategy. */
    @Override
    public int rank(Algorithm algorithm, Strategy strategy) {
        return rank;
    }
}
