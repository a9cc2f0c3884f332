package dev.arsenal.engine.calibration;

import dev.arsenal.Algorithm;
import dev.arsenal.report.Measurement;
import dev.arsenal.spi.FamilyDescriptor.Workload;
import dev.arsenal.spi.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * Measures one-shot throughput of providers on {@code byte[]} input at each size class, running the
 * {@linkplain Workload loop} each family's descriptor gives, within
 * about a time budget: half of it warms each provider over every size in turn (at least 150 ms,
 * and on until the JIT has been idle for 200 ms, at most a second more, so C2 has compiled even
 * Vector API kernels), half
 * is split over the timed cells (at least 5 ms each). A cell is timed in ten rounds, five in each of two passes over the sizes; its speed is
 * the best round, and the median and slowest rounds are kept as its spread (a budget of zero gets
 * the minimums only, and its spread shows it).
 *
 * <p>This is a quick comparison to choose between providers on this machine, not a benchmark: the
 * call site is shared by all providers, so small sizes include a virtual call for each of them
 * alike; JMH in the benchmarks module gives the careful numbers.
 */
public final class Calibrator {
    /** The sizes measured; the same as the engine's size classes. */
    public static final List<Long> SIZES = List.of(16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 1L << 20);

    private static final long MIN_CELL_NANOS = 5_000_000;

    private static final long MIN_WARMUP_NANOS = 150_000_000;

    /** How long the JIT must have compiled nothing for a warm-up to end. */
    private static final long QUIET_NANOS = 200_000_000;

    /** How much longer than planned a warm-up may wait for the JIT (none for a budget of zero). */
    private static final long MAX_SETTLE_NANOS = 1_000_000_000L;

    private static final int ROUNDS = 5;

    private final Duration budget;
    private final Consumer<String> progress;
    private volatile long sink;

    /** A calibrator with a total time budget, reporting each measured cell to {@code progress}. */
    public Calibrator(Duration budget, Consumer<String> progress) {
        this.budget = budget;
        this.progress = progress;
    }

    /**
     * Measures every provider listed for each algorithm, each with the loop {@code workload} gives
     * (a provider it gives none for is skipped); algorithms with fewer than one are skipped.
     */
    public List<Measurement> measure(
            Map<Algorithm, List<Provider>> eligible, BiFunction<Provider, Algorithm, Optional<Workload>> workload) {
        record Pair(Algorithm algorithm, Provider provider, Workload work) {}
        List<Pair> measured = new ArrayList<>();
        for (Map.Entry<Algorithm, List<Provider>> e : eligible.entrySet()) {
            for (Provider provider : e.getValue()) {
                workload.apply(provider, e.getKey()).ifPresent(w -> measured.add(new Pair(e.getKey(), provider, w)));
            }
        }
        List<Measurement> results = new ArrayList<>();
        int pairs = measured.size();
        int cells = pairs * SIZES.size();
        if (cells == 0) {
            return results;
        }
        // Half the budget warms each provider over every size (round robin, so every path the JIT
        // compiles has seen every size), half measures; each part has a floor so C2 has compiled
        // even the Vector API kernels before timing starts.
        long warmNanos = Math.max(MIN_WARMUP_NANOS, budget.toNanos() / 2 / pairs);
        long cellNanos = Math.max(MIN_CELL_NANOS, budget.toNanos() / 2 / cells);
        int done = 0;
        for (Pair pair : measured) {
            Algorithm algorithm = pair.algorithm();
            Provider provider = pair.provider();
            Op op = op(pair.work());
            warm(op, warmNanos);
            // Two passes over the sizes, keeping each cell's best: a recompilation that one
            // cell's rounds all fell into is over by the second pass. The rounds of both passes
            // give the spread.
            double[][] first = new double[SIZES.size()][];
            for (int i = 0; i < SIZES.size(); i++) {
                first[i] = rounds(op, (int) (long) SIZES.get(i), cellNanos / 2);
            }
            for (int i = 0; i < SIZES.size(); i++) {
                long size = SIZES.get(i);
                double[] all = concat(first[i], rounds(op, (int) size, cellNanos / 2));
                Arrays.sort(all);
                double speed = all[all.length - 1];
                Measurement m =
                        new Measurement(algorithm.id(), provider.id(), size, speed, all.length, median(all), all[0]);
                results.add(m);
                done++;
                progress.accept(String.format(
                        Locale.ROOT,
                        "[%d/%d] %s %s %s: %.2f GB/s%s",
                        done,
                        cells,
                        algorithm.id(),
                        provider.id(),
                        Measurement.formatSize(size),
                        speed / 1e9,
                        m.noisy()
                                ? String.format(Locale.ROOT, " (noisy: median round %.0f%% slower)", 100 * m.spread())
                                : ""));
            }
        }
        return results;
    }

