package dev.arsenal.spi;

import dev.arsenal.Algorithm;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a runtime decided, as a {@linkplain FamilyDescriptor#view() family's view} sees it: the
 * view asks for objects of the chosen providers and never learns how the choice was made, nor
 * whether it is fixed or follows providers as they come and go (in an OSGi framework).
 */
public interface Selections {
    /**
     * What to hand a user: {@code make} applied to this selection in a fixed runtime; in a runtime
     * that follows providers, a live object that applies {@code make} again to every new selection
     * and, while {@code make} fails, throws a {@link dev.arsenal.ProviderUnavailableException} on
     * each call and answers its getters from {@code identity}.
     *
     * <p>A fixed runtime uses only {@code make}: the other arguments are constants or computed
     * only by a runtime that needs them, so that asking for an object on every call (which
     * applications should not do, but do) allocates next to nothing beyond the object.
     *
     * @param type the interface handed out (one with generated dispatch classes is fastest)
     * @param algorithm the algorithm it serves
     * @param noun what the object is, for messages: {@code "hasher"} (they say "xxh64 hasher")
     * @param identity the values of its no-argument getters, by method name ({@code "seed"})
     * @param make builds the object from a fixed selection
     */
    <T> T handOut(
            Class<T> type,
            Algorithm algorithm,
            String noun,
            Supplier<Map<String, Object>> identity,
            Function<Selections, T> make);

    /**
     * The object {@code make} gets from the provider chosen for {@code algorithm}: the provider's
     * own object for a single provider, a tiered object over the small and the bulk provider's
     * objects when the algorithm is split by size.
     *
     * @throws dev.arsenal.ProviderUnavailableException if no provider serves the algorithm
     */
    <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make);

    /**
     * The provider chosen for {@code algorithm} (the bulk one when it is split by size).
     *
     * @throws dev.arsenal.ProviderUnavailableException if no provider serves the algorithm
     */
    Provider chosen(Algorithm algorithm);

    /** The providers that passed every check for {@code algorithm}, best-ranked first. */
    List<Provider> eligible(Algorithm algorithm);

    /** Whether the configuration forced the provider of {@code algorithm}. */
    boolean isForced(Algorithm algorithm);

    /** This selection as it is now, fixed: itself in a fixed runtime. */
    Selections snapshot();

    /**
     * Tells the runtime that {@code provider} made {@code object}, and returns {@code object}. A view
     * calls it for each object it gets from a provider itself rather than through {@link #routed}:
     * a runtime whose providers can leave binds the streams such an object begins to the provider
     * that made it, so that they fail with an error naming the provider once it has gone. Here,
     * {@code object} is returned as it is.
     */
    default <T> T madeBy(Provider provider, T object) {
        return object;
    }
}
