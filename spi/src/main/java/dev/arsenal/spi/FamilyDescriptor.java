package dev.arsenal.spi;

import dev.arsenal.Algorithm;
import dev.arsenal.Family;
import dev.arsenal.report.SelfTest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * Everything the engine needs to know about a family, so that the engine names none: its
 * algorithms and their names, the provider interfaces that serve them, whether calls may be split
 * between two providers by input size, the self-test, the loop that measures a provider, and the
 * view that a runtime gives users of a family that has no method of its own on {@link
 * dev.arsenal.ArsenalRuntime}.
 *
 * <p>One descriptor per family, in the family's SPI package ({@code
 * dev.arsenal.spi.hashing.HashingFamily}). The engine finds the built-in ones in {@link
 * FamilyDescriptors#builtIn()} and others through {@link java.util.ServiceLoader}.
 *
 * <p>Not generic in a provider type: a family may have more than one provider interface
 * (compression has codecs and shuffle stages), which {@link #contracts()} lists.
 */
public interface FamilyDescriptor {
    /** The family described. */
    Family family();

    /** Every algorithm of the family, in the order reports list them. */
    List<? extends Algorithm> algorithms();

    /**
     * The algorithm whose id or alias is {@code id} (already stripped and lower-cased), if any. By
     * default ids only; a family with aliases overrides this.
     */
    default Optional<Algorithm> byId(String id) {
        String n = id.strip().toLowerCase(Locale.ROOT);
        for (Algorithm a : algorithms()) {
            if (a.id().equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider interfaces of the family: a provider listing an algorithm a contract covers must
     * implement that contract's type, or it is unavailable with {@link Contract#refusal()}.
     */
    List<Contract> contracts();

    /**
     * Whether the engine may split calls between two providers by input size (a small-input and a
     * bulk provider). True only when every provider computes the same function bit for bit, so that
     * which one serves a given input is invisible but for speed.
     */
    boolean splitsBySize();

    /**
     * Whether a short-lived process ({@code arsenal.lifetime=short}, which the one-job commands set)
     * gets the provider that is best at small inputs for every size, rather than the bulk one: true
     * where a bulk provider's vector kernel or library would take longer to warm up than such a
     * process lasts. By default the families that split by size; compression keeps its choice (its
     * bulk provider wins even in one command).
     */
    default boolean shortLivedTakesSmallInputWinner() {
        return splitsBySize();
    }

    /**
     * The known-answer self-test of {@code provider} for {@code algorithm}. By default the
     * provider's own ({@link Provider#selfTest}).
     */
    default SelfTest selfTest(Provider provider, Algorithm algorithm) {
        return provider.selfTest(algorithm);
    }

    /**
     * What the calibration runs to measure {@code provider} on {@code algorithm}, or empty if the
     * family is not measured (its algorithms are then decided by rank).
     */
    default Optional<Workload> workload(Provider provider, Algorithm algorithm) {
        return Optional.empty();
    }

    /**
     * Whether a runtime that finds no valid stored calibration measures this family while it starts
     * ({@code arsenal.calibration=measure}, or a stale table in {@code auto}). Families measured
     * only on demand ({@code arsenal calibrate}) say false: measuring them would load their native
     * libraries and take seconds at start-up.
     */
    default boolean measuredAtStartup() {
        return false;
    }

    /**
     * The view users get from {@link dev.arsenal.ArsenalRuntime#view}, or empty for a family whose
     * primitives are methods of {@link dev.arsenal.ArsenalRuntime} itself (hashing, compression).
     */
    default Optional<View<?>> view() {
        return Optional.empty();
    }

    /**
     * A provider interface and the algorithms it must serve.
     *
     * @param what the algorithms in words, for the refusal ("hashing algorithms")
     * @param type the interface a provider listing one of them implements
     * @param covers which algorithms of the family it covers
     */
    record Contract(String what, Class<? extends Provider> type, Predicate<Algorithm> covers) {
        /** The cause of unavailability of a provider that lists such algorithms but is no {@link #type}. */
        public String refusal() {
            return "lists " + what + " but does not implement " + type.getSimpleName();
        }
    }

    /**
     * A measurement loop: {@code loop} is a class with a public constructor {@code (Object subject,
     * byte[] data)} whose {@code applyAsLong(size << 32 | calls)} runs {@code calls} operations on
     * the first {@code size} bytes of {@code data} (at offsets 0 to 15, so {@code data} is 16 bytes
     * longer than the largest size) and returns a value depending on each. The calibrator defines
     * {@code loop} anew for each provider in a class loader of its own, so that every provider gets a
     * call site that sees only its class; so the class takes API types only, as {@code Object}.
     *
     * @param loop the loop class, with the constructor above
     * @param subject what the loop calls (a hasher; a compressor and decompressor pair)
     * @param data the input
     */
    record Workload(Class<? extends LongUnaryOperator> loop, Object subject, byte[] data) {}

    /**
     * The view of a family: {@code make} builds it over a runtime's {@link Selections}.
     *
     * @param type what users ask {@link dev.arsenal.ArsenalRuntime#view} for
     * @param make builds the view
     * @param <V> the view type
     */
    record View<V>(Class<V> type, Function<Selections, ? extends V> make) {}
}
