package dev.arsenal.benchmarks.hashing;

import dev.arsenal.hashing.HashAlgorithm;
import dev.arsenal.hashing.Hasher64;
import dev.arsenal.hashing.Hashing;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * XXH3 (64-bit output, seed 0), one-shot: what Arsenal gives a user, each Arsenal provider on its
 * own, and the two Java libraries people use for XXH3 today, on the heap and off it, from 8 B to 1
 * MiB.
 *
 * <table>
 *   <caption>The benchmarks</caption>
 *   <tr><th>method</th><th>what runs</th><th>heap input</th><th>off-heap input</th></tr>
 *   <tr><td>{@code arsenalSelected}</td><td>{@link Hashing#xxh3_64()}, obtained once: whatever the
 *       default runtime selected on this machine (the fork prints its decision)</td>
 *       <td>{@code hash(byte[])}</td><td>{@code hash(MemorySegment)}</td></tr>
 *   <tr><td>{@code arsenalJava}</td><td>provider {@code java-hashing} (pure Java)</td>
 *       <td>as above</td><td>as above</td></tr>
 *   <tr><td>{@code arsenalNative}</td><td>provider {@code native-xxhash} (libxxhash through FFM)</td>
 *       <td>as above</td><td>as above</td></tr>
 *   <tr><td>{@code arsenalSimd}</td><td>provider {@code simd-xxh3} (the Vector API)</td>
 *       <td>as above</td><td>as above</td></tr>
 *   <tr><td>{@code hash4j}</td><td>hash4j {@code Hashing.xxh3_64()}</td><td>{@code
 *       hashBytesToLong(byte[])}</td><td>{@code hashBytesToLong(segment, 0, size, access)} with
 *       {@link SegmentByteAccess}: hash4j takes no segment or buffer</td></tr>
 *   <tr><td>{@code zeroAllocation}</td><td>zero-allocation-hashing {@code
 *       LongHashFunction.xx3()}</td><td>{@code hashBytes(byte[])}</td><td>{@code
 *       hashBytes(ByteBuffer)} on a 64-byte-aligned direct buffer with the same bytes (it needs
 *       {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}, which the fork adds)</td></tr>
 * </table>
 *
 * <p>Each provider's hasher comes from {@code Arsenal.create(Configuration.defaults()
 * .withForcedProvider(HashAlgorithm.XXH3_64, id)).hasher64(HashAlgorithm.XXH3_64, 0)}: the hasher
 * the engine hands out for that provider, reached without naming the provider's classes. lz4-java
 * has no XXH3; it is in {@link Xxh64Benchmark}.
 *
 * <p>Input: {@code size} random bytes, the same for every implementation; {@code input=offheap}
 * puts them in a 64-byte-aligned segment from a shared arena, and for zero-allocation-hashing in a
 * direct {@code ByteBuffer} aligned alike: it cannot take a view of that segment ({@code
 * segment.asByteBuffer()}), since it asks the buffer for its address, which the JDK refuses for
 * buffers of shared arenas.
 *
 * <p>Before anything is measured, each implementation's setup checks it against hash4j over lengths
 * that reach every XXH3 code path, in both input forms. A provider that cannot serve XXH3 here (not
 * on the class path, no libxxhash, no Vector API) or disagrees makes its setup throw: JMH then
 * reports that benchmark as failed, with the reason, and runs the rest. Every method picks the
 * input form with the same one predictable branch on a field.
 *
 * <p>Scores are average nanoseconds per hash; {@code dev.arsenal.benchmarks.report.MarkdownReport}
 * turns them into GB/s ({@code size} ÷ ns/op) and ratios to hash4j.
 *
 * <p>Run, from the project root, after {@code mvn -B -pl benchmarks -am package -DskipTests} (the
 * fork adds {@code --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED} and the
 * flags zero-allocation-hashing needs):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HashingBenchmark -p size=65536
 * java -jar benchmarks/target/benchmarks.jar 'HashingBenchmark.arsenal' -p input=offheap -p size=16
 * benchmarks/run-hashing.sh    # every hashing benchmark, JSON and a Markdown table
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
            "--sun-misc-unsafe-memory-access=allow",
            // zero-allocation-hashing's hashBytes(ByteBuffer) casts direct buffers to sun.nio.ch.DirectBuffer.
            "--add-exports",
            "java.base/sun.nio.ch=ALL-UNNAMED"
        })
