package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ProviderKind;
import dev.arsenal.Strategy;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/**
 * Turns eligible candidates into a route: the winner per size class, by measurement when a
 * calibration covers every candidate, else by the providers' size-aware ranks; then at most two
 * tiers (the small-input winner and the bulk winner, split where the bulk winner starts winning),
 * for the families whose calls may be split by size ({@link dev.arsenal.spi.FamilyDescriptor#splitsBySize}: hashing).
 *
 * <p>Strategies: THROUGHPUT takes the bulk winner for every size; LATENCY keeps inputs below the
 * crossover in the JVM (java or SIMD kinds) even when a native call measured faster, since its
 * cost varies; BALANCED and MINIMAL_MEMORY follow the winners (MINIMAL_MEMORY's ranks already
 * favor pure Java).
 */
final class TierPlanner {
    /**
     * A route and why.
     *
     * @param decidedBy the providers whose ranks or measurements the plan rests on: its tiers and
     *     the best one at each size class that could move the crossover. A plan made over providers
     *     not all checked yet holds when these pass their checks: the others only lost.
     */
    record Plan(Route route, Decision.Basis basis, String reason, List<Tier> tiers, Set<Provider> decidedBy) {}

    private final Algorithm algorithm;
    private final Strategy strategy;
    private final List<Provider> eligible;
    private final Optional<Calibration> calibration;
    private boolean measured;

    /** Measured speeds closer than this fraction count as a tie. */
    static final double TOLERANCE = 0.10;

    /**
     * With {@code shortLived} ({@link dev.arsenal.Configuration.Lifetime#SHORT}), an algorithm split
     * by size gets one tier: the small-input winner, for every size.
     */
    TierPlanner(
            Algorithm algorithm,
            Strategy strategy,
            List<Provider> eligible,
            Optional<Calibration> calibration,
            boolean shortLived) {
        this.algorithm = algorithm;
        this.strategy = strategy;
        this.eligible = List.copyOf(eligible);
        this.calibration = calibration;
        this.shortLived = shortLived;
    }

    private final boolean shortLived;

    Plan plan() {
        Optional<String> unmeasured = unmeasured();
        measured = calibration.isPresent() && unmeasured.isEmpty() && eligible.size() > 1;
        ToDoubleBiFunction<Provider, Long> score =
                measured ? (p, size) -> speed(p, size) : (p, size) -> safeRank(p, size);
        Provider bulk = measured ? bulkByMeasurement() : best(eligible, SizeClasses.BULK, score);
        List<Provider> smallPool = eligible;
        if (strategy == Strategy.LATENCY) {
            List<Provider> inJvm = eligible.stream()
                    .filter(p -> p.kind() != ProviderKind.NATIVE)
                    .toList();
            smallPool = inJvm.isEmpty() ? eligible : inJvm;
        }
        long smallest = SizeClasses.SIZES.getFirst();
        boolean routesBySize = Families.of(algorithm).splitsBySize();
        if (shortLived && Families.of(algorithm).shortLivedTakesSmallInputWinner()) {
            Provider one = best(smallPool, smallest, score);
            Route route = Route.single(one);
            String at = smallPool.stream()
                    .sorted((a, b) ->
                            Double.compare(score.applyAsDouble(b, smallest), score.applyAsDouble(a, smallest)))
                    .map(p -> p.id() + " "
                            + (measured
                                    ? String.format(Locale.ROOT, "%.1f GB/s", score.applyAsDouble(p, smallest) / 1e9)
                                    : Integer.toString((int) score.applyAsDouble(p, smallest))))
                    .collect(Collectors.joining(", "));
            String reason = "the best at " + Measurement.formatSize(smallest) + (measured ? " measured" : " by rank")
                    + " for " + strategy + " (" + at + "), for every size: one provider in a short-lived process"
                    + " (arsenal.lifetime=short)"
                    + unmeasured
                            .map(id -> "; the calibration has no measurement of " + id + ", so ranks decided")
                            .orElse("");
            return new Plan(
                    route,
                    measured ? Decision.Basis.MEASURED : Decision.Basis.RANKED,
                    reason,
                    List.of(new Tier(0, one.id())),
                    new LinkedHashSet<>(List.of(one)));
        }
        Provider small = !routesBySize
                        || strategy == Strategy.THROUGHPUT
                        || (smallPool.contains(bulk) && asGoodAsBest(bulk, smallPool, smallest, score))
                ? bulk
                : best(smallPool, smallest, score);
        long crossover = 0;
        if (small != bulk) {
            // The first size from which the bulk provider is as good as the best at every larger size.
            crossover = SizeClasses.BULK;
            for (int i = SizeClasses.SIZES.size() - 1; i >= 0; i--) {
                long size = SizeClasses.SIZES.get(i);
                if (!asGoodAsBest(bulk, eligible, size, score)) {
                    break;
                }
                crossover = size;
            }
            if (measured && crossover > SizeClasses.SIZES.getFirst()) {
                // Between the last size the small provider won and the first the bulk one did.
                long below = SizeClasses.SIZES.get(SizeClasses.SIZES.indexOf(crossover) - 1);
                crossover = Long.highestOneBit((long) Math.sqrt((double) below * crossover));
            }
        }
        Route route = small == bulk ? Route.single(bulk) : new Route(small, bulk, crossover);
        Set<Provider> decidedBy = new LinkedHashSet<>(List.of(bulk, small));
        if (routesBySize && strategy != Strategy.THROUGHPUT) {
            decidedBy.add(best(smallPool, smallest, score));
            if (small != bulk) {
                for (long size : SizeClasses.SIZES) {
                    decidedBy.add(best(eligible, size, score));
                }
            }
        }
        List<Tier> tiers = route.tiered()
                ? List.of(new Tier(0, small.id()), new Tier(crossover, bulk.id()))
                : List.of(new Tier(0, bulk.id()));
        String reason = measured ? measuredReason(route, score) : rankedReason(route, unmeasured);
        return new Plan(route, measured ? Decision.Basis.MEASURED : Decision.Basis.RANKED, reason, tiers, decidedBy);
    }

