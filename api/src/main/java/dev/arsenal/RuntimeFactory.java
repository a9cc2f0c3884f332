package dev.arsenal;

/**
 * Creates runtimes; implemented by Arsenal's selection engine and found with {@link
 * java.util.ServiceLoader}. Applications use {@link Arsenal} instead.
 */
public interface RuntimeFactory {
    /**
     * Builds a runtime: discovers providers, probes and self-tests them, and selects per
     * algorithm.
     *
     * @throws ConfigurationException if the configuration names an unknown algorithm
     */
    ArsenalRuntime create(Configuration configuration);
}
