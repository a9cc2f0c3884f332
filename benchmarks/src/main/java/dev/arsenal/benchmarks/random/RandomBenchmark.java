package dev.arsenal.benchmarks.random;

import dev.arsenal.random.RandomAlgorithm;
import dev.arsenal.random.Randoms;
import dev.arsenal.random.SeededRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One output at a time: Arsenal's generators ({@link Randoms#of}, the selected provider) against
 * the JDK's {@link SplittableRandom} (SplitMix64) and its {@code Xoshiro256PlusPlus} and {@code
 * L64X128MixRandom} from {@link RandomGeneratorFactory}. {@code nextLong} per call, and 512 of them
 * into a {@code long[]} (4 KiB) per call. Scores are average nanoseconds.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RandomBenchmark
 * }</pre>
 */
@State(Scope.Thread)
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
            "--sun-misc-unsafe-memory-access=allow" // JMH's own
        })
public class RandomBenchmark {
    @Param({"splitmix64", "pcg32", "pcg64", "xoshiro256++", "xoshiro256**"})
    String algorithm;

    private SeededRandom arsenal;
    private SplittableRandom splittable;
    private RandomGenerator jdkXoshiro;
    private RandomGenerator jdkL64X128;
    private final long[] block = new long[512];

    @Setup
    public void setup() {
        arsenal = Randoms.of(RandomAlgorithm.byId(algorithm), 42);
        splittable = new SplittableRandom(42);
        jdkXoshiro = RandomGeneratorFactory.of("Xoshiro256PlusPlus").create(42);
        jdkL64X128 = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    }

    /** The selected provider's generator. */
    @Benchmark
    public long arsenalNextLong() {
        return arsenal.nextLong();
    }

    /** The JDK's SplitMix64. */
    @Benchmark
    public long splittableRandomNextLong() {
        return splittable.nextLong();
    }

    /** The JDK's xoshiro256++ (jdk.random). */
    @Benchmark
    public long jdkXoshiro256PlusPlusNextLong() {
        return jdkXoshiro.nextLong();
    }

    /** The JDK's default-class LXM generator. */
    @Benchmark
    public long jdkL64X128MixRandomNextLong() {
        return jdkL64X128.nextLong();
    }

    /** 512 outputs into a 4 KiB array, one call at a time. */
    @Benchmark
    public long[] arsenalFill4KiB() {
        for (int i = 0; i < block.length; i++) {
            block[i] = arsenal.nextLong();
        }
        return block;
    }

    /** The same with the JDK's SplitMix64. */
    @Benchmark
    public long[] splittableRandomFill4KiB() {
        for (int i = 0; i < block.length; i++) {
            block[i] = splittable.nextLong();
        }
        return block;
    }
}
