package dev.arsenal;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.report.RuntimeReport;

/**
 * A configured set of selections: for every algorithm, the provider that serves it and why.
 * Created once from a {@link Configuration}; immutable afterwards and thread-safe.
 */
public interface ArsenalRuntime {
    /** The configuration this runtime was built from. */
    Configuration configuration();

    /** The strategy that ranked the candidates. */
    default Strategy strategy() {
        return configuration().strategy();
    }

    /**
     * The selected 32-bit hasher for {@code algorithm} with {@code seed}.
     *
     * @throws IllegalArgumentException if the algorithm is not 32 bits wide or the seed does not fit
     * @throws ProviderUnavailableException if no provider can serve it as configured
     */
    Hasher32 hasher32(HashAlgorithm algorithm, long seed);

    /** The selected 64-bit hasher; see {@link #hasher32}. */
    Hasher64 hasher64(HashAlgorithm algorithm, long seed);

    /** The selected 128-bit hasher; see {@link #hasher32}. */
    Hasher128 hasher128(HashAlgorithm algorithm, long seed);

    /** What was detected, which providers exist, and every decision with its reason. */
    RuntimeReport report();
}