public class HashingBenchmark {
    private static final HashAlgorithm ALGORITHM = HashAlgorithm.XXH3_64;

    /** The reference every implementation is checked against before it is measured. */
    private static final com.dynatrace.hash4j.hashing.Hasher64 REFERENCE =
            com.dynatrace.hash4j.hashing.Hashing.xxh3_64();

    @Param({"8", "16", "64", "256", "1024", "16384", "65536", "1048576"})
    int size;

    /** {@code heap}: a {@code byte[]}; {@code offheap}: a native segment, or a direct buffer. */
    @Param({"heap", "offheap"})
    String input;

    private boolean offHeap;
    private byte[] bytes;
    private Arena arena;
    private MemorySegment segment;
    private ByteBuffer buffer;

    @Setup(Level.Trial)
    public void setUp() {
        offHeap = switch (input) {
            case "heap" -> false;
            case "offheap" -> true;
            default -> throw new IllegalArgumentException("input is heap or offheap, got '" + input + "'");
        };
        bytes = Hashers.randomBytes(size);
        arena = Arena.ofShared();
        segment = Hashers.offHeapCopy(arena, bytes);
        buffer = Hashers.directCopy(bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** Arsenal's choice for XXH3 through the public entry point, as a user obtains it. */
    @State(Scope.Benchmark)
    public static class Selected {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = Hashing.xxh3_64();
            System.out.println("# Hashing.xxh3_64(): " + Hashers.describeSelection(ALGORITHM));
            verifyArsenal("Hashing.xxh3_64()", hasher);
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

    /** The SIMD provider on the Vector API. */
    @State(Scope.Benchmark)
    public static class SimdProvider {
        Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = forcedAndVerified("simd-xxh3");
        }
    }

    /** hash4j's XXH3. */
    @State(Scope.Benchmark)
    public static class Hash4j {
        com.dynatrace.hash4j.hashing.Hasher64 hasher;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = com.dynatrace.hash4j.hashing.Hashing.xxh3_64();
            Hashers.verify(
                    "hash4j xxh3_64",
                    REFERENCE::hashBytesToLong,
                    hasher::hashBytesToLong,
                    s -> hasher.hashBytesToLong(s, 0, s.byteSize(), SegmentByteAccess.INSTANCE));
        }
    }

    /** zero-allocation-hashing's XXH3. */
    @State(Scope.Benchmark)
    public static class ZeroAllocation {
        LongHashFunction function;

        @Setup(Level.Trial)
        public void setUp() {
            function = LongHashFunction.xx3();
            Hashers.verify(
                    "zero-allocation-hashing xx3",
                    REFERENCE::hashBytesToLong,
                    function::hashBytes,
                    s -> function.hashBytes(Hashers.directCopy(s.toArray(ValueLayout.JAVA_BYTE))));
        }
    }

    private static Hasher64 forcedAndVerified(String providerId) {
        Hasher64 hasher = Hashers.forced(ALGORITHM, providerId);
        verifyArsenal(providerId, hasher);
        return hasher;
    }

    private static void verifyArsenal(String name, Hasher64 hasher) {
        Hashers.verify(name, REFERENCE::hashBytesToLong, hasher::hash, hasher::hash);
    }

    private long arsenal(Hasher64 hasher) {
        return offHeap ? hasher.hash(segment) : hasher.hash(bytes);
    }

    @Benchmark
    public long arsenalSelected(Selected impl) {
        return arsenal(impl.hasher);
    }

    @Benchmark
    public long arsenalJava(JavaProvider impl) {
        return arsenal(impl.hasher);
    }

    @Benchmark
    public long arsenalNative(NativeProvider impl) {
        return arsenal(impl.hasher);
    }

    @Benchmark
    public long arsenalSimd(SimdProvider impl) {
        return arsenal(impl.hasher);
    }

    @Benchmark
    public long hash4j(Hash4j impl) {
        return offHeap
                ? impl.hasher.hashBytesToLong(segment, 0, size, SegmentByteAccess.INSTANCE)
                : impl.hasher.hashBytesToLong(bytes);
    }

    @Benchmark
    public long zeroAllocation(ZeroAllocation impl) {
        return offHeap ? impl.function.hashBytes(buffer) : impl.function.hashBytes(bytes);
    }
}
