package dev.arsenal.benchmarks;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.benchmarks.compression.Corpus;
import dev.arsenal.compression.Codec;
import dev.arsenal.compression.Compressor;
import dev.arsenal.compression.Decompressor;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Tier;
import dev.arsenal.spi.Provider;
import dev.arsenal.spi.compression.CompressionProvider;
import dev.arsenal.spi.hashing.HashingProvider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the engine's generated dispatch objects cost: a provider's own object against the same
 * object wrapped in a tiered record and in a live object, on calls short enough for a dispatch cost
 * to show.
 *
 * <p>Operations: XXH3-64 {@code hash(byte[16])} and {@code hashLong(long)}; LZ4 block level 1
 * {@code compress} of 4 KiB and {@code decompress} of the result back to 4 KiB (the first 4 KiB of
 * Calgary's {@code bib}, text; the same block at every op, so that only the call differs). For each
 * operation, three objects:
 *
 * <ul>
 *   <li>{@code direct*}: the provider's own object, from the provider found by {@link ServiceLoader}
 *       ({@code HashingProvider.hasher64}, {@code CompressionProvider.compressor/decompressor}),
 *       no engine in between. The provider is the one the default runtime's decision assigns to the
 *       input's size (java-hashing for 16 and 8 bytes of XXH3 on the reference machine), so every
 *       column runs the same code.
 *   <li>{@code tiered*}: that object in the generated tiered record ({@code TieredHasher64}, {@code
 *       TieredCompressor}, {@code TieredDecompressor}) with the same object on both sides and a
 *       crossover above the input (256 B for hashing, 64 KiB for LZ4), so the input goes to {@code
 *       small}; {@code hashLong} goes to {@code small} always. The records are package-private, so
 *       the engine's generated {@code Dispatch.tiered} factory is called by reflection, once.
 *   <li>{@code live*}: what a {@code LiveRuntime} (the runtime the engine registers in OSGi, built
 *       here from the providers on the class path) hands out: {@code LiveHasher64}, {@code
 *       LiveCompressor}, {@code LiveDecompressor}, the same routing with volatile fields.
 * </ul>
 *
 * <p>Each object is measured twice: from an instance field of this state ({@code directHash}), and
 * from a {@code static final} field ({@code directHashStaticFinal}), the way applications usually
 * keep such objects. Only the second lets C2 treat the object as a constant, and the fields of a
 * record too (HotSpot trusts the final fields of records, not those of other classes), so the tiered
 * record then folds to its one comparison; a live object's fields are volatile and are read at
 * every call either way.
 *
 * <p>{@code selectedHash} and {@code selectedHashLong} (and their {@code StaticFinal} forms) call
 * {@link Hashing#xxh3_64()} as the default runtime gives it: a tiered record of two providers when
 * the decision splits XXH3 by size (java-hashing below 256 B and simd-xxh3 from there, on the
 * reference machine), else the provider's own hasher. {@code lookupEveryCall} asks {@link
 * Hashing#xxh3_64()} for every hash, the misuse its javadoc warns against.
 *
 * <p><b>The target</b> (issue 14): each wrapper's average time at most 1.05 times that of the
 * {@code direct*} benchmark of the same operation and the same kind of field, with JMH's errors
 * taken into account. {@code MarkdownReport} prints these ratios. Each benchmark runs in its own
 * fork, so every call site is monomorphic; run several forks (C2 compiles the same code to a fast
 * or a slow version from one JVM to the next, see {@code docs/benchmarks.md}). Setup checks that all
 * objects of an operation give the same result, and prints what each one is.
 *
 * <p>Run, from the project root (the corpus is found from the working directory):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -f 3 -wi 5 -w 500ms -i 5 -r 500ms
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            // JMH uses sun.misc.Unsafe: allowed, without JDK 25's warning.
            "--sun-misc-unsafe-memory-access=allow"
        })
public class DispatchBenchmark {
    private static final HashAlgorithm ALGORITHM = HashAlgorithm.XXH3_64;
    private static final Codec CODEC = Codec.LZ4_BLOCK;
    private static final int LEVEL = 1;

    /** Of {@code hash}: short, so that a dispatch cost would show. */
    private static final int HASH_LENGTH = 16;

    /** The tiered hasher's crossover: above {@link #HASH_LENGTH}, the selection's on the reference machine. */
    private static final int HASH_CROSSOVER = 256;

    /** The tiered compressor's and decompressor's crossover: above the 4 KiB block. */
    private static final int CODEC_CROSSOVER = 64 << 10;

    private static final long VALUE = 0x9E3779B97F4A7C15L;

    /** The objects measured, made once per JVM; the instance fields below hold the same ones. */
    private static final Subjects SUBJECTS = Subjects.make();

