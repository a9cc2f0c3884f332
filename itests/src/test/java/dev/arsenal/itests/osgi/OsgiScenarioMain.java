package dev.arsenal.itests.osgi;

import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs one OSGi scenario in a child JVM whose class path holds only Felix and these tests, and
 * prints {@code key value} lines for the integration test to check. Arguments: the scenario, then
 * the bundle jars to install in order.
 *
 * <ul>
 *   <li>{@code selection}: the route per algorithm;
 *   <li>{@code hotswap}: threads hash and check every result while the native and SIMD bundles are
 *       stopped, started, updated and reinstalled, {@code -Drounds=N} times each (bounded by
 *       counts: every worker makes a number of calls before, between and after operations, however
 *       slow the machine; the integration test's process time-out catches a hang with a thread
 *       dump);
 *   <li>{@code reclaim}: a stream outlives its provider's bundle, then the bundle's class loader
 *       must be collected;
 *   <li>{@code configadmin}: a Configuration Admin change re-selects at once;
 *   <li>{@code engine-update}: the engine bundle is updated without a refresh while every provider
 *       bundle stays wired as it was, and the new engine follows providers again.
 * </ul>
 */
public final class OsgiScenarioMain {
    static final String NATIVE = "dev.arsenal.providers.natives";
    static final String SIMD = "dev.arsenal.providers.simd";
    static final String ENGINE = "dev.arsenal.engine";

    private OsgiScenarioMain() {}

    /** Runs the scenario; exit status 0 when it ran (the test judges the lines). */
    public static void main(String[] args) throws Throwable {
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.add(Path.of(args[i]));
        }
        try (Container c = new Container(jars, Map.of())) {
            c.startFailures().forEach(f -> System.out.println("start-failure " + f));
            ArsenalView view = new ArsenalView(c.context(), c.bundle("dev.arsenal.api"));
            switch (args[0]) {
                case "selection" -> view.routes().forEach((a, r) -> System.out.println("route " + a + " " + r));
                case "hotswap" -> hotSwap(c, view, Integer.getInteger("rounds", 5));
                case "reclaim" -> reclaim(c, view);
                case "configadmin" -> configAdmin(c, view);
                case "commands" -> commands(c);
                case "engine-update" -> engineUpdate(c, view);
                default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    /** Inputs of sizes around the tier crossovers and the XXH3 size classes, random bytes. */
    static byte[][] inputs() {
        int[] sizes = {0, 1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 1000, 1024, 4096, 16 * 1024 + 1, 65536 + 5, 262147
        };
        Random random = new Random(42);
        byte[][] inputs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            inputs[i] = new byte[sizes[i]];
            random.nextBytes(inputs[i]);
        }
        return inputs;
    }

    /** The pure-Java provider's results, straight from its class (not through the selection). */
    static Map<String, Object[]> reference(Container c, ArsenalView view, byte[][] inputs) throws Throwable {
        Object java = c.bundle("dev.arsenal.providers.java")
                .loadClass("dev.arsenal.providers.java.hashing.JavaHashingProvider")
                .getConstructor()
                .newInstance();
        Class<?> hashingProvider = c.bundle("dev.arsenal.spi").loadClass("dev.arsenal.spi.hashing.HashingProvider");
        Map<String, Object[]> expected = new HashMap<>();
        for (var e : ArsenalView.ALGORITHMS.entrySet()) {
            int bits = e.getValue();
            Object hasher = hashingProvider
                    .getMethod("hasher" + bits, view.apiClass("dev.arsenal.hashing.HashAlgorithm"), long.class)
                    .invoke(java, view.algorithm(e.getKey()), 0L);
            MethodHandle hash = view.hashBytes(bits);
            Object[] results = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                results[i] = hash.invoke(hasher, inputs[i]);
            }
            expected.put(e.getKey(), results);
        }
        return expected;
    }

    private static String algorithmId(String constant) {
        return switch (constant) {
            case "XXH32" -> "xxh32";
            case "XXH64" -> "xxh64";
            case "XXH3_64" -> "xxh3";
            default -> "xxh128";
        };
    }

    /** Calls every worker makes before the first operation. */
    private static final long CALLS_FIRST = 1000;

