package dev.arsenal.benchmarks.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import dev.arsenal.providers.java.hashing.JavaHashingProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 64-bit hashing over {@code byte[]} and off-heap input: the hasher selected through the public
 * entry point against the pure-Java provider called directly (the dispatch cost). The anchors
 * (hash4j, zero-allocation-hashing, lz4-java) join in the hashing-providers issue.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HashingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class HashingBenchmark {
    @Param({"xxh3", "xxh64"})
    String algorithm;

    @Param({"8", "16", "64", "256", "1024", "16384", "65536", "1048576"})
    int size;

    private byte[] bytes;
    private MemorySegment offHeap;
    private Arena arena;
    private Hasher64 selected;
    private Hasher64 javaDirect;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = new byte[size];
        new SplittableRandom(42).nextBytes(bytes);
        arena = Arena.ofShared();
        offHeap = arena.allocate(size, 64);
        offHeap.copyFrom(MemorySegment.ofArray(bytes));
        selected = Hashing.hasher64(algorithm, 0);
        javaDirect = new JavaHashingProvider().hasher64(HashAlgorithm.byId(algorithm), 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** The hasher the engine selected, obtained once through {@link Hashing}. */
    @Benchmark
    public long selectedBytes() {
        return selected.hash(bytes);
    }

    /** The pure-Java provider's hasher, constructed directly. */
    @Benchmark
    public long javaBytes() {
        return javaDirect.hash(bytes);
    }

    /** The selected hasher on an off-heap segment. */
    @Benchmark
    public long selectedOffHeap() {
        return selected.hash(offHeap);
    }

    /** The pure-Java provider on an off-heap segment. */
    @Benchmark
    public long javaOffHeap() {
        return javaDirect.hash(offHeap);
    }
}
