package dev.arsenal.itests.osgi;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The machinery of the hot-swap scenario, shared by its hashing and compression loads: workers that
 * call until told to stop and count their calls, the bundle operations they run under, the {@link
 * Phase} published around each operation, and the check that live objects point at current bundle
 * revisions. Bounded by counts: the driver waits for every worker to make its number of calls
 * before, between and after operations, however slow the machine; a hang is caught by the
 * integration test's process time-out with a thread dump.
 */
final class HotSwap {
    private HotSwap() {}

    /** The bundle each provider id lives in. */
    static final Map<String, String> PROVIDER_BUNDLES = Map.ofEntries(
            Map.entry("java-hashing", "dev.arsenal.providers.java"),
            Map.entry("java-compression", "dev.arsenal.providers.java"),
            Map.entry("java-shuffle", "dev.arsenal.providers.java"),
            Map.entry("native-xxhash", OsgiScenarioMain.NATIVE),
            Map.entry("lz4java-xxhash", OsgiScenarioMain.NATIVE),
            Map.entry("native-zstd", OsgiScenarioMain.NATIVE),
            Map.entry("native-lz4", OsgiScenarioMain.NATIVE),
            Map.entry("native-gzip", OsgiScenarioMain.NATIVE),
            Map.entry("zstd-jni", OsgiScenarioMain.NATIVE),
            Map.entry("lz4java-compression", OsgiScenarioMain.NATIVE),
            Map.entry("simd-xxh3", OsgiScenarioMain.SIMD),
            Map.entry("simd-shuffle", OsgiScenarioMain.SIMD));

    /**
     * What the driver publishes: whether no bundle operation is under way ({@code settled}), the
     * routes, the class loaders of the current revisions of the active bundles, and the
     * decompressors of every available compression provider per codec (empty while unsettled). A
     * call is judged only if the same phase was published when it began and when it ended.
     */
    record Phase(
            boolean settled,
            Map<String, String> routes,
            Set<ClassLoader> current,
            Map<String, List<CompressionLoad.Coder>> decoders) {
        /** The phase now, with no operation under way. */
        static Phase settled(Container c, ArsenalView view) throws Throwable {
            Set<ClassLoader> current = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Bundle b : c.context().getBundles()) {
                BundleWiring wiring = b.adapt(BundleWiring.class);
                if (b.getState() == Bundle.ACTIVE && wiring != null && wiring.getClassLoader() != null) {
                    current.add(wiring.getClassLoader());
                }
            }
            return new Phase(true, view.routes(), current, CompressionLoad.coders(c, view, false));
        }

