package dev.arsenal.itests.osgi;

import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
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
 *   <li>{@code hotswap}: threads hash, and others compress and decompress with live objects taken
 *       once, and check every result while the native and SIMD bundles are stopped, started,
 *       updated and reinstalled, {@code -Drounds=N} times each ({@link HotSwap}, {@link
 *       CompressionLoad});
 *   <li>{@code reclaim}: a hash stream and a zstd frame begun on the native bundle's providers
 *       are called after it is uninstalled (each call must fail naming the provider), then the
 *       bundle's class loader must be collected while live compressors it served are still held;
 *   <li>{@code commands}: the Gogo commands' output, and a live compressor moved by {@code
 *       arsenal:use zstd native-zstd} and back by {@code arsenal:reset zstd};
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
                case "commands" -> commands(c, view);
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

    /** Calls each hashing worker makes before the first operation, while a bundle is gone, and after each. */
    private static final HotSwap.Counts HASHING_COUNTS = new HotSwap.Counts(1000, 100, 300);

    /**
     * Swaps bundles under load ({@link HotSwap#swap}): three threads hash and two compress and
     * decompress ({@link CompressionLoad}), every result checked, while the native and SIMD bundles
     * are stopped and started, updated and reinstalled, {@code rounds} times each.
     */
    static void hotSwap(Container c, ArsenalView view, int rounds) throws Throwable {
        var phase = new AtomicReference<>(HotSwap.Phase.settled(c, view));
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Object, String> live = new IdentityHashMap<>();
        List<HotSwap.Worker> workers = new ArrayList<>();
        HotSwap.Tally hashing = hashingLoad(c, view, 3, phase, running, live, workers);
        HotSwap.Tally compression = CompressionLoad.start(c, view, 2, phase, running, live, workers);
        HotSwap.swap(c, view, rounds, workers, phase, live);
        HotSwap.stop(running, workers);
        hashing.print();
        compression.print();
        view.routes().forEach((a, r) -> System.out.println("route " + a + " " + r));
    }

    /**
     * Starts {@code threads} hashing workers: each hashes inputs of 18 sizes with XXH32, XXH64, XXH3
     * and XXH128 hashers taken once (thread 0 takes XXH3 through the static entry {@code
     * Hashing.xxh3_64()}), checks every result against the pure-Java provider's, and counts a call
     * for the provider the route names when no operation overlapped it.
     */
    private static HotSwap.Tally hashingLoad(
            Container c,
            ArsenalView view,
            int threads,
            AtomicReference<HotSwap.Phase> phase,
            AtomicBoolean running,
            Map<Object, String> live,
            List<HotSwap.Worker> workers)
            throws Throwable {
        byte[][] inputs = inputs();
        Map<String, Object[]> expected = reference(c, view, inputs);
        List<String> algorithms = new ArrayList<>(new TreeMap<>(ArsenalView.ALGORITHMS).keySet());
        HotSwap.Tally tally = new HotSwap.Tally("");
        for (int t = 0; t < threads; t++) {
            int id = t;
            Map<String, Object> hashers = new HashMap<>();
            Map<String, MethodHandle> hashes = new HashMap<>();
            for (String a : algorithms) {
                hashers.put(a, id == 0 && a.equals("XXH3_64") ? view.staticXxh3() : view.hasher(view.runtime(), a, 0));
                hashes.put(a, view.hashBytes(ArsenalView.ALGORITHMS.get(a)));
                live.put(hashers.get(a), algorithmId(a));
            }
            Random random = new Random(id);
            workers.add(new HotSwap.Worker("hashing-" + t, HASHING_COUNTS, running, () -> {
                String a = algorithms.get(random.nextInt(algorithms.size()));
                int i = random.nextInt(inputs.length);
                HotSwap.Phase p = phase.get();
                try {
                    Object result = hashes.get(a).invoke(hashers.get(a), inputs[i]);
                    if (!result.equals(expected.get(a)[i])) {
                        tally.problem(
                                tally.wrong,
                                "wrong " + a + " of " + inputs[i].length + " bytes: " + result + " expected "
                                        + expected.get(a)[i]);
                    }
                } catch (Throwable e) {
                    tally.failed(a + " of " + inputs[i].length + " bytes", e);
                }
                tally.calls.increment();
                if (phase.get() == p && p.settled()) {
                    tally.served(ArsenalView.providerFor(p.routes().get(algorithmId(a)), inputs[i].length));
                } else {
                    tally.straddled.increment();
                }
            }));
        }
        return tally;
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
        // Live compressors and decompressors of every codec, served by the native bundle's providers
        // before it goes, kept (as static final fields would keep them) while its loader is collected.
        Map<String, Object> compressors = new HashMap<>();
        Map<String, Object> decompressors = new HashMap<>();
        for (String codec : CompressionLoad.CODECS) {
            compressors.put(codec, view.compressor(codec, false));
            decompressors.put(codec, view.decompressor(codec, false));
        }
        System.out.println("compressors-before-uninstall " + roundTrips(c, view, compressors, decompressors));
        ArsenalView.call(stream, stream64, "update", (Object) Arrays.copyOf(data, data.length / 2));
        // A zstd frame begun on the native bundle's provider, half written when the bundle goes.
        System.out.println("frame-begun-on " + CompressionLoad.serving(c, view, "zstd", compressors.get("zstd")));
        OutputStream[] frame = {
            (OutputStream) view.apiClass("dev.arsenal.compression.Compressor")
                    .getMethod("compressing", OutputStream.class)
                    .invoke(compressors.get("zstd"), OutputStream.nullOutputStream())
        };
        frame[0].write(data, 0, data.length / 2);
        WeakReference<ClassLoader> loader =
                new WeakReference<>(c.bundle(NATIVE).adapt(BundleWiring.class).getClassLoader());
        System.out.println("stream-class " + stream.getClass().getName());
        c.bundle(NATIVE).uninstall();
        c.refresh();
        System.out.println("route-after " + view.routes().get("xxh64"));
        Object[] begun = {stream};
        stream = null;
        System.out.println("stream-after-uninstall "
                + outcome(() -> {
                    ArsenalView.call(begun[0], stream64, "update", (Object)
                            Arrays.copyOfRange(data, data.length / 2, data.length));
                    Object digest = ArsenalView.call(begun[0], stream64, "digest");
                    return digest.equals(expected) ? "ok" : "wrong " + digest;
                }));
        System.out.println("frame-after-uninstall "
                + outcome(() -> {
                    frame[0].write(data, data.length / 2, data.length - data.length / 2);
                    return "ok";
                }));
        System.out.println("frame-close-after-uninstall "
                + outcome(() -> {
                    frame[0].close();
                    return "ok";
                }));
        Object h = view.hashBytes(64).invoke(hasher, data);
        System.out.println("hasher-after-uninstall " + (h.equals(expected) ? "ok" : "wrong " + h));
        begun[0] = null;
        frame[0] = null;
        System.out.println("compressors-after-uninstall " + roundTrips(c, view, compressors, decompressors));
        System.out.println("loader-collected " + collected(loader));
        // The live objects stay in use while the loader is collected: re-pointed, they do not keep it.
        Reference.reachabilityFence(compressors);
        Reference.reachabilityFence(decompressors);
    }

    private interface Step {
        String run() throws Throwable;
    }

    /**
     * What {@code step} answered, or, when it threw, {@code unavailable} and the message for a
     * ProviderUnavailableException (whose class is the api bundle's), else {@code error} and what
     * it threw.
     */
    static String outcome(Step step) {
        try {
            return step.run();
        } catch (Throwable e) {
            return e.getClass().getSimpleName().equals("ProviderUnavailableException")
                    ? "unavailable " + e.getMessage()
                    : "error " + e;
        }
    }

    /**
     * Whether {@code ref} is cleared within a count of collections, generous for a busy machine; it
     * ends as soon as it is.
     */
    static boolean collected(WeakReference<?> ref) throws InterruptedException {
        List<byte[]> pressure = new ArrayList<>();
        for (int collections = 0; ref.get() != null && collections < 1000; collections++) {
            System.gc();
            pressure.add(new byte[1 << 20]);
            if (pressure.size() > 64) {
                pressure.clear();
            }
            Thread.sleep(50);
        }
        return ref.get() == null;
    }

    /**
     * Round trips every input through each codec's live compressor and decompressor: "ok", or what
     * failed. Also prints which provider serves each codec ({@code serving CODEC PROVIDER}).
     */
    static String roundTrips(
            Container c, ArsenalView view, Map<String, Object> compressors, Map<String, Object> decompressors)
            throws Throwable {
        List<String> problems = new ArrayList<>();
        MethodHandle compress = view.compressBytes();
        MethodHandle decompress = view.decompressBytes();
        for (String codec : new TreeSet<>(compressors.keySet())) {
            System.out.println(
                    "serving " + codec + " " + CompressionLoad.serving(c, view, codec, compressors.get(codec)));
            for (byte[] input : CompressionLoad.inputs()) {
                try {
                    byte[] frame = (byte[]) compress.invokeExact(compressors.get(codec), input);
                    if (!Arrays.equals(
                            (byte[]) decompress.invokeExact(decompressors.get(codec), frame, input.length), input)) {
                        problems.add("wrong " + codec + " of " + input.length + " bytes");
                    }
                } catch (Throwable e) {
                    problems.add(codec + " of " + input.length + " bytes failed: " + e);
                }
            }
        }
        return problems.isEmpty() ? "ok" : problems.toString();
    }

    /** Bundle states, then the Gogo commands' output, called as Gogo calls them. */
    static void commands(Container c, ArsenalView view) throws Throwable {
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

        // A live compressor and decompressor taken before arsenal:use move with it, and back with reset.
        Object zstd = view.compressor("zstd", false);
        Object unzstd = view.decompressor("zstd", false);
        Map<String, Object> compressors = Map.of("zstd", zstd);
        Map<String, Object> decompressors = Map.of("zstd", unzstd);
        System.out.println("zstd-before " + CompressionLoad.serving(c, view, "zstd", zstd) + " "
                + CompressionLoad.serving(c, view, "zstd", unzstd));
        System.out.println("--- use-zstd");
        System.out.println(type.getMethod("use", String.class, String.class).invoke(commands, "zstd", "native-zstd"));
        System.out.println("zstd-used " + CompressionLoad.serving(c, view, "zstd", zstd) + " "
                + CompressionLoad.serving(c, view, "zstd", unzstd));
        System.out.println("zstd-used-round-trips " + roundTrips(c, view, compressors, decompressors));
        System.out.println("--- reset-zstd");
        System.out.println(type.getMethod("reset", String.class).invoke(commands, "zstd"));
        System.out.println("zstd-reset " + CompressionLoad.serving(c, view, "zstd", zstd) + " "
                + CompressionLoad.serving(c, view, "zstd", unzstd));
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
