package dev.arsenal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the engine optimizes for when several providers can serve an algorithm. A strategy changes
 * the ranking only: it never makes an unavailable or failing provider eligible.
 */
public enum Strategy {
    /** A sensible default: the fastest provider for typical input sizes. */
    BALANCED,
    /** Bulk speed on large inputs; native and SIMD code are preferred. */
    THROUGHPUT,
    /**
     * Low, predictable latency on small inputs: in-JVM code is preferred, since a native call costs
     * a few nanoseconds and an FFM arena tens of nanoseconds.
     */
    LATENCY,
    /** Smallest footprint: no native libraries loaded, no large tables. */
    MINIMAL_MEMORY;

    /**
     * Parses a strategy name, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming the value and the known strategies
     */
    public static Strategy parse(String name) {
        String normalized = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Strategy strategy : values()) {
            if (strategy.name().equals(normalized)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; known strategies: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