        /** This phase while an operation runs: nothing is judged, and no provider object is lent. */
        Phase unsettled() {
            return new Phase(false, routes, current, Map.of());
        }
    }

    /** How many calls each worker makes before the first operation, while a bundle is gone, and after each. */
    record Counts(long first, long whileGone, long after) {}

    /** A thread that runs {@code call} until the scenario ends, counting its calls. */
    static final class Worker {
        private final AtomicLong calls = new AtomicLong();
        private final Counts counts;
        private final Thread thread;

        Worker(String name, Counts counts, AtomicBoolean running, Runnable call) {
            this.counts = counts;
            this.thread = new Thread(
                    () -> {
                        while (running.get()) {
                            call.run();
                            calls.incrementAndGet();
                        }
                    },
                    name);
            thread.start();
        }
    }

    /**
     * What a load's calls came to; printed as {@code PREFIXkey value} lines, with up to five
     * examples of each problem.
     */
    static final class Tally {
        final String prefix;
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder unavailable = new LongAdder();
        final LongAdder wrong = new LongAdder();
        final LongAdder straddled = new LongAdder();
        final LongAdder stale = new LongAdder();
        final Map<String, LongAdder> perProvider = new ConcurrentHashMap<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        Tally(String prefix) {
            this.prefix = prefix;
        }

        void served(String key) {
            perProvider.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        void problem(LongAdder counter, String example) {
            counter.increment();
            if (problems.size() < 10) {
                problems.add(example);
            }
        }

        /** A failed call: a {@code ProviderUnavailableException} counts apart from other failures. */
        void failed(String what, Throwable e) {
            problem(
                    e.getClass().getSimpleName().equals("ProviderUnavailableException") ? unavailable : failures,
                    "failed " + what + ": " + e);
        }

        void print() {
            System.out.println(prefix + "calls " + calls.sum());
            System.out.println(prefix + "failures " + failures.sum());
            System.out.println(prefix + "unavailable " + unavailable.sum());
            System.out.println(prefix + "wrong " + wrong.sum());
            System.out.println(prefix + "stale-calls " + stale.sum());
            System.out.println(prefix + "straddled " + straddled.sum());
            new TreeMap<>(perProvider).forEach((p, n) -> System.out.println(prefix + "provider " + p + " " + n.sum()));
            problems.forEach(p -> System.out.println(prefix + "problem " + p));
        }
    }

    /**
     * Swaps bundles under the workers' load: each round stops and starts, updates, and reinstalls
     * each of the native and SIMD bundles (six operations), so {@code rounds} rounds make {@code 6 *
     * rounds}. After each operation every live object in {@code live} (object to algorithm id) is
     * checked to point at current revisions and at the route's providers. Prints the operations and
     * the stale objects.
     */
    static void swap(
            Container c,
            ArsenalView view,
            int rounds,
            List<Worker> workers,
            AtomicReference<Phase> phase,
            Map<Object, String> live)
            throws Throwable {
        int operations = 0;
        int stale = 0;
        int departedExcluded = 0;
        List<String> staleExamples = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        String[] targets = {OsgiScenarioMain.NATIVE, OsgiScenarioMain.SIMD};
        String[] kinds = {"stop-start", "update", "reinstall"};
        awaitCalls(workers, Counts::first);
        for (int round = 0; round < rounds; round++) {
            for (String kind : kinds) {
                for (String target : targets) {
                    phase.set(phase.get().unsettled());
                    Bundle b = c.bundle(target);
                    // The detector's premise: the revision that goes is not current in the next phase.
                    ClassLoader going = b.adapt(BundleWiring.class).getClassLoader();
                    switch (kind) {
                        case "stop-start" -> {
                            b.stop();
                            phase.set(Phase.settled(c, view));
                            departedExcluded += phase.get().current().contains(going) ? 0 : 1;
                            awaitCalls(workers, Counts::whileGone);
                            phase.set(phase.get().unsettled());
                            b.start();
                        }
                        case "update" -> {
                            b.update();
                            c.refresh();
                        }
                        default -> {
                            String location = b.getLocation();
                            b.uninstall();
                            c.refresh();
                            phase.set(Phase.settled(c, view));
                            awaitCalls(workers, Counts::whileGone);
                            phase.set(phase.get().unsettled());
                            c.context().installBundle(location).start();
                        }
                    }
                    phase.set(Phase.settled(c, view));
                    if (!kind.equals("stop-start")) {
                        departedExcluded += phase.get().current().contains(going) ? 0 : 1;
                    }
                    going = null;
                    stale += staleLive(live, phase.get().routes(), staleExamples);
                    byKind.merge(kind, 1, Integer::sum);
                    operations++;
                    awaitCalls(workers, Counts::after);
                }
            }
        }
        System.out.println("operations " + operations);
        System.out.println("stale " + stale);
        System.out.println("departed-revisions-told " + departedExcluded);
        staleExamples.forEach(e -> System.out.println("problem stale " + e));
        byKind.forEach((k, n) -> System.out.println("operation " + k + " " + n));
    }

    /** Stops the workers and waits for them. */
    static void stop(AtomicBoolean running, List<Worker> workers) throws InterruptedException {
        running.set(false);
        for (Worker w : workers) {
            w.thread.join();
        }
    }

    /**
     * Waits until every worker has made its {@code count} more calls from now on: a count, whatever
     * the machine's speed. A worker that stops calling hangs the scenario, which the integration
     * test's process time-out turns into a failure with a thread dump.
     */
    private static void awaitCalls(List<Worker> workers, ToLongFunction<Counts> count) throws InterruptedException {
        long[] target = new long[workers.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = workers.get(i).calls.get() + count.applyAsLong(workers.get(i).counts);
        }
        for (int i = 0; i < target.length; i++) {
            while (workers.get(i).calls.get() < target[i]) {
                Thread.sleep(1);
            }
        }
    }

    /** A field of a live object ({@code small}, {@code large}): the object it calls now. */
    static Object target(Object live, String field) {
        try {
            Field f = live.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(live);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(live.getClass() + " has no field " + field, e);
        }
    }

    /**
     * The provider objects a live object's target is made of: the target itself, or for a shuffle
     * codec's frames (the engine puts a shuffle stage in front of the inner codec's object) its
     * {@code shuffle} and {@code inner}.
     */
    static List<Object> parts(Object target) {
        for (Field f : target.getClass().getDeclaredFields()) {
            if (f.getName().equals("inner")) {
                return List.of(HotSwap.target(target, "shuffle"), HotSwap.target(target, "inner"));
            }
        }
        return List.of(target);
    }

    /** The providers a route names, for a shuffle codec with those of its inner codec. */
    static Set<String> routeProviders(Map<String, String> routes, String algorithmId) {
        String route = routes.get(algorithmId);
        if (algorithmId.endsWith("+shuffle")) {
            route = route + "," + routes.get(algorithmId.substring(0, algorithmId.indexOf('+')));
        }
        Set<String> providers = new TreeSet<>();
        for (String part : route.split(",")) {
            providers.add(part.contains("<") ? part.substring(0, part.indexOf('<')) : part);
        }
        return providers;
    }

    /**
     * How many live objects, read through the engine's own fields after a bundle operation (given up
     * to a generous 30 seconds to settle; it ends as soon as all point right), still point at a
     * class of a bundle revision that is no longer current, or at providers other than the route's:
     * what would keep an old class loader alive or make "new calls go to the new choice" false while
     * results stayed right.
     */
    static int staleLive(Map<Object, String> live, Map<String, String> routes, List<String> examples)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> problems;
        do {
            problems = new ArrayList<>();
            for (var e : live.entrySet()) {
                Set<String> expected = new TreeSet<>();
                routeProviders(routes, e.getValue()).forEach(p -> expected.add(PROVIDER_BUNDLES.get(p)));
                Set<String> actual = new TreeSet<>();
                for (String field : List.of("small", "large")) {
                    for (Object part : parts(target(e.getKey(), field))) {
                        Bundle b = FrameworkUtil.getBundle(part.getClass());
                        if (b == null
                                || b.getState() != Bundle.ACTIVE
                                || part.getClass().getClassLoader()
                                        != b.adapt(BundleWiring.class).getClassLoader()) {
                            problems.add(e.getValue() + " " + field + " is "
                                    + part.getClass().getName() + " of a bundle revision that is gone");
                        } else {
                            // java-shuffle's stage is the spi's scalar shuffle
                            String name = b.getSymbolicName();
                            actual.add(name.equals("dev.arsenal.spi") ? "dev.arsenal.providers.java" : name);
                        }
                    }
                }
                if (!actual.equals(expected) && problems.isEmpty()) {
                    problems.add(e.getValue() + " points at " + actual + ", route " + routes.get(e.getValue()));
                }
            }
            if (!problems.isEmpty()) {
                Thread.sleep(10);
            }
        } while (!problems.isEmpty() && System.nanoTime() < deadline);
        if (examples.size() < 5) {
            examples.addAll(problems.stream().limit(5 - examples.size()).toList());
        }
        return problems.size();
    }
}
