package dev.arsenal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a provider implements its algorithms. */
public enum ProviderKind {
    /** Pure Java code (including JDK classes the JIT intrinsifies); always present. */
    JAVA,
    /** Native code: JNI libraries shipped in jars, or FFM bindings to system libraries. */
    NATIVE,
    /** Java code on the Vector API ({@code jdk.incubator.vector}). */
    SIMD;

    /** The lower-case name used in configuration and reports: {@code java}, {@code native}, {@code simd}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a kind by its {@link #id()}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the known kinds
     */
    public static ProviderKind byId(String id) {
        for (ProviderKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider kind '" + id + "'; known kinds: "
                + Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", ")));
    }
}