    /** Runs {@code calls} operations on {@code size} bytes; see {@link Workload}. */
    private interface Op {
        long hash(int size, int calls);
    }

    private static Op op(Workload work) {
        LongUnaryOperator loop = isolatedLoop(work);
        return (size, calls) -> loop.applyAsLong((long) size << 32 | calls);
    }

    /**
     * The workload's loop class defined anew in its own class loader, so its call site profiles only
     * this provider's object; an instance of the shared class if that cannot be done (no class
     * bytes, a restrictive container).
     */
    private static LongUnaryOperator isolatedLoop(Workload work) {
        Class<? extends LongUnaryOperator> shared = work.loop();
        String name = shared.getName();
        try (InputStream in = shared.getResourceAsStream(shared.getSimpleName() + ".class")) {
            if (in != null) {
                byte[] bytes = in.readAllBytes();
                ClassLoader parent = shared.getClassLoader();
                ClassLoader isolated = new ClassLoader("arsenal-calibration", parent) {
                    @Override
                    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                        synchronized (getClassLoadingLock(className)) {
                            if (!className.equals(name)) {
                                return super.loadClass(className, resolve);
                            }
                            Class<?> c = findLoadedClass(className);
                            return c != null ? c : defineClass(className, bytes, 0, bytes.length);
                        }
                    }
                };
                return construct(isolated.loadClass(name), work);
            }
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            // fall through to the shared loop
        }
        try {
            return construct(shared, work);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + " lacks a public constructor (Object, byte[]): " + e, e);
        }
    }

    private static LongUnaryOperator construct(Class<?> loop, Workload work) throws ReflectiveOperationException {
        return (LongUnaryOperator)
                loop.getConstructor(Object.class, byte[].class).newInstance(work.subject(), work.data());
    }

    /**
     * Warms the loop over every size in turn for {@code nanos}, then, unless the budget is zero, on
     * until the JIT has compiled nothing for {@value #QUIET_NANOS} ns (at most {@value
     * #MAX_SETTLE_NANOS} ns more): a Vector
     * API kernel runs boxed, 50-100 times slower, until C2 has compiled it, and on a busy machine
     * that can come after any fixed warm-up (measured: the BLAKE3 and ChaCha20 kernels timed at
     * 0.04-0.3 GB/s instead of 2.5-4 behind a 150 ms floor).
     */
    private void warm(Op op, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long acc = 0;
        long jitMillis = jitMillis();
        long quietSince = start;
        while (true) {
            for (long size : SIZES) {
                int n = (int) size;
                acc += op.hash(n, Math.max(1, (1 << 18) / n));
            }
            long now = System.nanoTime();
            long jit = jitMillis();
            if (jit != jitMillis) {
                jitMillis = jit;
                quietSince = now;
            }
            boolean settled = jit < 0 || budget.isZero() || now - quietSince >= QUIET_NANOS;
            if (now >= end && (settled || now - end >= MAX_SETTLE_NANOS)) {
                break;
            }
        }
        sink += acc;
    }

    /** The JIT's total compilation time in milliseconds so far, or -1 where the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private long run(Op op, int size, long nanos) {
        long calls = 0;
        long acc = 0;
        int batch = Math.max(1, (1 << 16) / size);
        long end = System.nanoTime() + nanos;
        do {
            acc += op.hash(size, batch);
            calls += batch;
        } while (System.nanoTime() < end);
        sink += acc;
        return calls;
    }

    /**
     * The speeds of {@link #ROUNDS} timed rounds. The caller keeps the best as the speed: a round
     * that ran while the JIT was recompiling (a deoptimization, or a Vector API kernel not yet
     * compiled) is a transient, not the speed; the others give the spread.
     */
    private double[] rounds(Op op, int size, long nanos) {
        double[] speeds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long calls = run(op, size, nanos / ROUNDS);
            long elapsed = System.nanoTime() - start;
            speeds[round] = (double) calls * size / (elapsed / 1e9);
        }
        return speeds;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
