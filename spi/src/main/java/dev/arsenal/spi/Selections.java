package dev.arsenal.spi;

import dev.arsenal.Algorithm;
import java.util.List;
import java.util.function.Function;

/**
 * What a runtime decided, as a {@linkplain FamilyDescriptor#view() family's view} sees it: the
 * view asks for objects of the chosen providers and never learns how the choice was made, whether
 * it is fixed or follows providers as they come and go (in an OSGi framework).
 */
public interface Selections {
    /**
     * The object {@code make} gets from the provider chosen for {@code algorithm}: the provider's
     * own object for a single provider, a generated tiered object over the small and the bulk
     * provider's objects when the algorithm is split by size, or (in a runtime that follows
     * providers) a live object re-pointed at every new choice. {@code type} must be one of the
     * interfaces the engine generates dispatch classes for when the route is tiered or live.
     *
     * @throws dev.arsenal.ProviderUnavailableException if no provider serves the algorithm (a
     *     runtime that follows providers hands out an object that throws it on each call instead)
     */
    <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make);

    /** The providers that passed every check for {@code algorithm}, best-ranked first. */
    List<Provider> eligible(Algorithm algorithm);
}