    /** Calls every worker makes while a provider bundle is stopped or uninstalled. */
    private static final long CALLS_WHILE_GONE = 100;

    /** Calls every worker makes after an operation, before the next. */
    private static final long CALLS_AFTER = 300;

    /**
     * Swaps bundles under load: each round stops and starts, updates, and reinstalls each of the
     * native and SIMD bundles (six operations), so {@code rounds} rounds make {@code 6 * rounds}.
     */
    static void hotSwap(Container c, ArsenalView view, int rounds) throws Throwable {
        byte[][] inputs = inputs();
        Map<String, Object[]> expected = reference(c, view, inputs);
        List<String> algorithms = new ArrayList<>(new TreeMap<>(ArsenalView.ALGORITHMS).keySet());
        // The routes as of the last bundle operation, and a generation that changes around each one,
        // so that a call is counted for a provider only when no operation overlapped it.
        AtomicLong generation = new AtomicLong();
        var routes = new AtomicReference<>(view.routes());
        Map<String, LongAdder> perProvider = new ConcurrentHashMap<>();
        LongAdder calls = new LongAdder();
        LongAdder straddled = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder wrong = new LongAdder();
        List<String> firstProblems = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        int threads = 3;
        // Each worker's own count of calls, so that the driver waits for every worker to have run.
        AtomicLong[] callsOf = new AtomicLong[threads];
        List<Thread> workers = new ArrayList<>();
        Map<Object, String> allHashers = new IdentityHashMap<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            callsOf[t] = new AtomicLong();
            Map<String, Object> hashers = new HashMap<>();
            Map<String, MethodHandle> hashes = new HashMap<>();
            for (String a : algorithms) {
                // Thread 0 takes XXH3 through the static entry Hashing.xxh3_64(), the others through
                // the runtime service.
                hashers.put(a, id == 0 && a.equals("XXH3_64") ? view.staticXxh3() : view.hasher(view.runtime(), a, 0));
                hashes.put(a, view.hashBytes(ArsenalView.ALGORITHMS.get(a)));
                allHashers.put(hashers.get(a), algorithmId(a));
            }
            Thread worker = new Thread(() -> {
                Random random = new Random(id);
                while (running.get()) {
                    String a = algorithms.get(random.nextInt(algorithms.size()));
                    int i = random.nextInt(inputs.length);
                    long before = generation.get();
                    Map<String, String> routeSnapshot = routes.get();
                    try {
                        Object result = hashes.get(a).invoke(hashers.get(a), inputs[i]);
                        if (!result.equals(expected.get(a)[i])) {
                            wrong.increment();
                            if (firstProblems.size() < 5) {
                                firstProblems.add("wrong " + a + " of " + inputs[i].length + " bytes: " + result
                                        + " expected " + expected.get(a)[i]);
                            }
                        }
                    } catch (Throwable e) {
                        failures.increment();
                        if (firstProblems.size() < 5) {
                            firstProblems.add("failed " + a + " of " + inputs[i].length + " bytes: " + e);
                        }
                    }
                    calls.increment();
                    callsOf[id].incrementAndGet();
                    if (generation.get() == before) {
                        String provider = ArsenalView.providerFor(routeSnapshot.get(algorithmId(a)), inputs[i].length);
                        perProvider
                                .computeIfAbsent(provider, p -> new LongAdder())
                                .increment();
                    } else {
                        straddled.increment();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        int operations = 0;
        int stale = 0;
        List<String> staleExamples = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        String[] targets = {NATIVE, SIMD};
        String[] kinds = {"stop-start", "update", "reinstall"};
        awaitCalls(callsOf, CALLS_FIRST);
        for (int round = 0; round < rounds; round++) {
            for (String kind : kinds) {
                for (String target : targets) {
                    generation.incrementAndGet();
                    Bundle b = c.bundle(target);
                    switch (kind) {
                        case "stop-start" -> {
                            b.stop();
                            routes.set(view.routes());
                            generation.incrementAndGet();
                            awaitCalls(callsOf, CALLS_WHILE_GONE);
                            generation.incrementAndGet();
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
                            routes.set(view.routes());
                            generation.incrementAndGet();
                            awaitCalls(callsOf, CALLS_WHILE_GONE);
                            generation.incrementAndGet();
                            c.context().installBundle(location).start();
                        }
                    }
                    routes.set(view.routes());
                    generation.incrementAndGet();
                    stale += staleHashers(c, allHashers, routes.get(), staleExamples);
                    byKind.merge(kind, 1, Integer::sum);
                    operations++;
                    awaitCalls(callsOf, CALLS_AFTER);
                }
            }
        }
        running.set(false);
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("calls " + calls.sum());
        System.out.println("failures " + failures.sum());
        System.out.println("wrong " + wrong.sum());
        System.out.println("straddled " + straddled.sum());
        System.out.println("operations " + operations);
        System.out.println("stale " + stale);
        staleExamples.forEach(e -> System.out.println("problem stale " + e));
        byKind.forEach((k, n) -> System.out.println("operation " + k + " " + n));
        new TreeMap<>(perProvider).forEach((p, n) -> System.out.println("provider " + p + " " + n.sum()));
        firstProblems.forEach(p -> System.out.println("problem " + p));
        view.routes().forEach((a, r) -> System.out.println("route " + a + " " + r));
    }

    /**
     * Waits until every worker has made {@code more} calls from now on: a count, whatever the
     * machine's speed. A worker that stops calling hangs the scenario, which the integration test's
     * process time-out turns into a failure with a thread dump.
     */
    private static void awaitCalls(AtomicLong[] callsOf, long more) throws InterruptedException {
        long[] target = new long[callsOf.length];
        for (int i = 0; i < callsOf.length; i++) {
            target[i] = callsOf[i].get() + more;
        }
        for (int i = 0; i < callsOf.length; i++) {
            while (callsOf[i].get() < target[i]) {
                Thread.sleep(1);
            }
        }
    }

    /** The bundle each provider id lives in. */
    private static final Map<String, String> PROVIDER_BUNDLES = Map.of(
            "java-hashing", "dev.arsenal.providers.java",
            "native-xxhash", NATIVE,
            "lz4java-xxhash", NATIVE,
            "simd-xxh3", SIMD);

    /**
     * How many hashers, read through the engine's own fields after a bundle operation (given up to
     * a generous 30 seconds to settle; it ends as soon as all point right), still point at a class of a bundle revision that is no longer current,
     * or at providers other than the route's: what would keep an old class loader alive or make
     * "new calls go to the new choice" false while results stayed right.
     */
    static int staleHashers(Container c, Map<Object, String> hashers, Map<String, String> routes, List<String> examples)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> problems;
        do {
            problems = new ArrayList<>();
            for (var e : hashers.entrySet()) {
                String route = routes.get(e.getValue());
                Set<String> expected = new TreeSet<>();
                for (String part : route.split(",")) {
                    expected.add(
                            PROVIDER_BUNDLES.get(part.contains("<") ? part.substring(0, part.indexOf('<')) : part));
                }
                Set<String> actual = new TreeSet<>();
                for (String field : List.of("small", "large")) {
                    var f = e.getKey().getClass().getDeclaredField(field);
                    f.setAccessible(true);
                    Object target = f.get(e.getKey());
                    Bundle b = FrameworkUtil.getBundle(target.getClass());
                    if (b == null
                            || b.getState() != Bundle.ACTIVE
                            || target.getClass().getClassLoader()
                                    != b.adapt(BundleWiring.class).getClassLoader()) {
                        problems.add(e.getValue() + " " + field + " is "
                                + target.getClass().getName() + " of a bundle revision that is gone");
                    } else {
                        actual.add(b.getSymbolicName());
                    }
                }
                if (!actual.equals(expected) && problems.isEmpty()) {
                    problems.add(e.getValue() + " points at " + actual + ", route " + route);
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

    static void reclaim(Container c, ArsenalView view) throws Throwable {
        byte[][] inputs = inputs();
        byte[] data = inputs[inputs.length - 1];
        Object expected = reference(c, view, inputs).get("XXH64")[inputs.length - 1];
        Object hasher = view.hasher(view.runtime(), "XXH64", 0);
        System.out.println("route-before " + view.routes().get("xxh64"));
        Class<?> hasher64 = view.apiClass("dev.arsenal.hashing.Hasher64");
        Class<?> stream64 = view.apiClass("dev.arsenal.hashing.HashStream64");
        Object stream = ArsenalView.call(hasher, hasher64, "newStream");
        ArsenalView.call(stream, stream64, "update", (Object) Arrays.copyOf(data, data.length / 2));
        WeakReference<ClassLoader> loader =
                new WeakReference<>(c.bundle(NATIVE).adapt(BundleWiring.class).getClassLoader());
        System.out.println("stream-class " + stream.getClass().getName());
        c.bundle(NATIVE).uninstall();
        c.refresh();
        System.out.println("route-after " + view.routes().get("xxh64"));
        try {
            ArsenalView.call(
                    stream, stream64, "update", (Object) Arrays.copyOfRange(data, data.length / 2, data.length));
            Object digest = ArsenalView.call(stream, stream64, "digest");
            System.out.println("stream-after-uninstall " + (digest.equals(expected) ? "ok" : "wrong " + digest));
        } catch (Throwable e) {
            System.out.println("stream-after-uninstall error " + e);
        }
        Object h = view.hashBytes(64).invoke(hasher, data);
        System.out.println("hasher-after-uninstall " + (h.equals(expected) ? "ok" : "wrong " + h));
        stream = null;
        // Bounded by a count of collections, generous for a busy machine; it ends once collected.
        List<byte[]> pressure = new ArrayList<>();
        for (int collections = 0; loader.get() != null && collections < 1000; collections++) {
            System.gc();
            pressure.add(new byte[1 << 20]);
            if (pressure.size() > 64) {
                pressure.clear();
            }
            Thread.sleep(50);
        }
        System.out.println("loader-collected " + (loader.get() == null));
    }

    /** Bundle states, then the Gogo commands' output, called as Gogo calls them. */
    static void commands(Container c) throws Throwable {
        for (Bundle b : c.context().getBundles()) {
            System.out.println(
                    "bundle " + b.getSymbolicName() + " " + (b.getState() == Bundle.ACTIVE ? "ACTIVE" : "NOT_ACTIVE"));
        }
        ServiceReference<?>[] refs = c.context().getServiceReferences((String) null, "(osgi.command.scope=arsenal)");
        if (refs == null) {
            System.out.println("no-commands");
            return;
        }
        Object commands = c.context().getService(refs[0]);
        Class<?> type = commands.getClass();
        System.out.println("--- providers");
        System.out.println(type.getMethod("providers").invoke(commands));
        System.out.println("--- selection");
        System.out.println(type.getMethod("selection").invoke(commands));
        System.out.println("--- use");
        System.out.println(type.getMethod("use", String.class, String.class).invoke(commands, "xxh3", "java-hashing"));
        System.out.println("--- use-bad");
        try {
            type.getMethod("use", String.class, String.class).invoke(commands, "xxh3", "no-such-provider");
        } catch (InvocationTargetException e) {
            System.out.println(e.getCause());
        }
        System.out.println("--- reset");
        System.out.println(type.getMethod("reset", String.class).invoke(commands, "xxh3"));
    }

    static void configAdmin(Container c, ArsenalView view) throws Throwable {
        System.out.println("route-before " + view.routes().get("xxh3"));
        BundleContext context = c.context();
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        Object admin = context.getService(ref);
        Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType
                .getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "dev.arsenal", null);
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("arsenal.provider.xxh3", "java-hashing");
        configType.getMethod("update", Dictionary.class).invoke(configuration, values);
        // Waits as long as it takes (the process time-out catches a hang); the time is only printed.
        long start = System.nanoTime();
        while (!view.routes().get("xxh3").equals("java-hashing")) {
            Thread.sleep(5);
        }
        System.out.println("route-forced " + view.routes().get("xxh3"));
        System.out.println("reason-forced " + view.reason("xxh3").orElse(""));
        System.out.println("forced-after-ms " + (System.nanoTime() - start) / 1_000_000);
        configType.getMethod("delete").invoke(configuration);
        while (view.routes().get("xxh3").equals("java-hashing")) {
            Thread.sleep(5);
        }
        System.out.println("route-deleted " + view.routes().get("xxh3"));

        // A key the engine cannot use (an unknown algorithm): refused, and providers still followed.
        Object bad = adminType
                .getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, "dev.arsenal", null);
        Dictionary<String, Object> badValues = new Hashtable<>();
        badValues.put("arsenal.provider.md5", "java-hashing");
        configType.getMethod("update", Dictionary.class).invoke(bad, badValues);
        Thread.sleep(500);
        System.out.println("route-bad " + view.routes().get("xxh3"));
        c.bundle(NATIVE).stop();
        System.out.println("xxh64-after-stop " + view.routes().get("xxh64"));
        c.bundle(NATIVE).start();
        System.out.println("xxh64-after-start " + view.routes().get("xxh64"));
    }

    /**
     * Updates the engine bundle as an engine fix would be deployed, without a refresh: no bundle
     * depends on the engine (it exports nothing), so the update alone replaces it, and the api, spi
     * and provider bundles keep the revisions and class loaders they had. Hashers of the old engine
     * then refuse with their reason; the new engine's runtime serves the same choices and follows a
     * provider bundle that stops and starts.
     */
    static void engineUpdate(Container c, ArsenalView before) throws Throwable {
        Bundle engine = c.bundle(ENGINE);
        Set<String> closure = new TreeSet<>();
        c.wiring().getDependencyClosure(List.of(engine)).forEach(b -> closure.add(b.getSymbolicName()));
        System.out.println("engine-dependency-closure " + closure);
        Map<String, BundleRevision> revisions = new TreeMap<>();
        for (Bundle b : c.context().getBundles()) {
            String name = b.getSymbolicName();
            if (name.startsWith("dev.arsenal.") && !name.equals(ENGINE)) {
                revisions.put(name, b.adapt(BundleRevision.class));
            }
        }
        Map<String, String> routesBefore = before.routes();
        Object oldHasher = before.hasher(before.runtime(), "XXH64", 0);
        byte[][] inputs = inputs();
        Object[] expected = reference(c, before, inputs).get("XXH64");
        BundleRevision engineBefore = engine.adapt(BundleRevision.class);

        engine.update();
        // Waits for the new engine's runtime service as long as it takes (the process time-out
        // catches a hang).
        ArsenalView after = null;
        while (after == null) {
            try {
                ArsenalView candidate = new ArsenalView(c.context(), c.bundle("dev.arsenal.api"));
                if (candidate.runtime() != before.runtime()) {
                    after = candidate;
                }
            } catch (IllegalStateException notYet) {
                // no runtime service yet
            }
            if (after == null) {
                Thread.sleep(5);
            }
        }
        System.out.println("engine-revision-new " + (engine.adapt(BundleRevision.class) != engineBefore));
        List<String> changed = new ArrayList<>();
        revisions.forEach((name, revision) -> {
            if (c.bundle(name).adapt(BundleRevision.class) != revision
                    || c.bundle(name).getState() != Bundle.ACTIVE) {
                changed.add(name);
            }
        });
        System.out.println("rewired " + changed);
        Set<String> pending = new TreeSet<>();
        c.wiring().getRemovalPendingBundles().forEach(b -> pending.add(b.getSymbolicName()));
        System.out.println("removal-pending " + pending);
        System.out.println("routes-equal " + after.routes().equals(routesBefore));
        Object newHasher = after.hasher(after.runtime(), "XXH64", 0);
        int right = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (after.hashBytes(64).invoke(newHasher, inputs[i]).equals(expected[i])) {
                right++;
            }
        }
        System.out.println("new-hasher-right " + right + "/" + inputs.length);
        try {
            before.hashBytes(64).invoke(oldHasher, inputs[0]);
            System.out.println("old-hasher served");
        } catch (Throwable e) {
            System.out.println("old-hasher " + e.getClass().getSimpleName());
        }
        c.bundle(NATIVE).stop();
        System.out.println("xxh64-after-stop " + after.routes().get("xxh64"));
        c.bundle(NATIVE).start();
        System.out.println("xxh64-after-start " + after.routes().get("xxh64"));
    }
}
