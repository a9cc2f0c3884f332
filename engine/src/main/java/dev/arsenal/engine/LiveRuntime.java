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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A runtime whose providers can come and go while it is used, as OSGi bundles do. Each {@link
 * #update} decides every algorithm again (probing and self-testing only providers not seen before)
 * and points every hasher, compressor and decompressor handed out so far at the new choice, before
 * returning: when a bundle's service is unregistering, the update runs first, so new calls already
 * go elsewhere when the provider leaves, while calls in flight finish where they began.
 *
 * <p>What it hands out are {@link Live} objects, generated at build time for each interface ({@code
 * LiveHasher64}, {@code LiveCompressor}...): volatile reads of their own fields, no shared counter,
 * no lock. The runtime keeps its live objects only weakly (they keep the runtime strongly), and
 * {@link #forget} drops what it knew of a provider, so an uninstalled bundle's class loader can be
 * collected.
 *
 * <p>A stream a live object begins ({@code newStream()}, {@code compressing(out)}) stays with the
 * provider that made it: it cannot move in the middle of a hash or a frame. It is bound to that
 * provider by a {@link Lease}, which {@link #forget} ends: from then on each of its calls fails with a
 * {@link ProviderUnavailableException} naming the provider, rather than running code of a departed
 * bundle.
 *
 * <p>Asking for an object while no provider can serve it does not fail (bad arguments do): the
 * object throws a {@link ProviderUnavailableException} naming the algorithm and the reason on every
 * call, until an update brings a provider.
 */
public final class LiveRuntime implements ArsenalRuntime {
    private final PlatformInfo platform;
    private final ProviderChecks checks = new ProviderChecks();
    private final Set<Live<?>> handedOut = Collections.newSetFromMap(new WeakHashMap<>());
    /** One lease per provider that made something handed out, until {@link #forget}; guarded by this. */
    private final Map<Provider, Lease> leases = new IdentityHashMap<>();

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

    /**
     * Drops the probe and self-test outcomes kept for {@code provider}, which has gone, and ends its
     * lease: the streams it began fail from their next call on, naming it.
     */
    public void forget(Provider provider) {
        checks.forget(provider);
        Lease lease;
        synchronized (this) {
            lease = leases.remove(provider);
        }
        if (lease != null) {
            lease.end("it left the runtime: its bundle was stopped, updated or uninstalled");
        }
    }

    /** The lease of {@code provider}, made at its first use. */
    private synchronized Lease leaseOf(Provider provider) {
        return leases.computeIfAbsent(provider, p -> Lease.of(p.id()));
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

    private <T> T live(Class<T> type, Request request, Function<Selections, T> make) {
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
     * The source of a live object: it asks each selection with {@code make}, noting which provider
     * made which object, for the leases of the streams those objects begin. Holds the runtime
     * ({@code owner}), so that the runtime, which holds its live objects weakly, lives as long as
     * they do.
     */
    private static final class Source<T> implements Live.Source<T> {
        private final LiveRuntime owner;
        private final Class<T> type;
        private final Request request;
        private final Function<Selections, T> make;
        /**
         * What the last choice was made of. Only the last: an earlier one would keep a departed
         * provider's objects, and so its class loader, alive.
         */
        private volatile Made last = Made.NOTHING;

        Source(LiveRuntime owner, Class<T> type, Request request, Function<Selections, T> make) {
            this.owner = owner;
            this.type = type;
            this.request = request;
            this.make = make;
        }

        @Override
        public T choose(SelectingRuntime selection) {
            Noting noting = new Noting(selection.selections(), owner);
            T chosen;
            try {
                chosen = make.apply(noting);
            } catch (ProviderUnavailableException e) {
                chosen = unavailable(e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                chosen = unavailable("the chosen provider could not make a " + request.what() + ": " + e);
            }
            last = noting.made();
            return chosen;
        }

        @Override
        public Lease lease(Object chosen) {
            Made made = last;
            Lease lease = made.leaseOf(chosen);
            // An object not made directly by a provider (a shuffle stage in front of another
            // provider's compressor) needs every provider its choice was made of. So does, less
            // exactly, one a call read just before a new choice replaced it; a stream it begins
            // still fails with a ProviderUnavailableException if its provider's classes are gone.
            return lease != null ? lease : made.all();
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
     * The objects one choice was made of, each with the lease of the provider that made it (by
     * identity: a few entries, searched in order).
     */
    private record Made(List<Object> objects, List<Lease> leases) {
        static final Made NOTHING = new Made(List.of(), List.of());

        /** The lease of {@code object}, or null if this choice did not make it. */
        Lease leaseOf(Object object) {
            for (int i = 0; i < objects.size(); i++) {
                if (objects.get(i) == object) {
                    return leases.get(i);
                }
            }
            return null;
        }

        /** The lease of every provider of the choice. */
        Lease all() {
            return Lease.allOf(leases);
        }
    }

    /**
     * A selection that notes each object a provider makes for one choice: those {@link #routed}
     * makes, and those a view reports through {@link #madeBy}.
     */
    private static final class Noting implements Selections {
        private final Selections selections;
        private final LiveRuntime owner;
        private final List<Object> objects = new ArrayList<>();
        private final List<Lease> leases = new ArrayList<>();

        Noting(Selections selections, LiveRuntime owner) {
            this.selections = selections;
            this.owner = owner;
        }

        Made made() {
            return objects.isEmpty() ? Made.NOTHING : new Made(List.copyOf(objects), List.copyOf(leases));
        }

        @Override
        public <T> T madeBy(Provider provider, T object) {
            objects.add(object);
            leases.add(owner.leaseOf(provider));
            return object;
        }

        @Override
        public <T> T handOut(
                Class<T> type,
                Algorithm algorithm,
                String noun,
                Supplier<Map<String, Object>> identity,
                Function<Selections, T> make) {
            return make.apply(this);
        }

        @Override
        public <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
            return selections.routed(type, algorithm, p -> madeBy(p, make.apply(p)));
        }

        @Override
        public Provider chosen(Algorithm algorithm) {
            return selections.chosen(algorithm);
        }

        @Override
        public List<Provider> eligible(Algorithm algorithm) {
            return selections.eligible(algorithm);
        }

        @Override
        public boolean isForced(Algorithm algorithm) {
            return selections.isForced(algorithm);
        }

        @Override
        public Selections snapshot() {
            return selections.snapshot();
        }
    }

    /**
     * Points every object handed out at nothing (each call throws with {@code reason}), ends every
     * provider's lease (the streams begun fail, with {@code reason}) and stops following providers:
     * for an engine that stops, so that no object keeps a provider, or the engine's choices, alive.
     */
    public synchronized void close(String reason) {
        for (Live<?> live : handedOut) {
            closeOne(live, reason);
        }
        handedOut.clear();
        leases.values().forEach(l -> l.end(reason));
        leases.clear();
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
                Algorithm algorithm,
                String noun,
                Supplier<Map<String, Object>> identity,
                Function<Selections, T> make) {
            synchronized (LiveRuntime.this) {
                return live(type, new Request(algorithm.id() + " " + noun, algorithm.id(), identity.get()), make);
            }
        }

        @Override
        public <T> T routed(Class<T> type, Algorithm algorithm, Function<Provider, T> make) {
            return handOut(
                    type,
                    algorithm,
                    type.getSimpleName(),
                    () -> Map.of("algorithm", algorithm),
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
