package dev.arsenal.itests.osgi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Arsenal's public API seen from outside the framework, by reflection on the classes of the api
 * bundle, as an application bundle would call it. Only api and spi types are named here, never a
 * provider's, so that holding a view keeps no provider bundle's class loader alive.
 */
public final class ArsenalView {
    /** The algorithms the scenarios hash with: enum constant, output bits. */
    public static final Map<String, Integer> ALGORITHMS =
            Map.of("XXH32", 32, "XXH64", 64, "XXH3_64", 64, "XXH3_128", 128);

    private final Bundle api;
    private final Class<?> algorithmType;
    private final Object runtime;
    private final MethodHandle report;

    /** A view of the {@code ArsenalRuntime} service the engine registered. */
    public ArsenalView(BundleContext context, Bundle api) throws ReflectiveOperationException {
        this.api = api;
        this.algorithmType = api.loadClass("dev.arsenal.hashing.HashAlgorithm");
        Class<?> runtimeType = api.loadClass("dev.arsenal.ArsenalRuntime");
        ServiceReference<?> ref = context.getServiceReference(runtimeType.getName());
        if (ref == null) {
            throw new IllegalStateException("no ArsenalRuntime service: the engine component is not active");
        }
        this.runtime = context.getService(ref);
        this.report = MethodHandles.publicLookup()
                .findVirtual(
                        runtimeType, "report", MethodType.methodType(api.loadClass("dev.arsenal.report.RuntimeReport")))
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    /** The runtime service object. */
    public Object runtime() {
        return runtime;
    }

    /** The {@code HashAlgorithm} constant. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object algorithm(String constant) {
        return Enum.valueOf((Class) algorithmType, constant);
    }

    /** {@code runtime.hasherNN(algorithm, seed)} on any runtime object. */
    public Object hasher(Object runtimeObject, String constant, long seed) throws Throwable {
        int bits = ALGORITHMS.get(constant);
        return MethodHandles.publicLookup()
                .findVirtual(
                        api.loadClass("dev.arsenal.ArsenalRuntime"),
                        "hasher" + bits,
                        MethodType.methodType(
                                api.loadClass("dev.arsenal.hashing.Hasher" + bits), algorithmType, long.class))
                .invoke(runtimeObject, algorithm(constant), seed);
    }

    /** {@code Hashing.xxh3_64()}: the static entry, which finds the runtime through the framework. */
    public Object staticXxh3() throws Throwable {
        Class<?> hasher64 = api.loadClass("dev.arsenal.hashing.Hasher64");
        return MethodHandles.publicLookup()
                .findStatic(api.loadClass("dev.arsenal.hashing.Hashing"), "xxh3_64", MethodType.methodType(hasher64))
                .invoke();
    }

    /** The {@code Codec} with this id ("zstd", "lz4+shuffle"). */
    public Object codec(String id) throws Throwable {
        Class<?> codec = api.loadClass("dev.arsenal.compression.Codec");
        return codec.getMethod("byId", String.class).invoke(null, id);
    }

    /**
     * A live compressor of {@code codec} at its default level: {@code Compression.compressor(codec)}
     * (the static entry, which finds the runtime through the framework) if {@code staticEntry}, else
     * {@code runtime.compressor(codec, level)}.
     */
    public Object compressor(String codecId, boolean staticEntry) throws Throwable {
        Object codec = codec(codecId);
        Class<?> codecType = api.loadClass("dev.arsenal.compression.Codec");
        if (staticEntry) {
            return api.loadClass("dev.arsenal.compression.Compression")
                    .getMethod("compressor", codecType)
                    .invoke(null, codec);
        }
        int level = (Integer) codecType.getMethod("defaultLevel").invoke(codec);
        return api.loadClass("dev.arsenal.ArsenalRuntime")
                .getMethod("compressor", codecType, int.class)
                .invoke(runtime, codec, level);
    }

    /** A live decompressor of {@code codec}, from the static entry or the runtime, as {@link #compressor}. */
    public Object decompressor(String codecId, boolean staticEntry) throws Throwable {
        Object codec = codec(codecId);
        Class<?> codecType = api.loadClass("dev.arsenal.compression.Codec");
        Class<?> owner = staticEntry
                ? api.loadClass("dev.arsenal.compression.Compression")
                : api.loadClass("dev.arsenal.ArsenalRuntime");
        return owner.getMethod("decompressor", codecType).invoke(staticEntry ? null : runtime, codec);
    }

    /** {@code compressor.compress(byte[])} on any compressor. */
    public MethodHandle compressBytes() throws ReflectiveOperationException {
        return MethodHandles.publicLookup()
                .findVirtual(
                        api.loadClass("dev.arsenal.compression.Compressor"),
                        "compress",
                        MethodType.methodType(byte[].class, byte[].class))
                .asType(MethodType.methodType(byte[].class, Object.class, byte[].class));
    }

    /** {@code decompressor.decompress(byte[], maxLength)} on any decompressor. */
    public MethodHandle decompressBytes() throws ReflectiveOperationException {
        return MethodHandles.publicLookup()
                .findVirtual(
                        api.loadClass("dev.arsenal.compression.Decompressor"),
                        "decompress",
                        MethodType.methodType(byte[].class, byte[].class, int.class))
                .asType(MethodType.methodType(byte[].class, Object.class, byte[].class, int.class));
    }

    /** The ids of the providers the engine reports available. */
    public Set<String> availableProviders() throws Throwable {
        Object r = report.invoke(runtime);
        Set<String> ids = new TreeSet<>();
        for (Object p : (List<?>) r.getClass().getMethod("providers").invoke(r)) {
            if ((Boolean) p.getClass().getMethod("available").invoke(p)) {
                ids.add((String) p.getClass().getMethod("id").invoke(p));
            }
        }
        return ids;
    }

    /** {@code (Object) hasher.hash(byte[])} for a hasher of {@code bits}, results boxed. */
    public MethodHandle hashBytes(int bits) throws ReflectiveOperationException {
        Class<?> type = api.loadClass("dev.arsenal.hashing.Hasher" + bits);
        Class<?> result = switch (bits) {
            case 32 -> int.class;
            case 64 -> long.class;
            default -> api.loadClass("dev.arsenal.hashing.Hash128");
        };
        return MethodHandles.publicLookup()
                .findVirtual(type, "hash", MethodType.methodType(result, byte[].class))
                .asType(MethodType.methodType(Object.class, Object.class, byte[].class));
    }

    /** A stream method on whatever {@code newStream()} returned, by name: update(byte[]) or digest(). */
    public static Object call(Object target, Class<?> type, String method, Object... args) throws Throwable {
        for (var m : type.getMethods()) {
            if (m.getName().equals(method)
                    && m.getParameterCount() == args.length
                    && (args.length == 0 || m.getParameterTypes()[0] == byte[].class)) {
                return MethodHandles.publicLookup().unreflect(m).invokeWithArguments(prepend(target, args));
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + method);
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** An api type by name. */
    public Class<?> apiClass(String name) throws ClassNotFoundException {
        return api.loadClass(name);
    }

    /**
     * Per algorithm id, the route of the current selection: "provider" or
     * "small&lt;crossover,large", "none" without a provider.
     */
    public Map<String, String> routes() throws Throwable {
        return routesOf(report.invoke(runtime));
    }

    /** {@link #routes()} of any {@code RuntimeReport} object. */
    public static Map<String, String> routesOf(Object r) throws ReflectiveOperationException {
        Map<String, String> routes = new LinkedHashMap<>();
        for (Object decision : (List<?>) r.getClass().getMethod("selection").invoke(r)) {
            String algorithm =
                    (String) decision.getClass().getMethod("algorithm").invoke(decision);
            List<?> tiers = (List<?>) decision.getClass().getMethod("tiers").invoke(decision);
            StringBuilder route = new StringBuilder();
            for (int i = 0; i < tiers.size(); i++) {
                Object tier = tiers.get(i);
                if (i > 0) {
                    long from = (Long) tier.getClass().getMethod("fromBytes").invoke(tier);
                    route.append('<').append(from).append(',');
                }
                route.append(tier.getClass().getMethod("provider").invoke(tier));
            }
            routes.put(algorithm, route.isEmpty() ? "none" : route.toString());
        }
        return routes;
    }

    /** The provider a route sends an input of {@code length} bytes to. */
    public static String providerFor(String route, int length) {
        String provider = route;
        String[] parts = route.split(",");
        provider = parts[0].contains("<") ? parts[0].substring(0, parts[0].indexOf('<')) : parts[0];
        for (int i = 0; i + 1 < parts.length; i++) {
            long crossover = Long.parseLong(parts[i].substring(parts[i].indexOf('<') + 1));
            String next =
                    parts[i + 1].contains("<") ? parts[i + 1].substring(0, parts[i + 1].indexOf('<')) : parts[i + 1];
            if (length >= crossover) {
                provider = next;
            }
        }
        return provider;
    }

    /** The reason of one decision, for messages. */
    public Optional<String> reason(String algorithmId) throws Throwable {
        Object r = report.invoke(runtime);
        Optional<?> d =
                (Optional<?>) r.getClass().getMethod("decision", String.class).invoke(r, algorithmId);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((String) d.get().getClass().getMethod("reason").invoke(d.get()));
    }
}
