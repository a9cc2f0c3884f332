package dev.arsenal.spi;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.SelfTest;
import java.util.List;
import java.util.Set;

/**
 * The contract every provider implements. Providers are found with {@link java.util.ServiceLoader}
 * (declare them in {@code module-info} {@code provides} and with bnd's {@code @ServiceProvider}),
 * and each family adds its own sub-interface with the factories for its primitives, such as {@link
 * dev.arsenal.spi.hashing.HashingProvider}.
 *
 * <p>The engine's sequence for a provider: {@link #requirements()} checked, {@link #probe} called
 * (once), then for each algorithm {@link #selfTest} (once), then {@link #rank} under the
 * configured strategy. A provider must not throw from any of these: an unexpected throwable is
 * recorded as unavailability or self-test failure, but a provider should say what happened itself.
 *
 * <p>Loading a provider class must never fail because its native code or module is missing: bind
 * native code in {@link #probe}, and keep Vector API types out of static initializers.
 */
public interface Provider {
    /** A stable id, unique among providers, used in configuration: {@code java-hashing}. */
    String id();

    /** What kind of code this is. */
    ProviderKind kind();

    /** The family it serves. */
    Family family();

    /** The algorithms it implements (when available). */
    Set<? extends Algorithm> algorithms();

    /** What it needs from the machine; checked by the engine before {@link #probe}. */
    default List<Requirement> requirements() {
        return List.of();
    }

    /**
     * Checks that the provider can run here: loads native libraries, binds symbols, checks the
     * JVM. Called once, after the requirements are met. Never throws; a failure is returned with
     * its cause.
     */
    Availability probe(PlatformInfo platform);

    /**
     * Runs the known-answer self-test for one algorithm. Called only on an available provider,
     * before it is used. Never throws.
     */
    SelfTest selfTest(Algorithm algorithm);

    /**
     * The preference for this provider for an algorithm under a strategy: higher wins among
     * eligible candidates. Conventional bases: java 100, native 200, simd 300, adjusted per
     * strategy (LATENCY and MINIMAL_MEMORY favor java).
     */
    int rank(Algorithm algorithm, Strategy strategy);

    /**
     * The preference for inputs of about {@code inputSize} bytes. The engine asks at a few
     * representative sizes (16 B to 1 MiB) to build size tiers: a native call that costs a few
     * nanoseconds loses on 16 bytes and wins on a megabyte. By default the size does not matter.
     */
    default int rank(Algorithm algorithm, Strategy strategy, long inputSize) {
        return rank(algorithm, strategy);
    }

    /** One line for people about what the provider uses when available ("JDK CRC32C intrinsic"). */
    default String description() {
        return kind().id() + " " + family().id();
    }
}
