package dev.arsenal.benchmarks.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import java.util.concurrent.TimeUnit;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import net.openhft.hashing.LongHashFunction;
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
 * XXH64 (seed 0), one-shot over a {@code byte[]}: what Arsenal gives a user, each Arsenal provider
 * of XXH64, and the Java libraries that have it, from 16 B to 1 MiB. hash4j, the anchor of {@link
 * HashingBenchmark}, has no XXH64 (as of 0.26.0); zero-allocation-hashing takes its place as the
 * baseline of the report's ratios.
 *
 * <table>
 *   <caption>The benchmarks</caption>
 *   <tr><th>method</th><th>what runs</th></tr>
 *   <tr><td>{@code arsenalSelected}</td><td>{@link Hashing#xxh64()}, obtained once: the default
 *       runtime's choice (the fork prints its decision)</td></tr>
 *   <tr><td>{@code arsenalJava}</td><td>provider {@code java-hashing} (pure Java)</td></tr>
 *   <tr><td>{@code arsenalNative}</td><td>provider {@code native-xxhash} (libxxhash through FFM)</td></tr>
 *   <tr><td>{@code arsenalLz4java}</td><td>provider {@code lz4java-xxhash} (Arsenal's provider over
 *       lz4-java's JNI XXH64)</td></tr>
 *   <tr><td>{@code zeroAllocation}</td><td>zero-allocation-hashing {@code
 *       LongHashFunction.xx().hashBytes(byte[])}</td></tr>
 *   <tr><td>{@code lz4javaFastest}</td><td>lz4-java {@code
 *       XXHashFactory.fastestInstance().hash64()}: JNI where its library loads, else Java</td></tr>
 *   <tr><td>{@code lz4javaNative}</td><td>lz4-java {@code XXHashFactory.nativeInstance().hash64()}:
 *       JNI only</td></tr>
 * </table>
 *
 * <p>Arsenal providers are obtained as in {@link HashingBenchmark}, by forcing their id in a runtime
 * built from the defaults. Each implementation is checked before it is measured against lz4-java's
 * pure-Java {@code XXHashFactory.safeInstance()}, which is not among the measured ones; an
 * unavailable provider or library, or a disagreement, fails that benchmark's setup, and JMH reports
 * it with the reason. {@code arsenalLz4java} and {@code lz4javaNative} side by side show what
 * Arsenal's dispatch adds to the same JNI code.
 *
 * <p>Scores are average nanoseconds per hash; {@code dev.arsenal.benchmarks.report.MarkdownReport}
 * turns them into GB/s and ratios to zero-allocation-hashing.
 *
 * <p>Run, from the project root:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar Xxh64Benchmark -p size=16384
 * benchmarks/run-hashing.sh Xxh64Benchmark
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
            // JMH and zero-allocation-hashing use sun.misc.Unsafe: allowed, without JDK 25's warning.
            "--sun-misc-unsafe-memory-access=allow"
        })
public class Xxh64Benchmark {
    private static final HashAlgorithm ALGORITHM = HashAlgorithm.XXH64;

    /** The reference every implementation is checked against before it is measured: lz4-java in pure Java. */
    private static final XXHash64 REFERENCE = XXHashFactory.safeInstance().hash64();

    private static long reference(byte[] bytes) {
        return REFERENCE.hash(bytes, 0, bytes.length, 0);
    }

    @Param({"16", "256", "16384", "1048576"})
    int size;

    private byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Hashers.randomBytes(size);
    }

    /** Arsenal's choice for XXH64 through the public entry point. */
    @State(Scope.Benchmark)
    public static class Selected {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = Hashing.xxh64();
            System.out.println("# Hashing.xxh64(): " + Hashers.describeSelection(ALGORITHM));
            Hashers.verify("Hashing.xxh64()", Xxh64Benchmark::reference, hasher::hash, null);
        }
    }

    /** The pure-Java provider. */
    @State(Scope.Benchmark)
    public static class JavaProvider {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = forcedAndVerified("java-hashing");
        }
    }

    /** The native provider: libxxhash through FFM. */
    @State(Scope.Benchmark)
    public static class NativeProvider {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = forcedAndVerified("native-xxhash");
        }
    }

    /** Arsenal's provider over lz4-java's JNI XXH64. */
    @State(Scope.Benchmark)
    public static class Lz4JniProvider {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = forcedAndVerified("lz4java-xxhash");
        }
    }

    /** zero-allocation-hashing's XXH64. */
    @State(Scope.Benchmark)
    public static class ZeroAllocation {
        LongHashFunction function;

        @Setup(Level.Trial)
        public void setUp() {
            function = LongHashFunction.xx();
            Hashers.verify("zero-allocation-hashing xx", Xxh64Benchmark::reference, function::hashBytes, null);
        }
    }

    /** lz4-java's fastest XXH64: JNI when its library loads. */
    @State(Scope.Benchmark)
    public static class Lz4JniFastest {
        XXHash64 hash;

        @Setup(Level.Trial)
        public void setUp() {
            XXHashFactory factory = XXHashFactory.fastestInstance();
            System.out.println("# lz4-java fastestInstance(): " + factory);
            hash = verified("lz4-java " + factory, factory.hash64());
        }
    }

    /** lz4-java's JNI XXH64; fails when lz4-java's library does not load here. */
    @State(Scope.Benchmark)
    public static class Lz4JniNative {
        XXHash64 hash;

        @Setup(Level.Trial)
        public void setUp() {
            hash = verified(
                    "lz4-java nativeInstance()", XXHashFactory.nativeInstance().hash64());
        }
    }

    private static Hasher64 forcedAndVerified(String providerId) {
        Hasher64 hasher = Hashers.forced(ALGORITHM, providerId);
        Hashers.verify(providerId, Xxh64Benchmark::reference, hasher::hash, null);
        return hasher;
    }

    private static XXHash64 verified(String name, XXHash64 hash) {
        Hashers.verify(name, Xxh64Benchmark::reference, b -> hash.hash(b, 0, b.length, 0), null);
        return hash;
    }

    @Benchmark
    public long arsenalSelected(Selected impl) {
        return impl.hasher.hash(bytes);
    }

    @Benchmark
    public long arsenalJava(JavaProvider impl) {
        return impl.hasher.hash(bytes);
    }

    @Benchmark
    public long arsenalNative(NativeProvider impl) {
        return impl.hasher.hash(bytes);
    }

    @Benchmark
    public long arsenalLz4java(Lz4JniProvider impl) {
        return impl.hasher.hash(bytes);
    }

    @Benchmark
    public long zeroAllocation(ZeroAllocation impl) {
        return impl.function.hashBytes(bytes);
    }

    @Benchmark
    public long lz4javaFastest(Lz4JniFastest impl) {
        return impl.hash.hash(bytes, 0, bytes.length, 0);
    }

    @Benchmark
    public long lz4javaNative(Lz4JniNative impl) {
        return impl.hash.hash(bytes, 0, bytes.length, 0);
    }
}