    private static final Hasher64 DIRECT_HASHER = SUBJECTS.directHasher;
    private static final Hasher64 DIRECT_LONG_HASHER = SUBJECTS.directLongHasher;
    private static final Hasher64 TIERED_HASHER = SUBJECTS.tieredHasher;
    private static final Hasher64 TIERED_LONG_HASHER = SUBJECTS.tieredLongHasher;
    private static final Hasher64 LIVE_HASHER = SUBJECTS.liveHasher;
    private static final Hasher64 SELECTED_HASHER = SUBJECTS.selectedHasher;
    private static final Compressor DIRECT_COMPRESSOR = SUBJECTS.directCompressor;
    private static final Compressor TIERED_COMPRESSOR = SUBJECTS.tieredCompressor;
    private static final Compressor LIVE_COMPRESSOR = SUBJECTS.liveCompressor;
    private static final Decompressor DIRECT_DECOMPRESSOR = SUBJECTS.directDecompressor;
    private static final Decompressor TIERED_DECOMPRESSOR = SUBJECTS.tieredDecompressor;
    private static final Decompressor LIVE_DECOMPRESSOR = SUBJECTS.liveDecompressor;

    private Hasher64 directHasher;
    private Hasher64 directLongHasher;
    private Hasher64 tieredHasher;
    private Hasher64 tieredLongHasher;
    private Hasher64 liveHasher;
    private Hasher64 selectedHasher;
    private Compressor directCompressor;
    private Compressor tieredCompressor;
    private Compressor liveCompressor;
    private Decompressor directDecompressor;
    private Decompressor tieredDecompressor;
    private Decompressor liveDecompressor;

    private byte[] bytes;
    private long value;
    private byte[] block;
    private byte[] compressed;
    private int compressedLength;
    private byte[] out;
    private byte[] restored;

    @Setup(Level.Trial)
    public void setUp() {
        Subjects s = SUBJECTS;
        directHasher = s.directHasher;
        directLongHasher = s.directLongHasher;
        tieredHasher = s.tieredHasher;
        tieredLongHasher = s.tieredLongHasher;
        liveHasher = s.liveHasher;
        selectedHasher = s.selectedHasher;
        directCompressor = s.directCompressor;
        tieredCompressor = s.tieredCompressor;
        liveCompressor = s.liveCompressor;
        directDecompressor = s.directDecompressor;
        tieredDecompressor = s.tieredDecompressor;
        liveDecompressor = s.liveDecompressor;
        block = s.block;
        bytes = Arrays.copyOf(block, HASH_LENGTH);
        value = VALUE;
        out = new byte[(int) directCompressor.maxCompressedLength(block.length)];
        compressedLength = directCompressor.compress(block, 0, block.length, out, 0, out.length);
        compressed = Arrays.copyOf(out, compressedLength);
        restored = new byte[block.length];
        s.check(bytes, value, compressed, block);
    }

    /**
     * The objects of every column, and the checks that they compute the same function. Built in the
     * static initializer, so that the {@code static final} fields can hold them; an exception here
     * fails every benchmark of the fork with its message.
     */
    private static final class Subjects {
        final String hashProvider;
        final String longHashProvider;
        final String codecProvider;
        final Hasher64 directHasher;
        final Hasher64 directLongHasher;
        final Hasher64 tieredHasher;
        final Hasher64 tieredLongHasher;
        final Hasher64 liveHasher;
        final Hasher64 selectedHasher;
        final Compressor directCompressor;
        final Compressor tieredCompressor;
        final Compressor liveCompressor;
        final Decompressor directDecompressor;
        final Decompressor tieredDecompressor;
        final Decompressor liveDecompressor;
        final byte[] block;

