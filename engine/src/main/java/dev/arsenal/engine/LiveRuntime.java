package dev.arsenal.engine;

import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.Family;
import dev.arsenal.ProviderUnavailableException;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.CompressionOptions;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher128;
import dev.arsenal.hashing.Hasher32;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.platform.PlatformInfo;
import dev.arsenal.report.Calibration;
import dev.arsenal.report.Measurement;
import dev.arsenal.report.RuntimeReport;
import dev.arsenal.spi.Provider;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A runtime whose providers can come and go while it is used, as OSGi bundles do. Each {@link
 * #update} decides every algorithm again (probing and self-testing only providers not seen before)
 * and points every hasher handed out so far at the new choice, before returning: when a bundle's
 * service is unregistering, the update runs first, so new calls already go elsewhere when the
 * provider leaves, while calls in flight finish where they began.
 *
 * <p>Hashers handed out are {@code LiveHasher}s (volatile reads of their own fields, no shared
 * counter, no lock);
 * streams are the provider's own and stay with it until dropped. The runtime keeps hashers only
 * weakly, and {@link #forget} drops what it knew of a provider, so an uninstalled bundle's class
 * loader can be collected.
 */
public final class LiveRuntime implements ArsenalRuntime {
    private final PlatformInfo platform;
    private final ProviderChecks checks = new ProviderChecks();
    private final Set<LiveHasher> hashers = Collections.newSetFromMap(new WeakHashMap<>());
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
     * Decides again with another configuration or provider set, and moves every hasher handed out
     * to the new choice before returning. (Creating a hasher while there is no provider for its
     * algorithm does not fail either: the hasher throws on use until an update brings one.)
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
        for (LiveHasher h : hashers) {
            h.retarget(next);
        }
    }

    /** Drops the probe and self-test outcomes kept for {@code provider}, which has gone. */
    public void forget(Provider provider) {
        checks.forget(provider);
    }

    @Override
    public Configuration configuration() {
        return current.configuration();
    }

    @Override
    public synchronized Hasher32 hasher32(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(32);
        algorithm.checkSeed(seed);
        return register(new LiveHasher32(algorithm, seed, this, current));
    }

    @Override
    public synchronized Hasher64 hasher64(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(64);
        algorithm.checkSeed(seed);
        return register(new LiveHasher64(algorithm, seed, this, current));
    }

    @Override
    public synchronized Hasher128 hasher128(HashAlgorithm algorithm, long seed) {
        algorithm.checkBits(128);
        algorithm.checkSeed(seed);
        return register(new LiveHasher128(algorithm, seed, this, current));
    }

    /**
     * The compressor the current selection gives. Not re-pointed on later changes (a compressor is
     * cheap to take again); it stays with its provider, as streams do.
     */
    @Override
    public Compressor compressor(Codec codec, int level, CompressionOptions options) {
        return current.compressor(codec, level, options);
    }

    /** The decompressor the current selection gives; see {@link #compressor}. */
    @Override
    public Decompressor decompressor(Codec codec, CompressionOptions options) {
        return current.decompressor(codec, options);
    }

    /** A dictionary trained by the currently selected provider. */
    @Override
    public byte[] trainDictionary(Codec codec, List<byte[]> samples, int maxSize) {
        return current.trainDictionary(codec, samples, maxSize);
    }

    private <H extends LiveHasher> H register(H hasher) {
        hashers.add(hasher);
        return hasher;
    }

    /**
     * The hasher {@code selection} gives, or, when there is none (no provider left for the
     * algorithm, or the chosen provider failed to make one), an {@linkplain #unavailable
     * unavailable} one, until a later update brings a provider. Never throws: one provider's
     * failure must not stop the other hashers from moving.
     */
    static <H> H orUnavailable(Class<H> type, HashAlgorithm algorithm, long seed, Supplier<H> selection) {
        try {
            return selection.get();
        } catch (ProviderUnavailableException e) {
            return unavailable(type, algorithm, seed, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return unavailable(
                    type, algorithm, seed, "the chosen provider could not make a " + algorithm.id() + " hasher: " + e);
        }
    }

    /**
     * A hasher that throws a {@link ProviderUnavailableException} with {@code reason} on every call
     * and answers {@code algorithm()} and {@code seed()}.
     */
    static <H> H unavailable(Class<H> type, HashAlgorithm algorithm, long seed, String reason) {
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> switch (method.getName()) {
                    case "algorithm" -> algorithm;
                    case "seed" -> seed;
                    case "toString" -> "unavailable " + algorithm.id() + ": " + reason;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new ProviderUnavailableException(reason);
                });
        return type.cast(proxy);
    }

    /**
     * Points every hasher handed out at nothing (each call throws with {@code reason}) and stops
     * following providers: for an engine that stops, so that no hasher keeps a provider, or the
     * engine's choices, alive.
     */
    public synchronized void close(String reason) {
        for (LiveHasher h : hashers) {
            h.close(reason);
        }
        hashers.clear();
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

    @Override
    public String toString() {
        return "live " + current;
    }
}
