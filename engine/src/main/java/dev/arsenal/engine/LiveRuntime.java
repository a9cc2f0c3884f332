package dev.arsenal.engine;

import dev.arsenal.Algorithm;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.Selections;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A runtime whose providers can come and go while it is used, as OSGi bundles do. Each {@link
 * #update} decides every algorithm again (probing and self-testing only providers not seen before)
 * and points every hasher, compressor and decompressor handed out so far at the new choice, before
 * returning: when a bundle's service is unregistering, the update runs first, so new calls already
 * go elsewhere when the provider leaves, while calls in flight finish where they began.
 *
 * <p>What it hands out are {@link Live} objects, generated at build time for each interface ({@code
 * LiveHasher64}, {@code LiveCompressor}...): volatile reads of their own fields, no shared counter,
 * no lock. Streams are the provider's own and stay with it until dropped. The runtime keeps its
 * live objects only weakly (they keep the runtime strongly), and {@link #forget} drops what it knew
 * of a provider, so an uninstalled bundle's class loader can be collected.
 *
 * <p>Asking for an object while no provider can serve it does not fail (bad arguments do): the
 * object throws a {@link ProviderUnavailableException} naming the algorithm and the reason on every
 * call, until an update brings a provider.
 */
public final class LiveRuntime implements ArsenalRuntime {
    private final PlatformInfo platform;
    private final ProviderChecks checks = new ProviderChecks();
    private final Set<Live<?>> handedOut = Collections.newSetFromMap(new WeakHashMap<>());
    private volatile SelectingRuntime current;

    /**
     * Decides with {@code providers} on this process's platform.
     *
     * @param problems lines for the report about providers that could not be obtained
     */
    public LiveRuntime(Configuration configuration, List<? extends Provider> providers, List<String> problems) {
        this.platform = EngineRuntimeFactory.platform();
        this.current = select(configuration, providers, problems);
        SelectionLog.logOnce(current.report(), current.warnings());
    }

    private SelectingRuntime select(
            Configuration configuration, List<? extends Provider> providers, List<String> problems) {
        SelectingRuntime runtime =
                EngineRuntimeFactory.select(configuration, platform, providers, problems, checks, false);
        runtime.report(); // decides every family now: a container re-points everything at each change
        return runtime;
    }

    /**
     * Decides again with another configuration or provider set, and moves every object handed out
     * to the new choice before returning.
     *
     * @throws dev.arsenal.ConfigurationException if the configuration names an unknown algorithm;
     *     the previous selection then stays
     */
    public synchronized void update(
            Configuration configuration, List<? extends Provider> providers, List<String> problems) {
        SelectingRuntime next = select(configuration, providers, problems);
        List<String> fresh = new ArrayList<>(next.warnings());
        fresh.removeAll(current.warnings()); // each problem warned once, not at every bundle event
        SelectionLog.warn(fresh);
        current = next;
        for (Live<?> live : handedOut) {
            repoint(live, next);
        }
    }

    private static <T> void repoint(Live<T> live, SelectingRuntime selection) {
        live.point(live.source().choose(selection));
    }

    /** Drops the probe and self-test outcomes kept for {@code provider}, which has gone. */
    public void forget(Provider provider) {
        checks.forget(provider);
    }

    @Override
    public Configuration configuration() {
        return current.configuration();
    }

    /**
     * What a live object was asked for, in words ({@code what}: "xxh64 hasher"), the algorithm's id
     * for messages, and what its getters answer while nothing serves it ({@code identity}: method
     * name to value).
     */
    private record Request(String what, String algorithm, Map<String, Object> identity) {}

    private <T> T live(Class<T> type, Request request, Function<SelectingRuntime, T> make) {
        Source<T> source = new Source<>(this, type, request, make);
        T chosen = source.choose(current);
        if (!Dispatch.types().contains(type)) {
            ReflectiveDispatch.LiveHandler<T> live = ReflectiveDispatch.live(type, source, chosen);
            handedOut.add(live);
            return live.object();
        }
        Live<T> live = Dispatch.live(type, source, chosen);
        handedOut.add(live);
        return type.cast(live);
    }

    /**
     * The source of a live object: it asks each selection with {@code make}. Holds the runtime
     * ({@code owner}), so that the runtime, which holds its live objects weakly, lives as long as
     * they do.
     */
    private record Source<T>(LiveRuntime owner, Class<T> type, Request request, Function<SelectingRuntime, T> make)
            implements Live.Source<T> {
        @Override
        public T choose(SelectingRuntime selection) {
            try {
                return make.apply(selection);
            } catch (ProviderUnavailableException e) {
                return unavailable(e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                return unavailable("the chosen provider could not make a " + request.what() + ": " + e);
            }
        }

        /**
         * An object that throws a {@link ProviderUnavailableException} with {@code reason} (prefixed
         * with the algorithm unless it names it) on every call, and answers its getters from the
         * request.
         */
        @Override
        public T unavailable(String reason) {
            String message = reason.contains(request.algorithm())
                    ? reason
                    : "no provider for " + request.algorithm() + ": " + reason;
            Object proxy = Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> switch (method.getName()) {
                        case "toString" -> "unavailable " + request.what() + ": " + message;
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> {
                            if (args == null && request.identity().containsKey(method.getName())) {
                                yield request.identity().get(method.getName());
                            }
                            throw new ProviderUnavailableException(message);
                        }
                    });
            return type.cast(proxy);
        }
    }

    /**
     * Points every object handed out at nothing (each call throws with {@code reason}) and stops
     * following providers: for an engine that stops, so that no object keeps a provider, or the
     * engine's choices, alive.
     */
    public synchronized void close(String reason) {
        for (Live<?> live : handedOut) {
            closeOne(live, reason);
        }
        handedOut.clear();
    }

    private static <T> void closeOne(Live<T> live, String reason) {
        live.point(live.source().unavailable(reason));
    }

    @Override
    public RuntimeReport report() {
        return current.report();
    }

    @Override
    public List<Measurement> measure(Family family, Duration budget, Consumer<String> progress) {
        return current.measure(family, budget, progress);
    }

    @Override
    public Calibration calibrate(Family family, Duration budget, Consumer<String> progress) {
        return current.calibrate(family, budget, progress);
    }

    /**
     * The view {@code type} of the family that offers it, whose objects are live: re-pointed at every
     * update to what the new selection gives.
     */
    @Override
    public <V> V view(Class<V> type) {
        return views.of(type);
    }

    /**
     * The selections a family's view sees: what it hands out is live (made again from every new
     * selection); the rest reads the current selection.
     */
    private final Selections selections = new Selections() {
        @Override
        public <T> T handOut(
                Class<T> type,
                String what,
                Algorithm algorithm,
                Map<String, Object> identity,
                Function<Selections, T> make) {
            synchronized (LiveRuntime.this) {
                return live(type, new Request(what, algorithm.id(), identity), s -> make.apply(s.selections()));
            }
        }

        @Override
        public <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
            return handOut(
                    type,
                    algorithm.id() + " " + type.getSimpleName(),
                    algorithm,
                    Map.of("algorithm", algorithm),
                    s -> s.routed(type, algorithm, make));
        }

        @Override
        public Provider chosen(Algorithm algorithm) {
            return current.selections().chosen(algorithm);
        }

        @Override
        public List<Provider> eligible(Algorithm algorithm) {
            return current.selections().eligible(algorithm);
        }

        @Override
        public boolean isForced(Algorithm algorithm) {
            return current.selections().isForced(algorithm);
        }

        @Override
        public Selections snapshot() {
            return current.selections();
        }
    };

    private final Views views = new Views(selections);

    @Override
    public String toString() {
        return "live " + current;
    }
}