        private Subjects() {
            List<Provider> providers = ServiceLoader.load(Provider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
            ArsenalRuntime live = liveRuntime(providers);
            hashProvider = chosenFor(ALGORITHM.id(), HASH_LENGTH);
            longHashProvider = chosenFor(ALGORITHM.id(), Long.BYTES);
            codecProvider = chosenFor(CODEC.id(), 4 << 10);

            directHasher =
                    provider(providers, hashProvider, HashingProvider.class).hasher64(ALGORITHM, 0);
            directLongHasher = longHashProvider.equals(hashProvider)
                    ? directHasher
                    : provider(providers, longHashProvider, HashingProvider.class)
                            .hasher64(ALGORITHM, 0);
            tieredHasher = tiered(Hasher64.class, directHasher, directHasher, HASH_CROSSOVER);
            tieredLongHasher = directLongHasher == directHasher
                    ? tieredHasher
                    : tiered(Hasher64.class, directLongHasher, directLongHasher, HASH_CROSSOVER);
            liveHasher = live.hasher64(ALGORITHM, 0);
            selectedHasher = Hashing.xxh3_64();

            CompressionProvider codec = provider(providers, codecProvider, CompressionProvider.class);
            directCompressor = codec.compressor(CODEC, LEVEL);
            directDecompressor = codec.decompressor(CODEC);
            tieredCompressor = tiered(Compressor.class, directCompressor, directCompressor, CODEC_CROSSOVER);
            tieredDecompressor = tiered(Decompressor.class, directDecompressor, directDecompressor, CODEC_CROSSOVER);
            liveCompressor = live.compressor(CODEC, LEVEL);
            liveDecompressor = live.decompressor(CODEC);
            block = Corpus.groups("4k")[0][0];
        }

        static Subjects make() {
            Subjects s = new Subjects();
            System.out.println("# " + ALGORITHM.id() + ": direct " + s.hashProvider + " ("
                    + s.directHasher.getClass().getName() + "), for hashLong " + s.longHashProvider
                    + "; tiered " + s.tieredHasher + "; " + s.liveHasher + "; selected " + s.selectedHasher);
            System.out.println("# " + CODEC.id() + " level " + LEVEL + ": direct " + s.codecProvider + " ("
                    + s.directCompressor.getClass().getName() + ", "
                    + s.directDecompressor.getClass().getName() + "); tiered " + s.tieredCompressor + "; "
                    + s.liveCompressor + ", " + s.liveDecompressor);
            return s;
        }

        /**
         * Checks that every object of an operation gives the direct object's result.
         *
         * @throws IllegalStateException naming the operation and the object that disagrees
         */
        void check(byte[] bytes, long value, byte[] compressed, byte[] original) {
            long hash = directHasher.hash(bytes);
            long hashOfLong = directLongHasher.hashLong(value);
            for (Hasher64 h : List.of(tieredHasher, liveHasher, selectedHasher)) {
                same("hash(byte[" + bytes.length + "])", h, hash == h.hash(bytes));
            }
            for (Hasher64 h : List.of(tieredLongHasher, liveHasher, selectedHasher)) {
                same("hashLong", h, hashOfLong == h.hashLong(value));
            }
            byte[] out = new byte[compressed.length * 2 + 64];
            for (Compressor c : List.of(tieredCompressor, liveCompressor)) {
                int n = c.compress(original, 0, original.length, out, 0, out.length);
                same("compress", c, Arrays.equals(compressed, 0, compressed.length, out, 0, n));
            }
            if (Arsenal.runtime().compressor(CODEC, LEVEL).getClass() != directCompressor.getClass()) {
                throw new IllegalStateException(
                        "not measured: the default runtime's " + CODEC.id() + " compressor is not " + codecProvider
                                + "'s: " + Arsenal.runtime().compressor(CODEC, LEVEL));
            }
            byte[] back = new byte[original.length];
            for (Decompressor d : List.of(directDecompressor, tieredDecompressor, liveDecompressor)) {
                Arrays.fill(back, (byte) 0);
                int n = d.decompress(compressed, 0, compressed.length, back, 0, back.length);
                same("decompress", d, n == original.length && Arrays.equals(back, original));
            }
        }

        private static void same(String operation, Object object, boolean same) {
            if (!same) {
                throw new IllegalStateException(
                        "not measured: " + object + " disagrees with the provider's own object on " + operation);
            }
        }

        /** The provider {@code id} among {@code providers}, as a {@code type}. */
        private static <P> P provider(List<Provider> providers, String id, Class<P> type) {
            return providers.stream()
                    .filter(p -> p.id().equals(id))
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "not measured: no " + type.getSimpleName() + " '" + id + "' on the class path"));
        }

        /**
         * The provider the default runtime's decision for {@code algorithm} assigns to inputs of
         * {@code bytes} bytes: the one of the tier they fall in when the decision is split by size.
         */
        private static String chosenFor(String algorithm, long bytes) {
            Decision decision = Arsenal.runtime()
                    .report()
                    .decision(algorithm)
                    .orElseThrow(() -> new IllegalStateException("not measured: no decision for " + algorithm));
            String tierProvider = null;
            long tierStart = -1;
            for (Tier tier : decision.tiers()) {
                if (tier.fromBytes() <= bytes && tier.fromBytes() > tierStart) {
                    tierProvider = tier.provider();
                    tierStart = tier.fromBytes();
                }
            }
            if (tierProvider != null) {
                return tierProvider;
            }
            return decision.provider()
                    .orElseThrow(
                            () -> new IllegalStateException("not measured: the default runtime chose no provider for "
                                    + algorithm + ": " + decision.reason()));
        }

