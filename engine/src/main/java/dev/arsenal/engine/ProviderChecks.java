package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.report.SelfTest;
import dev.arsenal.spi.Availability;
import dev.arsenal.spi.Provider;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Probe and self-test outcomes per provider instance. A selector made once keeps its own; a
 * {@link LiveRuntime} keeps one across selections, so that when an OSGi bundle brings or takes away
 * a provider, deciding again tests only the newcomer, and {@link #forget} drops a departed
 * provider so that nothing here keeps its class loader alive.
 */
final class ProviderChecks {
    private final Map<Provider, Availability> probes = new IdentityHashMap<>();
    private final Map<Provider, Map<Algorithm, SelfTest>> selfTests = new IdentityHashMap<>();

    synchronized Availability probe(Provider provider, Function<Provider, Availability> probe) {
        return probes.computeIfAbsent(provider, probe);
    }

    synchronized SelfTest selfTest(
            Provider provider, Algorithm algorithm, BiFunction<Provider, Algorithm, SelfTest> test) {
        return selfTests
                .computeIfAbsent(provider, p -> new HashMap<>())
                .computeIfAbsent(algorithm, a -> test.apply(provider, a));
    }

    synchronized void forget(Provider provider) {
        probes.remove(provider);
        selfTests.remove(provider);
    }
}
