package dev.arsenal.itests.osgi;

import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The compression load of the hot-swap scenario: workers compress and decompress with live
 * compressors and decompressors taken once at the start (one worker through the static entries
 * {@code Compression.compressor(codec)}, as an application keeps them in {@code static final}
 * fields), every codec, inputs from 0 bytes to 1 MiB. Every frame must come back byte for byte
 * through the live decompressor and through the decompressor of every other available provider of
 * the codec (cross-provider). Which provider served a call is read from the live object's own field
 * before and after the call (the object it calls, whose class names its provider and whose class
 * loader its bundle revision): a call served by a revision that is no longer current, or by a
 * stopped bundle, while no operation overlapped it, is stale.
 */
final class CompressionLoad {
    /** Every codec: each has providers in the java bundle and in the native (or SIMD) bundle. */
    static final List<String> CODECS = List.of("lz4", "lz4-block", "zstd", "gzip", "lz4+shuffle", "zstd+shuffle");

    /** Calls each compression worker makes: far fewer than a hasher's, as a call costs milliseconds. */
    static final HotSwap.Counts COUNTS = new HotSwap.Counts(20, 4, 8);

    /** A provider's compressor, decompressor or shuffle stage, and the provider ("simd-shuffle+native-lz4"). */
    record Coder(String provider, Object coder) {}

    private final Map<String, String> providerOfClass;
    private final byte[][] inputs = inputs();
    private final MethodHandle compress;
    private final MethodHandle decompress;

    private CompressionLoad(Map<String, String> providerOfClass, ArsenalView view) throws ReflectiveOperationException {
        this.providerOfClass = providerOfClass;
        this.compress = view.compressBytes();
        this.decompress = view.decompressBytes();
    }

