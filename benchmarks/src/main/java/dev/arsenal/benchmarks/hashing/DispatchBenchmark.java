package dev.arsenal.benchmarks.hashing;

import dev.arsenal.Arsenal;
import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.report.Decision;
import dev.arsenal.report.Tier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of going through Arsenal's public entry point: XXH3 on 16 bytes and on one {@code long},
 * with the hasher from {@link Hashing#xxh3_64()} against the same provider's hasher obtained
 * directly.
 *
 * <ul>
 *   <li>{@code selectedHash}, {@code selectedHashLong}: {@code Hashing.xxh3_64()}, obtained once in
 *       setup, as the javadoc of {@link Hasher64} tells users to; then {@code hash(byte[16])} and
 *       {@code hashLong(long)}.
 *   <li>{@code directHash}, {@code directHashLong}: the hasher of the provider that the default
 *       runtime's decision for XXH3 assigns to inputs of that length (16 bytes for {@code hash}, 8
 *       for {@code hashLong}), obtained from a runtime that forces that provider by id; the same two
 *       calls. When the decision is tiered (say java-hashing below 256 B, simd-xxh3 from there), that
 *       is the provider of the tier the length falls in ({@link Decision#tiers()}), so both sides run
 *       the same code.
 *   <li>{@code liveHash}, {@code liveHashLong}: the hasher of a {@code LiveRuntime}, what {@code
 *       Hashing.xxh3_64()} returns inside OSGi, where providers can be swapped while it runs: the
 *       selected hasher behind one volatile read. Compared with {@code directHash} the same way.
 *   <li>{@code lookupEveryCall}: {@code Hashing.xxh3_64().hash(bytes)} on every call, the misuse the
 *       javadoc warns against, to show what keeping the hasher saves. Not part of the comparison below.
 * </ul>
 *
 * <p><b>"Within 5%"</b> is the design target for this benchmark: the average time of {@code
 * selectedHash} is at most 1.05 times that of {@code directHash}, and that of {@code
 * selectedHashLong} at most 1.05 times that of {@code directHashLong}, both measured in the same run
 * (same JVM, flags, fork and iteration counts), with the error bars reported by JMH taken into account
 * (a difference smaller than the errors is no difference). Both sides run the same provider's code on
 * the same input, so the ratio is only what the entry point adds: a wrapper, an extra indirection,
 * the size check of a tiered choice, a volatile read for hot swapping. At 16 bytes a hash takes a few nanoseconds, so 5% is a
 * fraction of a nanosecond; that is why it is measured here and not at 1 MiB, where any dispatch cost
 * disappears. Each benchmark runs in its own fork, so both call sites are monomorphic; an application
 * that mixes several hasher classes at one call site pays for megamorphic calls on both sides alike.
 * {@code MarkdownReport} prints both ratios.
 *
 * <p>{@code -p provider=<id>} compares with another provider instead (the ratio then also contains
 * the difference between the providers). The fork prints the decision and what it compared with.
 *
 * <p>Run, from the project root:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark -p provider=java-hashing
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

    /** The provider to compare with; {@code selected}: the one the default runtime chose for each length. */
    @Param("selected")
    String provider;

    /**
     * The input length of {@code selectedHash} and {@code directHash}: small, so that a dispatch
     * cost would show. (Not called {@code size}: the report shows these times in ns, not GB/s.)
     */
    @Param("16")
    int length;

    /**
     * The same two hashers in {@code static final} fields, as applications keep them: the JIT then
     * treats them as constants (and a tiered hasher's fields too: it is a record, whose final
     * fields HotSpot trusts), so only the length comparison is left of the dispatch.
     */
    private static final Hasher64 SELECTED_CONSTANT = Hashing.xxh3_64();

    private static final Hasher64 DIRECT_CONSTANT = Hashers.forced(ALGORITHM, selectedFor(16));

    private byte[] bytes;
    private long value;
    private Hasher64 selected;
    private Hasher64 direct;
    private Hasher64 directLong;
    private Hasher64 live;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Hashers.randomBytes(length);
        value = 0x9E3779B97F4A7C15L;
        selected = Hashing.xxh3_64();
        live = Hashers.live(ALGORITHM);
        String id = provider.equals("selected") ? selectedFor(length) : provider;
        String longId = provider.equals("selected") ? selectedFor(Long.BYTES) : provider;
        direct = Hashers.forced(ALGORITHM, id);
        directLong = longId.equals(id) ? direct : Hashers.forced(ALGORITHM, longId);
        System.out.println("# Hashing.xxh3_64(): " + Hashers.describeSelection(ALGORITHM) + "; direct: " + id + " ("
                + direct.getClass().getName() + "), for hashLong: " + longId);
        if (selected.hash(bytes) != direct.hash(bytes)
                || selected.hashLong(value) != directLong.hashLong(value)
                || live.hash(bytes) != direct.hash(bytes)) {
            throw new IllegalStateException("not measured: Hashing.xxh3_64() and " + id + " disagree");
        }
    }

    /** The provider the default runtime's decision assigns to inputs of {@code bytes} bytes. */
    private static String selectedFor(long bytes) {
        Decision decision = Arsenal.runtime()
                .report()
                .decision(ALGORITHM.id())
                .orElseThrow(() -> new IllegalStateException("not measured: no decision for " + ALGORITHM.id()));
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
                .orElseThrow(() -> new IllegalStateException("not measured: the default runtime chose no provider for "
                        + ALGORITHM.id() + ": " + decision.reason()));
    }

    @Benchmark
    public long selectedHash() {
        return selected.hash(bytes);
    }

    @Benchmark
    public long directHash() {
        return direct.hash(bytes);
    }

    /** {@link #selectedHash} with the hasher in a {@code static final} field (16 B only). */
    @Benchmark
    public long selectedHashStaticFinal() {
        return SELECTED_CONSTANT.hash(bytes);
    }

    /** {@link #directHash} with the hasher in a {@code static final} field (16 B only). */
    @Benchmark
    public long directHashStaticFinal() {
        return DIRECT_CONSTANT.hash(bytes);
    }

    @Benchmark
    public long selectedHashLong() {
        return selected.hashLong(value);
    }

    @Benchmark
    public long directHashLong() {
        return directLong.hashLong(value);
    }

    /** {@link #selectedHash} through the hot-swap indirection of a {@code LiveRuntime}. */
    @Benchmark
    public long liveHash() {
        return live.hash(bytes);
    }

    /** {@link #selectedHashLong} through the hot-swap indirection of a {@code LiveRuntime}. */
    @Benchmark
    public long liveHashLong() {
        return live.hashLong(value);
    }

    @Benchmark
    public long lookupEveryCall() {
        return Hashing.xxh3_64().hash(bytes);
    }
}