    /**
     * The provider with the best geometric mean speed from 16 KiB up: one 1 MiB cell alone is too
     * noisy to decide bulk input.
     */
    private Provider bulkByMeasurement() {
        Provider best = eligible.getFirst();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Provider p : eligible) {
            double logSum = 0;
            for (long size : SizeClasses.SIZES) {
                if (size >= 16384) {
                    logSum += Math.log(Math.max(1, speed(p, size)));
                }
            }
            if (logSum > bestScore) {
                best = p;
                bestScore = logSum;
            }
        }
        return best;
    }

    private Optional<String> unmeasured() {
        if (calibration.isEmpty()) {
            return Optional.empty();
        }
        for (Provider p : eligible) {
            for (long size : SizeClasses.SIZES) {
                if (calibration.get().find(algorithm.id(), p.id(), size).isEmpty()) {
                    return Optional.of(p.id());
                }
            }
        }
        return Optional.empty();
    }

    private double speed(Provider p, long size) {
        return calibration
                .flatMap(c -> c.find(algorithm.id(), p.id(), size))
                .map(Measurement::bytesPerSecond)
                .orElse(0.0);
    }

    private int safeRank(Provider p, long size) {
        try {
            return p.rank(algorithm, strategy, size);
        } catch (RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The highest-scoring provider; ties go to the earlier one (candidates come sorted by rank). */
    private static Provider best(List<Provider> pool, long size, ToDoubleBiFunction<Provider, Long> score) {
        Provider best = pool.getFirst();
        double bestScore = score.applyAsDouble(best, size);
        for (Provider p : pool) {
            double s = score.applyAsDouble(p, size);
            if (s > bestScore) {
                best = p;
                bestScore = s;
            }
        }
        return best;
    }

    /**
     * Whether {@code p} is as good as the best at {@code size}: equal by rank, or within {@link
     * #TOLERANCE} of the fastest by measurement, since a quick measurement cannot tell closer
     * speeds apart and a tier boundary on noise would only add a comparison.
     */
    private boolean asGoodAsBest(Provider p, List<Provider> pool, long size, ToDoubleBiFunction<Provider, Long> score) {
        double best = score.applyAsDouble(best(pool, size, score), size);
        double mine = score.applyAsDouble(p, size);
        return measured ? mine >= best * (1 - TOLERANCE) : mine >= best;
    }

    private String rankedReason(Route route, Optional<String> unmeasured) {
        String note = unmeasured
                .map(id -> "; the calibration has no measurement of " + id + ", so ranks decided")
                .orElse("");
        if (eligible.size() == 1) {
            return "the only eligible provider (rank " + safeRank(route.large(), SizeClasses.QUOTED) + ")" + note;
        }
        String ranks = eligible.stream()
                .map(p -> p.id() + " " + safeRank(p, SizeClasses.QUOTED))
                .collect(Collectors.joining(", "));
        String head = route.tiered()
                ? route.small().id() + " below " + Measurement.formatSize(route.crossover()) + ", "
                        + route.large().id() + " from there: highest rank for " + strategy + " at each size"
                : "highest rank for " + strategy;
        return head + " (at 64 KiB: " + ranks + ")" + note;
    }

    private String measuredReason(Route route, ToDoubleBiFunction<Provider, Long> score) {
        String atQuoted = eligible.stream()
                .sorted((a, b) -> Double.compare(
                        score.applyAsDouble(b, SizeClasses.QUOTED), score.applyAsDouble(a, SizeClasses.QUOTED)))
                .map(p -> String.format(
                        Locale.ROOT, "%s %.1f GB/s", p.id(), score.applyAsDouble(p, SizeClasses.QUOTED) / 1e9))
                .collect(Collectors.joining(" vs "));
        StringBuilder reason = new StringBuilder("measured: ").append(atQuoted).append(" at 64 KiB");
        if (route.tiered()) {
            long smallSize = SizeClasses.SIZES.getFirst();
            reason.append(String.format(
                    Locale.ROOT,
                    "; %s below %s (%.1f vs %.1f GB/s at %s)",
                    route.small().id(),
                    Measurement.formatSize(route.crossover()),
                    score.applyAsDouble(route.small(), smallSize) / 1e9,
                    score.applyAsDouble(route.large(), smallSize) / 1e9,
                    Measurement.formatSize(smallSize)));
            if (strategy == Strategy.LATENCY) {
                reason.append(", in the JVM for LATENCY");
            }
        }
        if (strategy == Strategy.THROUGHPUT) {
            reason.append("; THROUGHPUT takes the 1 MiB winner for every size");
        }
        return reason.toString();
    }
}