    /** Inputs of 0 bytes to 1 MiB: words with a random byte now and then, so that every codec finds matches. */
    static byte[][] inputs() {
        int[] sizes = {0, 1, 100, 4096, 65536 + 3, 1 << 20};
        String[] words = {"arsenal ", "frame ", "zstd ", "lz4 ", "gzip ", "block\n", "0123456789 ", "hot-swap "};
        Random random = new Random(14);
        byte[][] inputs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            inputs[i] = new byte[sizes[i]];
            for (int at = 0; at < sizes[i]; ) {
                byte[] w = random.nextInt(16) == 0
                        ? new byte[] {(byte) random.nextInt()}
                        : words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
                int n = Math.min(w.length, sizes[i] - at);
                System.arraycopy(w, 0, inputs[i], at, n);
                at += n;
            }
        }
        return inputs;
    }

    /**
     * Per codec id, the compressors ({@code compress}) or decompressors of every provider the engine
     * reports available, made straight from the provider services (not through the selection), and
     * under "shuffle" the shuffle stages; for a shuffle codec, each stage in front of each inner
     * codec's object, as the engine composes them.
     */
    static Map<String, List<Coder>> coders(Container c, ArsenalView view, boolean compress) throws Throwable {
        Bundle spi = c.bundle("dev.arsenal.spi");
        Class<?> providerType = spi.loadClass("dev.arsenal.spi.Provider");
        Class<?> compressionType = spi.loadClass("dev.arsenal.spi.compression.CompressionProvider");
        Class<?> shuffleType = spi.loadClass("dev.arsenal.spi.compression.ShuffleProvider");
        Class<?> codecType = view.apiClass("dev.arsenal.compression.Codec");
        Set<String> available = view.availableProviders();
        Map<String, List<Coder>> coders = new TreeMap<>();
        BundleContext context = c.context();
        ServiceReference<?>[] refs = context.getServiceReferences(providerType.getName(), null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object p = context.getService(ref);
            if (p == null) {
                continue; // unregistered meanwhile
            }
            try {
                String id = (String) providerType.getMethod("id").invoke(p);
                if (!available.contains(id)) {
                    continue;
                }
                if (shuffleType.isInstance(p)) {
                    add(coders, "shuffle", id, shuffleType.getMethod("shuffle").invoke(p));
                } else if (compressionType.isInstance(p)) {
                    for (Object codec :
                            (Set<?>) compressionType.getMethod("algorithms").invoke(p)) {
                        String codecId = (String) codecType.getMethod("id").invoke(codec);
                        int level =
                                (Integer) codecType.getMethod("defaultLevel").invoke(codec);
                        if (!compress) {
                            add(
                                    coders,
                                    codecId,
                                    id,
                                    compressionType
                                            .getMethod("decompressor", codecType)
                                            .invoke(p, codec));
                        } else if ((Boolean) compressionType
                                .getMethod("supports", codecType, int.class)
                                .invoke(p, codec, level)) {
                            add(
                                    coders,
                                    codecId,
                                    id,
                                    compressionType
                                            .getMethod("compressor", codecType, int.class)
                                            .invoke(p, codec, level));
                        }
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        Class<?> frames = spi.loadClass("dev.arsenal.spi.compression.ShuffleFrames");
        Class<?> shuffleStage = spi.loadClass("dev.arsenal.spi.compression.ByteShuffle");
        for (String codecId : CODECS) {
            if (!codecId.endsWith("+shuffle")) {
                continue;
            }
            Object codec = view.codec(codecId);
            for (Coder stage : coders.getOrDefault("shuffle", List.of())) {
                for (Coder inner : coders.getOrDefault(inner(codecId), List.of())) {
                    Object composed = compress
                            ? frames.getMethod(
                                            "compressor",
                                            codecType,
                                            shuffleStage,
                                            view.apiClass("dev.arsenal.compression.Compressor"),
                                            int.class)
                                    .invoke(null, codec, stage.coder(), inner.coder(), 8)
                            : frames.getMethod(
                                            "decompressor",
                                            codecType,
                                            shuffleStage,
                                            view.apiClass("dev.arsenal.compression.Decompressor"))
                                    .invoke(null, codec, stage.coder(), inner.coder());
                    add(coders, codecId, stage.provider() + "+" + inner.provider(), composed);
                }
            }
        }
        return coders;
    }

    private static void add(Map<String, List<Coder>> coders, String key, String provider, Object coder) {
        coders.computeIfAbsent(key, k -> new ArrayList<>()).add(new Coder(provider, coder));
    }

    private static String inner(String codecId) {
        return codecId.substring(0, codecId.indexOf('+'));
    }

    /**
     * Which provider each class serves for, "codec class name" to provider id, from the objects the
     * available providers make now (class names, so that no class loader is kept).
     */
    private static Map<String, String> providerOfClass(Container c, ArsenalView view) throws Throwable {
        Map<String, String> table = new HashMap<>();
        for (boolean compress : new boolean[] {true, false}) {
            coders(c, view, compress).forEach((codec, coders) -> {
                for (Coder coder : coders) {
                    if (!coder.provider().contains("+")) {
                        String key = codec + " " + coder.coder().getClass().getName();
                        String before = table.putIfAbsent(key, coder.provider());
                        if (before != null && !before.equals(coder.provider())) {
                            throw new IllegalStateException(key + " is made by " + before + " and " + coder.provider());
                        }
                    }
                }
            });
        }
        return table;
    }

    /** The provider that serves {@code codecId} through {@code target}: "native-zstd", "simd-shuffle+native-lz4". */
    private String servedBy(String codecId, Object target) {
        List<Object> parts = HotSwap.parts(target);
        if (parts.size() == 2) {
            return name("shuffle", parts.get(0)) + "+" + name(inner(codecId), parts.get(1));
        }
        return name(codecId, target);
    }

    /** The provider a live compressor or decompressor of {@code codecId} calls now ("zstd-jni"). */
    static String serving(Container c, ArsenalView view, String codecId, Object live) throws Throwable {
        return new CompressionLoad(providerOfClass(c, view), view).servedBy(codecId, HotSwap.target(live, "large"));
    }

    private String name(String key, Object o) {
        return providerOfClass.getOrDefault(
                key + " " + o.getClass().getName(), o.getClass().getName());
    }

    /**
     * Checks that the frames every available provider writes decode with every available provider
     * of the codec, for every input; prints {@code compression-matrix-frames} (frames decoded) and
     * counts what came back wrong or failed in {@code tally}.
     */
    static void crossMatrix(Container c, ArsenalView view, HotSwap.Tally tally) throws Throwable {
        CompressionLoad load = new CompressionLoad(Map.of(), view);
        Map<String, List<Coder>> writers = coders(c, view, true);
        Map<String, List<Coder>> readers = coders(c, view, false);
        long decoded = 0;
        for (String codec : CODECS) {
            for (Coder writer : writers.getOrDefault(codec, List.of())) {
                for (byte[] input : load.inputs) {
                    byte[] frame = (byte[]) load.compress.invokeExact(writer.coder(), input);
                    for (Coder reader : readers.getOrDefault(codec, List.of())) {
                        String what = codec + " of " + input.length + " bytes written by " + writer.provider()
                                + ", read by " + reader.provider();
                        try {
                            byte[] back = (byte[]) load.decompress.invokeExact(reader.coder(), frame, input.length);
                            if (!Arrays.equals(back, input)) {
                                tally.problem(tally.wrong, "wrong " + what);
                            }
                        } catch (Throwable e) {
                            tally.failed(what, e);
                        }
                        decoded++;
                    }
                }
            }
        }
        System.out.println("compression-matrix-frames " + decoded);
    }

    /**
     * Starts {@code threads} workers into {@code workers}, each with live compressors and
     * decompressors of every codec taken now (listed in {@code live}, object to codec id); returns
     * the tally they count into.
     */
    static HotSwap.Tally start(
            Container c,
            ArsenalView view,
            int threads,
            AtomicReference<HotSwap.Phase> phase,
            AtomicBoolean running,
            Map<Object, String> live,
            List<HotSwap.Worker> workers)
            throws Throwable {
        HotSwap.Tally tally = new HotSwap.Tally("compression-");
        crossMatrix(c, view, tally);
        CompressionLoad load = new CompressionLoad(providerOfClass(c, view), view);
        for (int t = 0; t < threads; t++) {
            Map<String, Object> compressors = new HashMap<>();
            Map<String, Object> decompressors = new HashMap<>();
            for (String codec : CODECS) {
                // Worker 0 takes them through the static entries, the others through the runtime service.
                compressors.put(codec, view.compressor(codec, t == 0));
                decompressors.put(codec, view.decompressor(codec, t == 0));
                live.put(compressors.get(codec), codec);
                live.put(decompressors.get(codec), codec);
            }
            Random random = new Random(100 + t);
            workers.add(new HotSwap.Worker(
                    "compression-" + t,
                    COUNTS,
                    running,
                    () -> load.call(random, compressors, decompressors, phase.get(), phase, tally)));
        }
        return tally;
    }

    /** One counted call: a round trip of one input through one codec, and the frame read by every other provider. */
    private void call(
            Random random,
            Map<String, Object> compressors,
            Map<String, Object> decompressors,
            HotSwap.Phase p,
            AtomicReference<HotSwap.Phase> phase,
            HotSwap.Tally tally) {
        String codec = CODECS.get(random.nextInt(CODECS.size()));
        byte[] input = inputs[random.nextInt(inputs.length)];
        Object compressor = compressors.get(codec);
        Object decompressor = decompressors.get(codec);
        Object compressedBy = HotSwap.target(compressor, "large");
        Object decompressedBy = HotSwap.target(decompressor, "large");
        String what = codec + " of " + input.length + " bytes";
        try {
            byte[] frame = (byte[]) compress.invokeExact(compressor, input);
            byte[] back = (byte[]) decompress.invokeExact(decompressor, frame, input.length);
            if (!Arrays.equals(back, input)) {
                tally.problem(
                        tally.wrong,
                        "wrong round trip of " + what + " through " + compressedBy + ", " + decompressedBy);
            }
            for (Coder other : p.decoders().getOrDefault(codec, List.of())) {
                try {
                    byte[] again = (byte[]) decompress.invokeExact(other.coder(), frame, input.length);
                    if (!Arrays.equals(again, input)) {
                        tally.problem(
                                tally.wrong,
                                "wrong " + what + " written by " + compressedBy + ", read by " + other.provider());
                    }
                    tally.served("read-by " + other.provider());
                } catch (Throwable e) {
                    // The scenario's own provider object of a bundle that went meanwhile is no Arsenal failure.
                    if (phase.get() == p) {
                        tally.failed(what + " read by " + other.provider(), e);
                    }
                }
            }
        } catch (Throwable e) {
            tally.failed(what, e);
        }
        tally.calls.increment();
        if (phase.get() != p
                || !p.settled()
                || HotSwap.target(compressor, "large") != compressedBy
                || HotSwap.target(decompressor, "large") != decompressedBy) {
            tally.straddled.increment();
            return;
        }
        tally.served("compressor " + servedBy(codec, compressedBy));
        tally.served("decompressor " + servedBy(codec, decompressedBy));
        for (Object target : List.of(compressedBy, decompressedBy)) {
            for (Object part : HotSwap.parts(target)) {
                if (!p.current().contains(part.getClass().getClassLoader())) {
                    tally.problem(
                            tally.stale,
                            "stale " + what + " served by " + servedBy(codec, target) + " ("
                                    + part.getClass().getName() + " of a bundle revision that is gone or stopped)");
                }
            }
        }
    }
}