        /**
         * The engine's generated tiered record of {@code type}, made by {@code Dispatch.tiered}: the
         * engine is a run-time dependency only and the factory package-private, hence reflection
         * (the benchmark jar puts every class in the unnamed module, where it is allowed).
         */
        private static <T> T tiered(Class<T> type, T small, T large, int crossover) {
            try {
                Method factory = Class.forName("dev.arsenal.engine.Dispatch")
                        .getDeclaredMethod("tiered", Class.class, Object.class, Object.class, int.class);
                factory.setAccessible(true);
                return type.cast(factory.invoke(null, type, small, large, crossover));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("not measured: the engine's Dispatch.tiered cannot be called: " + e, e);
            }
        }

        /**
         * A {@code LiveRuntime} over {@code providers} with the default configuration: the same
         * choices as the default runtime, behind the hot-swap indirection. Reflective because the
         * engine is a run-time dependency only.
         */
        private static ArsenalRuntime liveRuntime(List<Provider> providers) {
            try {
                return (ArsenalRuntime) Class.forName("dev.arsenal.engine.LiveRuntime")
                        .getConstructor(Configuration.class, List.class, List.class)
                        .newInstance(Configuration.load(), providers, List.of());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "not measured: the engine's LiveRuntime is not on the class path: " + e, e);
            }
        }
    }

    // XXH3-64, hash(byte[16])

    @Benchmark
    public long directHash() {
        return directHasher.hash(bytes);
    }

    @Benchmark
    public long tieredHash() {
        return tieredHasher.hash(bytes);
    }

    @Benchmark
    public long liveHash() {
        return liveHasher.hash(bytes);
    }

    @Benchmark
    public long selectedHash() {
        return selectedHasher.hash(bytes);
    }

    @Benchmark
    public long directHashStaticFinal() {
        return DIRECT_HASHER.hash(bytes);
    }

    @Benchmark
    public long tieredHashStaticFinal() {
        return TIERED_HASHER.hash(bytes);
    }

    @Benchmark
    public long liveHashStaticFinal() {
        return LIVE_HASHER.hash(bytes);
    }

    @Benchmark
    public long selectedHashStaticFinal() {
        return SELECTED_HASHER.hash(bytes);
    }

    /** Not a column of the comparison: what keeping the hasher saves. */
    @Benchmark
    public long lookupEveryCall() {
        return Hashing.xxh3_64().hash(bytes);
    }

    // XXH3-64, hashLong(long)

    @Benchmark
    public long directHashLong() {
        return directLongHasher.hashLong(value);
    }

    @Benchmark
    public long tieredHashLong() {
        return tieredLongHasher.hashLong(value);
    }

    @Benchmark
    public long liveHashLong() {
        return liveHasher.hashLong(value);
    }

    @Benchmark
    public long selectedHashLong() {
        return selectedHasher.hashLong(value);
    }

    @Benchmark
    public long directHashLongStaticFinal() {
        return DIRECT_LONG_HASHER.hashLong(value);
    }

    @Benchmark
    public long tieredHashLongStaticFinal() {
        return TIERED_LONG_HASHER.hashLong(value);
    }

    @Benchmark
    public long liveHashLongStaticFinal() {
        return LIVE_HASHER.hashLong(value);
    }

    @Benchmark
    public long selectedHashLongStaticFinal() {
        return SELECTED_HASHER.hashLong(value);
    }

    // LZ4 block level 1, compress 4 KiB

    @Benchmark
    public int directCompress() {
        return directCompressor.compress(block, 0, block.length, out, 0, out.length);
    }

    @Benchmark
    public int tieredCompress() {
        return tieredCompressor.compress(block, 0, block.length, out, 0, out.length);
    }

    @Benchmark
    public int liveCompress() {
        return liveCompressor.compress(block, 0, block.length, out, 0, out.length);
    }

    @Benchmark
    public int directCompressStaticFinal() {
        return DIRECT_COMPRESSOR.compress(block, 0, block.length, out, 0, out.length);
    }

    @Benchmark
    public int tieredCompressStaticFinal() {
        return TIERED_COMPRESSOR.compress(block, 0, block.length, out, 0, out.length);
    }

    @Benchmark
    public int liveCompressStaticFinal() {
        return LIVE_COMPRESSOR.compress(block, 0, block.length, out, 0, out.length);
    }

    // LZ4 block, decompress the 4 KiB block

    @Benchmark
    public int directDecompress() {
        return directDecompressor.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }

    @Benchmark
    public int tieredDecompress() {
        return tieredDecompressor.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }

    @Benchmark
    public int liveDecompress() {
        return liveDecompressor.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }

    @Benchmark
    public int directDecompressStaticFinal() {
        return DIRECT_DECOMPRESSOR.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }

    @Benchmark
    public int tieredDecompressStaticFinal() {
        return TIERED_DECOMPRESSOR.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }

    @Benchmark
    public int liveDecompressStaticFinal() {
        return LIVE_DECOMPRESSOR.decompress(compressed, 0, compressedLength, restored, 0, restored.length);
    }
}
